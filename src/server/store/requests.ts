import { REQUEST_KINDS } from '../../core/events/event';
import { GrantedException } from '../../core/policy/grants';
import { appendAuditIn } from './audit';
import type { SqlDriver } from './driver';

export const REQUEST_STATUSES = ['open', 'approved', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** A granted exception as kept: the grant itself and its life (in force, expired, revoked). */
export interface StoredGrant {
  id: string;
  grant: GrantedException;
  requestId: string | null;
  createdMs: number;
  createdBy: string;
  expiresMs: number;
  revokedMs: number | null;
  revokedBy: string | null;
  state: 'in-force' | 'expired' | 'revoked';
}

/** An employee's request with what its event said and its decision. */
export interface StoredRequest {
  /** The id of the event that carried it. */
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  /** When the employee asked (the event's time), and when it arrived. */
  createdMs: number;
  receivedMs: number;
  deviceId: string;
  /** The event's verified user; null when the device has none. */
  user: string | null;
  rule: string | null;
  host: string;
  channel: string;
  action: string;
  types: string[];
  /** The union of the event's findings' keyed hashes. */
  hashes: string[];
  reason: string | null;
  scope: { thisHostOnly: boolean; theseValuesOnly: boolean; days: number } | null;
  decidedMs: number | null;
  decidedBy: string | null;
  /** The note to the employee. */
  answer: string | null;
  grant: StoredGrant | null;
}

type RequestRow = {
  id: string; kind: RequestKind; status: RequestStatus; created_ms: number; received_ms: number; device_id: string; user_name: string | null; rule: string | null; host: string;
  channel: string; action: string; types: string; hashes: string; reason: string | null; scope: string | null; decided_ms: number | null; decided_by: string | null; answer: string | null; grant_id: string | null;
};
type GrantRow = { id: string; doc: string; request_id: string | null; created_ms: number; created_by: string; expires_ms: number; revoked_ms: number | null; revoked_by: string | null };

const num = (v: number | null) => (v === null ? null : Number(v));

function toGrant(r: GrantRow, now: number): StoredGrant {
  const expiresMs = Number(r.expires_ms), revokedMs = num(r.revoked_ms);
  return {
    id: r.id,
    grant: GrantedException.parse(JSON.parse(r.doc)),
    requestId: r.request_id,
    createdMs: Number(r.created_ms),
    createdBy: r.created_by,
    expiresMs,
    revokedMs,
    revokedBy: r.revoked_by,
    state: revokedMs !== null ? 'revoked' : expiresMs > now ? 'in-force' : 'expired',
  };
}

const REQUEST_COLUMNS = 'r.id, r.kind, r.status, r.created_ms, r.received_ms, r.device_id, r.user_name, r.rule, r.host, r.channel, r.action, r.types, r.hashes, r.reason, r.scope, r.decided_ms, r.decided_by, r.answer, r.grant_id';
const GRANT_COLUMNS = 'g.id AS g_id, g.doc AS g_doc, g.request_id AS g_request_id, g.created_ms AS g_created_ms, g.created_by AS g_created_by, g.expires_ms AS g_expires_ms, g.revoked_ms AS g_revoked_ms, g.revoked_by AS g_revoked_by';
const SELECT_REQUESTS = `SELECT ${REQUEST_COLUMNS}, ${GRANT_COLUMNS} FROM requests r LEFT JOIN grants g ON g.id = r.grant_id`;
type JoinedRow = RequestRow & { [K in keyof GrantRow as `g_${K}`]: GrantRow[K] | null };

function toRequest(r: JoinedRow, now: number): StoredRequest {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    createdMs: Number(r.created_ms),
    receivedMs: Number(r.received_ms),
    deviceId: r.device_id,
    user: r.user_name,
    rule: r.rule,
    host: r.host,
    channel: r.channel,
    action: r.action,
    types: r.types ? r.types.split(',') : [],
    hashes: JSON.parse(r.hashes) as string[],
    reason: r.reason,
    scope: r.scope ? JSON.parse(r.scope) : null,
    decidedMs: num(r.decided_ms),
    decidedBy: r.decided_by,
    answer: r.answer,
    grant: r.g_id
      ? toGrant({ id: r.g_id, doc: r.g_doc!, request_id: r.g_request_id, created_ms: r.g_created_ms!, created_by: r.g_created_by!, expires_ms: r.g_expires_ms!, revoked_ms: r.g_revoked_ms, revoked_by: r.g_revoked_by }, now)
      : null,
  };
}

export interface Decision {
  status: Exclude<RequestStatus, 'open'>;
  answer?: string;
  grant?: GrantedException;
}

/** How long expired and revoked grants stay in the list of exceptions. */
const RECENT_MS = 30 * 86_400_000;

/**
 * Employees' requests (made on ingest: request-ingest.ts) and the exceptions granted on them. A decision and its
 * grant commit in one transaction with their audit entry (`request.approve`, `request.reject`), and so does a
 * revocation (`exception.revoke`); the routes publish the policy again afterwards (src/server/requests).
 */
export class RequestStore {
  constructor(private readonly db: SqlDriver) {}

