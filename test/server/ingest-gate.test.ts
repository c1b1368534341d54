import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerConfig } from '../../src/server/config';
import { newToken, tokenHash } from '../../src/server/secrets';
import { startServer } from '../../src/server/server';
import { freshStore, makeEvent } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

// On PostgreSQL: there a batch waits for the database and others arrive meanwhile (SQLite answers synchronously).
describe('the ingestion gate', () => {
  it('answers 503 with Retry-After beyond the batches in flight, and the batches sent again are all stored', async () => {
    const { store } = await freshStore('postgres', pg);
    const server = await startServer(ServerConfig.parse({ port: 0, ingestInFlight: 1 }), { store });
    try {
      const tokens = await Promise.all(
        Array.from({ length: 12 }, async (_, d) => {
          const token = newToken('bwd');
          await store.enrollDevice(`gate-${d}`, tokenHash(token), undefined);
          return token;
        }),
      );
      const batches = tokens.map(() => Array.from({ length: 50 }, () => makeEvent()));
      const send = (d: number) => fetch(`${server.url}/api/device/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens[d]}` }, body: JSON.stringify({ events: batches[d] }) });
      const first = await Promise.all(tokens.map((_, d) => send(d)));
      const busy = first.flatMap((r, d) => (r.status === 503 ? [d] : []));
      expect(first.every((r) => r.status === 200 || r.status === 503)).toBe(true);
      expect(busy.length).toBeGreaterThan(0);
      for (const d of busy) expect(first[d]!.headers.get('Retry-After')).toMatch(/^\d+$/);
      // What a device does: later, the same batch again, until it is taken.
      for (const d of busy) {
        for (;;) {
          const r = await send(d);
          if (r.status === 200) break;
          expect(r.status).toBe(503);
        }
      }
      expect(await store.eventCount()).toBe(batches.flat().length);
    } finally {
      await server.close(); // closes the store too
    }
  });
});
