import { describe, expect, it } from 'vitest';
import { trieAlternation } from '../../../src/core/detect/detectors/dates';

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

describe('trieAlternation', () => {
  it('matches what the plain alternation of its words (longest first) matches, at every prefix and extension', () => {
    const words = ['enero', 'ene', 'feb', 'febrero', 'février', 'févr', 'fév', 'mar', 'marzo', 'mars', 'märz', 'mai', 'maio', 'may', 'mayo', 'a', 'ab', 'abc', 'x-y', 'x.z', 'Jän', 'JÄN', '\u{1F600}a', '\u{1F601}'];
    const trie = new RegExp(`(?:${trieAlternation(words)})`, 'y');
    const plain = new RegExp(`(?:${[...words].sort((a, b) => b.length - a.length).map(escape).join('|')})`, 'y');
    const probes = new Set<string>();
    for (const w of words) for (let i = 0; i <= w.length; i++) for (const tail of ['', 'o', 'z', '.', ' ']) probes.add(w.slice(0, i) + tail);
    for (const p of probes) {
      trie.lastIndex = plain.lastIndex = 0;
      expect([p, trie.exec(p)?.[0]]).toEqual([p, plain.exec(p)?.[0]]);
    }
  });

  it('is empty for no words and the word itself for one', () => {
    expect(trieAlternation([])).toBe('');
    expect(trieAlternation(['abc'])).toBe('abc');
    expect(trieAlternation(['a-b', 'a-b'])).toBe('a\\-b');
  });
});
