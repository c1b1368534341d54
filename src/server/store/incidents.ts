import type { IncidentChange } from '../../core/events/incident-change';
import { INCIDENT_STATUSES, type Incident, type IncidentStatus } from '../../core/events/incident';
import { SEVERITIES, type Severity } from '../../core/policy/schema';
import type { ChainedAuditEntry } from '../audit-chain';
import { severityRank } from '../incidents/severity';
import { appendAuditIn, readAudit } from './audit';
import type { SqlDriver } from './driver';
import { toStored, type EventRow, type StoredEvent } from './event-rows';

export type { Incident };

export interface IncidentFilter {
  status?: IncidentStatus;
  severity?: Severity;
  owner?: string;
  rule?: string;
  user?: string;
  /** The incident that holds this event. */
  event?: string;
}

export interface IncidentComment {
  id: number;
  author: string;
  timeMs: number;
  text: string;
}

export interface IncidentPage {
  incidents: Incident[];
  /** How many match the filter (all pages). */
  total: number;
  /** How many match the other filters, per status (the console's tabs). */
  byStatus: Record<IncidentStatus, number>;
}

/** The audit trail's target for an incident: its history is the entries about it. */
export const incidentTarget = (id: number) => `incident:${id}`;

const FIELDS = ['status', 'owner', 'severity', 'verdict'] as const;

/**
 * Incidents in SQLite or PostgreSQL, the same SQL for both. Ingest makes them (incident-ingest.ts); this reads them
 * and applies the team's changes and comments, each in one transaction with its audit entry.
 */
export class IncidentStore {
  constructor(private readonly db: SqlDriver) {}

  /** A page of incidents, the most recent activity first, with the totals. */
  async list(filter: IncidentFilter, limit = 50, offset = 0): Promise<IncidentPage> {
    const { status, ...others } = filter;
    const [where, params] = conditions(others);
    const counted = await this.db.query<{ status: IncidentStatus; n: number }>(`SELECT status, COUNT(*) AS n FROM incidents ${where} GROUP BY status`, params);
    const byStatus = Object.fromEntries(INCIDENT_STATUSES.map((s) => [s, 0])) as Record<IncidentStatus, number>;
    for (const r of counted) byStatus[r.status] = Number(r.n);
    const [pageWhere, pageParams] = conditions(filter);
    const rows = await this.db.query<IncidentRow>(`SELECT * FROM incidents ${pageWhere} ORDER BY last_ms DESC, id DESC LIMIT ? OFFSET ?`, [...pageParams, limit, offset]);
    const total = status ? byStatus[status] : Object.values(byStatus).reduce((a, b) => a + b, 0);
    return { incidents: rows.map(toIncident), total, byStatus };
  }

  async get(id: number): Promise<Incident | undefined> {
    const [row] = await this.db.query<IncidentRow>('SELECT * FROM incidents WHERE id = ?', [id]);
    return row && toIncident(row);
  }

  /** Its events in time order (the first `limit`). */
  async events(id: number, limit = 200): Promise<StoredEvent[]> {
    const rows = await this.db.query<EventRow>(
      'SELECT e.seq, e.received_ms, e.doc FROM incident_events l JOIN events e ON e.id = l.event_id AND e.time_ms = l.time_ms WHERE l.incident_id = ? ORDER BY l.time_ms, l.event_id LIMIT ?',
      [id, limit],
    );
    return rows.map(toStored);
  }

  async comments(id: number): Promise<IncidentComment[]> {
    const rows = await this.db.query<{ id: number; author: string; time_ms: number; text: string }>('SELECT id, author, time_ms, text FROM incident_comments WHERE incident_id = ? ORDER BY id', [id]);
    return rows.map((r) => ({ id: r.id, author: r.author, timeMs: Number(r.time_ms), text: r.text }));
  }

  /** Every change and comment, as the audit trail has them. */
  history(id: number): Promise<ChainedAuditEntry[]> {
    return readAudit(this.db, incidentTarget(id));
  }

