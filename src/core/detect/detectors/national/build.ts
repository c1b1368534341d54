import { lazyPattern } from '../../combine';
import type { Detector, Example } from '../../types';

/**
 * Not inside a longer number or code. Letters of scripts without case (kana, kanji, hangul, Thai) may touch the
 * value: those scripts write no spaces ("マイナンバーは123456789018です"). Written as alternatives, not as one class
 * of properties ([\p{Lu}\p{Ll}\p{N}]): V8 builds that union for every pattern at a third of a millisecond more,
 * and about a hundred patterns use these.
 */
export const NB = String.raw`(?<!\p{LC}|\p{N}|[_.+/-])`;
/** Not followed by more of a number (a digit, or a separator and a digit) or a cased word. */
export const NA = String.raw`(?![-/.]?\p{N}|\p{LC}|_)`;

/** What a word that names the identifier adds to its score. */
const BOOST = 0.4;

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
   * then runs only around one of its words, and reports a number only with that word whole within 64 characters
   * before it (or 48 after). False for shapes that are distinctive on their own (letters in fixed places, a check
   * over the whole value that few random strings pass).
   */
  needsContext: boolean;
  /**
   * The score of a value whose check holds, before context (default 0.6 with needsContext, else 0.8): with its
   * word (+0.4) a valid number reaches 1.0, where it ties with a Luhn-valid card number and wins by its place in
   * the registry (national identifiers stand before the other numbers).
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
  const score = spec.score ?? (spec.needsContext ? 0.6 : 0.8);
  return {
    id: spec.id,
    type: 'NATIONAL_ID',
    category: 'pii',
    description: spec.description,
    // Keywords gate on substrings ("sin" in "using"): the word itself, whole, must stand near the number.
    ...(spec.needsContext ? { keywords: spec.words, window: { before: 80, after: 128 }, minScore: Math.min(1, score + BOOST) } : {}),
    requires: 'digit',
    patterns: spec.shapes.map((s) => lazyPattern({ name: s.name, source: `${NB}(?:${s.source})${NA}`, flags: 'gu', score })),
    validate: (v) => (spec.valid(v) ? { score, note: spec.check ?? 'check digit holds' } : false),
    // A word may follow the number too ("046 454 286 is my social insurance number").
    context: { words: spec.words, window: 64, after: 48, boost: BOOST },
    examples: spec.examples,
  };
}
