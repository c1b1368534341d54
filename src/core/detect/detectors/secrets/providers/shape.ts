import type { Verdict } from '../../../types';
import { assigned, B, type TokenSpec } from '../token';

/** Character classes of token bodies, by the name the specs use. */
export const CS = {
  a62: 'A-Za-z0-9',
  hex: '0-9a-f',
  HEX: '0-9A-F',
  Hex: '0-9a-fA-F',
  lc36: 'a-z0-9',
  uc36: 'A-Z0-9',
  b64u: 'A-Za-z0-9_-',
  b64: 'A-Za-z0-9+/',
  w: 'A-Za-z0-9_',
  /** base64url with the dots and padding some tokens carry. */
  tok: 'A-Za-z0-9_.=-',
} as const;
export type Charset = keyof typeof CS;

/** Not followed by a character of the body (nor by a letter, digit or underscore). */
export const endOf = (cs: Charset): string =>
  cs === 'b64u' ? '(?![A-Za-z0-9_-])' : cs === 'b64' ? '(?![A-Za-z0-9_+/=])' : cs === 'tok' ? '(?![A-Za-z0-9_.=-])' : '(?![A-Za-z0-9_])';

/** Each class's characters, spelled out once (examples are made at every load of the engine). */
const ALPHABETS = new Map<Charset, string>();
const chars = (cs: Charset): string => {
  let alphabet = ALPHABETS.get(cs);
  if (alphabet === undefined)
    ALPHABETS.set(cs, (alphabet = CS[cs].replace(/(.)-(.)/g, (_m, a: string, b: string) => {
      let s = '';
      for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) s += String.fromCharCode(c);
      return s;
    })));
  return alphabet;
};

/**
 * A made-up body for an example: deterministic pseudo-random characters of the class, seeded by a string, so
 * that examples are our own values (never a provider's sample, never a real token) and stay the same.
 */
export function fake(cs: Charset, length: number, seed: string): string {
  const alphabet = chars(cs);
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let s = '';
  for (let i = 0; i < length; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822519) + i;
    h ^= h >>> 13;
    s += alphabet[(h >>> 0) % alphabet.length];
  }
  return s;
}

export const uuid = (seed: string, cs: 'hex' | 'HEX' = 'hex'): string => {
  const f = fake(cs, 32, seed);
  return `${f.slice(0, 8)}-${f.slice(8, 12)}-4${f.slice(13, 16)}-a${f.slice(17, 20)}-${f.slice(20)}`;
};
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** A JSON Web Token: header and payload start with eyJ (base64url of '{"'), the signature follows. */
export const JWT = 'eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,4000}\\.[A-Za-z0-9_-]{20,1000}';
export const UUID_ANY = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Common {
  score?: number;
  validate?: (value: string) => Verdict;
  /** More examples, beyond the generated one. */
  match?: TokenSpec['match'];
  noMatch?: string[];
}

/**
 * A token that is a distinctive prefix and a body of one class: `prefix` + [class]{min,max}. The lower-cased
 * prefix is its keyword; the example is the prefix and a made-up body, and the near misses are a short body and
 * the body without its prefix.
 */
export function prefixed(
  id: string, description: string, prefixes: string | string[], cs: Charset, length: number | [number, number],
  o: Common & { keywords?: string[]; sample?: string; suffix?: string } = {},
): TokenSpec {
  const list = typeof prefixes === 'string' ? [prefixes] : prefixes;
  const [min, max] = typeof length === 'number' ? [length, length] : length;
  const count = min === max ? `{${min}}` : `{${min},${max}}`;
  const lead = /^[A-Za-z0-9_]/.test(list[0]!) ? B : '';
  const body = `[${CS[cs]}]${count}${o.suffix ? escape(o.suffix) : ''}`;
  const sample = o.sample ?? `${list[0]}${fake(cs, min, id)}${o.suffix ?? ''}`;
  return {
    id, description,
    keywords: o.keywords ?? [...new Set(list.map((p) => p.toLowerCase()))],
    regex: `${lead}(?:${list.map(escape).join('|')})${body}${endOf(cs)}`,
    score: o.score,
    window: { before: 16, after: max + 64 },
    validate: o.validate,
    match: [{ text: `token: ${sample}`, value: sample }, ...((o.match ?? []) as { text: string }[])],
    noMatch: [`token: ${list[0]}${fake(cs, Math.max(1, min - 6), id)}`, ...(o.noMatch ?? [])],
  };
}

/**
 * A value without a prefix of its own (hex, a UUID, base64): found only when one of the provider's names stands
 * right before it in an assignment (`HEROKU_API_KEY = ...`). The names are the keywords; the window is small.
 */
/** What follows a provider's name when it names a credential: "SENTRY_", "sentryToken", "stability-ai". */
// Few on purpose: each is a keyword of the one automaton that every scan runs.
const CREDENTIAL_SUFFIXES = ['_', '-', '.', 'api', 'key', 'token', 'secret', 'id'];

export function named(
  id: string, description: string, names: string[], value: string, sample: string,
  o: Common & { extraKeywords?: string[]; window?: TokenSpec['window']; common?: boolean } = {},
): TokenSpec {
  const label = `${names[0]!.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_KEY`;
  // A name that is also a common word ("stability", "confluent", "amplitude", "together") is a keyword only
  // with what makes it a credential's name: the bare word would open a window in every other sentence.
  const keywords = names.flatMap((n) => (o.common && /^[a-z0-9]+$/i.test(n) ? CREDENTIAL_SUFFIXES.map((x) => `${n}${x}`.toLowerCase()) : [n.toLowerCase()]));
  return {
    id, description,
    keywords: [...new Set([...keywords, ...(o.extraKeywords ?? [])])],
    regex: assigned(names, value),
    group: 1,
    score: o.score ?? 0.8,
    // The value follows the name within a few dozen characters; a JWT can be long.
    window: o.window ?? { before: 16, after: value.startsWith('eyJ') ? 5000 : 240 },
    validate: o.validate,
    match: [{ text: `${label} = "${sample}"`, value: sample }, ...((o.match ?? []) as { text: string }[])],
    noMatch: [`value = "${sample}"`, `${label} = "${sample.slice(0, 8)}"`, ...(o.noMatch ?? [])],
  };
}
