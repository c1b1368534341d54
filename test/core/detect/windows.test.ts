import { describe, expect, it } from 'vitest';
import { digitWindows, execInParts, mergeWindows, partsOf, tokensAt, windowsAround } from '../../../src/core/detect/windows';
import { random } from '../../random';

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

  it('gives digit windows equal to merging a window of 48 characters either side of every digit run', () => {
    const pieces = ['1', '23', ' ', 'a', 'bb', '\n', '.', 'x'.repeat(90), ' '.repeat(50)];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let k = 0; k < 500; k++) {
      let chunk = '';
      const length = next() % 600;
      while (chunk.length < length) chunk += pieces[next() % pieces.length];
      const raw = [...chunk.matchAll(/\d+/g)].map((m): [number, number] => [m.index - 48, m.index + m[0].length + 48]);
      expect(digitWindows(chunk)).toEqual(mergeWindows(chunk, raw, true));
    }
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

describe('windowsAround', () => {
  it('makes the windows mergeWindows makes from the same keyword positions', () => {
    const next = random(11);
    const chunk = Array.from({ length: 4000 }, () => (next() < 0.15 ? ' ' : 'x')).join('');
    for (let round = 0; round < 50; round++) {
      const lists = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        next() < 0.2 ? undefined : Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * chunk.length)).sort((a, b) => a - b));
      const [before, after] = [Math.floor(next() * 200), Math.floor(next() * 600)];
      const raw = lists.flatMap((l) => (l ?? []).map((p): [number, number] => [p - before, p + after]));
      expect(windowsAround(chunk, lists, before, after)).toEqual(mergeWindows(chunk, raw));
    }
  });
});
