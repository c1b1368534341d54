import { combinePatterns, matchedSpan, sticky } from '../../combine';
import { tokensOf } from '../../tokens';
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
 * engine would run over the whole chunk: the same matches in the same order. The classes hold ASCII letters
 * only, so every run lies inside a word of the token stream: only words of `minRun` letters or more are read.
 */
export function patternsAtRuns(patterns: readonly Pattern[], classes: Uint8Array, minRun: number): (text: string) => Candidate[] {
  for (let c = 0; c < 128; c++) if (classes[c] && !/[A-Za-z]/.test(String.fromCharCode(c))) throw new Error('runs are made of ASCII letters');
  const combined = combinePatterns(patterns).map(sticky);
  const why = new Map(patterns.map((p) => [p, [`pattern ${p.name} (${p.score})`]]));
  const classOf = (code: number): number => (code < 128 ? classes[code]! : 0);
  return (text) => {
    const out: Candidate[] = [];
    const t = tokensOf(text);
    for (const c of combined) {
      let n = 0, resume = 0;
      for (let w = 0; w < t.words && n < MAX_MATCHES; w++) {
        const end = t.wordEnd[w]!;
        if (end - t.wordStart[w]! < minRun || end <= resume) continue;
        for (let s = t.wordStart[w]!; s < end && n < MAX_MATCHES; ) {
          const k = classOf(text.charCodeAt(s));
          let e = s + 1;
          if (k !== 0) while (e < end && classOf(text.charCodeAt(e)) === k) e++;
          if (k !== 0 && e - s >= minRun && s >= resume) {
            c.regex.lastIndex = s;
            const m = c.regex.exec(text);
            const hit = m && m[0].length > 0 ? matchedSpan(c, m) : undefined;
            if (m && m[0].length > 0) resume = Math.max(e, c.regex.lastIndex);
            if (hit) {
              out.push({ start: hit.span[0], end: hit.span[1], score: hit.pattern.score, why: why.get(hit.pattern)! });
              n++;
            }
          }
          s = e;
        }
      }
    }
    return out;
  };
}
