/**
 * npm run bench: the default detector set over >= 10 MB of mixed text, side by side with redact-pii and
 * @openredaction/openredaction in the same run (medians of repeated runs), p50/p99 latency for 1 KB, 100 KB and 1 MB,
 * and peak memory; and the engine of an earlier commit (BENCH_BASELINE, a git ref) in the same run, so that the
 * cost of new work reads as before and after on the same machine at the same moment. A benchmark, not a test: it
 * prints figures and judges nothing.
 */
import { OpenRedaction } from '@openredaction/openredaction';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { SyncRedactor } from 'redact-pii';
import { bundleEngine, removeBundles } from './bundle';
import { KINDS, mixedCorpus } from './corpus';
import { MB, median, quantile, split, throughput } from './measure';

const tree = (await bundleEngine())!;
const enginePath = tree.path;
const { createEngine } = tree.detect;

/** The engine as it was at BENCH_BASELINE (default: the last commit before the detection-on-real-world-text work). */
const BASELINE = process.env.BENCH_BASELINE ?? '891cc04';
const baselineTree = await bundleEngine(BASELINE);
const baseline = baselineTree?.detect.createEngine();

/**
 * Cold start in a fresh process: loading the bundle, building the engine, the first scan (word lists), the next;
 * and the engine's heap (after a collection, with the engine built and used, against before the import). Of this
 * tree's bundle, and of the baseline's in the same run.
 */
function coldStart(path: string): Record<string, number> {
  const script = `globalThis.gc(); const h0 = process.memoryUsage().heapUsed;
    const t0 = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(path).href)}); const t1 = performance.now();
    const e = m.createEngine(); const t2 = performance.now(); e.scan('Anna Smith, MRN 12345678, seen on March 5, 2024 for hypertension.');
    const t3 = performance.now(); e.scan('SSN 536-22-8726'); const t4 = performance.now();
    globalThis.gc(); const heap = (process.memoryUsage().heapUsed - h0) / 1048576;
    console.log(JSON.stringify({ load: t1 - t0, create: t2 - t1, firstScan: t3 - t2, nextScan: t4 - t3, total: t3 - t0, heap }));`;
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' })) as Record<string, number>;
}
// Interleaved with the baseline's, so that the machine's load falls on both alike.
const colds: Record<string, number>[] = [], baselineColds: Record<string, number>[] = [];
for (let i = 0; i < 7; i++) {
  colds.push(coldStart(enginePath));
  if (baselineTree) baselineColds.push(coldStart(baselineTree.path));
}


const corpus = mixedCorpus(Number(process.env.BENCH_MB ?? 12) * MB);
const docs = split(corpus, 100 * 1024);
const engine = createEngine();
engine.scan(docs[0]!); // warm up: word lists, compiled regexes

const heapBefore = process.memoryUsage().heapUsed;
const bulwark = throughput(docs, (t) => engine.scan(t), 5);
const heapAfter = process.memoryUsage().heapUsed;

// The peers are far slower: they get a 1 MB slice of the same corpus (ratios are per megabyte).
const sample = docs.slice(0, 10);
const redactor = new SyncRedactor();
const redactPii = throughput(sample, (t) => redactor.redact(t), 3);
const openRedaction = new OpenRedaction();
const openred = throughput(sample.slice(0, 2), (t) => openRedaction.detect(t), 3);
const bulwarkSample = throughput(sample, (t) => engine.scan(t), 5);

// Before and after, interleaved so that the machine's load falls on both alike.
const beforeAfter = baseline && (() => {
  const before: number[] = [], after: number[] = [];
  const half = docs.slice(0, Math.ceil(docs.length / 2));
  // Warmed as this tree's engine is by the passes above (one document left its lazy rows, patterns and compiled
  // code half-built, which the first passes of the comparison paid for).
  for (const d of half) baseline.scan(d);
  for (let i = 0; i < 5; i++) {
    before.push(throughput(half, (t) => baseline.scan(t), 1));
    after.push(throughput(half, (t) => engine.scan(t), 1));
  }
  return { before: median(before), after: median(after), detectors: baseline.detectors.length };
})();

/** Time to scan texts of one size, taken from all over the corpus (p50, p99). */
function latency(size: number, runs: number): string {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const at = (i * 7919 * 131) % (corpus.length - size);
    const text = corpus.slice(at, at + size);
    const t = performance.now();
    engine.scan(text);
    times.push(performance.now() - t);
  }
  return `${size >= MB ? `${size / MB} MB` : `${size / 1024} KB`}: p50 ${quantile(times, 0.5).toFixed(2)} ms, p99 ${quantile(times, 0.99).toFixed(2)} ms`;
}
const latencies = [latency(1024, 1000), latency(100 * 1024, 200), latency(MB, 20)];

// The issue's second corpus: configuration files (.env, YAML, JSON, nginx) and logs (access, syslog, app).
const configDocs = split(mixedCorpus(2 * MB, 13, 'config') + mixedCorpus(2 * MB, 17, 'logs'), 100 * 1024);
const configRate = throughput(configDocs, (t) => engine.scan(t), 3);

