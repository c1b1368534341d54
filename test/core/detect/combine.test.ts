import { describe, expect, it } from 'vitest';
import { combinePatterns, groupCount, matchedSpan } from '../../../src/core/detect/combine';
import { DETECTORS } from '../../../src/core/detect/registry';
import type { Pattern } from '../../../src/core/detect/types';

const NB = String.raw`(?<![\w.+-])`;
const pattern = (name: string, source: string, group?: number): Pattern => ({ name, regex: new RegExp(source, 'g'), score: 0.5, group });

/** Each pattern on its own, in declared order at each position: what the combined regex must give. */
function alone(patterns: Pattern[], text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    let hit: string | undefined;
    for (const p of patterns) {
      const re = new RegExp(p.regex.source, 'yd');
      re.lastIndex = at;
      const m = re.exec(text);
      if (m) {
        const [s, e] = m.indices![p.group ?? 0]!;
        hit = `${p.name}:${s}-${e}`;
        at = m.index + m[0].length;
        break;
      }
    }
    if (hit) out.push(hit);
    else at++;
  }
  return out;
}

function combined(patterns: Pattern[], text: string): string[] {
  const [c] = combinePatterns(patterns);
  const out: string[] = [];
  c!.regex.lastIndex = 0;
  for (let m = c!.regex.exec(text); m; m = c!.regex.exec(text)) {
    const hit = matchedSpan(c!, m)!;
    out.push(`${hit.pattern.name}:${hit.span[0]}-${hit.span[1]}`);
  }
  return out;
}

describe('combinePatterns', () => {
  const text = 'call 650-123-4567 or x555-1234, ref 123456789, +41 96 471 07 95 and 12.345-6789';
  const shared = [pattern('dashed', `${NB}\\d{3}-\\d{3}-\\d{4}`), pattern('local', `${NB}\\d{3}-\\d{4}`), pattern('nine', `${NB}(\\d{3})\\d{6}`, 1), pattern('intl', `${NB}\\+\\d{2}(?: \\d{2,3}){4}`)];

  it('tests a look-behind that every pattern starts with once, before the alternation', () => {
    const source = combinePatterns(shared)[0]!.regex.source;
    expect(source.startsWith(`${NB}(?:(`)).toBe(true);
    expect(source.split(NB).length - 1).toBe(1);
  });

  it('finds what the patterns find one by one, with the same spans and groups', () => {
    const found = combined(shared, text);
    expect(found).toEqual(alone(shared, text));
    expect(found).toContain('nine:36-39');
    expect(found).not.toContain(expect.stringMatching(/^local:24/)); // "x555-1234": a word character before it
  });

  it('renumbers back-references to their places in the alternation', () => {
    const quoted = [pattern('dashed', `${NB}\\d{3}-\\d{3}-\\d{4}`), pattern('same-sep', `${NB}\\d{2}([./-])\\d{2}\\1\\d{4}`), pattern('quoted', `(['"])(\\w+)\\1`, 2)];
    const text = `on 12.05.2024 not 12.05-2024, 650-123-4567 and 'abc' "def' "ok"`;
    expect(combinePatterns(quoted)).toHaveLength(1);
    expect(combined(quoted, text)).toEqual(alone(quoted, text));
    expect(combined(quoted, text)).toEqual(['same-sep:3-13', 'dashed:30-42', 'quoted:48-51', 'quoted:60-62']);
  });

  it('leaves the alternation as it is when the patterns start differently', () => {
    const mixed = [shared[0]!, pattern('plain', `\\d{3}-\\d{4}`)];
    expect(combinePatterns(mixed)[0]!.regex.source.startsWith(`(${NB}`)).toBe(true);
    expect(combined(mixed, text)).toEqual(alone(mixed, text));
  });
});

describe('groupCount', () => {
  /** What V8 counts: the groups of the source with an empty alternative, matched against nothing. */
  const counted = (re: RegExp): number => new RegExp(`${re.source}|`, re.flags).exec('')!.length - 1;

  it('counts what the regex engine counts, for every pattern of every detector', () => {
    const patterns = DETECTORS.flatMap((d) => d.patterns ?? []);
    expect(patterns.length).toBeGreaterThan(100);
    for (const p of patterns) expect([p.name, groupCount(p.regex.source)]).toEqual([p.name, counted(p.regex)]);
  });

  it('skips escapes, classes, look-arounds and non-capturing groups, and counts named groups', () => {
    const sources = [String.raw`\(a\)[(](?:b)(?<=c)(?<!d)(?=e)(?!f)`, String.raw`(?<year>\d{4})-(\d{2})[\]()](x)`, String.raw`\\(a)`];
    expect(sources.map(groupCount)).toEqual(sources.map((s) => counted(new RegExp(s))));
    expect(sources.map(groupCount)).toEqual([0, 3, 1]);
  });
});
