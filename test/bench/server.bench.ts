/**
 * The backend's speed on both databases: a fleet (200 devices sending batches of 10 through the HTTP API while
 * an analyst pages the events list: events/s, median of runs, and the list's p50/p95 meanwhile); ingestion in events per second through the HTTP API (4 devices
 * sending batches of 500 at once, schema checks included), with the store alone as the peer in the same run;
 * and console query time (p50/p95 over 20 runs, through the API, and the first run on its own: the baselines are
 * computed at most every five minutes and served from memory between) over one million events, with OFFSET
 * paging as the peer for the deep page.
 */
import type { BulwarkEvent } from '../../src/core/events/event';
import { ServerConfig } from '../../src/server/config';
import { newToken, tokenHash } from '../../src/server/secrets';
import { startServer } from '../../src/server/server';
import { hashPassword } from '../../src/server/secrets';
import { freshStore, type Database } from '../server/harness';
import { startPostgres } from '../server/postgres';
import { maintainEvents } from '../../src/server/store/partitions';
import { askQueries, sendEvents } from './fleet-load';
import { median } from './measure';

const MILLION = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const INGEST = 40_000;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const USERS = Array.from({ length: 2000 }, (_, i) => `user${i}@ourpharma.example`);
const HOSTS = Array.from({ length: 60 }, (_, i) => `site${i}.example.com`);
const TYPES = ['SSN', 'MRN', 'PERSON', 'EMAIL', 'PHONE', 'DATE', 'CREDIT_CARD', 'SECRET', 'IBAN', 'NPI'] as const;
const NOW = Date.UTC(2026, 10, 25);

/** `liveMs`: an event arriving now (ingestion); without it, a time in the last 90 days (the loaded history). */
function event(i: number, liveMs?: number): BulwarkEvent {
  const action = pick(['audit', 'warn', 'warn', 'block', 'redact'] as const);
  const t = pick(TYPES);
  return {
    id: crypto.randomUUID(),
    time: new Date(liveMs ?? NOW - Math.floor(rand() * 90 * 86_400_000)).toISOString(),
    device: { id: `laptop-${i % 3000}`, user: pick(USERS) },
    browser: { name: 'Chrome', version: '150.0' },
    extensionVersion: '0.1.0',
    policyVersion: 3,
    channel: pick(['paste', 'file-upload', 'email-send', 'prompt-submit'] as const),
    destination: { host: pick(HOSTS), categories: ['generative-ai'] },
    recipientDomains: [],
    findings: [{ type: t, category: t === 'SECRET' ? 'secret' : 'phi', count: 1 + Math.floor(rand() * 5), previews: ['•••-••-••42'], hashes: ['a'.repeat(64)] }],
    rule: action === 'audit' ? undefined : pick(['phi-to-ai', 'secrets', 'pii-external']),
    action,
    outcome: action === 'block' ? 'cancelled' : 'sent',
    justification: action === 'warn' && rand() < 0.2 ? 'Needed for the batch record review with the sponsor' : undefined,
  };
}

