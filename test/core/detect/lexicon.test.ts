import { describe, expect, it } from 'vitest';
import { commonWordList, nameList, placeList, regionList } from '../../../src/core/detect/lexicon';
import codedCommonWords from '../../../src/core/detect/lexicon/common-words.generated';
import { decodeAll, eachWordHash, eachWordOf, eachWordWith, frontCode, NONE } from '../../../src/core/detect/lexicon/front-coding';
import { hashWord } from '../../../src/core/detect/chars';
import stopWords from '../../../src/core/detect/lexicon/stop-words.generated';
import codedPeopleNames from '../../../src/core/detect/lexicon/people-names.generated';
import codedPlaces from '../../../src/core/detect/lexicon/places.generated';
import codedRegions from '../../../src/core/detect/lexicon/regions.generated';

const [commonWords, peopleNames, places, regions] = [codedCommonWords, codedPeopleNames, codedPlaces, codedRegions].map((c) => decodeAll(c).join('\n')) as [string, string, string, string];

describe('front coding', () => {
  it('gives back the words it was given, each initial alone too', () => {
    const words = ["'s-hertogenbosch", 'a', 'a coruña', 'aachen', 'aal', 'ab', 'b', 'bé', 'béla', 'x'.repeat(40), 'x'.repeat(41) + 'y', 'ábrahám', '\u{1F600}'].sort();
    const coded = frontCode(words);
    expect(decodeAll(coded)).toEqual(words);
    const bs: string[] = [];
    eachWordOf(coded, 'b'.charCodeAt(0), (w) => bs.push(w));
    expect(bs).toEqual(['b', 'bé', 'béla']);
    eachWordOf(coded, 'q'.charCodeAt(0), (w) => bs.push(w));
    expect(bs).toHaveLength(3);
    expect(coded.length).toBeLessThan(words.join('\n').length);
  });

  it('gives back the words of two first letters alone, for every pair of every list', () => {
    for (const coded of [codedCommonWords, codedPeopleNames, codedPlaces, codedRegions]) {
      const words = decodeAll(coded);
      const key = (w: string): string => w.slice(0, 2);
      const byKey = new Map<string, string[]>();
      for (const w of words) (byKey.get(key(w)) ?? byKey.set(key(w), []).get(key(w))!).push(w);
      expect(byKey.size).toBeGreaterThan(20);
      for (const [k, expected] of byKey) {
        const got: string[] = [];
        eachWordWith(coded, k.charCodeAt(0), k.length > 1 ? k.charCodeAt(1) : NONE, (w) => got.push(w));
        expect([k, got]).toEqual([k, expected]);
      }
      const none: string[] = [];
      eachWordWith(coded, 'q'.charCodeAt(0), 'z'.charCodeAt(0) + 1, (w) => none.push(w));
      expect(none).toEqual([]);
    }
  });

  it('gives the hash of every word without building it, as hashWord of the decoded word', () => {
    const words = ["'s-hertogenbosch", 'a', 'a coruña', 'aachen', 'aal', 'ab', 'b', 'bé', 'béla', 'x'.repeat(40), 'x'.repeat(41) + 'y', 'ábrahám', '\u{1F600}'].sort();
    const lists = [frontCode(words), codedCommonWords, codedPeopleNames, ...Object.values(stopWords)];
    for (const coded of lists) {
      const hashes: number[] = [];
      eachWordHash(coded, (h) => hashes.push(h));
      expect(hashes).toEqual(decodeAll(coded).map(hashWord));
    }
  });

  it('refuses what it cannot code: capitals, empty words, an unsorted list', () => {
    expect(() => frontCode(['Anna'])).toThrow(/A-Z/);
    expect(() => frontCode(['a', ''])).toThrow(/non-empty/);
    expect(() => frontCode(['b', 'a'])).toThrow(/sorted/);
    expect(() => frontCode(['a', 'a'])).toThrow(/duplicates/);
  });
});

describe('the word lists', () => {
  it('are sorted by code unit, which reading them one initial at a time relies on', () => {
    for (const source of [commonWords, peopleNames, places, regions]) {
      const lines = source.split('\n');
      expect(lines.every((w, i) => i === 0 || lines[i - 1]! < w)).toBe(true);
    }
  });

  it('hold every line of their source, the first and the last included', () => {
    const lines = commonWords.split('\n');
    for (const w of [lines[0]!, lines[lines.length - 1]!, lines[1000]!, lines[20000]!]) expect(commonWordList().has(w), w).toBe(true);
    expect(lines.every((w) => commonWordList().has(w))).toBe(true);
  });

  it('answer no for words they lack, and for the empty word', () => {
    for (const w of ['', 'zzzzqx', 'ábrahám-xyz', '\u{1F600}']) expect(commonWordList().has(w), w).toBe(false);
    expect(nameList().has('anna')).toBe(true);
    expect(nameList().has('Anna')).toBe(false);
  });

  it('know which words begin a place', () => {
    expect(regionList().has('new york')).toBe(true);
    expect(placeList().has('new orleans')).toBe(true);
    expect(placeList().begins('new')).toBe(true);
    expect(placeList().begins('zzzq')).toBe(false);
    // A first word of one letter: its entries stand with the words that start with it and a space.
    expect(places.split('\n')).toContain('a coruña');
    expect(placeList().begins('a')).toBe(true);
    expect(regionList().has('south america')).toBe(true);
    for (const p of places.split('\n').slice(0, 500)) expect(placeList().begins(p.split(' ')[0]!), p).toBe(true);
  });
});
