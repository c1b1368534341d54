import type { BulwarkEvent } from '../../core/events/event';
import { ENTITY_TYPES, type EntityType } from '../../core/detect/types';
import { placeholders, type SqlDriver } from './driver';
import { addIncidents, postgresIncidents, type IncidentSeeds } from './incident-ingest';
import { addRequests, postgresRequests } from './request-ingest';

/**
 * One chunk of validated events into events, event_types, rollups, incidents (with their links to the events) and
 * the employees' requests they carry;
 * an event already stored is skipped and counted nowhere, so the rollups and incidents stay exact however often a
 * device re-sends. Answers how many were new.
 *
 * PostgreSQL gets one statement for the whole chunk (data-modifying CTEs): one round trip, and the hot rollup
 * rows (the day's 'all' counts, which every batch touches) are locked only while the server runs it, not for the
 * round trips a client-side transaction would hold them across. SQLite has no such CTEs: one short transaction.
 */
export async function insertEventChunk(db: SqlDriver, events: readonly BulwarkEvent[], receivedMs: number, seeds: IncidentSeeds = new Map()): Promise<number> {
  const chunk = uniqueById(events);
  return db.dialect === 'postgres' ? insertPostgres(db, chunk, receivedMs, seeds) : insertSqlite(db, chunk, receivedMs, seeds);
}

/** One bit per entity type; a sum of distinct powers of two, exact in a double up to 53 types. */
export const typeMask = (types: readonly EntityType[]) => [...new Set(types)].reduce((m, t) => m + 2 ** ENTITY_TYPES.indexOf(t), 0);

/** The first of each id, in the order sent (the order forwarders read): a batch holding an event twice counts it once. */
function uniqueById(events: readonly BulwarkEvent[]): BulwarkEvent[] {
  const byId = new Map<string, BulwarkEvent>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()];
}

const columns = (e: BulwarkEvent) => {
  const types = e.findings.map((f) => f.type);
  return [e.id, Date.parse(e.time), e.device.id, e.device.user ?? null, e.channel, e.destination.host, e.action, e.outcome, e.rule ?? null, types.join(','), typeMask(types), JSON.stringify(e)] as const;
};

/** The rollup rows an event adds one to: [day, dim, key, action]. */
function rollupKeys(e: BulwarkEvent): Array<[string, string, string, string]> {
  const day = e.time.slice(0, 10);
  const keys: Array<[string, string, string, string]> = [
    [day, 'all', '*', e.action],
    [day, 'host', e.destination.host, e.action],
    [day, 'device', e.device.id, e.action],
  ];
  if (e.device.user) keys.push([day, 'user', e.device.user, e.action]);
  for (const type of new Set(e.findings.map((f) => f.type))) keys.push([day, 'type', type, e.action]);
  return keys;
}

const distinctTypes = (e: BulwarkEvent) => [...new Set(e.findings.map((f) => f.type))];

/**
 * The rows travel as three JSON texts that PostgreSQL takes apart (json_to_recordset): JSON.stringify is native,
 * where pg would escape every element of a dozen text arrays in JavaScript.
 */
