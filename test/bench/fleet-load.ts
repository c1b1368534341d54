/**
 * Load for the server bench, on threads of its own so that the senders' work does not land on the server's event
 * loop: `devices` simulated browsers, each posting batches of `batch` events (at most `perSecond` requests a
 * second, the way a batching extension sends), and an analyst paging the events list, timing each answer.
 * Plain JavaScript (worker `eval`): it only needs fetch.
 */
import { Worker } from 'node:worker_threads';

const SENDERS = `
const { workerData, parentPort } = require('node:worker_threads');
const { url, tokens, batch, perSecond, durationMs, template } = workerData;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const end = Date.now() + durationMs;
let accepted = 0, requests = 0, limited = 0, failed = 0;
const actions = ['audit', 'warn', 'block', 'redact'];
async function device(token, d) {
  await sleep(Math.random() * 1000 / perSecond);
  while (Date.now() < end) {
    const started = Date.now();
    const events = Array.from({ length: batch }, (_, i) => ({ ...template, id: crypto.randomUUID(), time: new Date().toISOString(), action: actions[(d + i) % 4], destination: { host: 'site' + ((d * 7 + i) % 60) + '.example.com', categories: [] } }));
    try {
      const r = await fetch(url + '/api/device/events', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }, body: JSON.stringify({ events, dropped: 0 }) });
      const body = await r.json();
      requests++;
      if (r.status === 429 || r.status === 503) { limited++; await sleep(1000 * Number(r.headers.get('Retry-After') ?? 1)); continue; }
      if (!r.ok) { failed++; continue; }
      accepted += body.accepted;
    } catch { failed++; }
    await sleep(Math.max(0, 1000 / perSecond - (Date.now() - started)));
  }
}
const t0 = Date.now();
Promise.all(tokens.map(device)).then(() => parentPort.postMessage({ accepted, requests, limited, failed, seconds: (Date.now() - t0) / 1000 }));
`;

const QUERIES = `
const { workerData, parentPort } = require('node:worker_threads');
const { url, cookie, paths, durationMs } = workerData;
const end = Date.now() + durationMs;
const times = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
let failed = 0;
(async () => {
  while (Date.now() < end) {
    for (const [label, path] of Object.entries(paths)) {
      const t = performance.now();
      try {
        const r = await fetch(url + path, { headers: { Cookie: cookie } });
        await r.json();
        if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
        times[label].push(performance.now() - t);
      } catch {
        failed++;
      }
    }
  }
  parentPort.postMessage({ times, failed });
})();
`;

function run<T>(code: string, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData });
    w.once('message', (m: T) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

export interface SendResult {
  accepted: number;
  requests: number;
  limited: number;
  failed: number;
  seconds: number;
}

export const sendEvents = (o: { url: string; tokens: string[]; batch: number; perSecond: number; durationMs: number; template: unknown }) => run<SendResult>(SENDERS, o);

/** Each query's answer times in ms, asked one after another in a loop for `durationMs`; and how many failed. */
export const askQueries = (o: { url: string; cookie: string; paths: Record<string, string>; durationMs: number }) => run<{ times: Record<string, number[]>; failed: number }>(QUERIES, o);
