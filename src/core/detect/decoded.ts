import { MapBuilder, type Mapped } from './mapped';

/**
 * Encoded runs read as what they carry: btoa(record), the hex of its UTF-8 bytes, encodeURIComponent(record), and
 * one encoding inside another (base64 of percent-encoding, percent-encoding twice) up to MAX_DEPTH. A run is
 * decoded only when what comes out is text: valid UTF-8, at least MIN_TEXT characters, every one printable
 * (letters, marks, digits, punctuation, symbols, spaces, tabs, line breaks) and at least half of them letters,
 * digits or spaces. Random ids, hashes and keys decode to bytes that fail this almost always (a byte of random
 * data is printable ASCII with odds of 95 in 256, a dozen in a row with odds under one in 100,000); JWTs (the
 * secret detectors judge those) and base64 in data: URLs of images are not decoded at all.
 *
 * The decoded text is inserted at the end of its run's paragraph, on a line of its own, so that context words of
 * that paragraph still stand near it and the structure around the run stays as it was; each of its characters maps to the encoded characters that carry it, so that a finding is
 * reported at that part of the run, and two values in one run stay two findings.
 */
export type Encoding = 'base64' | 'hex' | 'percent-encoding';

export interface Decoded {
  /** The decoded stretch of the readable text, [from, to). */
  from: number;
  to: number;
  how: Encoding;
  /** Stretches decoded again inside this one. */
  inner: Decoded[];
}

/** Characters that may still be decoded in this scan; shared by every level. */
export interface Budget {
  left: number;
}

type Read = (text: string, depth: number, budget: Budget) => Mapped & { decoded: Decoded[] };

export const MAX_DEPTH = 2;
export const MIN_TEXT = 8;
/** The shortest runs looked at: 12 bytes of base64, 10 of hex, two escapes of percent-encoding. */
const MIN_BASE64 = 16, MIN_HEX = 20, MIN_ESCAPES = 2;
/** Encoded characters decoded per run at most. */
export const MAX_RUN = 256 * 1024;
/** Bytes decoded first, to reject garbage cheaply. */
const PROBE = 12;

/** The characters of base64 (both alphabets), hex and URLs: the runs looked at are made of these. */
const TOKEN_CHARS = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_.~!*'()%-") TOKEN_CHARS[c.charCodeAt(0)] = 1;
const MIN_TOKEN = 12;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const ESCAPE = /%[0-9a-fA-F]{2}/g;
/** A JWT: dot-separated parts, one of them base64 of a JSON object ("eyJ" is base64 of '{"'). */
const JWT = /(?:^|\.)eyJ[\w-]*\./;
const IMAGE_DATA_URL = /data:image\/[\w.+-]+;base64,$/i;

/**
 * The runs of token characters that may hold an encoded run, as start, end pairs in order: with a "%" in them
 * and at least MIN_TOKEN long, or holding MIN_BASE64 characters of a base64 alphabet in a row (the shortest run
 * runsOf takes; a token without one is never sliced). Most text holds neither, and is passed over without
 * reading every character: the "%" are found by indexOf, and a run of MIN_BASE64 base64 characters covers one
 * of every MIN_BASE64-th position, so only those are probed (and the word around a probe that hits).
 */
function tokensOf(text: string): number[] {
  const out: number[] = [];
  let after = 0;
  const take = (start: number, end: number): void => {
    if (start < after) return; // the same token, from its "%" and from its base64
    out.push(start, end);
    after = end;
  };
  let percent = text.indexOf('%');
  for (let p = MIN_BASE64 - 1; ; ) {
    const run = base64RunFrom(text, p);
    // Tokens come in order: the percent-encoded ones before the next base64 run first.
    for (; percent >= 0 && (!run || percent < run[0]); percent = text.indexOf('%', Math.max(percent + 1, after))) {
      const [s, e] = tokenAround(text, percent, percent + 1);
      if (e - s >= MIN_TOKEN) take(s, e);
    }
    if (!run) return out;
    const [s, e] = tokenAround(text, run[0], run[1]);
    take(s, e);
    p = e + MIN_BASE64;
  }
}

