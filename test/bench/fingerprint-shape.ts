/**
 * npx tsx test/bench/fingerprint-shape.ts: how the shingle length (words) and the winnowing window trade the
 * fingerprints kept per document (memory) against what survives edits, on generated documents. Run to choose
 * SHINGLE_WORDS and WINDOW; prints a table, judges nothing.
 */
import { fingerprints } from '../../src/core/protect/fingerprint';
import { assembleFingerprintSet, documentFingerprints, FingerprintMatcher, SHINGLE_WORDS, WINDOW, type FingerprintSet } from '../../src/core/protect/fingerprint';
import { sipKey } from '../../src/core/protect/siphash';
import { documentText } from '../core/protect/generate';
import { mixedCorpus } from './corpus';
import { split } from './measure';

const docs = Array.from({ length: 50 }, (_, i) => documentText(500 + i, 1_500));
const edit = (text: string, every: number) => text.split(' ').map((w, i) => (i % every === every - 1 ? `changed${i}` : w)).join(' ');
const shared = (a: string, b: string, shape: { words: number; window: number }) => {
  const of = (t: string) => new Set(fingerprints(t, 7, shape).map((f) => f.hash));
  const x = of(a), y = of(b);
  return [...x].filter((h) => y.has(h)).length / Math.max(1, x.size);
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
// Natural-looking business, clinical and log text made from templates: unrelated texts that share boilerplate
// phrases, the worst case for false matches.
const prose = split(mixedCorpus(2 * 1024 * 1024, 11), 10_000);
const registered = prose.slice(0, 60), queries = prose.slice(60, 120);

console.log('words window | fingerprints per 1,000 words | similarity: verbatim, 1 word in 15 changed, 1 in 8 | 20-word copy found');
for (const words of [4, 5, 6, 8])
  for (const window of [4, 8, 16]) {
    const shape = { words, window };
    const per1000 = mean(docs.map((d) => new Set(fingerprints(d, 7, shape).map((f) => f.hash)).size)) / 1.5;
    const passages = docs.map((d) => d.split(' ').slice(400, 600).join(' '));
    const sims = [1, 15, 8].map((every) => mean(passages.map((p) => shared(every === 1 ? p : edit(p, every), p, shape))));
    const found = mean(docs.map((d) => (shared(d.split(' ').slice(700, 720).join(' '), d, shape) > 0 ? 1 : 0)));
    console.log(`${String(words).padStart(5)} ${String(window).padStart(6)} | ${per1000.toFixed(0).padStart(28)} | ${sims.map((x) => x.toFixed(2)).join(', ').padStart(38)} | ${(found * 100).toFixed(0).padStart(18)}%`);
  }

// False matches with the shape in use: unrelated texts reported at the engine's default threshold (0.5), with
// the set's boilerplate left out as published, and without (every fingerprint kept).
const key = sipKey(new Uint8Array(16).fill(3));
const docsOf = registered.map((text, i) => ({ id: `r${i}`, name: `r${i}`, hashes: documentFingerprints(text, key) }));
const reported = (set: FingerprintSet) => {
  const m = new FingerprintMatcher(set, key);
  return mean(queries.map((q) => (m.find(q).some((x) => x.similarity >= 0.5) ? 1 : 0)));
};
console.log(`unrelated templated texts reported at similarity >= 0.5 (${SHINGLE_WORDS} words, window ${WINDOW}): ${(reported(assembleFingerprintSet('s', 's', docsOf)) * 100).toFixed(0)}% with boilerplate left out; each document registered alone: ${(mean(docsOf.map((d) => reported(assembleFingerprintSet('one', 'one', [d])))) * 100).toFixed(0)}%`);
