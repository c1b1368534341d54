import { describe, expect, it } from 'vitest';
import { WordHashSet } from '../../../src/core/detect/hash-set';
import { commonWordList, nameList, townList } from '../../../src/core/detect/lexicon';
import { commonWordsOf } from '../../../src/core/detect/lexicon/people-intl';
import { tokensOf, wordLower } from '../../../src/core/detect/tokens';

describe('WordHashSet', () => {
  it('holds what was added, and nothing else of a list of look-alikes', () => {
    const words = ['anna', 'ann', 'annas', 'o\'brien', 'müller', 'strasse', 'straße', '東京'];
    const s = new WordHashSet(words);
    for (const w of words) expect(s.has(w)).toBe(true);
    for (const w of ['an', 'annaa', 'obrien', 'muller', 'strase', '京東', '']) expect(s.has(w)).toBe(false);
    expect(s.size).toBe(words.length);
  });

  it('grows without losing words, and counts a repeated word once', () => {
    // Letters only: the token hash (h * 31 + c) of digits and letters collides on purpose-made pairs ("w30x", "w1nx").
    const letters = (i: number) => i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)));
    const words = Array.from({ length: 5000 }, (_, i) => `w${letters(i)}x`);
    const s = new WordHashSet([...words, ...words]);
    expect(s.size).toBe(5000);
    expect(words.every((w) => s.has(w))).toBe(true);
    expect(Array.from({ length: 5000 }, (_, i) => `v${letters(i)}x`).filter((w) => s.has(w))).toEqual([]);
  });
});

describe('word lists by token', () => {
  const text = "Dr. Anna O'Brien met Müller in the Hauptstraße of Zaragoza; the patient and the Fachärztin said: Koch, Sol, New York, São Paulo, 東京.";
  const t = tokensOf(text);
  const lists = { common: commonWordList(), names: nameList(), towns: townList(), de: commonWordsOf('de') };
  it.each(Object.entries(lists))('%s answers hasToken and beginsToken as has and begins do on the word', (_, list) => {
    for (let i = 0; i < t.words; i++) {
      const w = wordLower(t, i);
      expect(list.hasToken(t, i), w).toBe(list.has(w));
      expect(list.beginsToken(t, i), w).toBe(list.begins(w));
    }
  });
  it('finds the words it should (the check above is not vacuous)', () => {
    const names = [...Array(t.words).keys()].filter((i) => lists.names.hasToken(t, i)).map((i) => wordLower(t, i));
    expect(names).toContain('anna');
    expect([...Array(t.words).keys()].some((i) => lists.common.hasToken(t, i))).toBe(true);
  });
});
