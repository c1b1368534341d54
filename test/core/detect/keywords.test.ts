import { describe, expect, it } from 'vitest';
import { KeywordScanner } from '../../../src/core/detect/keywords';
import { naive, sorted } from './keyword-oracle';
import { DETECTORS } from '../../../src/core/detect/registry';
import { mixedCorpus } from '../../bench/corpus';

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

  it('agrees with brute force where keywords and text hold characters outside ASCII', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', 'b', 'é', 'ñ', '個', '人', '\u{1F600}', ' ', '_'];
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const keywords = [...new Set(Array.from({ length: 60 }, () => word(1 + Math.floor(rand() * 4))))];
    const text = word(6000);
    // Built afresh for each text too: the links and rows made on first need must not depend on what came first.
    for (const t of [text, text.slice(3000), text.slice(0, 100)]) expect(sorted(new KeywordScanner(keywords).scan(t))).toEqual(sorted(naive(keywords, t)));
    const shared = new KeywordScanner(keywords);
    for (const t of [text.slice(0, 100), text.slice(3000), text]) expect(sorted(shared.scan(t))).toEqual(sorted(naive(keywords, t)));
  });

  it("agrees with brute force for the default detectors' keywords on the bench's mixed text", () => {
    const keywords = [...new Set(DETECTORS.flatMap((d) => [...(d.keywords ?? []), ...(d.anchors ?? [])]))];
    const text = mixedCorpus(200_000).toLowerCase() + ' número de la seguridad social 個人番号 straße';
    expect(sorted(new KeywordScanner(keywords).scan(text))).toEqual(sorted(naive(keywords, text)));
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
