import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerConfig } from '../../src/server/config';
import { startServer, type RunningServer } from '../../src/server/server';
import { openStore, type Store } from '../../src/server/store';
import { startPostgres, type TestPostgres } from './postgres';
import { enrollDevices, freePort, freshDatabase, httpCollector, ingest, startChild, syslogCollector, tally, until, type ChildServer } from './siem-drill';

const BATCH = 500;

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres?.stop());

describe('SIEM delivery through a crash', () => {
  it('a forwarding instance killed with kill -9 mid-stream: another takes over at the cursor, nothing lost, at most one batch repeated', async () => {
    const url = await freshDatabase(postgres);
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-siem-crash-'));
    const syslog = await syslogCollector();
    // A collector that takes a little while to answer: a kill is likely to land between delivery and cursor.
    const hec = await httpCollector({ delayMs: 15 });
    const settings = {
      postgresUrl: url,
      siemLeaseSeconds: 2,
      siem: [
        { type: 'syslog', name: 'qradar', host: '127.0.0.1', port: syslog.port, format: 'cef' },
        { type: 'http', name: 'splunk', url: hec.url, format: 'hec', token: 'hec-token' },
      ],
    };
    const children: ChildServer[] = [];
    let standby: RunningServer | undefined;
    let store: Store | undefined;
    try {
      const first = await startChild(dir, settings, await freePort());
      children.push(first);
      store = await openStore({ dataDir: dir, postgresUrl: url });
      const holders = async () => Promise.all(['siem:qradar', 'siem:splunk'].map(async (n) => (await store!.siemState(n)).holder));
      const ofProcess = (pid: number | undefined) => `${hostname()}:${pid}:`;
      await until(async () => (await holders()).every((h) => h?.startsWith(ofProcess(first.process.pid))), 40_000, 'the first process to hold both leases');

      standby = await startServer(ServerConfig.parse({ ...settings, port: 0 }), { forwarder: { pollMs: 50, baseDelayMs: 50, maxDelayMs: 400 } });
      const fleet = await enrollDevices(store, 12);
      const live = [first.url, standby.url];
      const sending = ingest(() => live, fleet, 15, 30, 100);

      await until(() => syslog.ids.length >= 600 && hec.ids.length >= 600, 40_000, 'the first process to forward a part');
      first.process.kill('SIGKILL');
      live.splice(live.indexOf(first.url), 1);
      await until(() => first.process.signalCode !== null, 20_000, 'the process to die');
      expect(first.process.signalCode).toBe('SIGKILL');

      const events = await sending;
      const ids = events.map((e) => e.id);
      expect(ids.length).toBe(12 * 15 * 30);
      await until(() => tally(ids, syslog.ids).missing === 0 && tally(ids, hec.ids).missing === 0, 40_000, 'every event at both collectors');
      await until(async () => (await standby!.forwarder.report()).every((d) => d.pending === 0), 20_000, 'nothing pending');
      expect((await holders()).every((h) => h === standby!.forwarder.instance)).toBe(true);

      for (const collector of [syslog, hec]) {
        const t = tally(ids, collector.ids);
        expect(t.missing).toBe(0);
        expect(t.unknown).toBe(0);
        // The batch the killed process had sent and not yet recorded: sent again, once, by the new holder.
        expect(t.repeated).toBeLessThanOrEqual(BATCH);
        expect(collector.problems).toEqual([]);
      }

      // The killed process comes back: it waits on standby, and takes over when the other stops cleanly.
      const before = { syslog: syslog.ids.length, hec: hec.ids.length };
      const restarted = await startChild(dir, settings, await freePort());
      children.push(restarted);
      await standby.close();
      standby = undefined;
      await until(async () => (await holders()).every((h) => h?.startsWith(ofProcess(restarted.process.pid))), 40_000, 'the restarted process to take over');
      const more = (await ingest(() => [restarted.url], fleet, 1, 20)).map((e) => e.id);
      await until(() => syslog.ids.length >= before.syslog + more.length && hec.ids.length >= before.hec + more.length, 40_000, 'the events after the restart');
      expect(tally(more, syslog.ids.slice(before.syslog))).toEqual({ missing: 0, repeated: 0, unknown: 0 });
      expect(tally(more, hec.ids.slice(before.hec))).toEqual({ missing: 0, repeated: 0, unknown: 0 });
    } finally {
      for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
      await standby?.close();
      await store?.close();
      await syslog.close();
      await hec.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
