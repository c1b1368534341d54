import { describe, expect, it } from 'vitest';
import { digitWindows, execInParts, mergeWindows, partsOf, tokensAt } from '../../../src/core/detect/windows';

describe('windows', () => {
  it('merges overlapping windows, clips them and starts them at a word boundary', () => {
    const chunk = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau';
    expect(mergeWindows(chunk, [[8, 12], [-5, 7]])).toEqual([[0, 12]]);
    expect(mergeWindows(chunk, [[8, 12], [-5, 3]])).toEqual([[0, 3], [6, 12]]);
    const [[s]] = mergeWindows(chunk, [[40, 44]]) as [[number, number]];
    expect(chunk[s - 1]).toBe(' ');
  });

  it('becomes the whole chunk when the windows cover most of it', () => {
    const chunk = 'x'.repeat(100);
    expect(mergeWindows(chunk, [[0, 40], [45, 90]])).toEqual([[0, 100]]);
  });

  it('puts windows around digits only', () => {
    const chunk = `${'word '.repeat(100)}call 555 1234 ${'word '.repeat(100)}`;
    const windows = digitWindows(chunk);
    expect(windows).toHaveLength(1);
    const [[s, e]] = windows as [[number, number]];
    expect(chunk.slice(s, e)).toContain('555 1234');
    expect(e - s).toBeLessThan(150);
  });

  it('reports matches at their place in the chunk', () => {
    const chunk = 'aaa 123 bbb 456';
    const seen: number[] = [];
    execInParts(/\d+/g, partsOf(chunk, [[0, 8], [8, 15]]), (m, offset) => void seen.push(m.index + offset));
    expect(seen).toEqual([4, 12]);
  });

  it('finds whole tokens from their seeds, each once', () => {
    const text = 'vin 1M8GDM9AXKP042788 and x1y2 and 12:30:45';
    const isAlnum = (c: number) => /[A-Za-z0-9]/.test(String.fromCharCode(c));
    expect(tokensAt(text, /\d+/g, isAlnum, (t) => t.length === 17).map(([s, e]) => text.slice(s, e))).toEqual(['1M8GDM9AXKP042788']);
    expect(tokensAt(text, /\d+/g, isAlnum, () => true).map(([s, e]) => text.slice(s, e))).toEqual(['1M8GDM9AXKP042788', 'x1y2', '12', '30', '45']);
  });
});
