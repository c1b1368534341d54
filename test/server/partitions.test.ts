import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/schema';
import { MIGRATIONS } from '../../src/server/store/migrations';
import { insertEventChunk } from '../../src/server/store/ingest';
import { PostgresDriver } from '../../src/server/store/postgres';
import { Store } from '../../src/server/store';
import { maintainEvents, monthOf, monthsAround, partitions, retentionStart } from '../../src/server/store/partitions';
import { DATABASES, freshStore, makeEvent } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

const DAY = 86_400_000;
let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const count = async (db: { query<T>(sql: string, p?: unknown[]): Promise<T[]> }, sql: string, params: unknown[] = []) => Number((await db.query<{ n: number }>(sql, params))[0]!.n);

describe('events partitioned by month on postgres', () => {
  it('migration 002 moves the events of an older database into monthly partitions, each once, and seq goes on', async () => {
    const admin = await PostgresDriver.open(pg.url);
    await admin.run('CREATE DATABASE before_partitions');
    await admin.close();
    const db = await PostgresDriver.open(pg.url.replace(/\/[^/]+$/, '/before_partitions'));
    const older = [makeEvent({ time: '2025-03-10T10:00:00.000Z' }), makeEvent({ time: '2025-03-11T10:00:00.000Z' }), makeEvent({ time: '2026-01-01T00:00:00.000Z' })];
    await migrate(db, MIGRATIONS.filter((m) => m.id < 2));
    expect(await insertEventChunk(db, older, Date.now())).toBe(3);
    const store = await Store.open(db);
    try {
      expect((await partitions(db)).filter((p) => p.table === 'events').map((p) => p.name)).toEqual(expect.arrayContaining(['events_y2025m03', 'events_y2026m01']));
      expect(await count(db, 'SELECT COUNT(*) AS n FROM events_y2025m03')).toBe(2);
      expect(await count(db, 'SELECT COUNT(*) AS n FROM event_types_y2025m03')).toBe(2);
      expect(await count(db, 'SELECT COUNT(*) AS n FROM events_default')).toBe(0);
      const fresh = makeEvent({ time: new Date().toISOString() });
      expect(await store.addEvents([...older, fresh])).toEqual({ inserted: 1, duplicates: 3, expired: 0 });
      // Newest first: the new event's seq is above the copied ones (a sequence leaves gaps, never repeats).
      const [newest, ...copied] = (await store.events({}, 10)).events;
      expect(newest!.event.id).toBe(fresh.id);
      expect(copied.map((e) => e.seq).sort()).toEqual([1, 2, 3]);
      expect(newest!.seq).toBeGreaterThan(3);
    } finally {
      await store.close();
    }
  });

  it('has the partitions from last month to three months ahead, and a DEFAULT one for odd times that maintenance sorts out', async () => {
    const { store, dispose } = await freshStore('postgres', pg);
    try {
      const now = Date.now();
      const months = new Set((await partitions(store.db)).filter((p) => p.table === 'events').map((p) => p.month));
      for (const m of monthsAround(now)) expect(months.has(m)).toBe(true);
      expect((await partitions(store.db)).filter((p) => p.table === 'event_types').map((p) => p.month)).toEqual([...months].sort((a, b) => a - b));

      const farAhead = makeEvent({ time: '2200-01-01T00:00:00.000Z' });
      const monthsAgo = makeEvent({ time: new Date(now - 200 * DAY).toISOString() });
      await store.addEvents([farAhead, monthsAgo]);
      expect(await count(store.db, 'SELECT COUNT(*) AS n FROM events_default')).toBe(2);
      expect(await count(store.db, 'SELECT COUNT(*) AS n FROM event_types_default')).toBe(2);

      // Maintenance gives the older month (within retention) a partition of its own and moves its rows there;
      // the year 2200 stays in DEFAULT (no partitions made for a clock gone wrong).
      const done = await maintainEvents(store.db, { retentionDays: 2190 });
      const old = monthOf(Date.parse(monthsAgo.time));
      expect(done.created).toEqual(expect.arrayContaining([expect.stringMatching(/^events_y\d{4}m\d{2}$/), expect.stringMatching(/^event_types_y/)]));
      expect((await partitions(store.db)).some((p) => p.month === old && p.table === 'events')).toBe(true);
      expect(await store.db.query<{ id: string }>('SELECT id FROM events_default')).toEqual([{ id: farAhead.id }]);
      expect((await store.event(monthsAgo.id))?.event).toEqual(monthsAgo);
      expect((await store.events({ type: 'SSN' })).events.map((e) => e.event.id)).toEqual([farAhead.id, monthsAgo.id]);

      // A second run (another instance, tomorrow) finds nothing to do.
      expect(await maintainEvents(store.db, { retentionDays: 2190 })).toEqual({ created: [], removed: [], deletedRows: 0 });
      // Re-sent after the move: still once (the unique key (id, time_ms) holds across partitions).
      expect(await store.addEvents([monthsAgo, farAhead])).toEqual({ inserted: 0, duplicates: 2, expired: 0 });
    } finally {
      await dispose();
    }
  });

  it("carries the SIEM migration's column and index into every partition, those made later included", async () => {
    const { store, dispose } = await freshStore('postgres', pg);
    try {
      await store.addEvents([makeEvent({ time: new Date().toISOString() }), makeEvent({ time: '2200-01-01T00:00:00.000Z' })]);
      expect((await maintainEvents(store.db, { retentionDays: 2190, now: Date.now() + 200 * DAY })).created.length).toBeGreaterThan(0);
      await store.addEvents([makeEvent({ time: new Date(Date.now() + 190 * DAY).toISOString() })]);
      expect(await count(store.db, "SELECT COUNT(*) AS n FROM events WHERE tx > '0'::xid8")).toBe(3);
      const partitions = await count(store.db, "SELECT COUNT(*) AS n FROM pg_inherits WHERE inhparent = 'events'::regclass");
      expect(await count(store.db, "SELECT COUNT(*) AS n FROM pg_indexes WHERE indexdef LIKE '%(tx, seq)%' AND tablename LIKE 'events_%'")).toBe(partitions);
    } finally {
      await dispose();
    }
  });
});

