/**
 * `npx tsx test/bench/cold-instructions.ts [ref]`: the instructions of a cold start (a fresh Node process imports
 * the engine's bundle, builds the engine and scans one sentence), this tree's against the engine of a git ref
 * (default ccb08ae), counted by `valgrind --tool=callgrind`, less those of a Node process that does nothing. A
 * count does not change with the machine's load, where times on a shared machine vary threefold from one day to
 * the next. Needs valgrind (Debian's package); takes about a minute per engine. A benchmark: it judges nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleEngine, removeBundles } from './bundle';

const ref = process.argv[2] ?? 'ccb08ae';
const dir = mkdtempSync(join(tmpdir(), 'bulwark-cold-'));

function instructions(body: string): number {
  const script = join(dir, `run-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, body);
  // callgrind reports on standard error; its own output file is not needed.
  const run = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', script], { encoding: 'utf8' });
  const count = /Collected : (\d+)/.exec(run.stderr ?? '')?.[1];
  if (run.status !== 0 || !count) throw new Error(`valgrind did not count the run (is Debian's valgrind installed?): ${run.error?.message ?? run.stderr.slice(-300)}`);
  return Number(count);
}

const coldStart = (path: string): string =>
  `const m = await import(${JSON.stringify(pathToFileURL(path).href)}); m.createEngine().scan('Anna Smith, MRN 12345678, seen on March 5, 2024 for hypertension.');`;

const tree = (await bundleEngine())!;
const base = await bundleEngine(ref);
if (!base) throw new Error(`${ref} is not in this clone`);
const empty = instructions('');
const now = instructions(coldStart(tree.path)) - empty;
const before = instructions(coldStart(base.path)) - empty;
const M = (n: number) => `${(n / 1e6).toFixed(0)} M`;
console.log(`cold start, instructions beyond an empty Node process (${M(empty)}): this tree ${M(now)}, ${ref} ${M(before)}: ${(before / now).toFixed(2)}x`);
rmSync(dir, { recursive: true, force: true });
removeBundles();
