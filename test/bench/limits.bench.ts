/**
 * What a shared limit costs a request: one upsert per take (the device limit on every event request), on both
 * databases; sequential (latency) and 64 at once over 1,000 devices (throughput), with the in-memory Map of
 * the same shape as the peer. Run: npx tsx test/bench/limits.bench.ts
 */
import { SharedLimits } from '../../src/server/limits';
import { freshStore, type Database } from '../server/harness';
import { startPostgres } from '../server/postgres';
import { median, quantile } from './measure';

const N = 5000;
const BUCKET = { perSecond: 5, burst: 20 };

async function run(kind: Database, pg?: Awaited<ReturnType<typeof startPostgres>>) {
  const { store, dispose } = await freshStore(kind, pg);
  const limits = new SharedLimits(store.db);
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await limits.take(`device:laptop-${i % 1000}`, BUCKET);
    times.push(performance.now() - t);
  }
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 64 }, async () => {
    while (next < N) await limits.take(`device:laptop-${next++ % 1000}`, BUCKET);
  }));
  const perSecond = N / ((performance.now() - started) / 1000);
  console.log(`${kind.padEnd(8)} one take: median ${median(times).toFixed(3)} ms, p95 ${quantile(times, 0.95).toFixed(3)} ms; 64 at once: ${Math.round(perSecond)} takes/s`);
  await dispose();
}

const memory = new Map<string, number>();
const t = performance.now();
for (let i = 0; i < N; i++) memory.set(`device:laptop-${i % 1000}`, (memory.get(`device:laptop-${i % 1000}`) ?? 0) + 1);
console.log(`memory   one take: ${(((performance.now() - t) / N) * 1000).toFixed(2)} µs (the per-process bucket it replaces)`);
await run('sqlite');
const pg = await startPostgres();
try {
  await run('postgres', pg);
} finally {
  pg.stop();
}
