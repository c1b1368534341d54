import type { Pattern } from './types';

/**
 * A detector's patterns joined into as few regexes as possible: one alternation per set of flags, tried in
 * the declared order (highest score first, as detectors list them). A text is then searched once per set,
 * not once per pattern. Numbered back-references are renumbered to their groups' places in the alternation;
 * patterns with named ones keep a regex of their own (two alternatives could name a group alike).
 *
 * The regex is built on first use: an engine prepares every detector, but a detector gated by keywords that a
 * text never names never runs, and building (parsing) a regex with Unicode classes costs a fraction of a
 * millisecond each: hundreds of them were most of the engine's cold start.
 */
export interface Combined {
  readonly source: string;
  readonly flags: string;
  readonly regex: RegExp;
  /** For each alternative: the pattern and the number of the group that wraps it. */
  alternatives: { pattern: Pattern; group: number }[];
}

/** The source and flags of patterns made by lazyPattern, read without building their regexes. */
const LAZY = new WeakMap<Pattern, { source: string; flags: string }>();

/**
 * A pattern whose regex is built on first use. The engine reads only its source and flags (to combine it), so a
 * detector gated by keywords that a text never names never builds it: each Unicode property (\p{...}) costs V8
 * 50 to 120 µs to build, and the national identifiers' and service tokens' regexes were a fifth of loading the
 * engine.
 */
export function lazyPattern(p: { name: string; source: string; flags: string; score: number; group?: number }): Pattern {
  let regex: RegExp | undefined;
  const { source, flags } = p;
  const pattern: Pattern = { name: p.name, score: p.score, ...(p.group === undefined ? {} : { group: p.group }), get regex() { return (regex ??= new RegExp(source, flags)); } };
  LAZY.set(pattern, { source, flags });
  return pattern;
}

/** A pattern's source and flags (a lazy pattern's without building its regex). */
export const sourceOf = (p: Pattern): { source: string; flags: string } => LAZY.get(p) ?? p.regex;

function lazyCombined(source: string, flags: string, alternatives: Combined['alternatives'], built?: RegExp): Combined {
  let regex = built;
  return { source, flags, alternatives, get regex() { return (regex ??= new RegExp(source, flags)); } };
}

/** The same alternatives tried at one position (sticky), also built on first use. */
export const sticky = (c: Combined): Combined => lazyCombined(c.source, `${c.flags.replace('g', '')}y`, c.alternatives);

/**
 * The capturing groups of a regex source, read from its text (building a regex to count them cost as much as
 * the regex itself): `(` that is not escaped, not in a class, and not `(?:`, a look-around or `(?<=`/`(?<!`;
 * a named group `(?<name>` counts.
 */
export function groupCount(source: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && (source[i + 1] !== '?' || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!'))) n++;
  }
  return n;
}

export function combinePatterns(patterns: readonly Pattern[]): Combined[] {
  const bySet = new Map<string, Pattern[]>();
  const alone: Pattern[] = [];
  for (const p of patterns) {
    const { source, flags } = sourceOf(p);
    if (source.includes('\\k<')) alone.push(p);
    else {
      const set = flags.replace('d', '');
      (bySet.get(set) ?? bySet.set(set, []).get(set)!).push(p);
    }
  }
  const out: Combined[] = alone.map(single);
  for (const [flags, set] of bySet) {
    if (set.length === 1) {
      out.push(single(set[0]!));
      continue;
    }
    let next = 1;
    const alternatives = set.map((pattern) => {
      const group = next;
      next += 1 + groupCount(sourceOf(pattern).source);
      return { pattern, group };
    });
    const sources = set.map((p, i) => renumbered(sourceOf(p).source, alternatives[i]!.group));
    const lead = commonLookbehind(sources);
    const body = sources.map((s) => `(${s.slice(lead.length)})`).join('|');
    // Each alternative's group spans the whole match (the look-behind before them is zero-width): positions
    // ('d', an array per group at every match) are needed only for a value group inside one.
    out.push(lazyCombined(lead ? `${lead}(?:${body})` : body, set.some((p) => p.group) ? `${flags}d` : flags, alternatives));
  }
  return out;
}

/**
 * A source's numbered back-references (outside classes) moved up by `shift` groups: \1 of an alternative
 * wrapped as group 4 becomes \5.
 */
export function renumbered(source: string, shift: number): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      let j = i + 1;
      while (!inClass && j < source.length && source[j]! >= '0' && source[j]! <= '9' && (j > i + 1 || source[j] !== '0')) j++;
      out += j > i + 1 ? `\\${Number(source.slice(i + 1, j)) + shift}` : source.slice(i, i + 2);
      i = Math.max(i + 1, j - 1);
    } else {
      if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      out += c;
    }
  }
  return out;
}

/**
 * A pattern on its own keeps its regex; only a value group (`group`) needs group positions, the 'd' flag, and
 * so a regex of its own.
 */
function single(pattern: Pattern): Combined {
  const { source, flags } = sourceOf(pattern);
  const alternatives = [{ pattern, group: 0 }];
  if (!pattern.group || flags.includes('d')) return lazyCombined(source, flags, alternatives, LAZY.has(pattern) ? undefined : pattern.regex);
  return lazyCombined(source, `${flags}d`, alternatives);
}

/** A look-behind at the start of a pattern, without groups inside it ("(?<![\w.+-])"). */
const LEADING_LOOKBEHIND = /^\(\?<[!=](?:[^()[\]\\]|\\.|\[(?:[^\]\\]|\\.)*\])*\)/;

/**
 * The look-behind that every alternative starts with, if they share one: it is then tested once before the
 * alternation instead of once per alternative at every position (V8 checks a leading look-behind before it can
 * rule a position out: the phone patterns ran 1.5 to 2 times as fast with it factored out). It is zero-width,
 * so every group's span stays the same.
 */
function commonLookbehind(sources: readonly string[]): string {
  const lead = LEADING_LOOKBEHIND.exec(sources[0]!)?.[0];
  return lead && sources.every((s) => s.startsWith(lead)) ? lead : '';
}

/** The alternative that matched, and the span of its value (its `group`, or the whole alternative). */
export function matchedSpan(c: Combined, m: RegExpExecArray): { pattern: Pattern; span: [number, number] } | undefined {
  for (const { pattern, group } of c.alternatives) {
    if (group > 0 && m[group] === undefined) continue;
    // A value group has the 'd' flag; an alternative without one spans the whole match.
    const span = pattern.group ? m.indices?.[group + pattern.group] : ([m.index, m.index + m[0].length] as [number, number]);
    return span ? { pattern, span } : undefined;
  }
  return undefined;
}
