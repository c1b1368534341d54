/**
 * The words of a text as exact-data match and fingerprints see them: runs of letters and digits, compared
 * without case or accents ("Müller" and "MULLER" are the same word). Tables and documents are normalised by
 * the same functions on the backend as pastes are in the browser, or nothing would ever match.
 */

/** 1 for ASCII letters, 2 for digits: one array read per character. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 48 && c <= 57) ? 2 : (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0));

/** Letters and digits of any script; punctuation and symbols of Latin-1 and the general punctuation block are not. */
export function isWordChar(c: number): boolean {
  if (c < 128) return ASCII_CLASS[c] !== 0;
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f);
}

/** A word as it is compared: lower case, accents removed. */
export function foldWord(w: string): string {
  return /[^\x00-\x7f]/.test(w) ? w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : w.toLowerCase();
}

/** The words of a text, each with its place, what digits it holds and its cheap hashes. */
export interface Words {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** 1 when the word has a digit, 2 when it is only digits. */
  digits: Uint8Array;
  /** FNV-1a of the folded word from the seed given (word hashes for text runs and fingerprints). */
  fnv: Uint32Array;
  /** Polynomial hash of the folded word and B to its length, which compose across words (numbers, identifiers). */
  poly: Int32Array;
  power: Int32Array;
}

/** The polynomial hash's multiplier. */
export const B = 0x01000193;

export function polyOf(s: string): { hash: number; power: number } {
  let hash = 0, power = 1;
  for (let i = 0; i < s.length; i++) {
    hash = (Math.imul(hash, B) + s.charCodeAt(i)) | 0;
    power = Math.imul(power, B);
  }
  return { hash, power };
}

let scratch: Words | undefined;

/**
 * Splits a text into words and hashes each, folded, reading each character once: the one tokenizer of exact data
 * match and fingerprints, in the browser and on the backend. The arrays are reused from call to call (scans are
 * synchronous, and every caller is done with them before the next call): a chunk's words cost no allocation.
 */
export function hashedWords(text: string, seed: number): Words {
  // Words are at least two characters apart: half the text's length bounds their number.
  const size = (text.length >> 1) + 1;
  if (!scratch || scratch.start.length < size)
    scratch = { count: 0, start: new Int32Array(size), end: new Int32Array(size), digits: new Uint8Array(size), fnv: new Uint32Array(size), poly: new Int32Array(size), power: new Int32Array(size) };
  const t = scratch;
  t.count = 0;
  for (let i = 0; i < text.length; ) {
    let c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    let f = seed, h = 0, p = 1, letters = 0, numbers = 0, ascii = true, j = i;
    for (; j < text.length; j++) {
      c = text.charCodeAt(j);
      if (c >= 128) {
        if (!isWordChar(c)) break;
        ascii = false;
        letters++;
        continue;
      }
      const k = ASCII_CLASS[c]!;
      if (k === 0) break;
      if (k === 2) numbers++;
      else {
        letters++;
        c |= 32;
      }
      f = Math.imul(f ^ c, 0x01000193);
      h = (Math.imul(h, B) + c) | 0;
      p = Math.imul(p, B);
    }
    if (!ascii) {
      const folded = foldWord(text.slice(i, j));
      f = fnv(seed, folded);
      ({ hash: h, power: p } = polyOf(folded));
    }
    const n = t.count++;
    t.start[n] = i;
    t.end[n] = j;
    t.digits[n] = numbers === 0 ? 0 : letters === 0 ? 2 : 1;
    t.fnv[n] = f >>> 0;
    t.poly[n] = h;
    t.power[n] = p;
    i = j;
  }
  return t;
}

/** The folded words of a text (a table's cell, on the backend). */
export const words = (text: string): string[] => {
  const t = hashedWords(text, 0);
  return Array.from({ length: t.count }, (_, i) => foldWord(text.slice(t.start[i], t.end[i])));
};

/** FNV-1a over a string, from a seed: the cheap hash that filters candidates before the keyed one. */
export function fnv(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Murmur3's finaliser: spreads a 32-bit hash's bits (for a second filter probe and for fingerprints). */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
