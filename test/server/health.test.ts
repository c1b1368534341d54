import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../src/server/store/postgres';
import { databaseUnavailable } from '../../src/server/unavailable';
import { DATABASES, makeEvent, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';
import { freePort, spawnServer } from './server-process';

let pgServer: TestPostgres;
beforeAll(async () => {
  pgServer = await startPostgres();
});
afterAll(() => pgServer?.stop());

describe.each(DATABASES)('health probes on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pgServer);
  });
  afterAll(() => b?.close());

  it('/healthz says the process is alive, to anyone, without asking the database', async () => {
    const r = await b.call('/healthz');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ alive: true });
  });

  it('/readyz says ready when the database answers and every migration is applied', async () => {
    const r = await b.call('/readyz');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok' } });
  });

  it('/readyz says 503 and which migration is missing while one is pending', async () => {
    const db = b.server.store.db;
    const [last] = await db.query<{ id: number; name: string; applied_ms: number }>('SELECT id, name, applied_ms FROM schema_migrations ORDER BY id DESC LIMIT 1');
    await db.run('DELETE FROM schema_migrations WHERE id = ?', [last!.id]);
    try {
      const r = await b.call('/readyz');
      expect(r.status).toBe(503);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await r.json()).toEqual({ ready: false, checks: { database: 'ok', migrations: 'pending' }, pendingMigrations: [Number(last!.id)] });
    } finally {
      await db.run('INSERT INTO schema_migrations (id, name, applied_ms) VALUES (?, ?, ?)', [last!.id, last!.name, last!.applied_ms]);
    }
  });
});

describe('while PostgreSQL is away (in process)', () => {
  it('requests that need it answer 503 with Retry-After in the API error shape; /healthz stays 200', async () => {
    const b = await startBackend('postgres', pgServer);
    try {
      pgServer.stopServer('fast');
      try {
        for (const [path, init] of [
          ['/api/device/events', { method: 'POST', as: 'device', json: { events: [makeEvent()] } }],
          ['/api/events', { as: 'analyst' }],
          ['/api/login', { method: 'POST', json: { name: 'admin', password: 'whatever it is' } }],
        ] as const) {
          const r = await b.call(path, init);
          expect(r.status, path).toBe(503);
          expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
          expect(await r.json()).toEqual({ error: 'unavailable', message: expect.any(String) });
        }
        const ready = await b.call('/readyz');
        expect(ready.status).toBe(503);
        expect(await ready.json()).toEqual({ ready: false, checks: { database: 'unreachable', migrations: 'unknown' } });
        expect((await b.call('/healthz')).status).toBe(200);
      } finally {
        pgServer.startServer();
      }
      await expect.poll(async () => (await b.call('/readyz')).status).toBe(200);
      expect((await b.call('/api/device/events', { method: 'POST', as: 'device', json: { events: [makeEvent()] } })).status).toBe(200);
    } finally {
      await b.close();
    }
  });
});

describe('which errors mean "the database is away"', () => {
  it('a refused connection, a connection timeout, a locked SQLite file: yes; a bad statement: no', async () => {
    const closedPort = await freePort();
    const refused = await new pg.Client({ connectionString: `postgres://x@127.0.0.1:${closedPort}/x` }).connect().catch((e: unknown) => e);
    expect(databaseUnavailable(refused)).toBe(true);

    // A pool that cannot get a connection in time (a listener that never answers).
    const silent = (await import('node:net')).createServer(() => undefined);
    await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
    const pool = new pg.Pool({ connectionString: `postgres://x@127.0.0.1:${(silent.address() as { port: number }).port}/x`, connectionTimeoutMillis: 200 });
    const timedOut = await pool.query('SELECT 1').catch((e: unknown) => e);
    await pool.end().catch(() => undefined);
    silent.close();
    expect(databaseUnavailable(timedOut)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'bulwark-busy-'));
    const holder = new Database(join(dir, 'db.sqlite'));
    const other = new Database(join(dir, 'db.sqlite'), { timeout: 0 });
    holder.exec('CREATE TABLE t (n INTEGER); BEGIN IMMEDIATE; INSERT INTO t VALUES (1)');
    let busy: unknown;
    try {
      other.exec('INSERT INTO t VALUES (2)');
    } catch (e) {
      busy = e;
    }
    holder.close();
    other.close();
    rmSync(dir, { recursive: true, force: true });
    expect(databaseUnavailable(busy)).toBe(true);

    const db = await PostgresDriver.open(pgServer.url);
    const syntax = await db.query('SELEC 1').catch((e: unknown) => e);
    const missing = await db.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
    await db.close();
    expect([databaseUnavailable(syntax), databaseUnavailable(missing), databaseUnavailable(new TypeError('x')), databaseUnavailable(undefined)]).toEqual([false, false, false, false]);
  });
});

describe('a server started while its database is unreachable', () => {
  it('ends at once with a clear message and a non-zero exit (an orchestrator restarts it), naming no password', async () => {
    const port = await freePort();
    const server = spawnServer({ postgresUrl: `postgres://bulwark:s3cret-pass@127.0.0.1:${await freePort()}/bulwark` }, port);
    const code = await server.exited;
    expect(code).not.toBe(0);
    expect(server.output()).toMatch(/PostgreSQL at 127\.0\.0\.1:\d+\/bulwark is not reachable/);
    expect(server.output()).not.toContain('s3cret-pass');
  });
});
