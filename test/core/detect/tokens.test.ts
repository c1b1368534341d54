import { describe, expect, it } from 'vitest';
import { hashWord } from '../../../src/core/detect/chars';
import { ALL_LOWER, ALL_UPPER, ASCII, FIRST_UPPER, HAS_APOSTROPHE, tokensOf, wordAfter, wordFrom, wordLower } from '../../../src/core/detect/tokens';

const words = (text: string) => {
  const t = tokensOf(text);
  return Array.from({ length: t.words }, (_, i) => text.slice(t.wordStart[i], t.wordEnd[i]));
};

describe('the token stream', () => {
  it('reads words of any script with apostrophes inside, and digit runs apart', () => {
    expect(words("Dr. O'Brien saw Zoë Ångström (ÉCOLE) at 10:30; don’t 'quote' 患者さん x")).toEqual(['Dr', "O'Brien", 'saw', 'Zoë', 'Ångström', 'ÉCOLE', 'at', 'don’t', 'quote', '患者さん', 'x']);
    const t = tokensOf('MRN 1234-56, ICD10');
    expect(Array.from({ length: t.digits }, (_, i) => t.text.slice(t.digitStart[i], t.digitEnd[i]))).toEqual(['1234', '56', '10']);
  });

  it('hashes the lower-cased word as hashWord does, and records its shape', () => {
    const t = tokensOf('Anna SMITH smith Ärzte o’neil');
    for (let i = 0; i < t.words; i++) expect(t.wordHash[i]).toBe(hashWord(wordLower(t, i)));
    expect(t.wordShape[0]! & (FIRST_UPPER | ALL_UPPER | ALL_LOWER)).toBe(FIRST_UPPER);
    expect(t.wordShape[1]! & ALL_UPPER).toBe(ALL_UPPER);
    expect(t.wordShape[2]! & ALL_LOWER).toBe(ALL_LOWER);
    expect(t.wordShape[3]! & ASCII).toBe(0);
    expect(t.wordShape[4]! & HAS_APOSTROPHE).toBe(HAS_APOSTROPHE);
  });

  it('grows past its first guess, and finds the word after a position', () => {
    const text = 'a '.repeat(50_000);
    const t = tokensOf(text);
    expect(t.words).toBe(50_000);
    expect(wordAfter(t, 0)).toBe(0);
    expect(wordAfter(t, 1)).toBe(1);
    expect(wordAfter(t, 3)).toBe(2);
    expect(wordAfter(t, text.length)).toBe(t.words);
  });

  it('finds the first word from a position as a search of every word would, across blocks and long words', () => {
    const text = `${'x'.repeat(200)} a bb ${'long'.repeat(40)} c\n${'  '.repeat(70)}d e${' f'.repeat(100)}  `;
    const t = tokensOf(text);
    const linear = (at: number): number => {
      let k = 0;
      while (k < t.words && t.wordStart[k]! < at) k++;
      return k;
    };
    for (let at = -2; at <= text.length + 70; at++) expect(wordFrom(t, at)).toBe(linear(at));
  });

  it('reads the same text once, and another text afresh', () => {
    expect(tokensOf('one two')).toBe(tokensOf('one two'));
    expect(tokensOf('three').words).toBe(1);
  });

  it('agrees with a regex reading of words and digit runs on random text (every fast path of the loop)', () => {
    const alphabet = ['a', 'z', 'A', 'Z', 'é', 'É', 'ß', 'ǅ', '患', '\u0301', "'", '’', '0', '9', ' ', '-', '.', '\n', 'µ', 'İ'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % alphabet.length;
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + (round % 40) }, () => alphabet[next()]).join('');
      const t = tokensOf(text);
      const want = [...text.matchAll(/\p{L}(?:[\p{L}\p{M}]|['’](?=\p{L}))*/gu)].map((m) => [m.index, m.index + m[0].length]);
      expect(Array.from({ length: t.words }, (_, i) => [t.wordStart[i], t.wordEnd[i]]), text).toEqual(want);
      for (let i = 0; i < t.words; i++) {
        const w = text.slice(t.wordStart[i], t.wordEnd[i]);
        const lower = [...w].map((c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c)).join('');
        expect(t.wordHash[i], w).toBe(hashWord(lower));
        const cased = [...w].filter((c) => /\p{L}/u.test(c));
        const upper = cased.filter((c) => /\p{Lu}|\p{Lt}/u.test(c)).length, low = cased.filter((c) => /\p{Ll}/u.test(c)).length;
        expect(!!(t.wordShape[i]! & ALL_UPPER), w).toBe(upper > 0 && low === 0);
        expect(!!(t.wordShape[i]! & ALL_LOWER), w).toBe(upper === 0);
        expect(!!(t.wordShape[i]! & FIRST_UPPER), w).toBe(/^(?:\p{Lu}|\p{Lt})/u.test(w));
        expect(!!(t.wordShape[i]! & ASCII), w).toBe(/^[\x00-\x7f’]*$/.test(w));
      }
      expect(Array.from({ length: t.digits }, (_, i) => [t.digitStart[i], t.digitEnd[i]])).toEqual([...text.matchAll(/[0-9]+/g)].map((m) => [m.index, m.index + m[0].length]));
    }
  });
});