/** The first run of at least MIN_BASE64 base64 characters that covers a probe at p, p + MIN_BASE64, ... */
function base64RunFrom(text: string, p: number): [number, number] | undefined {
  for (const n = text.length; p < n; ) {
    if (!isSixtet(text.charCodeAt(p))) {
      p += MIN_BASE64;
      continue;
    }
    let s = p, e = p + 1;
    while (s > 0 && isSixtet(text.charCodeAt(s - 1))) s--;
    while (isSixtet(text.charCodeAt(e))) e++;
    if (e - s >= MIN_BASE64) return [s, e];
    p = e + MIN_BASE64;
  }
  return undefined;
}

/** The run of token characters around [start, end). */
function tokenAround(text: string, start: number, end: number): [number, number] {
  while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
  while (isTokenChar(text.charCodeAt(end))) end++;
  return [start, end];
}

const isSixtet = (c: number): boolean => c < 128 && SIXTETS[c]! >= 0;
const isTokenChar = (c: number): boolean => c < 128 && TOKEN_CHARS[c] === 1;

export function decodeRuns(text: string, depth: number, budget: Budget, read: Read): Mapped & { decoded: Decoded[] } {
  if (depth >= MAX_DEPTH || budget.left <= 0) return { text, decoded: [] };
  const found: { at: number; run: Run; text: string; starts: Int32Array; ends: Int32Array; inner: Decoded[] }[] = [];
  const tokens = tokensOf(text);
  const blocks = tokens.length ? keyBlocks(text) : [];
  let paragraphEnd = -1, block = 0, wrappedEnd = -1;
  for (let t = 0; t < tokens.length && budget.left > 0; t += 2) {
    const start = tokens[t]!, end = tokens[t + 1]!;
    if (start < wrappedEnd) continue;
    while (block < blocks.length && blocks[block]![1] <= start) block++;
    if (block < blocks.length && blocks[block]![0] < end) continue;
    for (const run of runsOf(text.slice(start, end), start, text)) {
      const wrap = wrapped(text, run);
      if (wrap) wrappedEnd = run.end = wrap.end;
      const encoded = wrap ? wrap.encoded : text.slice(run.start, run.end);
      /** Where the encoded character i stands in the text. */
      const pos = wrap ? (i: number) => run.start + Math.floor(i / wrap.width) * (wrap.width + wrap.gap) + (i % wrap.width) : (i: number) => run.start + i;
      // Garbage (a long word, a path, a hash) shows in its first bytes, before the whole run is decoded.
      if (run.how !== 'percent-encoding' && !headIsText(encoded, run.how)) continue;
      const bytes = decodeBytes(run.how, encoded, budget.left);
      const raw = bytes && utf8(bytes.bytes, bytes.cut);
      if (!raw || !isText(raw.text)) continue;
      budget.left -= raw.text.length;
      const inner = read(raw.text, depth + 1, budget);
      // Each character of the inner text -> the raw characters it stands for -> their bytes -> the encoded characters.
      const n = inner.text.length, starts = new Int32Array(n), ends = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        starts[i] = pos(bytes.startOf(raw.byteStart[inner.start ? inner.start[i]! : i]!));
        ends[i] = pos(bytes.endOf(raw.byteEnd[inner.end ? inner.end[i]! - 1 : i]! - 1) - 1) + 1;
      }
      if (run.end > paragraphEnd) paragraphEnd = endOfParagraph(text, run.end);
      found.push({ at: paragraphEnd, run, text: inner.text, starts, ends, inner: inner.decoded });
      if (budget.left <= 0) break;
    }
  }
  if (!found.length) return { text, decoded: [] };
  const out = new MapBuilder(text.length + 2 * found.reduce((n, f) => n + f.text.length + 2, 0));
  const decoded: Decoded[] = [];
  let from = 0;
  for (const f of found) {
    out.keep(text, from, f.at);
    from = f.at;
    out.put('\n', f.run.start, f.run.end);
    const at = out.length;
    out.putSpans(f.text, f.starts, f.ends);
    decoded.push({ from: at, to: out.length, how: f.run.how, inner: shift(f.inner, at) });
  }
  out.keep(text, from, text.length);
  return { ...out.done(), decoded };
}

interface Run { start: number; end: number; how: Encoding }

