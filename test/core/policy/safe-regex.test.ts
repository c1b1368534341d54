import { describe, expect, it } from 'vitest';
import { searchableSource, unsafeRegexReason } from '../../../src/core/policy/safe-regex';

describe('custom patterns are checked for catastrophic backtracking', () => {
  it.each([
    ['PRJ-\\d{4}'],
    ['\\b[A-Z]{3}-\\d{4,6}\\b'],
    ['(?:\\d{1,3}\\.){3}\\d{1,3}'],
    ['[A-Z]+-\\d+'],
    ['[^\\s@]+@[^\\s@]+\\.com'],
    ['(?:Project|Codename)\\s+(?:Falcon|Osprey)'],
    ['(\\d{3}-)+\\d{4}'],
    ['(?<![A-Z])NVX-\\d{3}(?!\\d)'],
    ['.*secret'],
    ['\\S+@\\S+'],
  ])('accepts %s', (source) => {
    expect(unsafeRegexReason(source)).toBeUndefined();
  });

  it.each([
    ['(a+)+$', /nested quantifiers/],
    ['(\\w+\\s?)*$', /nested quantifiers/],
    ['([a-z]+-?)+', /nested quantifiers/],
    ['(a|ab)*c', /same character/],
    ['(\\w|\\d)+x', /same character/],
    ['\\d+\\d*x', /same characters/],
    ['\\d+\\s*\\d+x', /same characters/],
    ['\\w+\\s?\\w+z', /same characters/],
    ['(?:\\d{1,3}\\.?){3}', /same characters/],
    ['(x)\\1', /back-references/],
    ['(?<q>x)\\k<q>', /back-references/],
    ['a*', /empty text/],
    ['[z-a]', /valid/],
    ['(unclosed', /valid/],
    ['x'.repeat(501), /longer than/],
  ])('refuses %s', (source, reason) => {
    expect(unsafeRegexReason(source)).toMatch(reason);
  });

  it('respects case folding: with i, [a-z]+ overlaps a following [A-Z]+', () => {
    expect(unsafeRegexReason('[a-z]+[A-Z]+')).toBeUndefined();
    expect(unsafeRegexReason('[a-z]+[A-Z]+', true)).toMatch(/same characters/);
  });

  it('runs an accepted pattern in linear time on a hostile text, where the naive search is quadratic', () => {
    const source = '\\d+-\\d+';
    const text = '1'.repeat(20_000);
    const time = (re: RegExp) => {
      const t = performance.now();
      re.lastIndex = 0;
      re.exec(text);
      return performance.now() - t;
    };
    const guarded = new RegExp(searchableSource(source), 'g');
    expect(searchableSource(source)).toBe('(?<!\\d)(?:\\d+-\\d+)');
    expect(guarded.exec('ref 12-345 and 9-8')?.[0]).toBe('12-345');
    // One pass over 20,000 digits, against 20,000 passes (a few hundred milliseconds even on a busy machine): a
    // difference no noisy machine hides.
    expect(time(guarded)).toBeLessThan(time(new RegExp(source, 'g')) / 20);
  });
});
