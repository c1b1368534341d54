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
    out.push({ regex: new RegExp(set.map((p) => `(${p.regex.source})`).join('|'), `${flags}d`), alternatives });
  }
  return out;
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
