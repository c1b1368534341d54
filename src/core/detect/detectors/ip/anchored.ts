import { combinePatterns, matchedSpan, sticky } from '../../combine';
import { mergeWindows, type Window } from '../../windows';
import type { Candidate, Detector, Pattern } from '../../types';

/** As the engine caps each regex it runs over a chunk. */
const MAX_MATCHES = 2_000;

/**
 * The `find` hook of a keyword-gated detector whose every match starts at one of its keywords, and whose
 * patterns read nothing before the character ahead of the keyword nor after the position `reach` gives. It
 * gives what the engine's keyword windows give, without slicing them or running regexes over them: a sticky
 * copy of each pattern is tried at each keyword, on the chunk itself when what the pattern can read ends
 * inside the keyword's window (the window's end then changes nothing), on the window's own text otherwise.
 */
export function keywordAnchored(
  patterns: readonly Pattern[],
  keywords: readonly string[],
  window: Required<NonNullable<Detector['window']>>,
  reach: (text: string, at: number) => number,
): NonNullable<Detector['find']> {
  const combined = combinePatterns(patterns).map(sticky);
  const why = new Map(patterns.map((p) => [p, [`pattern ${p.name} (${p.score})`]]));
  return (text, lower, anchors) => {
    const at: number[] = [];
    for (const k of keywords) for (const i of anchors.get(k) ?? []) at.push(i);
    if (!at.length) return [];
    at.sort((a, b) => a - b);
    const raw = at.map((i): Window => [i - window.before, i + window.after]);
    const windows = mergeWindows(text, raw, true);
    const out: Candidate[] = [];
    // Keyword positions are the lower-cased chunk's: where lower-casing changed lengths, every position is tried.
    const starts = lower.length === text.length ? at : undefined;
    for (const c of combined) {
      let n = 0;
      // The windows and the keyword positions are both in order: each window takes up the positions where the
      // last one left them, instead of passing over all the positions before it again.
      let next = 0;
      for (const [ws, we] of windows) {
        let part: string | undefined;
        let after = ws;
        const tryAt = (p: number): boolean => {
          let m: RegExpExecArray | null, offset = 0;
          // A window that starts at the keyword shows the pattern no character before it.
          if (p > ws && reach(text, p) < we) {
            c.regex.lastIndex = p;
            m = c.regex.exec(text);
          } else {
            part ??= text.slice(ws, we);
            c.regex.lastIndex = p - ws;
            m = c.regex.exec(part);
            offset = ws;
          }
          if (!m || m[0].length === 0) return true;
          after = m.index + offset + m[0].length;
          const hit = matchedSpan(c, m);
          if (!hit) return true;
          out.push({ start: hit.span[0] + offset, end: hit.span[1] + offset, score: hit.pattern.score, why: why.get(hit.pattern)! });
          return ++n < MAX_MATCHES;
        };
        let going = true;
        if (starts) {
          while (next < starts.length && starts[next]! < ws) next++;
          for (; next < starts.length; next++) {
            const p = starts[next]!;
            if (p < after) continue;
            if (p >= we) break;
            if (!(going = tryAt(p))) break;
          }
        } else for (let p = ws; p < we && going; p++) if (p >= after) going = tryAt(p);
        if (!going) break;
      }
    }
    return out;
  };
}
