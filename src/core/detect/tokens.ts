/**
 * One pass over a chunk that every word-reading detector shares: the text is classified character by character
 * once, and its words and digit runs are written into typed arrays (no strings, no objects per token). A
 * detector reads tokens by index and slices a word out only when its hash says it may be one it knows.
 *
 * A word is a maximal run of letters (any script) and combining marks, with an apostrophe (' or ’) kept inside
 * it when a letter follows ("o'brien", "don't"). A digit run is a maximal run of ASCII digits. Hyphens, dots and
 * every other character separate tokens; what stands between two tokens is read from the text by position.
 */

/** Character classes, as bits. */
export const LETTER = 1, UPPER = 2, LOWER = 4, DIGIT = 8, MARK = 16, SPACE = 32;

/** Classes of the first 256 characters, built at load (cheap); other blocks of 256 on first sight. */
const blocks: (Uint8Array | undefined)[] = new Array(256);
/** Lower-case forms of characters whose lower case is one UTF-16 unit (everything a word hash needs). */
const lowers: (Uint16Array | undefined)[] = new Array(256);

const P_LETTER = /\p{L}/u, P_UPPER = /\p{Lu}|\p{Lt}/u, P_LOWER = /\p{Ll}/u, P_MARK = /\p{M}/u, P_SPACE = /\s/u;

function buildBlock(b: number): void {
  const cls = new Uint8Array(256), low = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    const code = (b << 8) | i;
    low[i] = code;
    if (code >= 0xd800 && code <= 0xdfff) continue; // surrogates: classes of their own pairs are not read here
    const ch = String.fromCharCode(code);
    let c = 0;
    if (code >= 48 && code <= 57) c = DIGIT;
    else if (P_LETTER.test(ch)) c = LETTER | (P_UPPER.test(ch) ? UPPER : 0) | (P_LOWER.test(ch) ? LOWER : 0);
    else if (P_MARK.test(ch)) c = MARK;
    else if (P_SPACE.test(ch)) c = SPACE;
    cls[i] = c;
    const l = ch.toLowerCase();
    if (l.length === 1) low[i] = l.charCodeAt(0);
  }
  blocks[b] = cls;
  lowers[b] = low;
}
buildBlock(0);
const LATIN1 = blocks[0]!, LATIN1_LOWER = lowers[0]!;

/** The classes of a character code (0 for punctuation, symbols and surrogates). */
export function classOf(c: number): number {
  if (c < 256) return LATIN1[c]!;
  const b = c >> 8;
  if (!blocks[b]) buildBlock(b);
  return blocks[b]![c & 255]!;
}

/** The lower case of a character code, where it is one code unit (else the code itself). */
export function lowerOf(c: number): number {
  if (c < 256) return LATIN1_LOWER[c]!;
  const b = c >> 8;
  if (!lowers[b]) buildBlock(b);
  return lowers[b]![c & 255]!;
}

/** Word shape, as bits. */
export const FIRST_UPPER = 1, ALL_UPPER = 2, ALL_LOWER = 4, ASCII = 8, HAS_MARK = 16, HAS_APOSTROPHE = 32;

/** The same hash as `hashWord` (h = h * 31 + code), over the lower-cased characters of a word. */
export const HASH_STEP = 31;

/** The tokens of one text. Arrays are longer than `count`; read indices below it only. */
export interface Tokens {
  readonly text: string;
  /** Words: [start, end), hash of the lower-cased word, shape bits. */
  words: number;
  wordStart: Int32Array;
  wordEnd: Int32Array;
  wordHash: Int32Array;
  wordShape: Uint8Array;
  /** Digit runs: [start, end). */
  digits: number;
  digitStart: Int32Array;
  digitEnd: Int32Array;
  /** For wordFrom: the first word that starts in or after each block of 64 characters (made on first use). */
  wordBlocks: Int32Array | undefined;
}

let memo: Tokens | undefined;

/**
 * The tokens of a text, computed once: detectors that read the same chunk share them (the last text is kept).
 * Linear in the text; allocates its arrays once (and again only when they must grow).
 */
export function tokensOf(text: string): Tokens {
  if (memo && memo.text === text) return memo;
  return (memo = tokenize(text));
}

/**
 * The hot loop: ASCII letters and digits are told by comparisons, everything else by one class lookup; the
 * arrays are locals (grown by doubling), and nothing is allocated per token.
 */
