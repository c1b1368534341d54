import type { BulwarkEvent } from '../../core/events/event';
import { placeholders, type SqlDriver } from './driver';

/** A request's row as ingest writes it, from the event that carries it. */
interface RequestRecord {
  id: string;
  kind: string;
  created_ms: number;
  received_ms: number;
  device_id: string;
  user_name: string | null;
  rule: string | null;
  host: string;
  channel: string;
  action: string;
  types: string;
  hashes: string;
  reason: string | null;
  scope: string | null;
}

const COLUMNS = ['id', 'kind', 'created_ms', 'received_ms', 'device_id', 'user_name', 'rule', 'host', 'channel', 'action', 'types', 'hashes', 'reason', 'scope'] as const;

/** The union of the keyed hashes of an event's findings, in the order they come. */
export const eventHashes = (e: BulwarkEvent): string[] => [...new Set(e.findings.flatMap((f) => f.hashes))];

/**
 * The request an event carries, as its row. The user is the event's verified one: ingest (src/server/ingest.ts)
 * made `device.user` the device's enrolled user, whatever the event claimed; none when the device was enrolled
 * without a user, and then the device stands for the requester.
 */
function recordOf(e: BulwarkEvent, receivedMs: number): RequestRecord | undefined {
  if (!e.request) return undefined;
  return {
    id: e.id,
    kind: e.request.kind,
    created_ms: Date.parse(e.time),
    received_ms: receivedMs,
    device_id: e.device.id,
    user_name: e.device.user ?? null,
    rule: e.rule ?? null,
    host: e.destination.host,
    channel: e.channel,
    action: e.action,
    types: [...new Set(e.findings.map((f) => f.type))].join(','),
    hashes: JSON.stringify(eventHashes(e)),
    reason: e.request.reason ?? null,
    scope: e.request.scope ? JSON.stringify(e.request.scope) : null,
  };
}

/**
 * PostgreSQL: the part of the chunk's one statement (after its `added` CTE, the events just inserted) that makes
 * the requests those events carry; nothing when none does. Joined on `added`: an event sent again adds nothing.
 */
export function postgresRequests(chunk: readonly BulwarkEvent[], receivedMs: number): { sql: string; params: unknown[] } {
  const records = chunk.map((e) => recordOf(e, receivedMs)).filter((r): r is RequestRecord => r !== undefined);
  if (!records.length) return { sql: '', params: [] };
  const sql = `, requested AS (
       INSERT INTO requests (${COLUMNS.join(', ')})
       SELECT ${COLUMNS.map((c) => `r.${c}`).join(', ')} FROM added a JOIN json_to_recordset(?::json) AS r (id text, kind text, created_ms bigint, received_ms bigint, device_id text,
         user_name text, rule text, host text, channel text, action text, types text, hashes text, reason text, scope text) ON r.id = a.id
       ON CONFLICT (id) DO NOTHING
     )`;
  return { sql, params: [JSON.stringify(records)] };
}

/** SQLite, inside the ingest's transaction: the requests of the events just added (never of duplicates). */
export async function addRequests(tx: SqlDriver, added: readonly BulwarkEvent[], receivedMs: number): Promise<void> {
  const records = added.map((e) => recordOf(e, receivedMs)).filter((r): r is RequestRecord => r !== undefined);
  if (!records.length) return;
  await tx.run(
    `INSERT INTO requests (${COLUMNS.join(', ')}) VALUES ${placeholders(records.length, COLUMNS.length)} ON CONFLICT (id) DO NOTHING`,
    records.flatMap((r) => COLUMNS.map((c) => r[c])),
  );
}