/**
 * A run wrapped over lines, as `base64` (76 characters), PEM (64) and `xxd -p` (60) write it: the run ends its line,
 * its length is a multiple of 4 (of 2 for hex) and at least WRAP_MIN, and the lines after it are of its alphabet,
 * as long, but for a last one that may be shorter (and padded); MAX_RUN characters at most (the rest is another
 * run). Returns the lines joined, or undefined.
 */
function wrapped(text: string, run: Run): { encoded: string; width: number; gap: number; end: number } | undefined {
  const width = run.end - run.start;
  if (run.how === 'percent-encoding' || width < WRAP_MIN || width % (run.how === 'hex' ? 2 : 4) || text.charCodeAt(run.end - 1) === 61) return undefined;
  const gap = text.startsWith('\r\n', run.end) ? 2 : text.charCodeAt(run.end) === 10 ? 1 : 0;
  if (!gap) return undefined;
  const lines = [text.slice(run.start, run.end)];
  let end = run.end, length = width;
  while (length < MAX_RUN) {
    const from = end + gap;
    let to = from;
    while (to < text.length && to - from < width && (run.how === 'hex' ? HEX_CHAR.test(text[to]!) : SIXTETS[text.charCodeAt(to)]! >= 0)) to++;
    if (run.how === 'base64') while (to < text.length && text.charCodeAt(to) === 61 && to - from < width) to++;
    const next = text.charCodeAt(to);
    // The line must end there: at a line break, a blank or the end of the text.
    if (to === from || (to < text.length && next !== 10 && next !== 13 && next !== 32 && next !== 9)) break;
    lines.push(text.slice(from, to));
    [end, length] = [to, length + to - from];
    if (to - from < width || text.charCodeAt(to - 1) === 61 || (gap === 2 ? !text.startsWith('\r\n', to) : next !== 10)) break;
  }
  return lines.length > 1 ? { encoded: lines.join(''), width, gap, end } : undefined;
}
const WRAP_MIN = 40;
const HEX_CHAR = /[0-9a-fA-F]/;

/**
 * Where decoded text goes: the end of the run's paragraph (the next blank line), where no structure that a
 * detector reads (a quoted value, a URL, a YAML or JSON block) is cut.
 */
function endOfParagraph(text: string, from: number): number {
  BLANK_LINE.lastIndex = from;
  const m = BLANK_LINE.exec(text);
  return m ? m.index : text.length;
}
const BLANK_LINE = /\n[ \t]*\r?\n/g;

/**
 * Key blocks (PEM, PGP, PuTTY): base64 of binary key material, judged whole by the secret detectors. A line of
 * one can decode to a few printable bytes ("b2stUHJvLmxvY2Fs" is "ok-Pro.local"); none is decoded.
 */
function keyBlocks(text: string): [number, number][] {
  const blocks: [number, number][] = [];
  for (const [open, close] of KEY_BLOCKS) {
    open.lastIndex = 0;
    for (let m = open.exec(text); m; m = open.exec(text)) {
      const closed = text.indexOf(close, m.index + m[0].length);
      const end = closed < 0 ? text.length : closed + close.length;
      blocks.push([m.index, end]);
      open.lastIndex = end;
    }
  }
  return blocks.sort((a, b) => a[0] - b[0]);
}
/** Only blocks labelled as keys: "-----BEGIN NOTE-----" around btoa(record) is decoded like any run. */
const KEY_BLOCKS: readonly [RegExp, string][] = [[/-----BEGIN [A-Z0-9 ]*(?:KEY|CERTIFICATE|PGP|SIGNATURE)[A-Z0-9 ]*-----/g, '-----END '], [/PuTTY-User-Key-File-/g, 'Private-MAC:']];