describe.each(DATABASES)('retention on %s', (kind) => {
  it('removes exactly the months wholly older than the retention, with their types and rollups; keeps the audit trail; an old event sent again stays out', async () => {
    const { store, dispose } = await freshStore(kind, pg);
    try {
      const now = Date.now();
      const retentionDays = 90;
      const keepFrom = retentionStart(retentionDays, now);
      const at = (ms: number) => makeEvent({ time: new Date(ms).toISOString() });
      const gone = [at(keepFrom - 1), at(keepFrom - 40 * DAY), at(keepFrom - 400 * DAY)];
      const kept = [at(keepFrom), at(keepFrom + DAY), at(now - 1000)];
      await store.addEvents([...gone, ...kept]);
      // The old months get their partitions first (as the daily maintenance does while they are young).
      await maintainEvents(store.db, { retentionDays: 2190, now });
      await store.appendAudit({ actor: 'test', action: 'setup', target: 'retention', detail: {} });

      const done = await maintainEvents(store.db, { retentionDays, now });
      if (kind === 'postgres') {
        const goneMonths = [...new Set(gone.map((e) => monthOf(Date.parse(e.time))))];
        expect(done.removed.sort()).toEqual(goneMonths.flatMap((m) => ['events', 'event_types'].map((t) => `${t}_y${Math.floor(m / 12)}m${String((m % 12) + 1).padStart(2, '0')}`)).sort());
      }
      const ids = (await store.events({}, 100)).events.map((e) => e.event.id);
      expect(ids.sort()).toEqual(kept.map((e) => e.id).sort());
      expect((await store.events({ type: 'SSN' }, 100)).events.length).toBe(kept.length);
      expect(await count(store.db, 'SELECT COUNT(*) AS n FROM event_types')).toBe(kept.length);
      // Rollups follow: what is left counts exactly the events left.
      expect(await count(store.db, "SELECT COALESCE(SUM(n), 0) AS n FROM rollups WHERE dim = 'all'")).toBe(kept.length);
      expect((await store.audit()).map((a) => a.action)).toContain('setup');

      // A device re-sending an event of a month that is gone: not stored again (it would come back alone,
      // without the rest of its month); one still kept is a plain duplicate.
      store.retentionDays = retentionDays;
      expect(await store.addEvents([gone[0]!, kept[0]!])).toEqual({ inserted: 0, duplicates: 1, expired: 1 });
      expect(await store.eventCount()).toBe(kept.length);
    } finally {
      await dispose();
    }
  });
});

describe('retention by detaching on postgres', () => {
  it('leaves a month past retention as a table of its own (archive_<name>) for a DBA to dump', async () => {
    const { store, dispose } = await freshStore('postgres', pg);
    try {
      const now = Date.now();
      const old = makeEvent({ time: new Date(now - 200 * DAY).toISOString() });
      await store.addEvents([old, makeEvent({ time: new Date(now).toISOString() })]);
      await maintainEvents(store.db, { retentionDays: 2190, now });
      const done = await maintainEvents(store.db, { retentionDays: 60, retentionAction: 'detach', now });
      const name = done.removed.find((n) => n.startsWith('events_'))!;
      expect(await count(store.db, `SELECT COUNT(*) AS n FROM archive_${name}`)).toBe(1);
      expect(await store.event(old.id)).toBeUndefined();
      expect(await store.eventCount()).toBe(1);
    } finally {
      await dispose();
    }
  });
});
