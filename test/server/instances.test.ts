import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerConfig } from '../../src/server/config';
import { hashPassword, newToken, tokenHash } from '../../src/server/secrets';
import { startServer, type RunningServer } from '../../src/server/server';
import { PostgresDriver } from '../../src/server/store/postgres';
import { makeEvent, PASSWORD } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

/** A load balancer in a few lines: each request to the next instance in turn, bodies and headers passed through. */
function roundRobin(targets: string[]): Promise<{ url: string; served: number[]; close(): Promise<void> }> {
  const served = targets.map(() => 0);
  let next = 0;
  const proxy: Server = createServer((req, res) => {
    const i = next++ % targets.length;
    served[i]!++;
    const upstream = request(targets[i]! + req.url, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () => {
      const { port } = proxy.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, served, close: () => new Promise((r) => proxy.close(() => r())) });
    }),
  );
}

describe('three instances on one PostgreSQL behind a round-robin balancer', () => {
  it('store every event once and page them consistently, whichever instance answers', async () => {
    const admin = await PostgresDriver.open(pg.url);
    await admin.run('CREATE DATABASE fleet');
    await admin.close();
    const postgresUrl = pg.url.replace(/\/[^/]+$/, '/fleet');
    const instances: RunningServer[] = [];
    // One after another: the first makes the schema and the keys, the others find them.
    for (let i = 0; i < 3; i++) instances.push(await startServer(ServerConfig.parse({ port: 0, postgresUrl, postgresPoolSize: 4 })));
    const lb = await roundRobin(instances.map((s) => s.url));
    try {
      const store = instances[0]!.store;
      const enrollment = newToken('bwe');
      await store.addEnrollmentToken(tokenHash(enrollment), 'fleet', Date.now() + 86_400_000);
      await store.addUser('analyst', await hashPassword(PASSWORD), 'analyst');
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(lb.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

      const devices = await Promise.all(
        Array.from({ length: 12 }, async (_, d) => {
          const r = await post('/api/enroll', { token: enrollment, user: `user${d}@example.com` });
          expect(r.status).toBe(201);
          return ((await r.json()) as { deviceToken: string }).deviceToken;
        }),
      );
      const login = await post('/api/login', { name: 'analyst', password: PASSWORD });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const page = async (cursor?: string) => {
        const r = await fetch(`${lb.url}/api/events?limit=25${cursor ? `&cursor=${cursor}` : ''}`, { headers: { Cookie: cookie } });
        expect(r.status).toBe(200);
        return (await r.json()) as { events: Array<{ seq: number; event: { id: string; time: string } }>; next?: string };
      };
      const pageAll = async () => {
        const seen: Array<{ seq: number; event: { id: string; time: string } }> = [];
        let cursor: string | undefined;
        do {
          const p = await page(cursor);
          seen.push(...p.events);
          cursor = p.next;
        } while (cursor);
        return seen;
      };

      // Every device sends 8 batches of 10; each batch goes twice (a retry after a lost answer), so the two
      // copies reach different instances, at the same time.
      const sent: string[] = [];
      let ingesting = true;
      const sending = Promise.all(
        devices.map(async (token, d) => {
          for (let b = 0; b < 8; b++) {
            const events = Array.from({ length: 10 }, (_, i) => makeEvent({ time: new Date(Date.now() - (d * 100 + b * 10 + i) * 1000).toISOString()}));
            sent.push(...events.map((e) => e.id));
            const answers = await Promise.all([0, 1].map(() => post('/api/device/events', { events }, { Authorization: `Bearer ${token}` })));
            const bodies = (await Promise.all(answers.map((a) => a.json()))) as Array<{ accepted: number; duplicates: number }>;
            expect(answers.map((a) => a.status)).toEqual([200, 200]);
            expect(bodies.map((x) => x.accepted).sort((a, b) => a - b)).toEqual([0, 10]);
          }
        }),
      ).finally(() => (ingesting = false));
      // Meanwhile the analyst pages through, again and again: pages newest first, no event twice in one pass.
      const reading = (async () => {
        let passes = 0;
        while (ingesting || passes === 0) {
          const seen = await pageAll();
          expect(new Set(seen.map((e) => e.event.id)).size).toBe(seen.length);
          const keys = seen.map((e) => [Date.parse(e.event.time), e.seq] as const);
          expect(keys.every((k, i) => i === 0 || k[0] < keys[i - 1]![0] || (k[0] === keys[i - 1]![0] && k[1] < keys[i - 1]![1]))).toBe(true);
          passes++;
        }
        return passes;
      })();
      await sending;
      expect(await reading).toBeGreaterThan(0);

      const all = await pageAll();
      expect(all.map((e) => e.event.id).sort()).toEqual([...sent].sort());
      expect(await store.eventCount()).toBe(sent.length);
      // The rollups counted each event once although every batch arrived twice.
      expect(Number((await store.db.query<{ n: number }>("SELECT SUM(n) AS n FROM rollups WHERE dim = 'all'"))[0]!.n)).toBe(sent.length);
      for (const n of lb.served) expect(n).toBeGreaterThan(10);
    } finally {
      await lb.close();
      for (const s of instances) await s.close();
    }
  });
});