/** The encoded runs of one token, in order (positions in the text). */
function runsOf(token: string, at: number, text: string): Run[] {
  if (token.includes('%')) {
    ESCAPE.lastIndex = 0;
    let escapes = 0;
    while (escapes < MIN_ESCAPES && ESCAPE.test(token)) escapes++;
    if (escapes >= MIN_ESCAPES) return [{ start: at, end: at + token.length, how: 'percent-encoding' }];
  }
  if (token.length < MIN_BASE64 || (token.includes('eyJ') && JWT.test(token))) return [];
  const runs: Run[] = [];
  // The runs of the base64 alphabets in the token, each with its padding ("a.b", "key=value" hold two).
  for (let i = 0; i < token.length; ) {
    let j = i, alphabets = 0;
    for (let c = token.charCodeAt(j); j < token.length && SIXTETS[c]! >= 0; c = token.charCodeAt(++j)) alphabets |= ALPHABET[c]!;
    const length = j - i;
    while (j < token.length && j - i - length < 2 && token.charCodeAt(j) === 61) j++;
    // "+/" and "-_" together belong to no alphabet: a path ("io/npm/abort-controller"), not base64.
    if (length >= MIN_BASE64 && alphabets !== 3) {
      const start = at + i, value = token.slice(i, i + length);
      const hex = length >= MIN_HEX && HEX.test(value);
      if (text.charCodeAt(start - 1) !== 44 || !IMAGE_DATA_URL.test(text.slice(Math.max(0, start - 64), start))) runs.push({ start, end: at + j, how: hex ? 'hex' : 'base64' });
    }
    i = j + (j === i ? 1 : 0);
    while (i < token.length && SIXTETS[token.charCodeAt(i)]! < 0) i++;
  }
  return runs;
}

interface Bytes {
  bytes: Uint8Array;
  /** Whether the run was cut short (a limit): its last character may be incomplete. */
  cut: boolean;
  /** The first encoded character (in the run) that carries byte b, and the end of the last one. */
  startOf(b: number): number;
  endOf(b: number): number;
}

function decodeBytes(how: Encoding, run: string, maxBytes: number): Bytes | undefined {
  if (how === 'hex') {
    const n = Math.min(run.length >> 1, maxBytes, MAX_RUN >> 1);
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) bytes[i] = parseInt(run.slice(2 * i, 2 * i + 2), 16);
    return { bytes, cut: n < run.length >> 1, startOf: (b) => 2 * b, endOf: (b) => 2 * b + 2 };
  }
  if (how === 'base64') return base64(run, maxBytes);
  return percent(run, maxBytes);
}

const SIXTETS = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) SIXTETS['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
SIXTETS['-'.charCodeAt(0)] = 62;
SIXTETS['_'.charCodeAt(0)] = 63;
/** 1 for the characters of the standard alphabet only, 2 for those of the URL-safe one only. */
const ALPHABET = new Uint8Array(128);
ALPHABET['+'.charCodeAt(0)] = ALPHABET['/'.charCodeAt(0)] = 1;
ALPHABET['-'.charCodeAt(0)] = ALPHABET['_'.charCodeAt(0)] = 2;

const HEAD = new Uint8Array(PROBE);
/** Whether the first PROBE bytes of a base64 or hex run are printable ASCII or well-formed UTF-8 (no allocation). */
function headIsText(run: string, how: Encoding): boolean {
  let n = 0;
  if (how === 'hex') for (let i = 0; i + 1 < run.length && n < PROBE; i += 2) HEAD[n++] = parseInt(run.slice(i, i + 2), 16);
  else
    for (let i = 0, acc = 0, bits = 0; i < run.length && n < PROBE; i++) {
      const v = SIXTETS[run.charCodeAt(i)]!;
      if (v < 0) break;
      acc = ((acc << 6) | v) & 0xffffff;
      bits += 6;
      if (bits >= 8) HEAD[n++] = (acc >> (bits -= 8)) & 0xff;
    }
  for (let i = 0; i < n; ) {
    const c = HEAD[i]!;
    if (c < 0x80) {
      if (c < 0x20 ? c !== 9 && c !== 10 && c !== 13 : c === 0x7f) return false;
      i++;
      continue;
    }
    const len = c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (!len) return false;
    for (let k = 1; k < len && i + k < n; k++) if ((HEAD[i + k]! & 0xc0) !== 0x80) return false;
    i += len;
  }
  return true;
}

/** Standard and URL-safe base64, padded or not; byte b is carried by characters 8b/6 to (8b+7)/6. */
function base64(run: string, maxBytes: number): Bytes | undefined {
  let length = run.length;
  while (length > 0 && run.charCodeAt(length - 1) === 61) length--;
  if (length % 4 === 1) return undefined;
  const whole = Math.floor((length * 6) / 8);
  const n = Math.min(whole, maxBytes, Math.floor((MAX_RUN * 6) / 8));
  const bytes = new Uint8Array(n);
  let acc = 0, bits = 0, b = 0;
  for (let i = 0; i < length && b < n; i++) {
    acc = ((acc << 6) | SIXTETS[run.charCodeAt(i)]!) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[b++] = (acc >> bits) & 0xff;
    }
  }
  return { bytes, cut: n < whole, startOf: (x) => Math.floor((8 * x) / 6), endOf: (x) => Math.floor((8 * x + 7) / 6) + 1 };
}

