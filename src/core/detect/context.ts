import type { Context } from './types';

/** A context word list prepared once: single words in a Set (whole-word match), phrases kept apart. */
export interface CompiledContext {
  words: Set<string>;
  phrases: string[];
  window: number;
  boost: number;
}

export function compileContext(c: Context): CompiledContext {
  const words = new Set<string>();
  const phrases: string[] = [];
  for (const w of c.words) {
    if (/[^a-z0-9]/.test(w)) phrases.push(w);
    else words.add(w);
  }
  return { words, phrases, window: c.window ?? 48, boost: c.boost ?? 0.35 };
}

const WORD = /[a-z][a-z0-9]*/g;

/**
 * The first context cue near a span: whole words only, so "lic" never matches inside "public"
 * (Presidio's substring weakness). Looks mostly before the match, where labels stand.
 */
export function findContext(c: CompiledContext, text: string, start: number, end: number): string | undefined {
  const before = text.slice(Math.max(0, start - c.window), start).toLowerCase();
  const after = text.slice(end, end + (c.window >> 2)).toLowerCase();
  for (const part of [before, after]) {
    WORD.lastIndex = 0;
    for (let m = WORD.exec(part); m; m = WORD.exec(part)) if (c.words.has(m[0])) return m[0];
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
