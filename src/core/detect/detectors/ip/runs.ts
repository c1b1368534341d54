import { combinePatterns, matchedSpan, sticky } from '../../combine';
import { tokensOf, type Tokens } from '../../tokens';
import { digitWindows, execInParts, partsOf } from '../../windows';
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

/**
 * Where a digit-gated detector's patterns may begin: `add` each position (in any order, repeats allowed), and
 * return false when the chunk must be scanned as the engine scans it (a label so far before its number that
 * the window around the number may cut it).
 */
export type Starts = (text: string, t: Tokens, add: (at: number) => void) => boolean;

/** How far before a run of digits the engine's window around it always reaches (windows.ts: 48 characters). */
export const DIGIT_REACH = 48;

/**
 * The `find` hook of a detector that `requires: 'digit'` and whose patterns can only begin at the positions
 * that their `starts` list (read from the token stream's digit runs): sticky copies of the regexes are tried
 * there, in order, each past the last match, which gives the matches of the engine's global scans over the
 * windows around digits, in the same order, capped alike. Each group's patterns join as the engine joins them
 * (one regex per set of flags), and the groups come in the engine's order of those regexes. A match must hold a
 * digit run and begin at most DIGIT_REACH characters before it (else `starts` says false), so that the window
 * around that run holds all it reads: every window starts at least that far before each of its runs. When a
 * `starts` says false, the chunk is scanned as the engine would (`scanAroundDigits`, also the tests' oracle).
 */
export function patternsAtDigits(groups: readonly (readonly [readonly Pattern[], Starts])[]): (text: string) => Candidate[] {
  const prepared = groups.map(([patterns, starts]) => ({ at: combinePatterns(patterns).map(sticky), starts, scan: scanAroundDigits(patterns) }));
  const why = new Map(groups.flatMap(([patterns]) => patterns.map((p): [Pattern, string[]] => [p, [`pattern ${p.name} (${p.score})`]])));
  let positions = new Int32Array(256), count = 0, sorted = true;
  const add = (p: number): void => {
    if (p < 0) return;
    if (count === positions.length) {
      const grown = new Int32Array(count * 2);
      grown.set(positions);
      positions = grown;
    }
    if (count && p < positions[count - 1]!) sorted = false;
    positions[count++] = p;
  };
  return (text) => {
    const t = tokensOf(text);
    const out: Candidate[] = [];
    for (const { at, starts, scan } of prepared) {
      count = 0;
      sorted = true;
      if (!starts(text, t, add)) {
        for (const c of scan(text)) out.push(c);
        continue;
      }
      const list = sorted ? positions.subarray(0, count) : positions.subarray(0, count).sort();
      for (const c of at) {
        let n = 0, after = 0;
        for (let i = 0; i < list.length && n < MAX_MATCHES; i++) {
          const p = list[i]!;
          if (p < after) continue;
          after = p + 1;
          c.regex.lastIndex = p;
          const m = c.regex.exec(text);
          if (!m || m[0].length === 0) continue;
          after = p + m[0].length;
          const hit = matchedSpan(c, m);
          if (!hit) continue;
          out.push({ start: hit.span[0], end: hit.span[1], score: hit.pattern.score, why: why.get(hit.pattern)! });
          n++;
        }
      }
    }
    return out;
  };
}

/** The engine's own reading of a digit-gated detector's patterns: each regex over the windows around digits. */
export function scanAroundDigits(patterns: readonly Pattern[]): (text: string) => Candidate[] {
  const combined = combinePatterns(patterns);
  const why = new Map(patterns.map((p) => [p, [`pattern ${p.name} (${p.score})`]]));
  return (text) => {
    const out: Candidate[] = [];
    const parts = partsOf(text, digitWindows(text, tokensOf(text)));
    for (const c of combined) {
      let n = 0;
      execInParts(c.regex, parts, (m, offset) => {
        const hit = matchedSpan(c, m);
        if (!hit) return;
        out.push({ start: hit.span[0] + offset, end: hit.span[1] + offset, score: hit.pattern.score, why: why.get(hit.pattern)! });
        return ++n < MAX_MATCHES;
      });
    }
    return out;
  };
}

/**
 * Walks back from `from` (exclusive) over the characters `inLabel` accepts, at most `limit` of them: the first
 * position of the stretch, or -1 when it goes on past the limit.
 */
export function backOver(text: string, from: number, inLabel: (c: number) => boolean, limit: number): number {
  let q = from;
  while (q > 0 && inLabel(text.charCodeAt(q - 1))) if (from - --q > limit) return -1;
  return q;
}
