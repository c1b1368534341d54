/**
 * `npx tsx test/bench/scan-instructions.ts [ref]`: the instructions a warm engine spends per pass over the mixed
 * and configuration corpora (SCAN_MB of each, default 1, in 100 KB documents), this tree's against the engine of
 * a git ref (default ead6167), counted by `valgrind --tool=callgrind`: a process that scans the corpus three times
 * less one that scans it once, halved. A count does not change with the machine's load, where the times of the
 * same scan on a shared machine vary twofold within a minute. Needs valgrind; takes a few minutes. A benchmark:
 * it judges nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleEngine, removeBundles } from './bundle';
import { mixedCorpus } from './corpus';
import { MB, split } from './measure';

const ref = process.argv[2] ?? 'ead6167';
const dir = mkdtempSync(join(tmpdir(), 'bulwark-scan-'));
const size = Number(process.env.SCAN_MB ?? 1) * MB;
const corpus = join(dir, 'corpus.json');
writeFileSync(corpus, JSON.stringify([...split(mixedCorpus(size), 100 * 1024), ...split(mixedCorpus(size, 7, 'config'), 100 * 1024)]));

function instructions(bundle: string, passes: number): number {
  const script = join(dir, `run-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, `import { readFileSync } from 'node:fs';
const docs = JSON.parse(readFileSync(${JSON.stringify(corpus)}, 'utf8'));
const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const engine = m.createEngine();
for (let i = 0; i < ${passes}; i++) for (const d of docs) engine.scan(d);`);
  const run = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', script], { encoding: 'utf8' });
  const count = /Collected : (\d+)/.exec(run.stderr ?? '')?.[1];
  if (run.status !== 0 || !count) throw new Error(`valgrind did not count the run (is Debian's valgrind installed?): ${run.error?.message ?? run.stderr.slice(-300)}`);
  return Number(count);
}

const perPass = (bundle: string): number => (instructions(bundle, 3) - instructions(bundle, 1)) / 2;
const tree = (await bundleEngine())!;
const base = await bundleEngine(ref);
if (!base) throw new Error(`${ref} is not in this clone`);
const now = perPass(tree.path), before = perPass(base.path);
const M = (n: number) => `${(n / 1e6).toFixed(0)} M`;
console.log(`one warm pass over ${((2 * size) / MB).toFixed(1)} MB (mixed and configuration), instructions: this tree ${M(now)}, ${ref} ${M(before)}: ${(before / now).toFixed(2)}x fewer`);
rmSync(dir, { recursive: true, force: true });
removeBundles();
