import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerConfig } from '../../src/server/config';
import { Forwarder } from '../../src/server/siem/forwarder';
import { HttpJsonSink } from '../../src/server/siem/http-json';
import { startServer, type RunningServer } from '../../src/server/server';
import { openStore, Store } from '../../src/server/store';
import { MIGRATIONS } from '../../src/server/store/migrations';
import { PostgresDriver } from '../../src/server/store/postgres';
import { migrate } from '../../src/server/store/schema';
import { SqliteDriver } from '../../src/server/store/sqlite';
import { DATABASES, freshStore, makeEvent, startBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';
import { enrollDevices, freshDatabase, httpCollector, ingest, syslogCollector, tally, until } from './siem-drill';

/**
 * Fast loops for in-process instances. Without a crash a lease changes hands only when its holder lets it go,
 * so the drills without one keep the lease long: a loaded machine that stalls an instance for longer than the
 * lease would make it send a batch twice, rightly, but not in a drill that counts exactly once.
 */
const FAST = { pollMs: 50, baseDelayMs: 50, maxDelayMs: 400 };

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres?.stop());

describe.each(DATABASES)('a destination lease on %s', (kind) => {
  it('has one holder at a time, passes on when it lapses or is let go, and fences the cursor', async () => {
    const { store, dispose } = await freshStore(kind, postgres);
    try {
      await store.addEvents([makeEvent(), makeEvent()]);
      const [first, second] = await store.siemBatch('siem:x', 10);
      expect(await store.takeSiemLease('siem:x', 'a', 300)).toBe(true);
      expect(await store.takeSiemLease('siem:x', 'b', 300)).toBe(false);
      expect(await store.takeSiemLease('siem:x', 'a', 300)).toBe(true);
      expect((await store.siemState('siem:x')).holder).toBe('a');

      // a stops renewing (a pause, a crash): b takes over once the lease lapsed, and a can move nothing.
      await until(() => store.takeSiemLease('siem:x', 'b', 60_000), 20_000, 'the lease to lapse');
      expect(await store.siemDelivered('siem:x', 'a', 60_000, second!.position, 2)).toBe(false);
      expect(await store.siemCursor('siem:x')).toEqual({ tx: '0', seq: 0 });
      expect(await store.takeSiemLease('siem:x', 'a', 300)).toBe(false);
      expect(await store.siemDelivered('siem:x', 'b', 60_000, first!.position, 1)).toBe(true);
      expect(await store.siemCursor('siem:x')).toEqual(first!.position);

      await store.siemFailed('siem:x', 'b', 3, 'HTTP 503 from siem.example.com');
      expect(await store.siemState('siem:x')).toMatchObject({ holder: 'b', failures: 3, lastError: 'HTTP 503 from siem.example.com', forwarded: 1, pending: 1 });
      // A clean stop lets go: a takes over at once.
      await store.releaseSiemLease('siem:x', 'b');
      expect((await store.siemState('siem:x')).holder).toBe(null);
      expect(await store.takeSiemLease('siem:x', 'a', 60_000)).toBe(true);
    } finally {
      await dispose();
    }
  });
});