/** Percent-encoding as forms and encodeURIComponent write it ("+" is a space). */
function percent(run: string, maxBytes: number): Bytes {
  const limit = Math.min(run.length, MAX_RUN, maxBytes);
  const bytes = new Uint8Array(limit);
  const pos = new Int32Array(limit + 1);
  let n = 0, i = 0;
  while (i < run.length && n < limit) {
    pos[n] = i;
    const c = run.charCodeAt(i);
    if (c === 37 && i + 2 < run.length && /^[0-9a-fA-F]{2}$/.test(run.slice(i + 1, i + 3))) {
      bytes[n++] = parseInt(run.slice(i + 1, i + 3), 16);
      i += 3;
    } else {
      bytes[n++] = c === 43 ? 32 : c;
      i++;
    }
  }
  pos[n] = i;
  return { bytes: bytes.subarray(0, n), cut: i < run.length, startOf: (b) => pos[b]!, endOf: (b) => pos[b + 1]! };
}

interface Utf8 {
  text: string;
  /** For each UTF-16 unit of text, the first byte of its character and the end of its last. */
  byteStart: Int32Array;
  byteEnd: Int32Array;
}

/** Strict UTF-8 (no overlong forms, no surrogates); undefined for bytes that are not. A cut run may end mid-character. */
function utf8(bytes: Uint8Array, cut: boolean): Utf8 | undefined {
  const units: number[] = [];
  const byteStart = new Int32Array(bytes.length), byteEnd = new Int32Array(bytes.length);
  let u = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (!len) return undefined;
    if (i + len > bytes.length) return cut ? done(units, byteStart, byteEnd, u) : undefined;
    let cp = len === 1 ? b : b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (len === 4 && (cp < 0x10000 || cp > 0x10ffff))) return undefined;
    const pair = cp > 0xffff;
    if (pair) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    for (let k = pair ? 2 : 1; k > 0; k--, u++) {
      byteStart[u] = i;
      byteEnd[u] = i + len;
    }
    i += len;
  }
  return done(units, byteStart, byteEnd, u);
}

function done(units: number[], byteStart: Int32Array, byteEnd: Int32Array, n: number): Utf8 {
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.slice(i, i + 8192));
  return { text, byteStart: byteStart.subarray(0, n), byteEnd: byteEnd.subarray(0, n) };
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\t\n\r]*$/u;
const WORDLIKE = /[\p{L}\p{N} ]+/gu;

/** Decoded bytes that a person would read as text (the rule above). */
export function isText(s: string): boolean {
  if (s.length < MIN_TEXT || s.includes('\ufffd') || !PRINTABLE.test(s)) return false;
  return (s.length - s.replace(WORDLIKE, '').length) * 2 >= s.length;
}

function shift(ds: Decoded[], by: number): Decoded[] {
  return ds.map((d) => ({ from: d.from + by, to: d.to + by, how: d.how, inner: shift(d.inner, by) }));
}

/** How the character at `pos` was decoded ("base64, then percent-encoding"), or undefined if it was not. */
export function decodedAt(ds: readonly Decoded[], pos: number): string | undefined {
  const hows: string[] = [];
  for (let level = ds; level.length; ) {
    let lo = 0, hi = level.length - 1, hit: Decoded | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1, d = level[mid]!;
      if (pos < d.from) hi = mid - 1;
      else if (pos >= d.to) lo = mid + 1;
      else {
        hit = d;
        break;
      }
    }
    if (!hit) break;
    hows.push(hit.how);
    level = hit.inner;
  }
  return hows.length ? hows.join(', then ') : undefined;
}