/** 10 MB in one scan (one text, not documents of 100 KB): median of 3. */
const tenMB = corpus.slice(0, Math.min(corpus.length, 10 * MB));
const tenMBms = median(Array.from({ length: 3 }, () => {
  const t = performance.now();
  engine.scan(tenMB);
  return performance.now() - t;
}));

/** Where the time goes: an engine with a profile (ScanOptions.profile) over 4 MB of the mixed corpus, once. */
const stages = new Map<string, number>();
const profiled = createEngine({ profile: stages });
const profileDocs = docs.slice(0, 40);
profiled.scan(profileDocs[0]!);
stages.clear();
const profileStart = performance.now();
for (const d of profileDocs) profiled.scan(d);
const profileTotal = performance.now() - profileStart;
let inStages = 0;
for (const v of stages.values()) inStages += v;
const top = [...stages].sort((a, b) => b[1] - a[1]).slice(0, 20);

const perKind = KINDS.map((kind) => {
  const kindDocs = split(mixedCorpus(2 * MB, 7, kind), 100 * 1024);
  return `${kind} ${throughput(kindDocs, (t) => engine.scan(t), 3).toFixed(1)}`;
});

const row = (name: string, mbps: number, base: number) => `${name.padEnd(30)} ${mbps.toFixed(2).padStart(9)} MB/s   ${(base / mbps).toFixed(1).padStart(8)}x slower than Bulwark`;
console.log(`corpus: ${(corpus.length / MB).toFixed(1)} MB of mixed clinical, business, code and log text in ${docs.length} documents of 100 KB`);
console.log(`Bulwark, default detectors (${engine.detectors.length}):  ${bulwark.toFixed(1)} MB/s (median of 5 passes over the whole corpus)`);
console.log(`same run, on a 1 MB slice:`);
console.log(`${'Bulwark'.padEnd(30)} ${bulwarkSample.toFixed(2).padStart(9)} MB/s`);
console.log(row('redact-pii (SyncRedactor)', redactPii, bulwarkSample));
console.log(row('@openredaction/openredaction', openred, bulwarkSample));
console.log(beforeAfter
  ? `before and after (${BASELINE}, ${beforeAfter.detectors} detectors, against this tree's ${engine.detectors.length}; interleaved, median of 5 over ${(docs.length / 2 * 0.1).toFixed(1)} MB): ${beforeAfter.before.toFixed(1)} MB/s before, ${beforeAfter.after.toFixed(1)} MB/s after (${(beforeAfter.after / beforeAfter.before).toFixed(2)}x)`
  : `before and after: the baseline ${BASELINE} is not in this clone (BENCH_BASELINE=<ref> names another)`);
console.log(`Bulwark is ${(bulwarkSample / redactPii).toFixed(1)}x redact-pii on the same 1 MB in the same run`);
console.log(`configuration files and logs (${(configDocs.length / 10).toFixed(1)} MB: .env, YAML, JSON, nginx, syslog, access and app logs): ${configRate.toFixed(1)} MB/s`);
console.log(`by kind of text (MB/s, 2 MB each): ${perKind.join(', ')}`);
console.log(`time to scan a text of ${latencies.join('; ')}; 10 MB in one scan: ${tenMBms.toFixed(0)} ms (median of 3)`);
const coldMedian = (k: string, runs = colds) => median(runs.map((c) => c[k]!)).toFixed(1);
console.log(`cold start in a fresh process (median of 7): load ${coldMedian('load')} ms, build the engine ${coldMedian('create')} ms, first scan ${coldMedian('firstScan')} ms, next scan ${coldMedian('nextScan')} ms; load + build + first scan ${coldMedian('total')} ms; engine heap ${coldMedian('heap')} MB`);
if (baselineColds.length)
  console.log(`cold start of ${BASELINE}, interleaved: load ${coldMedian('load', baselineColds)} ms, build ${coldMedian('create', baselineColds)} ms, first scan ${coldMedian('firstScan', baselineColds)} ms; load + build + first scan ${coldMedian('total', baselineColds)} ms (${(Number(coldMedian('total', baselineColds)) / Number(coldMedian('total'))).toFixed(2)}x this tree's)`);
console.log(`memory: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB for the whole run; heap grew ${((heapAfter - heapBefore) / MB).toFixed(1)} MB over the Bulwark passes`);
console.log(`where the time goes (ScanOptions.profile over ${(profileDocs.length / 10).toFixed(1)} MB of the mixed corpus: ${profileTotal.toFixed(0)} ms, ${(profileDocs.length / 10 / (profileTotal / 1000)).toFixed(1)} MB/s with the profile on; ${inStages.toFixed(0)} ms in stages):`);
for (const [stage, ms] of top) console.log(`${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / profileTotal).toFixed(1).padStart(5)}%  ${stage}`);
removeBundles();
