import { zlibSync } from 'fflate';
import { crc32 } from '../../../src/core/extract/image';

/**
 * Small real images written byte by byte to their specifications (the image tests check that Chromium decodes
 * each of them). JPEG and WebP are too intricate to write by hand: the tests have Chromium encode those.
 */
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u32le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const u16le = (n: number) => [n & 255, (n >>> 8) & 255];
const bytes = (s: string) => [...s].map((c) => c.charCodeAt(0));

function chunk(type: string, data: Uint8Array | number[]): number[] {
  const body = [...bytes(type), ...data];
  return [...u32be(data.length), ...body, ...u32be(crc32(new Uint8Array(body)))];
}

/** An RGB PNG of one colour; `text` adds a tEXt chunk (keyword "Comment"). */
export function png(width: number, height: number, o: { text?: string; rgb?: [number, number, number] } = {}): Uint8Array {
  const [r, g, b] = o.rgb ?? [255, 255, 255];
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set([r, g, b], y * (width * 3 + 1) + 1 + x * 3);
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10,
    ...chunk('IHDR', [...u32be(width), ...u32be(height), 8, 2, 0, 0, 0]),
    ...(o.text ? chunk('tEXt', [...bytes('Comment'), 0, ...bytes(o.text)]) : []),
    ...chunk('IDAT', zlibSync(raw)),
    ...chunk('IEND', []),
  ]);
}

/** A GIF89a of one white pixel, with a global colour table of two colours. */
export function gif(): Uint8Array {
  return new Uint8Array([
    ...bytes('GIF89a'), ...u16le(1), ...u16le(1), 0x80, 0, 0,
    255, 255, 255, 0, 0, 0,
    0x2c, ...u16le(0), ...u16le(0), ...u16le(1), ...u16le(1), 0,
    2, 2, 0x44, 0x01, 0,
    0x3b,
  ]);
}

/** A 24-bit BMP (BITMAPINFOHEADER) of one colour; rows are padded to four bytes. */
export function bmp(width: number, height: number): Uint8Array {
  const row = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + row * height;
  const out = new Uint8Array(size);
  out.set([...bytes('BM'), ...u32le(size), 0, 0, 0, 0, ...u32le(54), ...u32le(40), ...u32le(width), ...u32le(height), ...u16le(1), ...u16le(24), ...u32le(0), ...u32le(row * height), ...u32le(2835), ...u32le(2835), ...u32le(0), ...u32le(0)]);
  out.fill(200, 54);
  return out;
}

/** An uncompressed little-endian greyscale TIFF of one pixel. */
export function tiff(): Uint8Array {
  const entry = (tag: number, type: number, value: number) => [...u16le(tag), ...u16le(type), ...u32le(1), ...u32le(value)];
  const entries = [entry(256, 3, 1), entry(257, 3, 1), entry(258, 3, 8), entry(259, 3, 1), entry(262, 3, 1), entry(273, 4, 8 + 2 + 8 * 12 + 4), entry(278, 3, 1), entry(279, 4, 1)];
  return new Uint8Array([...bytes('II'), 42, 0, ...u32le(8), ...u16le(entries.length), ...entries.flat(), ...u32le(0), 128]);
}
