import { describe, expect, it } from 'vitest';
import { buildFingerprintSet, FingerprintMatcher } from '../../../src/core/protect/fingerprint';
import { sipKey } from '../../../src/core/protect/siphash';
import { documentText, random } from './generate';

const key = sipKey(Uint8Array.from({ length: 16 }, (_, i) => 255 - i));
const docs = Array.from({ length: 200 }, (_, i) => ({ id: `d${i}`, name: `Batch record ${i}`, text: documentText(1000 + i, 1_500) }));
const set = buildFingerprintSet('batch-records', 'Batch records', docs, key);
const matcher = new FingerprintMatcher(set, key);
const doc = docs[42]!.text;
const wordsOf = (t: string) => t.split(' ');
const excerpt = (from: number, n: number) => wordsOf(doc).slice(from, from + n).join(' ');
const unrelated = documentText(99, 300);

/** Replaces every n-th word with a word of no document. */
const edit = (text: string, every: number) => wordsOf(text).map((w, i) => (i % every === every - 1 ? `changed${i}` : w)).join(' ');

describe('document fingerprints', () => {
  it('recognises a pasted paragraph inside other text, where it is, as a near-whole copy', () => {
    const para = excerpt(500, 80);
    const text = `${unrelated} ${para} ${unrelated}`;
    const [m, ...rest] = matcher.find(text);
    expect(rest).toEqual([]);
    expect(m!.document).toBe(42);
    expect(m!.similarity).toBeGreaterThan(0.9);
    expect(m!.coverage).toBeLessThan(0.1);
    const at = text.indexOf(para);
    expect(m!.start).toBeGreaterThanOrEqual(at);
    expect(m!.end).toBeLessThanOrEqual(at + para.length);
    expect(m!.end - m!.start).toBeGreaterThan(para.length * 0.8);
  });

  it('ignores case, punctuation and spacing', () => {
    const para = excerpt(100, 60).toUpperCase().replace(/ /g, ',\n  ');
    expect(matcher.find(para)[0]).toMatchObject({ document: 42 });
    expect(matcher.find(para)[0]!.similarity).toBeGreaterThan(0.9);
  });

  it('gives an edited version a lower figure, in order of the edits', () => {
    const para = excerpt(700, 200);
    const light = matcher.find(edit(para, 15))[0]!, heavy = matcher.find(edit(para, 8))[0]!;
    expect(light.document).toBe(42);
    expect(light.similarity).toBeGreaterThan(0.5);
    expect(light.similarity).toBeLessThan(0.95);
    expect(heavy.similarity).toBeLessThan(light.similarity);
    // A word changed in every five leaves no run of five words: nothing is left to recognise.
    expect(matcher.find(edit(para, 5))).toEqual([]);
  });

  it('recognises the whole document with its paragraphs reordered, most of it covered', () => {
    const w = wordsOf(doc);
    const paras = Array.from({ length: 10 }, (_, i) => w.slice(i * 150, (i + 1) * 150).join(' '));
    const r = random(5);
    const shuffled = [...paras].sort(() => r() - 0.5).join('\n\n');
    const [m] = matcher.find(shuffled);
    expect(m!.document).toBe(42);
    expect(m!.coverage).toBeGreaterThan(0.8);
    expect(m!.similarity).toBeGreaterThan(0.8);
  });

  it('finds nothing in unrelated text, nor in a copy too short to mean anything', () => {
    expect(matcher.find(unrelated)).toEqual([]);
    expect(matcher.find(`${unrelated} ${excerpt(300, 8)} ${unrelated}`)).toEqual([]);
    expect(new FingerprintMatcher(set, sipKey(new Uint8Array(16))).find(excerpt(0, 100))).toEqual([]);
  });
});

describe('boilerplate', () => {
  it('leaves out what many registered documents share (a disclaimer), so a new text with it does not match', () => {
    const disclaimer = documentText(4242, 60);
    const withDisclaimer = Array.from({ length: 40 }, (_, i) => ({ id: `b${i}`, name: `Report ${i}`, text: `${documentText(3000 + i, 400)} ${disclaimer}` }));
    const m = new FingerprintMatcher(buildFingerprintSet('reports', 'Reports', withDisclaimer, key), key);
    expect(m.find(`A new memo about the canteen. ${disclaimer}`)).toEqual([]);
    const own = withDisclaimer[7]!.text.split(' ').slice(100, 160).join(' ');
    expect(m.find(own).map((x) => x.document)).toEqual([7]);
  });
});
