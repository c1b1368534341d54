import { hashWord } from './chars';
import type { Tokens } from './tokens';

/**
 * A set of words held as their hashes (`hashWord` of the lower-cased word, the hash the token stream computes)
 * mixed with their lengths, in one open-addressed Int32Array: a token is looked up without slicing a string out
 * of the text. The hash is h * 31 + c: two words of letters a-z of the same length and up to six letters never
 * share it; longer words share a key by chance (2^-32 each pair), and words mixing digits or characters 31 apart
 * can be made to ("w30x", "w1nx"). A detector that cannot afford a wrong "yes" confirms a hit with the string
 * (`wordLower`).
 */
export class WordHashSet {
  private table: Int32Array;
  private mask: number;
  size = 0;

  constructor(words: Iterable<string> = []) {
    // Sized for a list or set of known length at once: growing by doubling re-hashed every word several times,
    // a large part of building the word lists at a cold start.
    const n = Array.isArray(words) ? words.length : words instanceof Set ? words.size : 0;
    let slots = 16;
    while (slots < 2 * n + 2) slots *= 2;
    this.table = new Int32Array(slots);
    this.mask = slots - 1;
    for (const w of words) this.add(w);
  }

  add(word: string): void {
    this.addKey(keyOf(hashWord(word), word.length));
  }

  has(word: string): boolean {
    return this.hasKey(keyOf(hashWord(word), word.length));
  }

  /** Whether word i of the tokens is in the set (its hash and length; no string is made). */
  hasToken(t: Tokens, i: number): boolean {
    return this.hasKey(keyOf(t.wordHash[i]!, t.wordEnd[i]! - t.wordStart[i]!));
  }

  hasKey(key: number): boolean {
    const table = this.table, mask = this.mask;
    for (let at = mix(key) & mask; ; at = (at + 1) & mask) {
      const k = table[at]!;
      if (k === key) return true;
      if (k === 0) return false;
    }
  }

  private addKey(key: number): void {
    if ((this.size + 1) * 2 > this.table.length) this.grow();
    const table = this.table, mask = this.mask;
    for (let at = mix(key) & mask; ; at = (at + 1) & mask) {
      const k = table[at]!;
      if (k === key) return;
      if (k === 0) {
        table[at] = key;
        this.size++;
        return;
      }
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.table.length - 1;
    this.size = 0;
    for (const k of old) if (k !== 0) this.addKey(k);
  }
}

/** The key of a word: its hash mixed with its length; never 0 (0 marks an empty slot). */
export function keyOf(hash: number, length: number): number {
  const k = (hash + Math.imul(length, 0x9e3779b1)) | 0;
  return k === 0 ? 1 : k;
}

/** Spreads a key over the table's slots (hashes of short words differ mostly in their low bits). */
function mix(k: number): number {
  k = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
  return k ^ (k >>> 16);
}
