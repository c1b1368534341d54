import { describe, expect, it } from 'vitest';
import { commonWordList, nameList, placeList, regionList } from '../../../src/core/detect/lexicon';
import commonWords from '../../../src/core/detect/lexicon/common-words.generated';
import peopleNames from '../../../src/core/detect/lexicon/people-names.generated';
import places from '../../../src/core/detect/lexicon/places.generated';
import regions from '../../../src/core/detect/lexicon/regions.generated';

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
    expect(regionList().has('south america')).toBe(true);
    for (const p of places.split('\n').slice(0, 500)) expect(placeList().begins(p.split(' ')[0]!), p).toBe(true);
  });
});
