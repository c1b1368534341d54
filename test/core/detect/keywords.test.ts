import { describe, expect, it } from 'vitest';
import { KeywordScanner } from '../../../src/core/detect/keywords';
import { naive, sorted } from './keyword-oracle';

describe('KeywordScanner', () => {
  it('finds overlapping keywords, prefixes and suffixes of each other', () => {
    const keywords = ['sk', 'sk_live_', 'key', 'apikey', 'ke', 'y', 'he', 'she', 'his', 'hers'];
    const text = 'ushers and sk_live_ apikey keys: she said his hersk';
    expect(sorted(new KeywordScanner(keywords).scan(text))).toEqual(sorted(naive(keywords, text)));
  });

  it('agrees with brute force on random text', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'abc_-:@. ';
    const keywords = Array.from({ length: 40 }, () => Array.from({ length: 1 + Math.floor(rand() * 4) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
    const unique = [...new Set(keywords)];
    const text = Array.from({ length: 5000 }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    expect(sorted(new KeywordScanner(unique).scan(text))).toEqual(sorted(naive(unique, text)));
  });

  it('restarts after characters outside ASCII', () => {
    expect(sorted(new KeywordScanner(['ab']).scan('aéb ab a\u{1F600}b'))).toEqual([['ab', [4]]]);
  });

  it('refuses keywords it cannot match', () => {
    expect(() => new KeywordScanner(['na\u0000ve'])).toThrow(/printable/);
    expect(() => new KeywordScanner(['caf\u0085é'])).toThrow(/printable/);
    expect(() => new KeywordScanner(['ok', ''])).toThrow(/empty/);
    expect(new KeywordScanner(['\nsuite']).scan('a\nsuite').get('\nsuite')).toEqual([1]);
  });

  it('finds nothing with no keywords', () => {
    expect(new KeywordScanner([]).scan('anything').size).toBe(0);
  });
});
