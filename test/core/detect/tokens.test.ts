import { describe, expect, it } from 'vitest';
import { hashWord } from '../../../src/core/detect/chars';
import { ALL_LOWER, ALL_UPPER, ASCII, FIRST_UPPER, HAS_APOSTROPHE, tokensOf, wordAfter, wordLower } from '../../../src/core/detect/tokens';

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

  it('reads the same text once, and another text afresh', () => {
    expect(tokensOf('one two')).toBe(tokensOf('one two'));
    expect(tokensOf('three').words).toBe(1);
  });
});
