/**
 * `npx tsx test/bench/languages.bench.ts` (part of npm run bench): what the languages of issue 17 cost. This tree's
 * engine and the engine of BENCH_LANG_BASELINE (default 2ee3cc1, before issue 17), interleaved in one run, on the
 * English mixed corpus of the engine bench (the cost of the languages on English text, as a ratio) and on clinical
 * letters in each language (MB/s, and what each engine finds there). A benchmark, not a test: it judges nothing.
 */
import { bundleEngine, removeBundles } from './bundle';
import { mixedCorpus } from './corpus';
import { LANGUAGES, lettersIn } from './languages';
import { MB, median, split, throughput } from './measure';

const BASELINE = process.env.BENCH_LANG_BASELINE ?? '2ee3cc1';
const now = (await bundleEngine())!.detect.createEngine();
const before = (await bundleEngine(BASELINE))?.detect.createEngine();

/** Median MB/s of each engine over the same documents, passes interleaved so that the machine's load falls on both. */
function sideBySide(docs: string[], passes = 5): { now: number; before?: number } {
  now.scan(docs[0]!);
  before?.scan(docs[0]!);
  const a: number[] = [], b: number[] = [];
  for (let i = 0; i < passes; i++) {
    if (before) b.push(throughput(docs, (t) => before.scan(t), 1));
    a.push(throughput(docs, (t) => now.scan(t), 1));
  }
  return { now: median(a), before: before ? median(b) : undefined };
}

/** Findings per kilobyte of a text, by type: what the engine sees in each language. */
function found(engine: { scan(t: string): { findings: { type: string }[] } }, text: string): string {
  const by = new Map<string, number>();
  for (const f of engine.scan(text).findings) by.set(f.type, (by.get(f.type) ?? 0) + 1);
  return [...by].sort((x, y) => y[1] - x[1]).map(([t, c]) => `${t} ${c}`).join(', ') || 'nothing';
}

const english = sideBySide(split(mixedCorpus(Number(process.env.BENCH_MB ?? 4) * MB), 100 * 1024));
console.log(before
  ? `English mixed corpus: ${english.now.toFixed(1)} MB/s with the languages, ${english.before!.toFixed(1)} MB/s before them (${BASELINE}); ratio ${(english.now / english.before!).toFixed(2)}`
  : `English mixed corpus: ${english.now.toFixed(1)} MB/s (${BASELINE} is not in this clone: BENCH_LANG_BASELINE=<ref> names another)`);
for (const language of LANGUAGES) {
  const text = lettersIn(language, MB);
  const r = sideBySide(split(text, 100 * 1024), 3);
  const sample = text.slice(0, 2000);
  console.log(`${language}: ${r.now.toFixed(1)} MB/s${r.before ? ` (before ${r.before.toFixed(1)})` : ''}; in its first 2,000 characters now ${found(now, sample)}${before ? `; before ${found(before, sample)}` : ''}`);
}
removeBundles();
