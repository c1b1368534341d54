import { severityRank } from '../incidents/severity';
import type { IncidentSeed } from '../incidents/triage';
import { placeholders, type SqlDriver } from './driver';

/** Event id -> the incident it opens or joins (events that need no review have none). */
export type IncidentSeeds = ReadonlyMap<string, IncidentSeed>;

/**
 * What an event adds to an incident that exists already: its count, a graver severity unless someone set the
 * severity by hand, and the span of event times. Ingest answers (RETURNING) the incident's id for its links.
 */
const incidentUpsert = (dialect: SqlDriver['dialect']) => {
  const [max, min] = dialect === 'postgres' ? ['GREATEST', 'LEAST'] : ['MAX', 'MIN'];
  return `ON CONFLICT (group_key) DO UPDATE SET event_count = incidents.event_count + excluded.event_count,
    severity = CASE WHEN incidents.severity_manual = 1 THEN incidents.severity ELSE ${max}(incidents.severity, excluded.severity) END,
    first_ms = ${min}(incidents.first_ms, excluded.first_ms), last_ms = ${max}(incidents.last_ms, excluded.last_ms), updated_ms = excluded.updated_ms
    RETURNING id, group_key`;
};

/**
 * PostgreSQL: the part of the chunk's one statement (after its `added` CTE, the events just inserted) that opens or
 * adds to the incidents of those events and links them, with its parameters; nothing when no event of the chunk
 * needs review. Groups are upserted in key order, so that concurrent batches lock incidents in the same order.
 */
export function postgresIncidents(chunk: ReadonlyArray<{ id: string }>, seeds: IncidentSeeds, receivedMs: number): { sql: string; params: unknown[] } {
  const records: unknown[] = [];
  for (const { id } of chunk) {
    const s = seeds.get(id);
    if (s) records.push({ id, group_key: s.groupKey, day: s.day, rule: s.rule, user_name: s.user, device_id: s.deviceId, severity: severityRank(s.severity) });
  }
  if (!records.length) return { sql: '', params: [] };
  const sql = `, seeds AS (
       SELECT s.*, a.time_ms FROM added a JOIN json_to_recordset(?::json) AS s (id text, group_key text, day text, rule text, user_name text, device_id text, severity int) ON s.id = a.id
     ), opened AS (
       INSERT INTO incidents (group_key, day, rule, user_name, device_id, severity, event_count, first_ms, last_ms, created_ms, updated_ms)
       SELECT group_key, MIN(day), MIN(rule), MIN(user_name), MIN(device_id), MAX(severity), COUNT(*), MIN(time_ms), MAX(time_ms), ?::bigint, ?::bigint FROM seeds
       GROUP BY group_key ORDER BY group_key
       ${incidentUpsert('postgres')}
     ), linked AS (
       INSERT INTO incident_events (incident_id, time_ms, event_id) SELECT o.id, s.time_ms, s.id FROM seeds s JOIN opened o ON o.group_key = s.group_key
       ON CONFLICT DO NOTHING
     )`;
  return { sql, params: [JSON.stringify(records), receivedMs, receivedMs] };
}

/**
 * Inside the caller's transaction: the incidents of these events, one upsert for the chunk and one insert of the
 * links. SQLite's ingest passes the events just added (never duplicates, so that a re-sent event counts once);
 * the backfill passes events that belong to no incident yet (either database).
 */
export async function addIncidents(tx: SqlDriver, added: ReadonlyArray<{ id: string; timeMs: number }>, seeds: IncidentSeeds, receivedMs: number): Promise<void> {
  const groups = new Map<string, { seed: IncidentSeed; severity: number; first: number; last: number; events: Array<{ id: string; timeMs: number }> }>();
  for (const e of added) {
    const seed = seeds.get(e.id);
    if (!seed) continue;
    const g = groups.get(seed.groupKey) ?? { seed, severity: 0, first: e.timeMs, last: e.timeMs, events: [] };
    g.severity = Math.max(g.severity, severityRank(seed.severity));
    g.first = Math.min(g.first, e.timeMs);
    g.last = Math.max(g.last, e.timeMs);
    g.events.push(e);
    groups.set(seed.groupKey, g);
  }
  if (!groups.size) return;
  const values = [...groups.values()].flatMap(({ seed: s, severity, first, last, events }) => [s.groupKey, s.day, s.rule, s.user, s.deviceId, severity, events.length, first, last, receivedMs, receivedMs]);
  const opened = await tx.query<{ id: number; group_key: string }>(
    `INSERT INTO incidents (group_key, day, rule, user_name, device_id, severity, event_count, first_ms, last_ms, created_ms, updated_ms) VALUES ${placeholders(groups.size, 11)} ${incidentUpsert(tx.dialect)}`,
    values,
  );
  const links = opened.flatMap(({ id, group_key }) => groups.get(group_key)!.events.flatMap((e) => [id, e.timeMs, e.id]));
  await tx.run(`INSERT INTO incident_events (incident_id, time_ms, event_id) VALUES ${placeholders(links.length / 3, 3)} ON CONFLICT DO NOTHING`, links);
}