async function bench(kind: Database, pgUrl?: { url: string; stop(): void }) {
  // --- ingestion: the store alone (peer), then the whole API ---
  {
    const { store, dispose } = await freshStore(kind, pgUrl as never);
    const events = Array.from({ length: INGEST }, (_, i) => event(i, NOW + i * 10));
    const t0 = performance.now();
    for (let i = 0; i < events.length; i += 500) await store.addEvents(events.slice(i, i + 500));
    const storeRate = INGEST / ((performance.now() - t0) / 1000);
    await dispose();

    const fresh = await freshStore(kind, pgUrl as never);
    const server = await startServer(ServerConfig.parse({ port: 0 }), { store: fresh.store });
    const tokens = await Promise.all(
      Array.from({ length: 4 }, async (_, d) => {
        const token = newToken('bwd');
        await fresh.store.enrollDevice(`bench-${d}`, tokenHash(token), undefined);
        return token;
      }),
    );
    const batches = Array.from({ length: INGEST / 500 }, (_, b) => JSON.stringify({ events: Array.from({ length: 500 }, (_, i) => event(b * 500 + i, NOW + (b * 500 + i) * 10)), dropped: 0 }));
    const t1 = performance.now();
    await Promise.all(
      tokens.map(async (token, d) => {
        for (let b = d; b < batches.length; b += tokens.length) {
          for (;;) {
            const r = await fetch(`${server.url}/api/device/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: batches[b] });
            await r.arrayBuffer();
            if (r.status === 429) continue;
            if (!r.ok) throw new Error(`HTTP ${r.status}`);
            break;
          }
        }
      }),
    );
    const apiRate = INGEST / ((performance.now() - t1) / 1000);
    console.log(`${kind}: ingestion ${Math.round(apiRate).toLocaleString('en')} events/s through the API (4 devices, batches of 500); the store alone ${Math.round(storeRate).toLocaleString('en')} events/s (API ${(storeRate / apiRate).toFixed(1)}x slower)`);
    await server.close();
  }

  // --- queries over a million events ---
  const { store, dispose } = await freshStore(kind, pgUrl as never);
  const t2 = performance.now();
  for (let i = 0; i < MILLION; i += 5000) await store.addEvents(Array.from({ length: Math.min(5000, MILLION - i) }, (_, k) => event(i + k)));
  console.log(`${kind}: loaded ${MILLION.toLocaleString('en')} events in ${((performance.now() - t2) / 1000).toFixed(0)} s`);
  // The history's months get their partitions now, as they would have month by month (not while measuring).
  await maintainEvents(store.db, { retentionDays: 2190 });
  const server = await startServer(ServerConfig.parse({ port: 0 }), { store });
  await store.addUser('bench', await hashPassword('bench password long'), 'admin');
  const login = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'bench', password: 'bench password long' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const get = async (path: string) => {
    const t = performance.now();
    const r = await fetch(server.url + path, { headers: { Cookie: cookie } });
    const body = await r.json();
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    return { ms: performance.now() - t, body };
  };
  // A cursor 200 pages deep, for the deep-page query.
  let cursor: string | undefined;
  for (let p = 0; p < 200; p++) cursor = (await get(`/api/events?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).body.next;
  const from = new Date(NOW - 7 * 86_400_000).toISOString();
  const QUERIES: Array<[string, string]> = [
    ['newest page', '/api/events'],
    ['page 201 (keyset)', `/api/events?cursor=${cursor}`],
    ['one user', `/api/events?user=${encodeURIComponent(USERS[17]!)}`],
    ['one type', '/api/events?type=SSN'],
    ['type + decision + destination', '/api/events?type=MRN&action=block&host=site3.example.com'],
    ['last 7 days, blocked', `/api/events?from=${from}&action=block`],
    ['rare rule + channel', '/api/events?rule=secrets&channel=email-send&user=' + encodeURIComponent(USERS[5]!)],
    ['charts, 30 days', '/api/stats'],
    ['unusual behaviour', '/api/insights'],
  ];
  const p95s: number[] = [];
  for (const [label, path] of QUERIES) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) times.push((await get(path)).ms);
    p95s.push(quantile(times, 0.95));
    console.log(`${kind}:   ${label.padEnd(32)} p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms (first ${times[0]!.toFixed(1)} ms)`);
  }
  // The peer: the same deep page by OFFSET, as a naive console would ask for it.
  const offsetTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await store.db.query('SELECT doc FROM events ORDER BY time_ms DESC, seq DESC LIMIT 50 OFFSET 10000');
    offsetTimes.push(performance.now() - t);
  }
  console.log(`${kind}:   peer: page 201 by OFFSET (store only)  p50 ${quantile(offsetTimes, 0.5).toFixed(1)} ms`);
  console.log(`${kind}: worst p95 of the console's queries over ${MILLION.toLocaleString('en')} events: ${Math.max(...p95s).toFixed(1)} ms`);
  await server.close();
  await dispose().catch(() => undefined);
}

const FLEET_DEVICES = 200;
const FLEET_HISTORY = Number(process.env.BENCH_FLEET_HISTORY ?? 200_000);
const FLEET_RUNS = 3;
const FLEET_SECONDS = 10;

/**
 * 200 devices, each sending batches of 10 (or 50) events to one instance for 10 s, three runs, at three loads; meanwhile
 * an analyst asks for the newest page, a page 200 deep, one user's and one type's events, one after another, on
 * a store that already holds FLEET_HISTORY events.
 */
async function fleet(kind: Database, pgUrl?: { url: string; stop(): void }) {
  const { store, dispose } = await freshStore(kind, pgUrl as never);
  for (let i = 0; i < FLEET_HISTORY; i += 5000) await store.addEvents(Array.from({ length: Math.min(5000, FLEET_HISTORY - i) }, (_, k) => event(i + k)));
  // The history's months get their partitions now, as they would have month by month (not during the runs).
  await maintainEvents(store.db, { retentionDays: 2190 });
  const server = await startServer(ServerConfig.parse({ port: 0 }), { store });
  const tokens = await Promise.all(
    Array.from({ length: FLEET_DEVICES }, async (_, d) => {
      const token = newToken('bwd');
      await store.enrollDevice(`fleet-${d}`, tokenHash(token), `fleet-user-${d}@ourpharma.example`);
      return token;
    }),
  );
  await store.addUser('bench', await hashPassword('bench password long'), 'admin');
  const login = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'bench', password: 'bench password long' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  let cursor: string | undefined;
  for (let p = 0; p < 200; p++) cursor = ((await (await fetch(`${server.url}/api/events?limit=50${cursor ? `&cursor=${cursor}` : ''}`, { headers: { Cookie: cookie } })).json()) as { next?: string }).next;
  const paths = { 'newest page': '/api/events', 'page 201': `/api/events?cursor=${cursor}`, 'one user': `/api/events?user=${encodeURIComponent(USERS[17]!)}`, 'one type': '/api/events?type=SSN' };
  // At the target (each device one batch a second: 2,000 events/s offered), then at four times it (8,000
  // offered: what one instance can take at most, and how the console fares when it is saturated).
  // Last, the extension's own batching under that load (a device with 40 events a second sends 50 at a time).
  for (const [label, batch, perSecond] of [
    ['batches of 10, at 2,000 events/s offered', 10, 1],
    ['batches of 10, at 8,000 events/s offered', 10, 4],
    ['batches of 50, at 8,000 events/s offered', 50, 0.8],
  ] as const) {
    const rates: number[] = [];
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
    let limited = 0;
    let failed = 0;
    let queryFailures = 0;
    for (let r = 0; r < FLEET_RUNS; r++) {
      const durationMs = FLEET_SECONDS * 1000;
      const [sent, asked] = await Promise.all([
        sendEvents({ url: server.url, tokens, batch, perSecond, durationMs, template: event(0, NOW) }),
        askQueries({ url: server.url, cookie, paths, durationMs }),
      ]);
      rates.push(sent.accepted / sent.seconds);
      limited += sent.limited;
      failed += sent.failed;
      for (const [k, v] of Object.entries(asked.times)) times[k]!.push(...v);
      queryFailures += asked.failed;
    }
    console.log(
      `${kind}: ${FLEET_DEVICES} devices, ${label}: stored ${Math.round(median(rates)).toLocaleString('en')} events/s (median of ${FLEET_RUNS} runs of ${FLEET_SECONDS} s: ${rates.map((x) => Math.round(x)).join(', ')}; ${limited} answers 429/503 (sent again later), ${failed} failed) over ${FLEET_HISTORY.toLocaleString('en')} stored events`,
    );
    for (const [q, ms] of Object.entries(times)) console.log(`${kind}:   meanwhile ${q.padEnd(12)} p50 ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${quantile(ms, 0.95).toFixed(1)} ms (${ms.length} answered)`);
    if (queryFailures) console.log(`${kind}:   ${queryFailures} list queries failed`);
  }
  await server.close();
  await dispose().catch(() => undefined);
}

const pg = await startPostgres();
const part = process.env.BENCH_PART;
try {
  for (const kind of (['sqlite', 'postgres'] as const).filter((k) => !process.env.BENCH_DB || process.env.BENCH_DB === k)) {
    if (!part || part === 'fleet') await fleet(kind, kind === 'postgres' ? pg : undefined);
    if (!part || part === 'history') await bench(kind, kind === 'postgres' ? pg : undefined);
  }
} finally {
  pg.stop();
}
