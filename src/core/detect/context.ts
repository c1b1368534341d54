import { hashWord } from './chars';
import { WordHashSet } from './hash-set';
import { ASCII, HAS_APOSTROPHE, wordFrom, type Tokens } from './tokens';
import type { Context } from './types';

/** A context word list prepared once: single words as token hashes (whole-word match), phrases kept apart. */
export interface CompiledContext {
  words: Set<string>;
  /** The words as token keys: a token of the text is looked up without slicing it out. */
  tokens: WordHashSet;
  /** Hashes of the words, for the character reader (words with digits, tokens with apostrophes or other scripts). */
  hashes: Set<number>;
  phrases: string[];
  window: number;
  after: number;
  boost: number;
}

export function compileContext(c: Context): CompiledContext {
  const words = new Set<string>();
  const phrases: string[] = [];
  // Words outside ASCII ("個人番号", "número", Thai with its compatibility vowels) are read in their NFKC form,
  // as the engine reads the text; they are phrases, found whole where the next character is no ASCII letter.
  for (const word of c.words) {
    const w = word.normalize('NFKC');
    if (/[^a-z0-9]/.test(w)) phrases.push(w);
    else words.add(w);
  }
  const window = c.window ?? 48;
  return { words, tokens: new WordHashSet(words), hashes: new Set([...words].map(hashWord)), phrases, window, after: Math.min(window, c.after ?? window >> 2), boost: c.boost ?? 0.35 };
}

/**
 * The first context cue near a span of the tokenised text: whole words only, so "lic" never matches inside
 * "public" (Presidio's substring weakness), and only words that begin inside the window (the tail of a word cut
 * by the window's start is no cue). Looks mostly before the match, where labels stand (`after` characters after
 * it). `lower` is the lower-cased text when it has the text's length (else phrases are read from a lower-cased slice).
 */
export function findContext(c: CompiledContext, t: Tokens, lower: string | undefined, start: number, end: number): string | undefined {
  return cueIn(c, t, lower, Math.max(0, start - c.window), start) ?? cueIn(c, t, lower, end, Math.min(t.text.length, end + c.after));
}

function cueIn(c: CompiledContext, t: Tokens, lower: string | undefined, from: number, to: number): string | undefined {
  if (c.words.size)
    for (let k = wordFrom(t, from); k < t.words && t.wordStart[k]! < to; k++) {
      const w = wordAt(c, t, k, from, to);
      if (w) return w;
    }
  if (c.phrases.length) {
    const part = lower ? lower.slice(from, to) : t.text.slice(from, to).toLowerCase();
    for (const p of c.phrases) if (hasPhrase(part, p)) return p;
  }
  return undefined;
}

/**
 * Context words are runs of a-z and 0-9: an ASCII token between non-digits is one whole (its hash is looked up);
 * a token with digits beside it ("icd10"), an apostrophe ("patient's") or letters of other scripts is read
 * character by character, as runs of a-z and 0-9.
 */
function wordAt(c: CompiledContext, t: Tokens, k: number, from: number, to: number): string | undefined {
  const text = t.text, s = t.wordStart[k]!, e = t.wordEnd[k]!;
  const plain = (t.wordShape[k]! & (ASCII | HAS_APOSTROPHE)) === ASCII;
  if (!plain || (s > from && isDigit(text.charCodeAt(s - 1))) || (e < to && isDigit(text.charCodeAt(e)))) return asciiWordIn(c, text, from, s, Math.min(e, to), to);
  if (!c.tokens.hasToken(t, k)) return undefined;
  const w = text.slice(s, e).toLowerCase();
  return c.words.has(w) ? w : undefined;
}

/** The first context word among the runs of a-z and 0-9 that begin with a letter in [i, stop), read up to `to`. */
function asciiWordIn(c: CompiledContext, text: string, from: number, i: number, stop: number, to: number): string | undefined {
  while (i < stop) {
    const ch = fold(text.charCodeAt(i));
    if (ch < 97 || ch > 122 || (i > from && isWordChar(fold(text.charCodeAt(i - 1))))) {
      i++;
      continue;
    }
    let h = ch, j = i + 1;
    for (; j < to; j++) {
      const cj = fold(text.charCodeAt(j));
      if (!isWordChar(cj)) break;
      h = (Math.imul(h, 31) + cj) | 0;
    }
    if (c.hashes.has(h)) {
      const w = text.slice(i, j).toLowerCase();
      if (c.words.has(w)) return w;
    }
    i = j;
  }
  return undefined;
}

function hasPhrase(hay: string, phrase: string): boolean {
  for (let i = hay.indexOf(phrase); i >= 0; i = hay.indexOf(phrase, i + 1)) {
    const before = hay.charCodeAt(i - 1), after = hay.charCodeAt(i + phrase.length);
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}

/** ASCII upper-case letters as lower-case (the text is read as its lower-cased copy would be). */
const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || isDigit(c);
