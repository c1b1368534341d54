import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../src/server/store/postgres';
import { freshDatabase, makeEvent } from './harness';
import { startPostgres, type TestPostgres } from './postgres';
import { enrollDevices, freePort, newReport, sendLikeADevice, sleep, spawnServer, untilUp, summary, type SenderReport, type ServerProcess } from './server-process';

// Drill: PostgreSQL restarts (fast: sessions ended cleanly; immediate: as after a crash) and then stays away a
// while, as a real server process takes events from devices that retry like the extension. The process must
// outlive it, answer 503 with Retry-After (never 500) while the database is away, say so on /readyz, and store
// every event exactly once when the database is back.

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const SENDERS = 4;
const BATCH = 25;

async function storedIds(url: string): Promise<string[]> {
  const db = await PostgresDriver.open(url);
  try {
    return (await db.query<{ id: string }>('SELECT id FROM events')).map((r) => r.id);
  } finally {
    await db.close();
  }
}

const readiness = async (server: ServerProcess) => (await fetch(`${server.url}/readyz`).catch(() => undefined))?.status ?? 0;

async function until(what: string, check: () => Promise<boolean> | boolean, server: ServerProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the server said:\n${server.output()}`);
    await sleep(50);
  }
}

describe.each(['fast', 'immediate'] as const)('PostgreSQL restarted (-m %s) under load', (mode) => {
  it('the server stays up, answers 503 with Retry-After while the database is away, and stores every event once', async () => {
    const url = await freshDatabase(pg);
    // The server makes the schema; devices are enrolled once it is there.
    let server = spawnServer({ postgresUrl: url }, await freePort());
    await untilUp(server);
    await server.kill('SIGTERM');
    const devices = await enrollDevices({ postgresUrl: url }, SENDERS);
    server = spawnServer({ postgresUrl: url }, Number(new URL(server.url).port));
    await untilUp(server);
    let exitedEarly: number | NodeJS.Signals | undefined;
    let stopping = false;
    void server.exited.then((why) => (exitedEarly = stopping ? undefined : why));

    let databaseDown = false;
    let sending = true;
    const stop = { aborted: false };
    const timer = setTimeout(() => (stop.aborted = true), 50_000);
    const reports: SenderReport[] = devices.map(() => newReport());
    const senders = devices.map((d, i) =>
      sendLikeADevice(() => server.url, d, () => (sending ? Array.from({ length: BATCH }, () => makeEvent()) : undefined), reports[i]!, stop),
    );
    const accepted = () => reports.reduce((n, r) => n + r.sent.length, 0);
    const asked = (status: number) => reports.reduce((n, r) => n + (r.statuses.get(status) ?? 0), 0);
    try {
      await until('events to flow', () => accepted() >= 200, server);
      // A restart in the middle of requests: the connections the server holds die under its queries.
      pg.restart(mode);
      const afterRestart = accepted();
      await until('events to flow again after the restart', () => accepted() >= afterRestart + 200, server);
      // The database goes away and stays away a moment: the server says so, and keeps its process.
      pg.stopServer(mode);
      databaseDown = true;
      await until('/readyz to say 503', async () => (await readiness(server)) === 503, server);
      const away = asked(503);
      await until('devices to be told 503', () => asked(503) > away, server);
      const r = await fetch(`${server.url}/api/device/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${devices[0]!.token}` }, body: JSON.stringify({ events: [makeEvent()] }) });
      expect(r.status).toBe(503);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await r.json()).toMatchObject({ error: 'unavailable' });
      const ready = await (await fetch(`${server.url}/readyz`)).json();
      expect(ready).toMatchObject({ ready: false, checks: { database: 'unreachable' } });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      pg.startServer();
      databaseDown = false;
      await until('/readyz to say 200', async () => (await readiness(server)) === 200, server);
      const back = accepted();
      await until('events to flow after the database came back', () => accepted() >= back + 200, server);
      sending = false;
      await Promise.all(senders);
    } finally {
      clearTimeout(timer);
      stop.aborted = true;
      await Promise.allSettled(senders);
      stopping = exitedEarly === undefined;
      await server.kill('SIGTERM');
      if (databaseDown) pg.startServer();
    }
    expect(exitedEarly, server.output()).toBeUndefined();
    expect(asked(500)).toBe(0);
    expect(reports.reduce((n, r) => n + r.withoutRetryAfter, 0)).toBe(0);
    const sent = reports.flatMap((r) => r.sent);
    const stored = await storedIds(url);
    expect(stored.length).toBe(new Set(stored).size);
    expect(new Set(stored)).toEqual(new Set(sent));
    console.log(`PostgreSQL -m ${mode} drill: ${sent.length} events from ${SENDERS} devices, answers ${summary(reports)}, stored ${stored.length} (${new Set(stored).size} distinct)`);
  });
});
