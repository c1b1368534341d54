/**
 * Front coding of a sorted word list: each word is stored as one capital letter giving how many code units it
 * shares with the word before it ('A' = none, 'B' = one, ... 'Z' = 25 or more), then the rest of the word. The
 * lists are lower case, so a capital both separates the words and carries the length: the bundle holds about a
 * third of the characters of a line-per-word list. A word with a new initial shares nothing ('A'), so the words
 * of one initial begin at the first "A" + initial and can be decoded alone.
 */
const SHARED_0 = 65; // 'A'
const MAX_SHARED = 25; // 'Z'

/** Encodes a list sorted by code unit, lower case (no A-Z), without empty words. */
export function frontCode(sorted: readonly string[]): string {
  let out = '';
  let prev = '';
  for (const word of sorted) {
    if (!word || /[A-Z]/.test(word)) throw new Error(`front coding needs non-empty words without A-Z, got ${JSON.stringify(word)}`);
    if (prev >= word) throw new Error(`front coding needs a list sorted by code unit without duplicates: ${JSON.stringify(prev)} before ${JSON.stringify(word)}`);
    let shared = 0;
    const most = Math.min(prev.length, word.length - 1, MAX_SHARED);
    while (shared < most && prev.charCodeAt(shared) === word.charCodeAt(shared)) shared++;
    out += String.fromCharCode(SHARED_0 + shared) + word.slice(shared);
    prev = word;
  }
  return out;
}

/** Calls `each` with every word whose first code unit is `initial`, in order, decoding only that stretch. */
export function eachWordOf(coded: string, initial: number, each: (word: string) => void): void {
  let at = coded.indexOf(String.fromCharCode(SHARED_0, initial));
  if (at < 0) return;
  let prev = '';
  do {
    const shared = coded.charCodeAt(at) - SHARED_0;
    let end = at + 1;
    while (end < coded.length && !isSharedCode(coded.charCodeAt(end))) end++;
    prev = prev.slice(0, shared) + coded.slice(at + 1, end);
    each(prev);
    at = end;
  } while (at < coded.length && coded.charCodeAt(at) !== SHARED_0);
}

/**
 * Calls `each` with the hash of every word of a coded list (hashWord's: h = h * 31 + code), in order, without
 * building the words: the hash of each prefix is kept, and a word continues the hash of the part it shares.
 */
export function eachWordHash(coded: string, each: (hash: number) => void): void {
  const prefix = [0];
  for (let at = 0; at < coded.length; ) {
    let length = coded.charCodeAt(at) - SHARED_0;
    let h = prefix[length]!;
    for (at++; at < coded.length && !isSharedCode(coded.charCodeAt(at)); at++) prefix[++length] = h = (Math.imul(h, 31) + coded.charCodeAt(at)) | 0;
    each(h);
  }
}

/**
 * Calls `each` with every word whose first two code units are `first` and `second` (`second` NONE: the word of
 * one code unit), in order. The stretch of the initial before them is skipped by reading only where each word
 * begins and its second code unit (no word is built), and decoding starts from the initial alone: the first word
 * of the stretch shares at most its initial with the word before it.
 */
export function eachWordWith(coded: string, first: number, second: number, each: (word: string) => void): void {
  let at = coded.indexOf(String.fromCharCode(SHARED_0, first));
  if (at < 0) return;
  let prev = String.fromCharCode(first);
  let current = NONE;
  do {
    const shared = coded.charCodeAt(at) - SHARED_0;
    let end = at + 1;
    while (end < coded.length && !isSharedCode(coded.charCodeAt(end))) end++;
    // A word that shares two or more keeps the second code unit of the word before it.
    if (shared < 2) current = shared === 1 ? coded.charCodeAt(at + 1) : end - at > 2 ? coded.charCodeAt(at + 2) : NONE;
    if (current === second) {
      prev = prev.slice(0, shared) + coded.slice(at + 1, end);
      each(prev);
    } else if (current > second) return; // sorted: the second code units only grow within an initial
    at = end;
  } while (at < coded.length && coded.charCodeAt(at) !== SHARED_0);
}

/** The second code unit of a word of one: none. */
export const NONE = -1;

/** Every word of a coded list, in order (tests and tools; the engine decodes the words of two first letters at a time). */
export function decodeAll(coded: string): string[] {
  const words: string[] = [];
  const initials = new Set<number>();
  for (let i = 0; i + 1 < coded.length; i++) if (coded.charCodeAt(i) === SHARED_0) initials.add(coded.charCodeAt(i + 1));
  for (const initial of [...initials].sort((a, b) => a - b)) eachWordOf(coded, initial, (w) => words.push(w));
  return words;
}

function isSharedCode(c: number): boolean {
  return c >= SHARED_0 && c <= SHARED_0 + MAX_SHARED;
}
