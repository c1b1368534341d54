/**
 * A re-sent batch (a device that lost the answer sends it again): how long the backend takes to answer 1,000
 * events it has stored already, on both databases, through the HTTP API; with the peer in the same run, the
 * schema check of those 1,000 events that the answer no longer pays. Run: npx tsx test/bench/duplicates.bench.ts
 */
import { BulwarkEvent } from '../../src/core/events/event';
import { makeEvent, startBackend } from '../server/harness';
import { startPostgres } from '../server/postgres';

const RUNS = 30;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);

const pg = await startPostgres();
try {
  for (const kind of ['sqlite', 'postgres'] as const) {
    const b = await startBackend(kind, pg);
    const batch = Array.from({ length: 1000 }, () => makeEvent({ justification: 'Needed for the quarterly deviation report to the sponsor' }));
    const body = JSON.stringify({ events: batch });
    const send = async () => (await fetch(`${b.url}/api/device/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${b.deviceToken}` }, body })).json();
    await send();
    const answer: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Under the device's rate limit (5 a second).
      await new Promise((r) => setTimeout(r, 250));
      const t = performance.now();
      const r = await send();
      answer.push(performance.now() - t);
      if (r.duplicates !== batch.length) throw new Error(`expected only duplicates, got ${JSON.stringify(r)}`);
    }
    const schema: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      for (const e of batch) BulwarkEvent.safeParse(e);
      schema.push(performance.now() - t);
    }
    console.log(`${kind}: a re-sent batch of 1,000 stored events answered in ${median(answer)} ms (median of ${RUNS}); the schema check it skips: ${median(schema)} ms`);
    await b.close();
  }
} finally {
  pg.stop();
}
