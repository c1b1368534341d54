import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/store';
import { DATABASES, freshDatabase, makeEvent } from './harness';
import { startPostgres, type TestPostgres } from './postgres';
import { enrollDevices, freePort, newReport, sendLikeADevice, sleep, spawnServer, untilUp, summary, type SenderReport } from './server-process';

// Drill: kill -9 of a real server process while devices send, twice, and a restart each time. Devices retry
// the same batch until a 2xx, as the extension does; a batch stored just before the kill is sent again after
// it. Every event must be stored exactly once.

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const SENDERS = 4;
const BATCH = 25;
const KILLS = 2;

async function place(kind: (typeof DATABASES)[number]): Promise<{ where: { dataDir: string } | { postgresUrl: string }; dispose(): void }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-drill-'));
    return { where: { dataDir: dir }, dispose: () => rmSync(dir, { recursive: true, force: true }) };
  }
  return { where: { postgresUrl: await freshDatabase(pg) }, dispose: () => undefined };
}

async function storedIds(where: { dataDir: string } | { postgresUrl: string }): Promise<string[]> {
  const store = await openStore('postgresUrl' in where ? { dataDir: '', postgresUrl: where.postgresUrl } : where);
  try {
    return (await store.db.query<{ id: string }>('SELECT id FROM events')).map((r) => r.id);
  } finally {
    await store.close();
  }
}

describe.each(DATABASES)('kill -9 of the server during ingestion on %s', (kind) => {
  it('after a restart every event the devices sent is stored exactly once', async () => {
    const { where, dispose } = await place(kind);
    const devices = await enrollDevices(where, SENDERS);
    const port = await freePort();
    let server = spawnServer(where, port);
    await untilUp(server);
    let sending = true;
    const stop = { aborted: false };
    const timer = setTimeout(() => (stop.aborted = true), 50_000);
    const reports: SenderReport[] = devices.map(() => newReport());
    const senders = devices.map((d, i) => sendLikeADevice(() => server.url, d, () => (sending ? Array.from({ length: BATCH }, () => makeEvent()) : undefined), reports[i]!, stop));
    const accepted = () => reports.reduce((n, r) => n + r.sent.length, 0);
    const untilAccepted = async (n: number) => {
      while (accepted() < n) {
        if (stop.aborted) throw new Error(`the drill ran out of time; the server said:\n${server.output()}`);
        await sleep(20);
      }
    };
    try {
      for (let k = 0; k < KILLS; k++) {
        await untilAccepted(accepted() + 300);
        expect(await server.kill('SIGKILL')).toBe('SIGKILL');
        server = spawnServer(where, port);
        await untilUp(server);
      }
      await untilAccepted(accepted() + 300);
      sending = false;
      await Promise.all(senders);
    } finally {
      clearTimeout(timer);
      stop.aborted = true;
      await Promise.allSettled(senders);
      await server.kill('SIGTERM');
    }
    const sent = reports.flatMap((r) => r.sent);
    const stored = await storedIds(where);
    dispose();
    // Each device saw the server vanish under it (no answer: 0) and sent the same batch again.
    expect(reports.some((r) => r.statuses.has(0))).toBe(true);
    expect(stored.length).toBe(sent.length);
    expect(new Set(stored)).toEqual(new Set(sent));
    console.log(`kill -9 drill on ${kind}: ${sent.length} events from ${SENDERS} devices, ${KILLS} kills, answers ${summary(reports)}, stored ${stored.length} (${new Set(stored).size} distinct)`);
  });
});
