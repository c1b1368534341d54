import { combinePatterns, matchedSpan } from '../../combine';
import type { Candidate, Pattern } from '../../types';

/** As the engine caps each regex it runs over a chunk. */
const MAX_MATCHES = 2_000;

/** A class per ASCII character (0: in no run): a run is a stretch of characters of one class. */
export function charClasses(classes: readonly string[]): Uint8Array {
  const table = new Uint8Array(128);
  classes.forEach((chars, i) => {
    for (const c of chars) table[c.charCodeAt(0)] = i + 1;
  });
  return table;
}

/**
 * Patterns that can only match at the start of a run of at least `minRun` characters of one class (their
 * look-behind forbids a letter before them) are tried there alone, with sticky copies of the regexes the
 * engine would run over the whole chunk: the same matches in the same order. The runs are found by reading
 * one character in `minRun` (every such run contains one of them), so most of the text is never read.
 */
export function patternsAtRuns(patterns: readonly Pattern[], classes: Uint8Array, minRun: number): (text: string) => Candidate[] {
  const combined = combinePatterns(patterns).map((c) => ({ ...c, regex: new RegExp(c.regex.source, `${c.regex.flags}y`) }));
  const why = new Map(patterns.map((p) => [p, [`pattern ${p.name} (${p.score})`]]));
  const classOf = (code: number): number => (code < 128 ? classes[code]! : 0);
  return (text) => {
    const out: Candidate[] = [];
    for (const c of combined) {
      let n = 0, resume = 0;
      for (let i = minRun - 1; i < text.length && n < MAX_MATCHES; ) {
        const k = classOf(text.charCodeAt(i));
        if (k === 0) {
          i += minRun;
          continue;
        }
        let s = i, e = i + 1;
        while (s > 0 && classOf(text.charCodeAt(s - 1)) === k) s--;
        while (e < text.length && classOf(text.charCodeAt(e)) === k) e++;
        let next = e;
        if (e - s >= minRun && s >= resume) {
          c.regex.lastIndex = s;
          const m = c.regex.exec(text);
          const hit = m && m[0].length > 0 ? matchedSpan(c, m) : undefined;
          if (m && m[0].length > 0) next = resume = Math.max(e, c.regex.lastIndex);
          if (hit) {
            out.push({ start: hit.span[0], end: hit.span[1], score: hit.pattern.score, why: why.get(hit.pattern)! });
            n++;
          }
        }
        // Sampled positions are minRun - 1 modulo minRun: the next long run holds the first one at or after `next`.
        i = next + ((minRun - 1 - (next % minRun)) + minRun) % minRun;
      }
    }
    return out;
  };
}
