import { hashWord } from './chars';
import type { Context } from './types';

/** A context word list prepared once: single words in a Set (whole-word match), phrases kept apart. */
export interface CompiledContext {
  words: Set<string>;
  /** Hashes of the words: a word of the text is sliced out only when its hash is one of them. */
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
  return { words, hashes: new Set([...words].map(hashWord)), phrases, window, after: Math.min(window, c.after ?? window >> 2), boost: c.boost ?? 0.35 };
}



/**
 * The first context cue near a span of a lower-cased text: whole words only, so "lic" never matches inside
 * "public" (Presidio's substring weakness). Looks mostly before the match, where labels stand (`after` characters after it).
 */
export function findContext(c: CompiledContext, lower: string, start: number, end: number): string | undefined {
  return wordIn(c, lower, Math.max(0, start - c.window), start) ?? wordIn(c, lower, end, Math.min(lower.length, end + c.after));
}

function wordIn(c: CompiledContext, lower: string, from: number, to: number): string | undefined {
  for (let i = from; i < to; ) {
    const ch = lower.charCodeAt(i);
    if (ch < 97 || ch > 122 || (i > from && isWordChar(lower.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let h = ch, j = i + 1;
    for (; j < to; j++) {
      const cj = lower.charCodeAt(j);
      if (!isWordChar(cj)) break;
      h = (Math.imul(h, 31) + cj) | 0;
    }
    if (c.hashes.has(h)) {
      const w = lower.slice(i, j);
      if (c.words.has(w)) return w;
    }
    i = j;
  }
  if (c.phrases.length) {
    const part = lower.slice(from, to);
    for (const p of c.phrases) if (hasPhrase(part, p)) return p;
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

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
