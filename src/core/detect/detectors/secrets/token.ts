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

/** A provider token: its prefix is the prefilter keyword, its shape is the pattern. */
export function token(s: TokenSpec): Detector {
  return {
    id: `secret.${s.id}`,
    type: 'SECRET',
    category: 'secret',
    description: s.description,
    keywords: s.keywords,
    window: s.window,
    patterns: [{ name: s.id, regex: new RegExp(s.regex, `g${s.group ? 'd' : ''}${s.flags ?? ''}`), score: s.score ?? 0.9, group: s.group }],
    validate: s.validate,
    examples: {
      match: s.match.map((m) => (typeof m === 'string' ? { text: m } : m)),
      noMatch: s.noMatch ?? [],
    },
  };
}