function tokenize(text: string): Tokens {
  const n = text.length;
  // About one word per six characters of prose and far fewer digit runs; grown by doubling when a text has more.
  let wordStart = new Int32Array(Math.max(64, (n >> 2) + 16)), wordEnd = new Int32Array(wordStart.length), wordHash = new Int32Array(wordStart.length), wordShape = new Uint8Array(wordStart.length);
  let digitStart = new Int32Array(Math.max(64, (n >> 4) + 16)), digitEnd = new Int32Array(digitStart.length);
  let words = 0, digits = 0;
  for (let i = 0; i < n; ) {
    let c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      const s = i;
      do c = text.charCodeAt(++i) | 0;
      while (c >= 48 && c <= 57);
      if (digits === digitStart.length) {
        digitStart = doubled(digitStart);
        digitEnd = doubled(digitEnd);
      }
      digitStart[digits] = s;
      digitEnd[digits++] = i;
      continue;
    }
    const first = c < 256 ? LATIN1[c]! : classOf(c);
    if (!(first & LETTER)) {
      i++;
      continue;
    }
    const s = i;
    // Cases seen (1 lower, 2 upper), and whether the word is all ASCII, has marks, has an apostrophe.
    let h = 0, cases = 0, ascii = 1, marks = 0, apostrophe = 0;
    for (;;) {
      if (c >= 97 && c <= 122) {
        h = (Math.imul(h, HASH_STEP) + c) | 0;
        cases |= 1;
      } else if (c >= 65 && c <= 90) {
        h = (Math.imul(h, HASH_STEP) + c + 32) | 0;
        cases |= 2;
      } else {
        const k = c < 256 ? LATIN1[c]! : classOf(c); // past the end: NaN, class 0
        if (k & LETTER) {
          cases |= k & UPPER ? 2 : k & LOWER ? 1 : 0;
          if (c >= 128) ascii = 0;
          h = (Math.imul(h, HASH_STEP) + (c < 256 ? LATIN1_LOWER[c]! : lowerOf(c))) | 0;
        } else if (k & MARK) {
          marks = 1;
          ascii = 0;
          h = (Math.imul(h, HASH_STEP) + c) | 0;
        } else if ((c === 39 || c === 8217) && (classOf(text.charCodeAt(i + 1)) & LETTER) !== 0) {
          apostrophe = 1;
          h = (Math.imul(h, HASH_STEP) + c) | 0;
        } else break;
      }
      c = text.charCodeAt(++i) | 0;
    }
    if (words === wordStart.length) {
      wordStart = doubled(wordStart);
      wordEnd = doubled(wordEnd);
      wordHash = doubled(wordHash);
      wordShape = doubled(wordShape);
    }
    wordStart[words] = s;
    wordEnd[words] = i;
    wordHash[words] = h;
    wordShape[words++] = (first & UPPER ? FIRST_UPPER : 0) | (cases === 2 ? ALL_UPPER : 0) | (cases & 2 ? 0 : ALL_LOWER) | (ascii ? ASCII : 0) | (marks ? HAS_MARK : 0) | (apostrophe ? HAS_APOSTROPHE : 0);
  }
  return { text, words, wordStart, wordEnd, wordHash, wordShape, digits, digitStart, digitEnd, wordBlocks: undefined };
}

function doubled<A extends Int32Array | Uint8Array>(a: A): A {
  const b = (a instanceof Int32Array ? new Int32Array(a.length * 2) : new Uint8Array(a.length * 2)) as A;
  b.set(a);
  return b;
}

/** The index of the first word that ends after `at` (binary search), or `t.words` when none does. */
export const wordAfter = (t: Tokens, at: number): number => firstAtLeast(t.wordEnd, t.words, at + 1);

/**
 * The index of the first word that starts at or after `at`, or `t.words` when none does. Context lookups ask this
 * twice for every candidate: the first word of each block of 64 characters is noted once per text (on first
 * use), and the few words of a block are read from there, where a binary search took a dozen unpredictable steps.
 */
export function wordFrom(t: Tokens, at: number): number {
  const firsts = t.wordBlocks ?? noteBlocks(t);
  if (at <= 0) return 0;
  const b = at >>> BLOCK_BITS;
  let k = b < firsts.length ? firsts[b]! : t.words;
  while (k < t.words && t.wordStart[k]! < at) k++;
  return k;
}

const BLOCK_BITS = 6;
function noteBlocks(t: Tokens): Int32Array {
  const firsts = new Int32Array((t.text.length >>> BLOCK_BITS) + 1);
  for (let b = 0, k = 0; b < firsts.length; b++) {
    const from = b << BLOCK_BITS;
    while (k < t.words && t.wordStart[k]! < from) k++;
    firsts[b] = k;
  }
  return (t.wordBlocks = firsts);
}

/** The first index below `n` whose value in the sorted array `a` is at least `x`, or `n`. */
function firstAtLeast(a: Int32Array, n: number, x: number): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lower-cased text of word i (the one allocation a detector makes, once a hash matched). */
export function wordLower(t: Tokens, i: number): string {
  const w = t.text.slice(t.wordStart[i]!, t.wordEnd[i]!);
  return t.wordShape[i]! & ALL_LOWER ? w : w.toLowerCase();
}
