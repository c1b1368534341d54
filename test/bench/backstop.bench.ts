/**
 * What the network backstop adds to a request: the synchronous decision its webRequest listener makes while the
 * browser holds the request (read the body, scan, drop allowed values, evaluate), p50/p99 for JSON bodies of
 * 1 KB and 100 KB of harmless business text, in Node. Peers in the same run: the engine's scan of the same text
 * alone, and JSON.parse of the body (what any app's server does with it at least).
 */
import { engineFor } from '../../src/core/policy';
import { decideRequest, initialState } from '../../src/extension/background/backstop/decide';
import { sipKey } from '../../src/extension/background/backstop/hashes';
import type { RequestDetails } from '../../src/extension/background/backstop/read';
import { mixedCorpus } from './corpus';
import { quantile } from './measure';

const SIZES = [
  { label: '1 KB', bytes: 1024, runs: 2000 },
  { label: '100 KB', bytes: 100 * 1024, runs: 200 },
];

const state = initialState(sipKey(crypto.getRandomValues(new Uint8Array(16))));
const engine = engineFor(state.policy);
const encoder = new TextEncoder();

function timed(runs: number, run: (i: number) => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run(i);
    times.push(performance.now() - t);
  }
  return times;
}

const ms = (x: number) => x.toFixed(3).padStart(8);
const corpus = mixedCorpus(120 * 1024, 42, 'business');
console.log('backstop: added latency per request (ms), synchronous decision in Node; peers in the same run');
console.log(`${'body'.padEnd(8)} ${'what'.padEnd(28)} ${'p50'.padStart(8)} ${'p99'.padStart(8)}`);
for (const { label, bytes, runs } of SIZES) {
  // Distinct bodies, so that nothing is decided from a cache: a window over the corpus moved for every request.
  const bodies = Array.from({ length: 16 }, (_, k) => JSON.stringify({ draft: corpus.slice(k * 997, k * 997 + bytes - 12) }));
  const details: RequestDetails[] = bodies.map((b) => ({ url: 'https://app.example.com/api/save', method: 'POST', type: 'xmlhttprequest', tabId: 3, frameId: 0, initiator: 'https://app.example.com', requestBody: { raw: [{ bytes: encoder.encode(b).buffer as ArrayBuffer }] } }));
  // Warm up: word lists, JIT.
  for (let i = 0; i < 50; i++) decideRequest(state, details[i % details.length]!);
  const rows: [string, number[]][] = [
    ['backstop decision', timed(runs, (i) => decideRequest(state, details[i % details.length]!))],
    ['peer: engine scan alone', timed(runs, (i) => engine.scan(bodies[i % bodies.length]!))],
    ['peer: JSON.parse of the body', timed(runs, (i) => JSON.parse(bodies[i % bodies.length]!))],
  ];
  for (const [what, t] of rows) console.log(`${label.padEnd(8)} ${what.padEnd(28)} ${ms(quantile(t, 0.5))} ${ms(quantile(t, 0.99))}`);
}
