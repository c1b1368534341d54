import { lazyPattern } from '../../combine';
import type { Detector, Example, Verdict } from '../../types';

/** Not glued to a preceding letter, digit or underscore. */
export const B = '(?<![A-Za-z0-9_])';
/** Not followed by another token character. */
export const E = '(?![A-Za-z0-9_])';

export interface TokenSpec {
  id: string;
  description: string;
  keywords: string[];
  regex: string;
  flags?: string;
  score?: number;
  group?: number;
  window?: Detector['window'];
  validate?: (value: string) => Verdict;
  match: Example[] | string[];
  noMatch?: string[];
}

/** A literal that matches in any case: "heroku" becomes [Hh][Ee][Rr][Oo][Kk][Uu] (the value beside it keeps its case). */
export function anyCase(literal: string): string {
  return [...literal].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join('');
}

/**
 * A value that only its name tells apart (a bare hex string, a UUID): one of `names` (any case), up to 24 more
 * name characters ("_API_KEY"), an assignment (=, :, =>, := or a comma in an argument list), optional quotes,
 * then the value as group 1. The pattern starts at the name itself, so it is tried only where a name stands.
 */
export function assigned(names: readonly string[], value: string, end = '(?![A-Za-z0-9_+/=-])'): string {
  // After the name: a type ("var herokuToken string = "), then one assignment of any language (=, :, =>, :=,
  // ::=, ?=, .=, a comma between arguments, the > of an XML element), with spaces or a line break around it.
  return `(?:${names.map(anyCase).join('|')})[\\w.-]{0,24}(?:[ \\t]{1,4}[A-Za-z][\\w.]{0,15})?["'\`]?\\s{0,8}(?:=>|:{1,3}=|[?.+]=|[:=,>])\\s{0,8}["'\`]?(${value})${end}`;
}

/**
 * A validator from a checksum: passing confirms the token; failing lowers its score to `failScore` (with a
 * note) instead of dropping it, for formats whose checksum is not certain from the provider's documentation,
 * and because a mistyped or shortened token in a paste still gives most of a secret away.
 */
export function checksum(ok: (value: string) => boolean, name: string, failScore = 0.6): (value: string) => Verdict {
  return (v) => (ok(v) ? true : { score: failScore, note: `${name} does not match` });
}

/** A provider token: its prefix is the prefilter keyword, its shape is the pattern. */
export function token(s: TokenSpec): Detector {
  return {
    id: `secret.${s.id}`,
    type: 'SECRET',
    category: 'secret',
    description: s.description,
    keywords: s.keywords,
    window: s.window,
    patterns: [lazyPattern({ name: s.id, source: s.regex, flags: `g${s.group ? 'd' : ''}${s.flags ?? ''}`, score: s.score ?? 0.9, group: s.group })],
    validate: s.validate,
    examples: {
      match: s.match.map((m) => (typeof m === 'string' ? { text: m } : m)),
      noMatch: s.noMatch ?? [],
    },
  };
}

