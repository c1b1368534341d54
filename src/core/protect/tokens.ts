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

export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** 1 when the word has a digit, 2 when it is only digits. */
  digits: Uint8Array;
}

/** Positions of the words of text[from, to). */
export function tokenize(text: string, from = 0, to = text.length): Tokens {
  // Words are at least two characters apart: half the text's length bounds their number.
  const size = ((to - from) >> 1) + 1;
  const start = new Int32Array(size), end = new Int32Array(size), digits = new Uint8Array(size);
  let count = 0;
  for (let i = from; i < to; ) {
    let c = text.charCodeAt(i);
    if (c < 128 ? ASCII_CLASS[c] === 0 : !isWordChar(c)) {
      i++;
      continue;
    }
    let j = i, letters = 0, numbers = 0;
    for (; j < to; j++) {
      c = text.charCodeAt(j);
      const k = c < 128 ? ASCII_CLASS[c]! : isWordChar(c) ? 1 : 0;
      if (k === 0) break;
      if (k === 2) numbers++;
      else letters++;
    }
    start[count] = i;
    end[count] = j;
    digits[count++] = numbers === 0 ? 0 : letters === 0 ? 2 : 1;
    i = j;
  }
  return { count, start, end, digits };
}

export const words = (text: string): string[] => {
  const t = tokenize(text);
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
