/**
 * `npx tsx test/bench/stages.ts [ref]`: where the time goes, this tree's engine beside the engine of a git ref
 * (STAGES_BASE or the argument; default the commit this was written on), stage by stage and detector by
 * detector (ScanOptions.profile), over the mixed corpus and the configuration corpus (STAGES_MB each, default 2),
 * interleaved so that the machine's load falls on both alike: medians of 5 passes. Prints the stages that take
 * the most time in either, with the ratio. A benchmark: it judges nothing.
 */
import type { Detect } from './bundle';
import { bundleEngine, removeBundles } from './bundle';
import { mixedCorpus } from './corpus';
import { MB, median, split } from './measure';

const ref = process.argv[2] ?? process.env.STAGES_BASE ?? '6f79cd2';
const base = await bundleEngine(ref);
if (!base) throw new Error(`${ref} is not in this clone`);
const tree = (await bundleEngine())!;
const size = Number(process.env.STAGES_MB ?? 2) * MB;
const docs = [...split(mixedCorpus(size), 100 * 1024), ...split(mixedCorpus(size, 7, 'config'), 100 * 1024)];
const bytes = docs.reduce((n, d) => n + d.length, 0);

function profiled(detect: Detect) {
  const passes: Map<string, number>[] = [];
  const totals: number[] = [];
  return {
    pass() {
      const profile = new Map<string, number>();
      const engine = detect.createEngine({ profile });
      engine.scan(docs[0]!); // word lists, compiled regexes
      profile.clear();
      const t = performance.now();
      for (const d of docs) engine.scan(d);
      totals.push(performance.now() - t);
      passes.push(profile);
    },
    median(stage: string) {
      return median(passes.map((p) => p.get(stage) ?? 0));
    },
    stages: () => new Set(passes.flatMap((p) => [...p.keys()])),
    total: () => median(totals),
  };
}

const before = profiled(base.detect), after = profiled(tree.detect);
for (let i = 0; i < 5; i++) {
  before.pass();
  after.pass();
}
const mbs = (ms: number) => (bytes / MB / (ms / 1000)).toFixed(1);
console.log(`${(bytes / MB).toFixed(1)} MB (mixed and configuration), profile on, medians of 5 interleaved passes`);
console.log(`whole scan: ${ref} ${before.total().toFixed(0)} ms (${mbs(before.total())} MB/s), this tree ${after.total().toFixed(0)} ms (${mbs(after.total())} MB/s), ${(before.total() / after.total()).toFixed(2)}x`);
const rows = [...new Set([...before.stages(), ...after.stages()])].map((s) => [s, before.median(s), after.median(s)] as const);
rows.sort((a, b) => Math.max(b[1], b[2]) - Math.max(a[1], a[2]));
console.log(`${'before'.padStart(9)} ${'after'.padStart(9)}  ratio  stage`);
for (const [s, b, a] of rows.slice(0, Number(process.env.STAGES_TOP ?? 40)))
  console.log(`${b.toFixed(1).padStart(9)} ${a.toFixed(1).padStart(9)}  ${(a > 0 ? (b / a).toFixed(1) + 'x' : '-').padStart(5)}  ${s}`);
removeBundles();
