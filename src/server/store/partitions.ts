import { ENTITY_TYPES } from '../../core/detect/types';
import type { SqlDriver } from './driver';

/**
 * Events by month, and retention. On PostgreSQL events and event_types are partitioned by month of time_ms
 * (migration 002): the partitions from last month to MONTHS_AHEAD months ahead exist before events arrive, a
 * month that turns up in the DEFAULT partition gets its own partition (its rows moved there), and a month wholly
 * older than the retention goes in one statement (dropped, or detached for an archive). SQLite deletes the same
 * months' rows in small batches. The audit trail is never touched.
 */
export const PARTITIONED_TABLES = ['events', 'event_types'] as const;
export const MONTHS_AHEAD = 3;
const DAY_MS = 86_400_000;
const MAINTENANCE_LOCK = 7413;
const BATCH = 5000;

/** A month as a number: year * 12 + month (0-11), UTC. */
export const monthOf = (ms: number): number => {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const monthStart = (month: number) => Date.UTC(Math.floor(month / 12), month % 12, 1);
const partitionName = (table: string, month: number) => `${table}_y${Math.floor(month / 12)}m${String((month % 12) + 1).padStart(2, '0')}`;
const monthOfName = (name: string): number | undefined => {
  const m = name.match(/_y(\d{4})m(\d{2})$/);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
};

/** Last month, this month and the next MONTHS_AHEAD: the partitions that must exist now. */
export const monthsAround = (now: number): number[] => Array.from({ length: MONTHS_AHEAD + 2 }, (_, i) => monthOf(now) - 1 + i);

/**
 * The oldest time kept: the start of the month that holds the moment `retentionDays` ago. Whole months go, so
 * an event is kept at least `retentionDays` and at most a month longer; an event older than this that arrives
 * (a device re-sending after a long time) is not stored again.
 */
export const retentionStart = (retentionDays: number, now = Date.now()): number => monthStart(monthOf(now - retentionDays * DAY_MS));

export interface Maintenance {
  /** Partitions made (PostgreSQL). */
  created: string[];
  /** Partitions dropped or detached (PostgreSQL). */
  removed: string[];
  /** Rows deleted one by one: SQLite's old events, PostgreSQL's old rows in DEFAULT, old rollups. */
  deletedRows: number;
}

/** What runs at start and daily: partitions ahead, then retention. Safe with several instances at once. */
export async function maintainEvents(db: SqlDriver, options: { retentionDays: number; retentionAction?: 'drop' | 'detach'; now?: number }): Promise<Maintenance> {
  const now = options.now ?? Date.now();
  const keepFrom = retentionStart(options.retentionDays, now);
  const result: Maintenance = { created: [], removed: [], deletedRows: 0 };
  if (db.dialect === 'postgres') {
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${MAINTENANCE_LOCK})`);
      // Dropping or detaching a partition locks the whole table for a moment; rather than queue ingestion
      // behind a long query, give up and try again at the next round.
      await tx.run(`SET LOCAL lock_timeout = '10s'`);
      // Months that landed in DEFAULT (a fresh install receiving older events, a clock far ahead) within reach.
      const stray = await tx.query<{ day: number }>('SELECT DISTINCT (time_ms / 86400000) * 86400000 AS day FROM events_default WHERE time_ms >= ? AND time_ms < ?', [
        keepFrom,
        monthStart(monthOf(now) + MONTHS_AHEAD + 1),
      ]);
      result.created = await ensurePartitions(tx, [...monthsAround(now), ...stray.map((r) => monthOf(Number(r.day)))]);
      for (const { table, name, month } of await partitions(tx)) {
        if (monthStart(month + 1) > keepFrom) continue;
        if (options.retentionAction === 'detach') {
          await tx.run(`ALTER TABLE ${table} DETACH PARTITION ${name}`);
          await tx.run(`ALTER TABLE ${name} RENAME TO archive_${name}`);
        } else await tx.run(`DROP TABLE ${name}`);
        result.removed.push(name);
      }
    });
    for (const t of PARTITIONED_TABLES) result.deletedRows += await deleteInBatches(db, `${t}_default`, 'time_ms < ?', [keepFrom]);
  } else {
    result.deletedRows += await deleteInBatches(db, 'events', 'time_ms < ?', [keepFrom]);
    // By type, so that each batch walks event_types' key (type, time_ms, seq) instead of scanning it.
    for (const type of ENTITY_TYPES) result.deletedRows += await deleteInBatches(db, 'event_types', 'type = ? AND time_ms < ?', [type, keepFrom]);
  }
  result.deletedRows += await deleteInBatches(db, 'rollups', 'day < ?', [new Date(keepFrom).toISOString().slice(0, 10)]);
  return result;
}

/** Makes the monthly partitions of events and event_types that are missing, moving their rows out of DEFAULT. */
export async function ensurePartitions(tx: SqlDriver, months: readonly number[]): Promise<string[]> {
  const existing = new Set((await partitions(tx)).map((p) => p.name));
  const created: string[] = [];
  for (const month of [...new Set(months)].sort((a, b) => a - b)) {
    for (const table of PARTITIONED_TABLES) {
      const name = partitionName(table, month);
      if (existing.has(name)) continue;
      const [from, to] = [monthStart(month), monthStart(month + 1)];
      // A new range may not overlap rows DEFAULT holds: move them into the new table first, then attach it
      // (which builds the parent's indexes on it and checks the range).
      await tx.run(`CREATE TABLE ${name} (LIKE ${table} INCLUDING DEFAULTS)`);
      await tx.run(`WITH moved AS (DELETE FROM ${table}_default WHERE time_ms >= ? AND time_ms < ? RETURNING *) INSERT INTO ${name} SELECT * FROM moved`, [from, to]);
      await tx.run(`ALTER TABLE ${table} ATTACH PARTITION ${name} FOR VALUES FROM (${from}) TO (${to})`);
      created.push(name);
    }
  }
  return created;
}

/** The monthly partitions attached now (DEFAULT and detached archives are not among them). */
export async function partitions(db: SqlDriver): Promise<Array<{ table: string; name: string; month: number }>> {
  const rows = await db.query<{ parent: string; name: string }>(
    `SELECT p.relname AS parent, c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     WHERE i.inhparent IN ('events'::regclass, 'event_types'::regclass) ORDER BY c.relname`,
  );
  return rows.flatMap((r) => {
    const month = monthOfName(r.name);
    return month === undefined || r.name !== partitionName(r.parent, month) ? [] : [{ table: r.parent, name: r.name, month }];
  });
}

/** Deletes matching rows a batch at a time, each batch its own short statement: writers never wait long. */
async function deleteInBatches(db: SqlDriver, table: string, where: string, params: readonly unknown[]): Promise<number> {
  const row = db.dialect === 'postgres' ? 'ctid' : 'rowid';
  let total = 0;
  for (;;) {
    const n = await db.run(`DELETE FROM ${table} WHERE ${row} IN (SELECT ${row} FROM ${table} WHERE ${where} LIMIT ${BATCH})`, params);
    total += n;
    if (n < BATCH) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
