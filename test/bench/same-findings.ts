/**
 * `npx tsx test/bench/same-findings.ts [shown]`: this tree's engine against the engine of a git ref (SAME_BASE,
 * default e8117fd, before the speed work of issue 16) on every eval text, the benign corpora (node_modules'
 * read-me, change-log and configuration files with the licences; /usr/share/doc) and the bench corpus of each kind.
 * Prints each text whose findings differ (detector, span, score, explanation) and exits 1 if any does: a change
 * made for speed alone must print "0 differ". SAME_QUICK=1 leaves the benign corpora out. Eval texts are public
 * data; the values shown are theirs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleBenignCorpus } from '../../src/cli/benign-corpus';
import type { Finding } from '../../src/core/detect/types';
import { bundleEngine, removeBundles } from './bundle';
import { KINDS, mixedCorpus } from './corpus';
import { MB, split } from './measure';
const ref = process.env.SAME_BASE ?? 'e8117fd';
const baseBundle = await bundleEngine(ref);
if (!baseBundle) throw new Error(`${ref} is not in this clone (SAME_BASE=<ref> names another)`);
const base = baseBundle.detect.createEngine();
const now = (await bundleEngine())!.detect.createEngine();
const texts: [string, string][] = [];
const data = '../shared/eval/data';
for (const f of readdirSync(data)) for (const l of readFileSync(join(data, f), 'utf8').split('\n')) if (l.trim()) { const r = JSON.parse(l) as { id: string; full_text: string }; texts.push([`${f}:${r.id}`, r.full_text]); }
if (!process.env.SAME_QUICK) {
  for (const c of [assembleBenignCorpus({ trees: ['node_modules'], licences: ['/usr/share/common-licenses'], maxFiles: 2000 }), assembleBenignCorpus({ trees: ['/usr/share/doc'], licences: [], maxFiles: 800 })])
    for (const f of c.files) texts.push([`benign:${f.path}`, f.text]);
}
for (const k of KINDS) split(mixedCorpus(1 * MB, 11, k), 100 * 1024).forEach((t, i) => texts.push([`corpus:${k}:${i}`, t]));
const show = Number(process.argv[2] ?? 10);
let differ = 0, bytes = 0, tb = 0, tn = 0;
const byDetector = new Map<string, number>();
for (const [id, t] of texts) {
  bytes += t.length;
  let s = performance.now(); const a = base.scan(t); tb += performance.now() - s;
  s = performance.now(); const b = now.scan(t); tn += performance.now() - s;
  const ja = JSON.stringify(a), jb = JSON.stringify(b);
  if (ja === jb) continue;
  differ++;
  const key = (f: Finding) => `${f.detector} ${f.start}-${f.end} ${f.score} ${f.category} ${f.why.join('|')}`;
  const ka = new Set(a.findings.map(key)), kb = new Set(b.findings.map(key));
  const gone = [...ka].filter((x) => !kb.has(x)), added = [...kb].filter((x) => !ka.has(x));
  for (const x of [...gone, ...added]) { const d = x.split(' ')[0]!; byDetector.set(d, (byDetector.get(d) ?? 0) + 1); }
  if (differ <= show) {
    console.log(`DIFF ${id} labels ${a.labels}/${b.labels}${ja.length === jb.length && !gone.length && !added.length ? ' (order or other fields)' : ''}`);
    for (const x of gone.slice(0, 5)) console.log(`  - ${x}  «${t.slice(+x.split(' ')[1]!.split('-')[0]!, +x.split(' ')[1]!.split('-')[1]!).slice(0, 60)}»`);
    for (const x of added.slice(0, 5)) console.log(`  + ${x}  «${t.slice(+x.split(' ')[1]!.split('-')[0]!, +x.split(' ')[1]!.split('-')[1]!).slice(0, 60)}»`);
  }
}
console.log(`${texts.length} texts, ${(bytes / MB).toFixed(1)} MB: ${differ} differ; base ${tb.toFixed(0)} ms, now ${tn.toFixed(0)} ms (${(tb / tn).toFixed(2)}x)`);
if (byDetector.size) console.log('differences by detector:', [...byDetector].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([d, n]) => `${d} ${n}`).join(', '));
removeBundles();
process.exitCode = differ ? 1 : 0;
