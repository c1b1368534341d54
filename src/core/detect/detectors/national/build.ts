import type { Detector, Example } from '../../types';

/** Not inside a longer number or code. */
export const NB = String.raw`(?<![\p{L}\p{N}_.+/-])`;
/** Not followed by more of a number or a word. */
export const NA = String.raw`(?![\p{L}\p{N}_]|[-/.]\p{N})`;

/** One written shape of a national identifier: a regex source (unicode flag; no groups that matter). */
export interface Shape {
  name: string;
  source: string;
}

export interface NationalIdSpec {
  /** `national.<country>-<kind>`, e.g. `national.uk-nhs`, `national.de-tax-id`. */
  id: string;
  description: string;
  shapes: readonly Shape[];
  /** The format's check: true when the value as written (separators included) is a valid number of this kind. */
  valid: (value: string) => boolean;
  /** What the check is, for the explanation ("mod 97 key"); default "check digit holds". */
  check?: string;
  /** Lower-case words and short phrases, in the number's own language(s) and English, that name it. */
  words: readonly string[];
  /**
   * True when the shape and check are too common to stand alone (plain digits with one check digit): the detector
   * then runs only near one of its words. False for shapes that are distinctive on their own (letters in fixed
   * places, a check over the whole value that few random strings pass).
   */
  needsContext: boolean;
  /**
   * The score of a value whose check holds, before context (default 0.45 with needsContext, under the threshold:
   * the word must stand near it; else 0.8). A word lifts it by 0.55: a valid number with its word is certain.
   */
  score?: number;
  examples: { match: readonly Example[]; noMatch: readonly string[] };
}

/**
 * A national identifier as a detector: its shapes, confirmed by its check (a wrong check digit is not this
 * identifier), lifted by a word that names it. Digit-only kinds run only around their words (keywords), so the
 * many kinds cost nothing on text that names none of them.
 */
export function nationalId(spec: NationalIdSpec): Detector {
  const score = spec.score ?? (spec.needsContext ? 0.45 : 0.8);
  const gates = spec.words.map(gateOf);
  return {
    id: spec.id,
    type: 'NATIONAL_ID',
    category: 'pii',
    description: spec.description,
    // A word in a script the keyword automaton cannot read (Greek, Cyrillic) leaves the kind gated by digits alone.
    ...(spec.needsContext && gates.every(Boolean) ? { keywords: [...new Set(gates as string[])], window: { before: 64, after: 128 } } : {}),
    requires: 'digit',
    patterns: spec.shapes.map((s) => ({ name: s.name, regex: new RegExp(`${NB}(?:${s.source})${NA}`, 'gu'), score })),
    validate: (v) => (spec.valid(v) ? { score, note: spec.check ?? 'check digit holds' } : false),
    context: { words: spec.words, window: 64, boost: 0.55 },
    examples: spec.examples,
  };
}

/**
 * The ASCII literal that gates a word in the keyword automaton (which reads ASCII only): the word itself, or its
 * longest ASCII stretch ("henkil" for "henkilötunnus"); undefined when it has none of 3 letters. The gate only
 * opens a window: the context check then asks for the whole word.
 */
export function gateOf(word: string): string | undefined {
  if (/^[\x20-\x7e]+$/.test(word)) return word;
  const longest = word.split(/[^\x20-\x7e]+/).map((s) => s.trim()).reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest.length >= 3 ? longest : undefined;
}
