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
  /** Lower-case words and short phrases, in the number's own language(s) and English, that name it. */
  words: readonly string[];
  /**
   * True when the shape and check are too common to stand alone (plain digits with one check digit): the detector
   * then runs only near one of its words. False for shapes that are distinctive on their own (letters in fixed
   * places, a check over the whole value that few random strings pass).
   */
  needsContext: boolean;
  /** The score of a value whose check holds, before context (default 0.55 with needsContext, else 0.8). */
  score?: number;
  examples: { match: readonly Example[]; noMatch: readonly string[] };
}

/**
 * A national identifier as a detector: its shapes, confirmed by its check (a wrong check digit is not this
 * identifier), lifted by a word that names it. Digit-only kinds run only around their words (keywords), so the
 * many kinds cost nothing on text that names none of them.
 */
export function nationalId(spec: NationalIdSpec): Detector {
  const score = spec.score ?? (spec.needsContext ? 0.55 : 0.8);
  return {
    id: spec.id,
    type: 'NATIONAL_ID',
    category: 'pii',
    description: spec.description,
    ...(spec.needsContext ? { keywords: spec.words, window: { before: 64, after: 128 } } : {}),
    requires: 'digit',
    patterns: spec.shapes.map((s) => ({ name: s.name, regex: new RegExp(`${NB}(?:${s.source})${NA}`, 'gu'), score })),
    validate: (v) => (spec.valid(v) ? { score, note: 'check digit holds' } : false),
    context: { words: spec.words, window: 64, boost: 0.4 },
    examples: spec.examples,
  };
}