describe.each(DATABASES)('upgrading on %s', (kind) => {
  it('a database from before the settled reading resumes at its old cursor, then forwards what comes after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-siem-upgrade-'));
    const db = kind === 'sqlite' ? SqliteDriver.open(join(dir, 'bulwark.sqlite')) : await PostgresDriver.open(await freshDatabase(postgres));
    try {
      await migrate(db, MIGRATIONS.filter((m) => m.id < 3));
      const old = [makeEvent(), makeEvent(), makeEvent(), makeEvent()];
      for (const e of old)
        await db.run("INSERT INTO events (id, time_ms, received_ms, device_id, channel, host, action, outcome, types, type_mask, doc) VALUES (?, ?, ?, ?, 'paste', 'chatgpt.com', 'block', 'cancelled', '', 0, ?)", [e.id, Date.parse(e.time), Date.now(), e.device.id, JSON.stringify(e)]);
      const seqs = await db.query<{ seq: number }>('SELECT seq FROM events ORDER BY seq');
      // The old forwarder had sent the first two.
      await db.run("INSERT INTO siem_cursors (name, seq) VALUES ('siem:x', ?)", [seqs[1]!.seq]);

      const store = await Store.open(db);
      const newer = makeEvent();
      await store.addEvents([newer]);
      const batch = await store.siemBatch('siem:x', 10);
      expect(batch.map((b) => b.event.id)).toEqual([old[2]!.id, old[3]!.id, newer.id]);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SIEM delivery on PostgreSQL', () => {
  it('forwards an event whose transaction commits after a later one (a cursor by seq skipped it)', async () => {
    const url = await freshDatabase(postgres);
    const store = await openStore({ dataDir: '', postgresUrl: url });
    const hec = await httpCollector();
    const forwarder = new Forwarder(store, [new HttpJsonSink({ name: 'splunk', url: hec.url, format: 'hec' })], FAST);
    const locker = new pg.Client({ connectionString: url });
    try {
      const first = makeEvent({ time: '2026-11-02T08:00:00.000Z' });
      await store.addEvents([first]);
      forwarder.start();
      await until(() => hec.ids.length === 1, 20_000, 'the first event');

      // Another connection locks the day's counters: the next event of that day is inserted (it takes its seq)
      // and its transaction waits, while an event of another day commits after it with a higher seq.
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('SELECT n FROM rollups WHERE day = $1 FOR UPDATE', ['2026-11-02']);
      const held = makeEvent({ time: '2026-11-02T09:00:00.000Z' });
      const holding = store.addEvents([held]);
      await until(async () => (await locker.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted')).rows[0]!.n > 0, 20_000, 'the insert to wait');
      const later = makeEvent({ time: '2026-11-03T09:00:00.000Z' });
      await store.addEvents([later]);

      // What the old forwarder saw: after `first`, only `later`; it moved its cursor to later's seq.
      const visible = await store.db.query<{ id: string }>('SELECT id FROM events ORDER BY seq');
      expect(visible.map((r) => r.id)).toEqual([first.id, later.id]);
      // The settled reading gives nothing while a transaction older than `later`'s may still commit.
      expect(await store.siemBatch('siem:splunk', 100)).toEqual([]);

      await locker.query('COMMIT');
      await holding;
      const seq = async (id: string) => (await store.event(id))!.seq;
      // `held` has the lower seq: a cursor at later's seq would never have read it.
      expect(await seq(held.id)).toBeLessThan(await seq(later.id));
      await until(() => hec.ids.length >= 3, 20_000, 'all three events');
      await forwarder.stop();
      expect(hec.ids).toEqual([first.id, held.id, later.id]);
    } finally {
      await locker.end().catch(() => undefined);
      await forwarder.stop();
      await hec.close();
      await store.close();
    }
  });

  it('reads in the order of transactions as numbers, and resumes after the cursor', async () => {
    const store = await openStore({ dataDir: '', postgresUrl: await freshDatabase(postgres) });
    try {
      const events = [makeEvent(), makeEvent(), makeEvent()];
      await store.addEvents(events);
      // Transaction ids whose text sorts otherwise: '10' < '100' < '9'.
      for (const [e, tx] of [[events[0]!, '100'], [events[1]!, '9'], [events[2]!, '10']] as const) await store.db.run('UPDATE events SET tx = ?::xid8 WHERE id = ?', [tx, e.id]);
      const batch = await store.siemBatch('siem:test', 10);
      expect(batch.map((b) => [b.event.id, b.position.tx])).toEqual([
        [events[1]!.id, '9'],
        [events[2]!.id, '10'],
        [events[0]!.id, '100'],
      ]);
      expect(await store.takeSiemLease('siem:test', 'me', 10_000)).toBe(true);
      expect(await store.siemDelivered('siem:test', 'me', 10_000, batch[1]!.position, 2)).toBe(true);
      expect((await store.siemBatch('siem:test', 10)).map((b) => b.event.id)).toEqual([events[0]!.id]);
    } finally {
      await store.close();
    }
  });

  it('three instances, many concurrent batches through all of them, one stopped midway: every event once at each collector', async () => {
    const url = await freshDatabase(postgres);
    const syslog = await syslogCollector();
    const hec = await httpCollector();
    const config = ServerConfig.parse({
      port: 0,
      postgresUrl: url,
      siemLeaseSeconds: 10,
      siem: [
        { type: 'syslog', name: 'qradar', host: '127.0.0.1', port: syslog.port, format: 'cef' },
        { type: 'http', name: 'splunk', url: hec.url, format: 'hec', token: 'hec-token' },
      ],
    });
    const instances: RunningServer[] = [];
    try {
      // One after the other: starting together on an empty database is another drill's subject.
      for (let i = 0; i < 3; i++) instances.push(await startServer(config, { forwarder: FAST }));
      const fleet = await enrollDevices(instances[0]!.store, 12);
      const live = () => instances.map((s) => s.url);
      const sending = ingest(live, fleet, 10, 40);

      // Midway, the instance that forwards to splunk stops cleanly: it finishes its batch and lets the lease go.
      await until(() => hec.ids.length >= 1000, 40_000, 'a first part of the events');
      const [splunk] = (await instances[0]!.forwarder.report()).filter((d) => d.name === 'splunk');
      const holder = instances.find((s) => s.forwarder.instance === splunk!.holder) ?? instances[0]!;
      instances.splice(instances.indexOf(holder), 1);
      await holder.close();

      const events = await sending;
      const ids = events.map((e) => e.id);
      expect(ids.length).toBe(4800);
      await until(() => syslog.ids.length >= ids.length && hec.ids.length >= ids.length, 40_000, 'every event at both collectors');
      await until(async () => (await instances[0]!.forwarder.report()).every((d) => d.pending === 0), 20_000, 'nothing pending');

      expect(tally(ids, syslog.ids)).toEqual({ missing: 0, repeated: 0, unknown: 0 });
      expect(tally(ids, hec.ids)).toEqual({ missing: 0, repeated: 0, unknown: 0 });
      expect([...syslog.problems, ...hec.problems]).toEqual([]);
      // In the order of their positions, as the numbers go (not as text: transaction 999 comes before 1004).
      const byPosition = await instances[0]!.store.db.query<{ id: string }>('SELECT id FROM events ORDER BY tx, seq');
      expect(hec.ids).toEqual(byPosition.map((r) => r.id));
      const report = await instances[1]!.forwarder.report();
      expect(report.map((d) => ({ name: d.name, forwarded: d.forwarded, pending: d.pending, failures: d.failures }))).toEqual([
        { name: 'qradar', forwarded: 4800, pending: 0, failures: 0 },
        { name: 'splunk', forwarded: 4800, pending: 0, failures: 0 },
      ]);
      // The one that stopped holds nothing; a live instance forwards now. The stopped one let its leases go and a
      // live one takes each at its next look (a poll away): asked at once, a lease can be between the two.
      const running = instances.map((s) => s.forwarder.instance);
      await until(async () => (await instances[1]!.forwarder.report()).every((d) => running.includes(d.holder!)), 10_000, 'a live instance holding each destination');
    } finally {
      for (const s of instances) await s.close();
      await syslog.close();
      await hec.close();
    }
  });

  it('two instances and collectors that are down for a while: everything arrives once when they are back', async () => {
    const url = await freshDatabase(postgres);
    const syslog = await syslogCollector();
    const ocsf = await httpCollector();
    const config = ServerConfig.parse({
      port: 0,
      postgresUrl: url,
      siemLeaseSeconds: 10,
      siem: [
        { type: 'syslog', name: 'sentinel', host: '127.0.0.1', port: syslog.port, format: 'json' },
        { type: 'http', name: 'lake', url: ocsf.url, format: 'ocsf' },
      ],
    });
    const instances: RunningServer[] = [];
    try {
      for (let i = 0; i < 2; i++) instances.push(await startServer(config, { forwarder: FAST }));
      const fleet = await enrollDevices(instances[0]!.store, 6);
      const live = () => instances.map((s) => s.url);
      const before = await ingest(live, fleet, 3, 50);
      await until(() => syslog.ids.length >= before.length && ocsf.ids.length >= before.length, 40_000, 'the first wave');

      await syslog.stop();
      ocsf.down = true;
      const during = await ingest(live, fleet, 3, 50);
      await until(async () => (await instances[0]!.forwarder.report()).every((d) => d.failures >= 2), 40_000, 'failures at both destinations');
      const report = await instances[1]!.forwarder.report();
      expect(report.every((d) => d.pending === during.length && d.lastError)).toBe(true);

      await syslog.start();
      ocsf.down = false;
      const ids = [...before, ...during].map((e) => e.id);
      await until(() => syslog.ids.length >= ids.length && ocsf.ids.length >= ids.length, 40_000, 'every event after the outage');
      await until(async () => (await instances[0]!.forwarder.report()).every((d) => d.pending === 0 && d.failures === 0), 20_000, 'nothing pending');
      expect(tally(ids, syslog.ids)).toEqual({ missing: 0, repeated: 0, unknown: 0 });
      expect(tally(ids, ocsf.ids)).toEqual({ missing: 0, repeated: 0, unknown: 0 });
      expect([...syslog.problems, ...ocsf.problems]).toEqual([]);
    } finally {
      for (const s of instances) await s.close();
      await syslog.close().catch(() => undefined);
      await ocsf.close();
    }
  });
});

describe('SIEM delivery on SQLite', () => {
  it('one instance, concurrent batches: every event once at each collector, and the status says so', async () => {
    const syslog = await syslogCollector();
    const hec = await httpCollector();
    const b = await startBackend('sqlite', undefined, {
      siem: [
        { type: 'syslog', name: 'qradar', host: '127.0.0.1', port: syslog.port, format: 'cef' },
        { type: 'http', name: 'splunk', url: hec.url, format: 'hec' },
      ],
    });
    try {
      const batches = Array.from({ length: 8 }, () => Array.from({ length: 250 }, () => makeEvent()));
      const answers = await Promise.all(batches.map((events) => b.call('/api/device/events', { method: 'POST', as: 'device', json: { events, dropped: 0 } })));
      expect(answers.map((r) => r.status)).toEqual(batches.map(() => 200));
      const ids = batches.flat().map((e) => e.id);
      await until(() => syslog.ids.length >= ids.length && hec.ids.length >= ids.length, 40_000, 'every event');
      expect(tally(ids, syslog.ids)).toEqual({ missing: 0, repeated: 0, unknown: 0 });
      expect(tally(ids, hec.ids)).toEqual({ missing: 0, repeated: 0, unknown: 0 });

      const r = await b.call('/api/siem/status', { as: 'admin' });
      expect(r.status).toBe(200);
      const { destinations } = (await r.json()) as { destinations: Array<{ name: string; here: boolean; forwarded: number; pending: number; lagMs: number }> };
      expect(destinations.map(({ name, here, forwarded, pending, lagMs }) => ({ name, here, forwarded, pending, lagMs }))).toEqual([
        { name: 'qradar', here: true, forwarded: ids.length, pending: 0, lagMs: 0 },
        { name: 'splunk', here: true, forwarded: ids.length, pending: 0, lagMs: 0 },
      ]);
      expect((await b.call('/api/siem/status', { as: 'analyst' })).status).toBe(403);
    } finally {
      await b.close();
      await syslog.close();
      await hec.close();
    }
  });
});
