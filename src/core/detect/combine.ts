import type { Pattern } from './types';

/**
 * A detector's patterns joined into as few regexes as possible: one alternation per set of flags, tried in
 * the declared order (highest score first, as detectors list them). A text is then searched once per set,
 * not once per pattern. Patterns with back-references keep a regex of their own (their group numbers would
 * shift inside an alternation).
 */
export interface Combined {
  regex: RegExp;
  /** For each alternative: the pattern and the number of the group that wraps it. */
  alternatives: { pattern: Pattern; group: number }[];
}

const groupCount = (source: string): number => new RegExp(`${source}|`).exec('')!.length - 1;

export function combinePatterns(patterns: readonly Pattern[]): Combined[] {
  const bySet = new Map<string, Pattern[]>();
  const alone: Pattern[] = [];
  for (const p of patterns) {
    if (/\\[1-9]|\\k</.test(p.regex.source)) alone.push(p);
    else {
      const flags = p.regex.flags.replace('d', '');
      (bySet.get(flags) ?? bySet.set(flags, []).get(flags)!).push(p);
    }
  }
  const out: Combined[] = alone.map((pattern) => ({ regex: withIndices(pattern.regex), alternatives: [{ pattern, group: 0 }] }));
  for (const [flags, set] of bySet) {
    if (set.length === 1) {
      out.push({ regex: withIndices(set[0]!.regex), alternatives: [{ pattern: set[0]!, group: 0 }] });
      continue;
    }
    let next = 1;
    const alternatives = set.map((pattern) => {
      const group = next;
      next += 1 + groupCount(pattern.regex.source);
      return { pattern, group };
    });
    const sources = set.map((p) => p.regex.source);
    const lead = commonLookbehind(sources);
    const body = sources.map((s) => `(${s.slice(lead.length)})`).join('|');
    out.push({ regex: new RegExp(lead ? `${lead}(?:${body})` : body, `${flags}d`), alternatives });
  }
  return out;
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

/** The 'd' flag gives group positions, which an alternation needs to tell its alternatives apart. */
const withIndices = (re: RegExp): RegExp => (re.flags.includes('d') ? re : new RegExp(re.source, `${re.flags}d`));

/** The alternative that matched, and the span of its value (its `group`, or the whole alternative). */
export function matchedSpan(c: Combined, m: RegExpExecArray): { pattern: Pattern; span: [number, number] } | undefined {
  for (const { pattern, group } of c.alternatives) {
    if (group > 0 && m[group] === undefined) continue;
    const span = m.indices?.[group + (pattern.group ?? 0)];
    return span ? { pattern, span } : undefined;
  }
  return undefined;
}
