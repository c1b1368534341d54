/**
 * npm run bench (intellectual property): the engine's throughput with every IP classifier on, an organisation's
 * dictionaries, code formats and patterns, a 50,000-row exact-data table and 1,000 fingerprinted documents
 * loaded, against the same engine without them in the same run (medians of 5 passes); the memory those tables
 * take in the browser; the time the backend takes to build them. A benchmark: it prints figures, judges nothing.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentText, isoDate, people } from '../core/protect/generate';
import { mixedCorpus } from './corpus';
import { MB, split, throughput } from './measure';

// The code as it ships: one bundle, as Vite builds it into the extension.
const out = mkdtempSync(join(tmpdir(), 'bulwark-bench-ip-'));
await build({ entryPoints: ['test/bench/ip-entry.ts'], bundle: true, format: 'esm', platform: 'neutral', outfile: join(out, 'ip.mjs'), logLevel: 'error' });
const m = (await import(pathToFileURL(join(out, 'ip.mjs')).href)) as typeof import('./ip-entry');


const key = m.sipKey(Uint8Array.from({ length: 16 }, (_, i) => i * 13));
const ROWS = 50_000, DOCUMENTS = 1_000, WORDS = 2_000;
const persons = people(ROWS, 3);
let t = performance.now();
const table = m.buildEdm(
  { id: 'patients', name: 'Patients', category: 'pii', columns: [{ name: 'name', kind: 'text' }, { name: 'dob', kind: 'date' }, { name: 'mrn', kind: 'id' }, { name: 'ssn', kind: 'number' }], combos: [[0, 1], [2], [3]], proximity: 300 },
  persons.map((p) => [p.name, isoDate(p), p.mrn, p.ssn]),
  key,
);
const edmBuild = performance.now() - t;
t = performance.now();
const set = m.buildFingerprintSet('documents', 'Protected documents', Array.from({ length: DOCUMENTS }, (_, i) => ({ id: `d${i}`, name: `Document ${i}`, text: documentText(i, WORDS) })), key);
const fpBuild = performance.now() - t;
const published = JSON.stringify(m.encodeProtectedData({ version: 1, tables: [table], documentSets: [set] }));

const data = m.decodeProtectedData(JSON.parse(published));
const protectedDetectors = m.protectedDataDetectors(data, key);
// What the browser holds for them: the decoded arrays, which the detectors keep (nothing else grows with rows).
const matchers = [new m.EdmMatcher(data.tables[0]!, key), new m.FingerprintMatcher(data.documentSets[0]!, key)];
const held = matchers.reduce((n, x) => n + x.bytes, 0);

const classifiers = m.Classifiers.parse({
  compoundCodes: [{ id: 'compounds', formats: ['BWX-####', 'BW-@@##'] }],
  dictionaries: [{ id: 'projects', kind: 'project', terms: Array.from({ length: 200 }, (_, i) => `Project ${documentText(i, 1)}`) }],
  patterns: [{ id: 'protocols', regex: 'STP-\\d{2}-\\d{3}' }],
});
const without = new m.Engine(m.DETECTORS.filter((d) => d.category !== 'ip' && d.category !== 'manufacturing'));
const builtIn = new m.Engine(m.DETECTORS);
const withIp = new m.Engine([...m.DETECTORS, ...m.organisationDetectors(classifiers), ...protectedDetectors]);

const docs = split(mixedCorpus(Number(process.env.BENCH_MB ?? 8) * MB), 100 * 1024);
without.scan(docs[0]!);
withIp.scan(docs[0]!);
const base = throughput(docs, (x) => without.scan(x), 5);
const ip = throughput(docs, (x) => withIp.scan(x), 5);
const builtInRate = throughput(docs, (x) => builtIn.scan(x), 5);
const [edmOnly, fpOnly] = matchers as [InstanceType<typeof m.EdmMatcher>, InstanceType<typeof m.FingerprintMatcher>];
const edmRate = throughput(docs, (x) => edmOnly.find(x), 3);
const fpRate = throughput(docs, (x) => fpOnly.find(x), 3);

console.log(`corpus: ${docs.length} documents of 100 KB of mixed clinical, business, code and log text`);
console.log(`engine without IP classifiers (${without.detectors.length} detectors): ${base.toFixed(1)} MB/s (median of 5 passes)`);
console.log(`engine with IP classifiers, organisation classifiers, ${ROWS.toLocaleString('en')}-row table and ${DOCUMENTS.toLocaleString('en')} documents (${withIp.detectors.length} detectors): ${ip.toFixed(1)} MB/s, ${(ip / base).toFixed(2)}x the engine without them`);
console.log(`engine with the built-in IP classifiers only (${builtIn.detectors.length} detectors): ${builtInRate.toFixed(1)} MB/s, ${(builtInRate / base).toFixed(2)}x`);
console.log(`alone: exact-data match ${edmRate.toFixed(1)} MB/s, document fingerprints ${fpRate.toFixed(1)} MB/s`);
console.log(`memory of the table and fingerprints in the browser: ${(held / MB).toFixed(1)} MB (${table.hi.length.toLocaleString('en')} cells, ${set.hashes.length.toLocaleString('en')} fingerprints)`);
console.log(`published (signed JSON, base64): ${(published.length / MB).toFixed(1)} MB; built on the backend in ${(edmBuild / 1000).toFixed(1)} s (table) and ${(fpBuild / 1000).toFixed(1)} s (documents)`);
rmSync(out, { recursive: true, force: true });
