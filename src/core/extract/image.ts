/**
 * Is it an image? Magic bytes say what a file claims to be; the structure behind them says whether it is one.
 * A text note that begins "GIF89a" or "BMI 31.2" has the magic and none of the structure, so it is read as the
 * text it is. Each check walks only headers and chunk or block lengths (linear, no pixel is decoded), and says
 * where the image ends, so that what was appended after it is read too.
 */
export const IMAGE_FORMATS = ['png', 'jpeg', 'gif', 'bmp', 'tiff', 'webp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export type ImageCheck =
  /** An image; `end` is where its own bytes stop (anything after is appended data). */
  | { image: ImageFormat; width: number; height: number; end: number }
  /** The magic of an image without the structure of one. */
  | { damaged: ImageFormat; reason: string };

/** Sides beyond this are no image anyone shares (and a text's bytes read as a size are usually far larger). */
const MAX_SIDE = 100_000;
const sane = (w: number, h: number) => w >= 1 && h >= 1 && w <= MAX_SIDE && h <= MAX_SIDE;

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const u32le = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
const starts = (b: Uint8Array, magic: readonly number[], at = 0) => magic.every((m, i) => b[at + i] === m);

/** The image format a file's first bytes claim, if any. */
export function imageMagic(b: Uint8Array): ImageFormat | undefined {
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(b, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (starts(b, [0x42, 0x4d])) return 'bmp';
  if (starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return undefined;
}

/** Checks the structure behind a file's image magic; undefined when the file claims no image format. */
export function checkImage(b: Uint8Array): ImageCheck | undefined {
  const format = imageMagic(b);
  if (!format) return undefined;
  const r = CHECKS[format](b);
  return typeof r === 'string' ? { damaged: format, reason: r } : { image: format, ...r };
}

type Found = { width: number; height: number; end: number };
/** A check answers the image's size and end, or why the bytes are no image. */
const CHECKS: Record<ImageFormat, (b: Uint8Array) => Found | string> = { png, jpeg, gif, bmp, tiff, webp };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** PNG: an IHDR of 13 bytes with its CRC, then chunks whose lengths lead, through image data, to IEND. */
function png(b: Uint8Array): Found | string {
  if (b.length < 33 || u32be(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return 'no IHDR chunk of 13 bytes';
  if (crc32(b.subarray(12, 29)) !== u32be(b, 29)) return 'the IHDR chunk fails its CRC';
  const width = u32be(b, 16), height = u32be(b, 20);
  if (!sane(width, height)) return `an implausible size of ${width} x ${height}`;
  let at = 33, data = false;
  while (at + 12 <= b.length) {
    const length = u32be(b, at), type = ascii(b, at + 4, 4);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) return `a malformed chunk at byte ${at}`;
    if (type === 'IDAT') data = true;
    at += 12 + length;
    if (type === 'IEND') return data ? { width, height, end: at } : 'no image data';
  }
  return 'cut short: no IEND chunk';
}

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * JPEG: marker segments whose lengths lead to a frame header (SOF) with a plausible size, then scans up to EOI.
 * A JPEG cut short after its frame header is still an image (decoders show what arrived): its end is the file's.
 */
function jpeg(b: Uint8Array): Found | string {
  let at = 2, frame: { width: number; height: number } | undefined;
  while (at < b.length) {
    if (b[at] !== 0xff) return `no marker at byte ${at}`;
    while (b[at] === 0xff) at++; // fill bytes
    const m = b[at++];
    if (m === undefined) break;
    if (m === 0xd9) return frame ? { ...frame, end: at } : 'an end of image before any frame';
    if ((m >= 0xd0 && m <= 0xd7) || m === 0x01) continue; // markers without a segment
    if (m === 0x00 || m === 0xd8) return `an unexpected marker at byte ${at - 1}`;
    if (at + 2 > b.length) break;
    const length = u16be(b, at);
    if (length < 2 || at + length > b.length) return frame ? { ...frame, end: b.length } : `a segment at byte ${at} longer than the file`;
    if (isSof(m)) {
      const height = u16be(b, at + 3), width = u16be(b, at + 5), components = b[at + 7] ?? 0;
      // The height may be 0 (given later by a DNL segment); the width may not.
      if (length < 8 || !components || length !== 8 + 3 * components || !sane(width, Math.max(1, height))) return 'a malformed frame header';
      frame = { width, height };
    }
    at += length;
    if (m === 0xda) {
      if (!frame) return 'image data before any frame header';
      // Entropy-coded data: FF is followed by 00 (a stuffed byte) or a restart marker inside it.
      for (;;) {
        at = b.indexOf(0xff, at);
        if (at < 0 || at + 1 >= b.length) return { ...frame, end: b.length };
        const next = b[at + 1]!;
        if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) at++;
        else break;
      }
    }
  }
  return frame ? { ...frame, end: b.length } : 'cut short before any frame header';
}

/** GIF: a logical screen, its colour table, then blocks (images, extensions) of sub-blocks up to the trailer. */
function gif(b: Uint8Array): Found | string {
  const version = ascii(b, 3, 3);
  if (version !== '87a' && version !== '89a') return 'an unknown GIF version';
  if (b.length < 14) return 'cut short';
  const width = u16le(b, 6), height = u16le(b, 8), packed = b[10]!;
  if (!sane(width, height)) return `an implausible size of ${width} x ${height}`;
  let at = 13 + (packed & 0x80 ? 3 << ((packed & 7) + 1) : 0);
  let images = 0;
  const subBlocks = (): boolean => {
    while (at < b.length) {
      const n = b[at++]!;
      if (n === 0) return true;
      at += n;
    }
    return false;
  };
  while (at < b.length) {
    const block = b[at++];
    if (block === 0x3b) return images ? { width, height, end: at } : 'no image in it';
    if (block === 0x21) {
      at++; // the extension's label
      if (!subBlocks()) return 'cut short in an extension';
    } else if (block === 0x2c) {
      if (at + 9 > b.length) return 'cut short in an image descriptor';
      const local = b[at + 8]!;
      at += 9 + (local & 0x80 ? 3 << ((local & 7) + 1) : 0);
      const codeSize = b[at++];
      if (codeSize === undefined || codeSize < 2 || codeSize > 8) return 'an invalid LZW code size';
      if (!subBlocks()) return 'cut short in image data';
      images++;
    } else return `an unknown block at byte ${at - 1}`;
  }
  return 'cut short: no trailer';
}

const DIB_HEADERS = new Set([12, 40, 52, 56, 64, 108, 124]);
const BMP_DEPTHS = new Set([1, 2, 4, 8, 16, 24, 32, 64]);

/** BMP: a file size that fits the file, reserved zeros, a known DIB header, pixels inside the file, a plausible size. */
function bmp(b: Uint8Array): Found | string {
  if (b.length < 26) return 'cut short';
  const size = u32le(b, 2), offset = u32le(b, 10), dib = u32le(b, 14);
  // A little slack for writers that round the size; less than the size means data was appended after.
  if (size > b.length + 2 || size < 14 + 12) return `a file size of ${size} for a file of ${b.length} bytes`;
  if (u32le(b, 6) !== 0) return 'reserved bytes that are not zero';
  if (!DIB_HEADERS.has(dib)) return `an unknown DIB header size ${dib}`;
  if (offset < 14 + dib || offset >= Math.min(size, b.length)) return 'a pixel offset outside the file';
  const core = dib === 12;
  const width = core ? u16le(b, 18) : u32le(b, 18) | 0, height = core ? u16le(b, 20) : u32le(b, 22) | 0;
  const planes = core ? u16le(b, 22) : u16le(b, 26), depth = core ? u16le(b, 24) : u16le(b, 28);
  if (!sane(width, Math.abs(height))) return `an implausible size of ${width} x ${height}`;
  if (planes !== 1 || !BMP_DEPTHS.has(depth)) return 'implausible planes or bits per pixel';
  return { width, height: Math.abs(height), end: Math.min(size, b.length) };
}

/** TIFF: a first IFD inside the file with a sane number of well-typed entries, among them the image's size. */
function tiff(b: Uint8Array): Found | string {
  const le = b[0] === 0x49;
  const u16 = (i: number) => (le ? u16le(b, i) : u16be(b, i)), u32 = (i: number) => (le ? u32le(b, i) : u32be(b, i));
  if (b.length < 8) return 'cut short';
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > b.length) return 'an IFD offset outside the file';
  const n = u16(ifd);
  if (n < 1 || n > 1000 || ifd + 2 + 12 * n + 4 > b.length) return `an implausible IFD of ${n} entries`;
  let width = 0, height = 0;
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + 12 * i, tag = u16(e), type = u16(e + 2);
    if (type < 1 || type > 18) return `an entry of unknown type ${type}`;
    const value = type === 3 ? u16(e + 8) : u32(e + 8);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  if (!sane(width, height)) return `an implausible size of ${width} x ${height}`;
  return { width, height, end: b.length };
}

/** WebP: a RIFF size that fits the file and a VP8, VP8L or VP8X chunk with a plausible size. */
function webp(b: Uint8Array): Found | string {
  const end = u32le(b, 4) + 8;
  if (b.length < 30 || end > b.length || end < 30) return `a RIFF size of ${end - 8} for a file of ${b.length} bytes`;
  const chunk = ascii(b, 12, 4);
  let width = 0, height = 0;
  if (chunk === 'VP8 ' && starts(b, [0x9d, 0x01, 0x2a], 23)) [width, height] = [u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff];
  else if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = u32le(b, 21);
    [width, height] = [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
  } else if (chunk === 'VP8X') [width, height] = [(b[24]! | (b[25]! << 8) | (b[26]! << 16)) + 1, (b[27]! | (b[28]! << 8) | (b[29]! << 16)) + 1];
  else return 'no VP8, VP8L or VP8X chunk';
  if (!sane(width, height)) return `an implausible size of ${width} x ${height}`;
  return { width, height, end };
}

/**
 * Runs of printable ASCII at least `min` long, one a line: the text an image carries besides its pixels
 * (comments, metadata, text hidden in its data). Compressed pixels rarely make a run of 20 (about 0.37^20 per
 * byte), and runs of a few repeated bytes (a JPEG's quantisation tables, a flat colour) are left out, so what
 * comes out is text someone put there.
 */
export function printableRuns(b: Uint8Array, min = 20): string {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i <= b.length; i++) {
    const c = i < b.length ? b[i]! : 0;
    const printable = (c >= 0x20 && c < 0x7f) || c === 0x09;
    if (printable && start < 0) start = i;
    else if (!printable && start >= 0) {
      if (i - start >= min && new Set(b.subarray(start, i)).size >= 8) runs.push(new TextDecoder('latin1').decode(b.subarray(start, i)));
      start = -1;
    }
  }
  return runs.join('\n');
}