  /**
   * Applies one change to each of these incidents, in one transaction: each one that changes gets its audit entry
   * (who, from what, to what); one already so is left alone. Answers the incidents as they are now, and the ids
   * that name none (then nothing is changed at all).
   */
  async change(ids: readonly number[], change: IncidentChange, actor: string, now = Date.now()): Promise<{ incidents: Incident[]; missing: number[] }> {
    const unique = [...new Set(ids)];
    return this.db.transaction(async (tx) => {
      // Locked in group_key order, the order ingest's upsert locks them in: a bulk change and a batch of events
      // touching the same incidents wait for each other instead of deadlocking (SQLite has one writer anyway).
      const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
      const rows = await tx.query<IncidentRow>(`SELECT * FROM incidents WHERE id IN (${unique.map(() => '?').join(',')}) ORDER BY group_key${lock}`, unique);
      const found = rows.map(toIncident);
      const missing = unique.filter((id) => !found.some((i) => i.id === id));
      if (missing.length) return { incidents: [], missing };
      const after: Incident[] = [];
      for (const before of found) {
        const next: Incident = { ...before, ...definedOf(change) };
        if (change.severity !== undefined) next.severityByHand = true;
        const from: Record<string, unknown> = {};
        const to: Record<string, unknown> = {};
        for (const f of FIELDS)
          if (next[f] !== before[f]) {
            from[f] = before[f];
            to[f] = next[f];
          }
        if (!Object.keys(to).length) {
          after.push(before);
          continue;
        }
        next.updatedMs = now;
        await tx.run('UPDATE incidents SET status = ?, owner = ?, severity = ?, severity_manual = ?, verdict = ?, updated_ms = ? WHERE id = ?', [
          next.status,
          next.owner,
          severityRank(next.severity),
          next.severityByHand ? 1 : 0,
          next.verdict,
          now,
          next.id,
        ]);
        await appendAuditIn(tx, { actor, action: 'incident.change', target: incidentTarget(next.id), detail: { from, to, ...(unique.length > 1 ? { bulk: unique.length } : {}) } });
        after.push(next);
      }
      return { incidents: after, missing };
    });
  }

  /** Adds a comment and its audit entry; undefined when no incident has this id. */
  async comment(id: number, author: string, text: string, now = Date.now()): Promise<IncidentComment | undefined> {
    return this.db.transaction(async (tx) => {
      if (!(await tx.run('UPDATE incidents SET updated_ms = ? WHERE id = ?', [now, id]))) return undefined;
      const [row] = await tx.query<{ id: number }>('INSERT INTO incident_comments (incident_id, author, time_ms, text) VALUES (?, ?, ?, ?) RETURNING id', [id, author, now, text]);
      await appendAuditIn(tx, { actor: author, action: 'incident.comment', target: incidentTarget(id), detail: { comment: row!.id, text } });
      return { id: row!.id, author, timeMs: now, text };
    });
  }
}

type IncidentRow = {
  id: number;
  status: IncidentStatus;
  severity: number;
  severity_manual: number;
  owner: string | null;
  verdict: string | null;
  rule: string;
  user_name: string | null;
  device_id: string;
  day: string;
  event_count: number;
  first_ms: number;
  last_ms: number;
  created_ms: number;
  updated_ms: number;
};

const toIncident = (r: IncidentRow): Incident => ({
  id: Number(r.id),
  status: r.status,
  severity: SEVERITIES[r.severity]!,
  severityByHand: Number(r.severity_manual) === 1,
  owner: r.owner,
  verdict: r.verdict,
  rule: r.rule,
  user: r.user_name,
  deviceId: r.device_id,
  day: r.day,
  eventCount: Number(r.event_count),
  firstEventMs: Number(r.first_ms),
  lastEventMs: Number(r.last_ms),
  createdMs: Number(r.created_ms),
  updatedMs: Number(r.updated_ms),
});

const COLUMNS = { status: 'status', severity: 'severity', owner: 'owner', rule: 'rule', user: 'user_name' } as const;
const BY_EVENT = 'id IN (SELECT incident_id FROM incident_events WHERE event_id = ?)';

function conditions(filter: IncidentFilter): [string, unknown[]] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.event !== undefined) {
    where.push(BY_EVENT);
    params.push(filter.event);
  }
  for (const [key, column] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, string]>) {
    const value = filter[key];
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(key === 'severity' ? severityRank(value as Severity) : value);
  }
  return [where.length ? `WHERE ${where.join(' AND ')}` : '', params];
}

/** The fields a change sets (absent ones stay as they are; null clears owner or verdict). */
const definedOf = (change: IncidentChange): Partial<Pick<Incident, (typeof FIELDS)[number]>> =>
  Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as Partial<Pick<Incident, (typeof FIELDS)[number]>>;