async function insertPostgres(db: SqlDriver, chunk: readonly BulwarkEvent[], receivedMs: number, seeds: IncidentSeeds): Promise<number> {
  const events: unknown[] = [];
  const types: unknown[] = [];
  const keys: unknown[] = [];
  for (const e of chunk) {
    const [id, time_ms, device_id, user_name, channel, host, action, outcome, rule, typeList, type_mask, doc] = columns(e);
    events.push({ id, time_ms, device_id, user_name, channel, host, action, outcome, rule, types: typeList, type_mask, doc });
    for (const type of distinctTypes(e)) types.push({ id, type });
    for (const [day, dim, key, act] of rollupKeys(e)) keys.push({ id, day, dim, key, action: act });
  }
  const incidents = postgresIncidents(chunk, seeds, receivedMs);
  const requests = postgresRequests(chunk, receivedMs);
  const [row] = await db.query<{ n: number }>(
    `WITH added AS (
       INSERT INTO events (id, time_ms, received_ms, device_id, user_name, channel, host, action, outcome, rule, types, type_mask, doc)
       SELECT id, time_ms, ?::bigint, device_id, user_name, channel, host, action, outcome, rule, types, type_mask, doc
       FROM json_to_recordset(?::json) AS i (id text, time_ms bigint, device_id text, user_name text, channel text, host text, action text, outcome text, rule text, types text, type_mask bigint, doc text)
       ON CONFLICT DO NOTHING RETURNING seq, id, time_ms
     ), typed AS (
       INSERT INTO event_types (type, time_ms, seq)
       SELECT t.type, a.time_ms, a.seq FROM added a JOIN json_to_recordset(?::json) AS t (id text, type text) ON t.id = a.id
       ON CONFLICT DO NOTHING
     ), counted AS (
       INSERT INTO rollups (day, dim, key, action, n)
       SELECT k.day, k.dim, k.key, k.action, COUNT(*) FROM added a JOIN json_to_recordset(?::json) AS k (id text, day text, dim text, key text, action text) ON k.id = a.id
       GROUP BY k.day, k.dim, k.key, k.action
       -- In key order, so that concurrent batches lock the rows in the same order (no deadlock).
       ORDER BY k.day, k.dim, k.key, k.action
       ON CONFLICT (day, dim, key, action) DO UPDATE SET n = rollups.n + excluded.n
     )${incidents.sql}${requests.sql}
     SELECT COUNT(*)::int AS n FROM added`,
    [receivedMs, JSON.stringify(events), JSON.stringify(types), JSON.stringify(keys), ...incidents.params, ...requests.params],
  );
  return row!.n;
}

async function insertSqlite(db: SqlDriver, chunk: readonly BulwarkEvent[], receivedMs: number, seeds: IncidentSeeds): Promise<number> {
  return db.transaction(async (tx) => {
    const params = chunk.flatMap((e) => {
      const [id, timeMs, ...rest] = columns(e);
      return [id, timeMs, receivedMs, ...rest];
    });
    const added = await tx.query<{ seq: number; id: string }>(
      `INSERT INTO events (id, time_ms, received_ms, device_id, user_name, channel, host, action, outcome, rule, types, type_mask, doc) VALUES ${placeholders(chunk.length, 13)} ON CONFLICT DO NOTHING RETURNING seq, id`,
      params,
    );
    if (!added.length) return 0;
    const byId = new Map(chunk.map((e) => [e.id, e]));
    const typeRows: unknown[] = [];
    const rollup = new Map<string, number>();
    for (const { seq, id } of added) {
      const e = byId.get(id)!;
      for (const type of distinctTypes(e)) typeRows.push(type, Date.parse(e.time), seq);
      for (const k of rollupKeys(e)) {
        const key = JSON.stringify(k);
        rollup.set(key, (rollup.get(key) ?? 0) + 1);
      }
    }
    if (typeRows.length) await tx.run(`INSERT INTO event_types (type, time_ms, seq) VALUES ${placeholders(typeRows.length / 3, 3)} ON CONFLICT DO NOTHING`, typeRows);
    const rollupRows = [...rollup].flatMap(([k, n]) => [...(JSON.parse(k) as string[]), n]);
    await tx.run(`INSERT INTO rollups (day, dim, key, action, n) VALUES ${placeholders(rollup.size, 5)} ON CONFLICT (day, dim, key, action) DO UPDATE SET n = rollups.n + excluded.n`, rollupRows);
    await addIncidents(tx, added.map(({ id }) => ({ id, timeMs: Date.parse(byId.get(id)!.time) })), seeds, receivedMs);
    await addRequests(tx, added.map(({ id }) => byId.get(id)!), receivedMs);
    return added.length;
  });
}