  /** Requests, open ones first, then the newest first. */
  async list(filter: { status?: RequestStatus; kind?: RequestKind; user?: string } = {}, limit = 500, now = Date.now()): Promise<StoredRequest[]> {
    const where: string[] = [], params: unknown[] = [];
    for (const [value, column] of [[filter.status, 'r.status'], [filter.kind, 'r.kind'], [filter.user, 'r.user_name']] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const rows = await this.db.query<JoinedRow>(
      `${SELECT_REQUESTS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY CASE WHEN r.status = 'open' THEN 0 ELSE 1 END, r.created_ms DESC, r.id LIMIT ?`,
      [...params, limit],
    );
    return rows.map((r) => toRequest(r, now));
  }

  /** How many requests wait for a decision. */
  async openCount(): Promise<number> {
    return Number((await this.db.query<{ n: number }>("SELECT COUNT(*) AS n FROM requests WHERE status = 'open'"))[0]!.n);
  }

  /** The requests filed between two times (ms), oldest first: the compliance report's. */
  async filedBetween(fromMs: number, toMs: number, now = Date.now()): Promise<StoredRequest[]> {
    const rows = await this.db.query<JoinedRow>(`${SELECT_REQUESTS} WHERE r.created_ms >= ? AND r.created_ms < ? ORDER BY r.created_ms, r.id`, [fromMs, toMs]);
    return rows.map((r) => toRequest(r, now));
  }

  async get(id: string, now = Date.now()): Promise<StoredRequest | undefined> {
    const [row] = await this.db.query<JoinedRow>(`${SELECT_REQUESTS} WHERE r.id = ?`, [id]);
    return row && toRequest(row, now);
  }

  /**
   * The requests of a device's user, or of the device when it has no user (then those of its own that name no
   * user): the newest `limit`. Nothing of anybody else.
   */
  async ofRequester(deviceId: string, user: string | null, limit = 50, now = Date.now()): Promise<StoredRequest[]> {
    const rows = user
      ? await this.db.query<JoinedRow>(`${SELECT_REQUESTS} WHERE r.user_name = ? ORDER BY r.created_ms DESC, r.id LIMIT ?`, [user, limit])
      : await this.db.query<JoinedRow>(`${SELECT_REQUESTS} WHERE r.device_id = ? AND r.user_name IS NULL ORDER BY r.created_ms DESC, r.id LIMIT ?`, [deviceId, limit]);
    return rows.map((r) => toRequest(r, now));
  }

  /**
   * Decides an open request, with its grant if any, audited: 'decided' when it was decided already (nothing
   * changed: two deciders racing, one wins), 'missing' when there is no such request.
   */
  async decide(id: string, d: Decision, actor: string, now = Date.now()): Promise<StoredRequest | 'decided' | 'missing'> {
    const outcome = await this.db.transaction(async (tx) => {
      const changed = await tx.run("UPDATE requests SET status = ?, decided_ms = ?, decided_by = ?, answer = ?, grant_id = ? WHERE id = ? AND status = 'open'", [
        d.status,
        now,
        actor,
        d.answer ?? null,
        d.grant?.id ?? null,
        id,
      ]);
      if (!changed) return (await tx.query('SELECT id FROM requests WHERE id = ?', [id])).length ? ('decided' as const) : ('missing' as const);
      if (d.grant)
        await tx.run('INSERT INTO grants (id, doc, request_id, created_ms, created_by, expires_ms) VALUES (?, ?, ?, ?, ?, ?)', [d.grant.id, JSON.stringify(d.grant), id, now, actor, Date.parse(d.grant.expiresAt)]);
      await appendAuditIn(tx, {
        actor,
        action: d.status === 'approved' ? 'request.approve' : 'request.reject',
        target: `request:${id}`,
        detail: { ...(d.grant ? { grant: d.grant } : {}), ...(d.answer ? { answer: d.answer } : {}) },
      });
      return 'done' as const;
    });
    return outcome === 'done' ? (await this.get(id, now))! : outcome;
  }

  /** Grants in force now, and those that expired or were revoked in the last 30 days; the latest to end first. */
  async grants(now = Date.now()): Promise<StoredGrant[]> {
    const rows = await this.db.query<GrantRow>('SELECT * FROM grants WHERE expires_ms > ? AND (revoked_ms IS NULL OR revoked_ms > ?) ORDER BY expires_ms DESC, id', [now - RECENT_MS, now - RECENT_MS]);
    return rows.map((r) => toGrant(r, now)).sort((a, b) => Number(b.state === 'in-force') - Number(a.state === 'in-force'));
  }

  /** Every grant made between two times (ms), oldest first. */
  async grantsMadeBetween(fromMs: number, toMs: number, now = Date.now()): Promise<StoredGrant[]> {
    return (await this.db.query<GrantRow>('SELECT * FROM grants WHERE created_ms >= ? AND created_ms < ? ORDER BY created_ms, id', [fromMs, toMs])).map((r) => toGrant(r, now));
  }

  /** The grants a policy published now carries: not expired, not revoked, in the order they were made. */
  async grantsInForce(now = Date.now()): Promise<GrantedException[]> {
    const rows = await this.db.query<GrantRow>('SELECT * FROM grants WHERE revoked_ms IS NULL AND expires_ms > ? ORDER BY created_ms, id', [now]);
    return rows.map((r) => toGrant(r, now).grant);
  }

  /** Whether a grant of this id was ever made (revoked and expired ones included). */
  async grantKnown(id: string): Promise<boolean> {
    return (await this.db.query('SELECT id FROM grants WHERE id = ?', [id])).length > 0;
  }

  /** The ids of every grant ever made. */
  async grantIds(): Promise<Set<string>> {
    return new Set((await this.db.query<{ id: string }>('SELECT id FROM grants')).map((r) => r.id));
  }

  /** Revokes a grant in force, audited; false when none of this id is in force. */
  async revoke(id: string, actor: string, now = Date.now()): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (!(await tx.run('UPDATE grants SET revoked_ms = ?, revoked_by = ? WHERE id = ? AND revoked_ms IS NULL AND expires_ms > ?', [now, actor, id, now]))) return false;
      await appendAuditIn(tx, { actor, action: 'exception.revoke', target: `exception:${id}`, detail: {} });
      return true;
    });
  }
}
