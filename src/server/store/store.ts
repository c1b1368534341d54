import type { EntityType } from '../../core/detect/types';
import type { BulwarkEvent } from '../../core/events/event';
import type { AuditEntry, ChainedAuditEntry } from '../audit-chain';
import { PolicyRuleOptions } from '../incidents/rule-options';
import { incidentSeed, type IncidentSeed } from '../incidents/triage';
import { appendAuditIn, readAudit } from './audit';
import type { SqlDriver } from './driver';
import { toStored, type EventRow, type StoredEvent } from './event-rows';
import { IncidentStore } from './incidents';
import { insertEventChunk, typeMask } from './ingest';
import { CoachingStore } from './coaching';
import { PartnerStore } from './partners';
import { ReportStore } from './reports';
import { RequestStore } from './requests';
import { retentionStart } from './partitions';
import { migrate } from './schema';

export const ROLES = ['viewer', 'analyst', 'policy_admin', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** An exact-data table or a fingerprinted document, hashed (`doc` is its published JSON form). */
export interface ProtectedItem {
  kind: 'table' | 'document';
  /** The document set ('' for tables). */
  setId: string;
  id: string;
  name: string;
  doc: string;
  createdMs: number;
  createdBy: string;
}

export interface User {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
}

export interface Device {
  id: string;
  user: string | null;
  enrolledMs: number;
  lastSeenMs: number | null;
  droppedTotal: number;
  revoked: boolean;
  /** The policy version in force on the device and the extension's version, as it last said (null: not yet). */
  policyVersion: number | null;
  extensionVersion: string | null;
}

/** What a device says it runs, with each request (either may be missing: an older extension). */
export interface DeviceRunning {
  policyVersion?: number;
  extensionVersion?: string;
}

export interface PublishedPolicy {
  version: number;
  /** The signed document devices receive: { policy, signature }. */
  doc: { policy: unknown; signature: string };
  publishedMs: number;
  publishedBy: string;
  note: string;
}

/** One value or several (any of them matches). */
type Many = string | readonly string[];

/**
 * What events to list: every field given must match (AND), any of a field's values may (OR). user, device,
 * host and rule match a part of the value, whatever the case, or the whole value when it starts with "=".
 * category: a finding's category; hash: a finding's keyed hash.
 */
export interface EventFilter {
  from?: number;
  to?: number;
  user?: Many;
  device?: Many;
  host?: Many;
  rule?: Many;
  channel?: Many;
  type?: Many;
  action?: Many;
  outcome?: Many;
  category?: Many;
  hash?: Many;
}

export const SORT_KEYS = ['time', 'user', 'device', 'host', 'rule', 'channel', 'action', 'outcome'] as const;
type SortKey = (typeof SORT_KEYS)[number];
/** A sort key, ascending, or descending with a leading "-". */
export type EventSort = SortKey | `-${SortKey}`;

export interface SavedView {
  id: number;
  name: string;
  /** The events view's query string (user=hana&category=phi&sort=-time). */
  query: string;
  createdMs: number;
}

export type { StoredEvent } from './event-rows';

/** Where a SIEM destination's forwarding stands: the inserting transaction ('0' on SQLite) and the event's seq. */
export interface SiemPosition {
  tx: string;
  seq: number;
}

export interface SiemEvent extends StoredEvent {
  position: SiemPosition;
}

export interface SiemState {
  /** The instance that forwards to it now; null while nobody holds a live lease. */
  holder: string | null;
  failures: number;
  lastError: string | null;
  /** Events delivered since the destination was configured, by every instance. */
  forwarded: number;
  cursor: SiemPosition;
  pending: number;
  /** When the oldest event not yet delivered arrived (ms since 1970). */
  oldestPendingMs: number | null;
}

export interface EventPage {
  events: StoredEvent[];
  /** Pass back as `cursor` for the next (older) page; absent on the last page. */
  next?: string;
}

export type RollupDim = 'all' | 'host' | 'type' | 'user' | 'device';
export interface RollupRow {
  day: string;
  dim: RollupDim;
  key: string;
  action: string;
  n: number;
}

/** The database's clock in milliseconds since 1970 (leases compare against one clock, whichever instance asks). */
const NOW_MS = { postgres: '(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint', sqlite: "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)" } as const;
const TEXT_COLUMNS = { user: 'user_name', device: 'device_id', host: 'host', rule: 'rule' } as const;
const EXACT_COLUMNS = { channel: 'channel', action: 'action', outcome: 'outcome' } as const;
const SORT_COLUMNS = { ...TEXT_COLUMNS, ...EXACT_COLUMNS } as const;
const COUNT_CAP = 100_000;
const INSERT_CHUNK = 500;

/**
 * Everything the backend keeps, in SQLite or PostgreSQL: the same SQL through a driver. Events are stored
 * whole (the validated JSON) beside the columns that filters and paging use.
 */
export class Store {
  /** Events older than this many days, whole months at a time, are gone and not stored again (partitions.ts). */
  retentionDays = 2190;
  private readonly seenAt = new Map<string, { at: number; said: string }>();
  private readonly ruleOptions = new PolicyRuleOptions(async (version) => (await this.policy(version))?.doc.policy);
  readonly incidents: IncidentStore;
  /** The third-party register. */
  readonly partners: PartnerStore;
  /** The compliance reports kept. */
  readonly reports: ReportStore;
  /** Teams and their training days, for coaching. */
  readonly coaching: CoachingStore;
  /** Employees' requests and the exceptions granted on them. */
  readonly requests: RequestStore;

  private constructor(readonly db: SqlDriver) {
    this.incidents = new IncidentStore(db);
    this.partners = new PartnerStore(db);
    this.reports = new ReportStore(db);
    this.coaching = new CoachingStore(db);
    this.requests = new RequestStore(db);
  }

  static async open(db: SqlDriver): Promise<Store> {
    await migrate(db);
    return new Store(db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // --- settings (keys, organisation name) ---

  async setting(key: string): Promise<string | undefined> {
    return (await this.db.query<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]))[0]?.value;
  }

  /** Sets a value unless one is there already; answers the value in force (first writer wins). */
  async settingOnce(key: string, value: string): Promise<string> {
    await this.db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, value]);
    return (await this.setting(key))!;
  }

  // --- people ---

  async addUser(name: string, passwordHash: string, role: Role): Promise<User> {
    const [row] = await this.db.query<UserRow>('INSERT INTO users (name, password_hash, role, created_ms) VALUES (?, ?, ?, ?) RETURNING id, name, role, password_hash', [name, passwordHash, role, Date.now()]);
    return toUser(row!);
  }

  async userByName(name: string): Promise<User | undefined> {
    const [row] = await this.db.query<UserRow>('SELECT id, name, role, password_hash FROM users WHERE name = ?', [name]);
    return row && toUser(row);
  }

  async users(): Promise<Array<Omit<User, 'passwordHash'>>> {
    return (await this.db.query<UserRow>('SELECT id, name, role, password_hash FROM users ORDER BY name')).map(({ id, name, role }) => ({ id, name, role }));
  }

  async setRole(name: string, role: Role): Promise<boolean> {
    return (await this.db.run('UPDATE users SET role = ? WHERE name = ?', [role, name])) > 0;
  }

  async setPassword(name: string, passwordHash: string): Promise<boolean> {
    const changed = await this.db.run('UPDATE users SET password_hash = ? WHERE name = ?', [passwordHash, name]);
    await this.db.run('DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE name = ?)', [name]);
    return changed > 0;
  }

  async addSession(tokenHash: string, userId: number, expiresMs: number): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE expires_ms < ?', [Date.now()]);
    await this.db.run('INSERT INTO sessions (token_hash, user_id, expires_ms) VALUES (?, ?, ?)', [tokenHash, userId, expiresMs]);
  }

  async sessionUser(tokenHash: string, now = Date.now()): Promise<User | undefined> {
    const [row] = await this.db.query<UserRow>(
      'SELECT u.id, u.name, u.role, u.password_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_ms > ?',
      [tokenHash, now],
    );
    return row && toUser(row);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
  }

  async addApiToken(tokenHash: string, label: string, role: Role, createdBy: string): Promise<number> {
    const [row] = await this.db.query<{ id: number }>('INSERT INTO api_tokens (token_hash, label, role, created_by, created_ms) VALUES (?, ?, ?, ?, ?) RETURNING id', [tokenHash, label, role, createdBy, Date.now()]);
    return row!.id;
  }

  /** A live API token, with its creator's current role (none when that person is gone). */
  async apiToken(tokenHash: string): Promise<{ id: number; label: string; role: Role; createdBy: string; creatorRole: Role | undefined } | undefined> {
    const [row] = await this.db.query<{ id: number; label: string; role: Role; created_by: string; creator_role: Role | null }>(
      'SELECT t.id, t.label, t.role, t.created_by, u.role AS creator_role FROM api_tokens t LEFT JOIN users u ON u.name = t.created_by WHERE t.token_hash = ? AND t.revoked_ms IS NULL',
      [tokenHash],
    );
    return row && { id: row.id, label: row.label, role: row.role, createdBy: row.created_by, creatorRole: row.creator_role ?? undefined };
  }

  /** Every API token, with its creator's current role (null when that person is gone). */
  async apiTokens() {
    return this.db.query<{ id: number; label: string; role: Role; created_by: string; created_ms: number; revoked_ms: number | null; creator_role: Role | null }>(
      'SELECT t.id, t.label, t.role, t.created_by, t.created_ms, t.revoked_ms, u.role AS creator_role FROM api_tokens t LEFT JOIN users u ON u.name = t.created_by ORDER BY t.id',
    );
  }

  async revokeApiToken(id: number): Promise<boolean> {
    return (await this.db.run('UPDATE api_tokens SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL', [Date.now(), id])) > 0;
  }

  // --- devices ---

  async addEnrollmentToken(tokenHash: string, label: string, expiresMs: number): Promise<number> {
    const [row] = await this.db.query<{ id: number }>('INSERT INTO enrollment_tokens (token_hash, label, created_ms, expires_ms) VALUES (?, ?, ?, ?) RETURNING id', [tokenHash, label, Date.now(), expiresMs]);
    return row!.id;
  }

  async enrollmentTokenValid(tokenHash: string, now = Date.now()): Promise<boolean> {
    return (await this.db.query('SELECT id FROM enrollment_tokens WHERE token_hash = ? AND revoked_ms IS NULL AND expires_ms > ?', [tokenHash, now])).length > 0;
  }

  async enrollmentTokens() {
    return this.db.query<{ id: number; label: string; created_ms: number; expires_ms: number; revoked_ms: number | null }>(
      'SELECT id, label, created_ms, expires_ms, revoked_ms FROM enrollment_tokens ORDER BY id',
    );
  }

  async revokeEnrollmentToken(id: number): Promise<boolean> {
    return (await this.db.run('UPDATE enrollment_tokens SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL', [Date.now(), id])) > 0;
  }

  /**
   * Enrolls a device under an id that is free (never enrolled, or revoked by an administrator), or gives a live
   * one a new token when `proofHash` is the hash of its current token (the old token stops working). False, and
   * nothing changed, when the id belongs to a live device and no proof matches: one statement, so two enrollments
   * racing for one id cannot both win.
   */
  async enrollDevice(id: string, tokenHash: string, user: string | undefined, proofHash?: string): Promise<boolean> {
    const changed = await this.db.run(
      `INSERT INTO devices (id, token_hash, user_name, enrolled_ms) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash, user_name = excluded.user_name, enrolled_ms = excluded.enrolled_ms, revoked_ms = NULL
       WHERE devices.revoked_ms IS NOT NULL OR devices.token_hash = ?`,
      [id, tokenHash, user ?? null, Date.now(), proofHash ?? null],
    );
    return changed > 0;
  }

  async deviceByToken(tokenHash: string): Promise<Device | undefined> {
    const [row] = await this.db.query<DeviceRow>(`${DEVICE_SELECT} WHERE token_hash = ? AND revoked_ms IS NULL`, [tokenHash]);
    return row && toDevice(row);
  }

  async devices(): Promise<Device[]> {
    return (await this.db.query<DeviceRow>(`${DEVICE_SELECT} ORDER BY id`)).map(toDevice);
  }

  async revokeDevice(id: string): Promise<boolean> {
    return (await this.db.run('UPDATE devices SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL', [Date.now(), id])) > 0;
  }

  /**
   * The device was heard from, running what it says; `dropped` events it could not keep (its queue was full) are
   * added up. Last seen is kept to the minute: a device sending every few seconds with nothing new to say does not
   * rewrite its row every time.
   */
  async deviceSeen(id: string, dropped: number, running: DeviceRunning = {}, now = Date.now()): Promise<void> {
    const said = `${running.policyVersion ?? ''}|${running.extensionVersion ?? ''}`;
    // This instance wrote the same less than a minute ago: no statement at all (per process, a hint only).
    const last = this.seenAt.get(id);
    if (!dropped && last && last.said === said && now - last.at < 60_000) return;
    if (this.seenAt.size >= 100_000) this.seenAt.clear();
    this.seenAt.set(id, { at: now, said });
    const pv = running.policyVersion ?? null;
    const ev = running.extensionVersion ?? null;
    await this.db.run(
      `UPDATE devices SET last_seen_ms = ?, dropped_total = dropped_total + ?, policy_version = COALESCE(?, policy_version), extension_version = COALESCE(?, extension_version)
       WHERE id = ? AND (? > 0 OR last_seen_ms IS NULL OR last_seen_ms < ? OR policy_version IS DISTINCT FROM COALESCE(?, policy_version) OR extension_version IS DISTINCT FROM COALESCE(?, extension_version))`,
      [now, dropped, pv, ev, id, dropped, now - 60_000, pv, ev],
    );
  }

  // --- policy ---

  /** Stores a new version; false when that version exists already (another publisher was first). */
  async publishPolicy(p: PublishedPolicy): Promise<boolean> {
    return (await this.db.run('INSERT INTO policies (version, doc, published_ms, published_by, note) VALUES (?, ?, ?, ?, ?) ON CONFLICT (version) DO NOTHING', [p.version, JSON.stringify(p.doc), p.publishedMs, p.publishedBy, p.note])) > 0;
  }

  async currentPolicy(): Promise<PublishedPolicy | undefined> {
    const [row] = await this.db.query<PolicyRow>('SELECT * FROM policies ORDER BY version DESC LIMIT 1');
    return row && toPolicy(row);
  }

  async policy(version: number): Promise<PublishedPolicy | undefined> {
    const [row] = await this.db.query<PolicyRow>('SELECT * FROM policies WHERE version = ?', [version]);
    return row && toPolicy(row);
  }

  async policies(): Promise<Array<Omit<PublishedPolicy, 'doc'>>> {
    return (await this.db.query<PolicyRow>('SELECT version, published_ms, published_by, note FROM policies ORDER BY version DESC')).map((r) => ({
      version: r.version,
      publishedMs: r.published_ms,
      publishedBy: r.published_by,
      note: r.note,
    }));
  }

  // --- protected data ---

  /** Adds one to a numeric setting in one statement (two instances changing it together both count); answers the new value. */
  async incrementSetting(key: string): Promise<number> {
    const [row] = await this.db.query<{ value: string }>(
      "INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(settings.value AS BIGINT) + 1 AS TEXT) RETURNING value",
      [key],
    );
    return Number(row!.value);
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  async putProtected(item: ProtectedItem): Promise<void> {
    await this.db.run(
      `INSERT INTO protected_items (kind, set_id, id, name, doc, created_ms, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, set_id, id) DO UPDATE SET name = excluded.name, doc = excluded.doc, created_ms = excluded.created_ms, created_by = excluded.created_by`,
      [item.kind, item.setId, item.id, item.name, item.doc, item.createdMs, item.createdBy],
    );
  }

  async deleteProtected(kind: ProtectedItem['kind'], setId: string, id: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM protected_items WHERE kind = ? AND set_id = ? AND id = ?', [kind, setId, id])) > 0;
  }

  async protectedItems(): Promise<ProtectedItem[]> {
    const rows = await this.db.query<{ kind: ProtectedItem['kind']; set_id: string; id: string; name: string; doc: string; created_ms: number; created_by: string }>(
      'SELECT * FROM protected_items ORDER BY kind, set_id, id',
    );
    return rows.map((r) => ({ kind: r.kind, setId: r.set_id, id: r.id, name: r.name, doc: r.doc, createdMs: Number(r.created_ms), createdBy: r.created_by }));
  }

  // --- events ---

  /**
   * Stores validated events; an id seen before is skipped (a device re-sends after a lost answer), and so is an
   * event older than the retention (`expired`): its month is gone, it must not come back. Events that need review
   * open or join their incident in the same transaction (or statement) as they are stored.
   */
  async addEvents(all: readonly BulwarkEvent[], receivedMs = Date.now()): Promise<{ inserted: number; duplicates: number; expired: number }> {
    const keepFrom = retentionStart(this.retentionDays, receivedMs);
    const events = all.filter((e) => Date.parse(e.time) >= keepFrom);
    const seeds = await this.incidentSeeds(events);
    let inserted = 0;
    for (let i = 0; i < events.length; i += INSERT_CHUNK) {
      // Between chunks, whatever waits on the event loop (SQLite's driver is synchronous) gets its turn.
      if (i) await new Promise((resolve) => setImmediate(resolve));
      inserted += await insertEventChunk(this.db, events.slice(i, i + INSERT_CHUNK), receivedMs, seeds);
    }
    return { inserted, duplicates: events.length - inserted, expired: all.length - events.length };
  }

  /** The incident each event that needs review opens or joins, by event id, as its published rule says. */
  async incidentSeeds(events: readonly BulwarkEvent[]): Promise<Map<string, IncidentSeed>> {
    const options = await this.ruleOptions.of(events);
    const seeds = new Map<string, IncidentSeed>();
    events.forEach((e, i) => {
      const seed = incidentSeed(e, options[i]);
      if (seed && !seeds.has(e.id)) seeds.set(e.id, seed);
    });
    return seeds;
  }

  /** Which of these event ids are stored already (one query per thousand ids). */
  async storedEventIds(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      for (const r of await this.db.query<{ id: string }>(`SELECT id FROM events WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk)) found.add(r.id);
    }
    return found;
  }

  async event(id: string): Promise<StoredEvent | undefined> {
    const [row] = await this.db.query<EventRow>('SELECT seq, received_ms, doc FROM events WHERE id = ?', [id]);
    return row && toStored(row);
  }

  /**
   * A page of events, newest first unless `sort` says otherwise, by keyset paging on (sort key, time, seq): the
   * 10,000th page costs what the first does. A type alone walks the per-type index in time order.
   */
  async events(filter: EventFilter, limit = 50, cursor?: string, sort: EventSort = '-time'): Promise<EventPage> {
    const { where, params } = eventConditions(filter);
    const by = sort.replace(/^-/, '') as SortKey;
    const desc = sort.startsWith('-');
    // A single type and nothing else, newest first: the page's keys from event_types first, then those events,
    // each looked up by its time and seq (on PostgreSQL in its one partition), never a join of the two tables.
    const walkTypes = by === 'time' && where.length === 1 && many(filter.type).length === 1;
    const t = walkTypes ? 't' : 'e';
    if (walkTypes) {
      where[0] = 't.type = ?';
      params[0] = many(filter.type)[0];
    }
    timeRange(filter, t, where, params);
    const keys = [...(by === 'time' ? [] : [`COALESCE(e.${SORT_COLUMNS[by]}, '')`]), `${t}.time_ms`, `${t}.seq`];
    const after = cursor ? decodeCursor(cursor, keys.length) : undefined;
    if (after) {
      where.push(`(${keys.join(', ')}) ${desc ? '<' : '>'} (${keys.map(() => '?').join(', ')})`);
      params.push(...after);
    }
    const conditions = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = `ORDER BY ${keys.map((k) => `${k} ${desc ? 'DESC' : 'ASC'}`).join(', ')}`;
    const sql = walkTypes
      ? `SELECT e.seq, e.received_ms, e.time_ms, e.doc FROM (SELECT t.time_ms, t.seq FROM event_types t ${conditions} ${order} LIMIT ?) t JOIN events e ON e.time_ms = t.time_ms AND e.seq = t.seq ${order}`
      : `SELECT ${by === 'time' ? '' : `${keys[0]} AS sort_key, `}e.seq, e.received_ms, e.time_ms, e.doc FROM events e ${conditions} ${order} LIMIT ?`;
    const rowsFound = await this.db.query<EventRow & { time_ms: number; sort_key?: string }>(sql, [...params, limit + 1]);
    const page = rowsFound.slice(0, limit);
    const last = page.at(-1);
    const lastKeys = last && [...(by === 'time' ? [] : [last.sort_key]), Number(last.time_ms), Number(last.seq)];
    return { events: page.map(toStored), next: rowsFound.length > limit && lastKeys ? encodeCursor(lastKeys) : undefined };
  }

  /** How many events match, counted up to COUNT_CAP (`capped`: there are more). */
  async countEvents(filter: EventFilter): Promise<{ total: number; capped: boolean }> {
    const { where, params } = eventConditions(filter);
    timeRange(filter, 'e', where, params);
    const [row] = await this.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT ?) c`, [...params, COUNT_CAP + 1]);
    const n = Number(row!.n);
    return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
  }

  // --- saved views: a console user's named filters ---

  async savedViews(owner: string): Promise<SavedView[]> {
    const rows = await this.db.query<{ id: number; name: string; query: string; created_ms: number }>('SELECT id, name, query, created_ms FROM saved_views WHERE owner = ? ORDER BY name', [owner]);
    return rows.map((r) => ({ id: Number(r.id), name: r.name, query: r.query, createdMs: Number(r.created_ms) }));
  }

  /** Saves (or replaces) the owner's view of this name. */
  async saveView(owner: string, name: string, query: string): Promise<SavedView> {
    const [row] = await this.db.query<{ id: number; created_ms: number }>(
      'INSERT INTO saved_views (owner, name, query, created_ms) VALUES (?, ?, ?, ?) ON CONFLICT (owner, name) DO UPDATE SET query = excluded.query, created_ms = excluded.created_ms RETURNING id, created_ms',
      [owner, name, query, Date.now()],
    );
    return { id: Number(row!.id), name, query, createdMs: Number(row!.created_ms) };
  }

  /** Deletes one of the owner's views; false when the owner has none with this id. */
  async deleteView(owner: string, id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM saved_views WHERE owner = ? AND id = ?', [owner, id])) > 0;
  }

  async rollups(fromDay: string, toDay: string, dims: readonly RollupDim[]): Promise<RollupRow[]> {
    return this.db.query<RollupRow>(`SELECT day, dim, key, action, n FROM rollups WHERE day >= ? AND day <= ? AND dim IN (${dims.map(() => '?').join(',')})`, [fromDay, toDay, ...dims]);
  }

  /**
   * Per user and device, the daily totals of the given actions between two days, summed, and summed squared
   * (for a standard deviation), split at `splitDay`: what baselines need, computed by the database. Devices
   * enrolled with a user are left out (their user has the same volume).
   */
  async dailyVolumes(fromDay: string, splitDay: string, toDay: string, actions: readonly string[]) {
    return this.db.query<{ dim: 'user' | 'device'; key: string; base_sum: number; base_sq: number; recent_sum: number }>(
      `SELECT dim, key,
         SUM(CASE WHEN day < ? THEN n ELSE 0 END) AS base_sum,
         SUM(CASE WHEN day < ? THEN n * n ELSE 0 END) AS base_sq,
         SUM(CASE WHEN day >= ? THEN n ELSE 0 END) AS recent_sum
       FROM (SELECT dim, key, day, SUM(n) AS n FROM rollups
             WHERE day >= ? AND day <= ? AND dim IN ('user', 'device') AND action IN (${actions.map(() => '?').join(',')})
               -- A device enrolled with a user counts as that user: each person once, not again as their device.
               AND NOT (dim = 'device' AND key IN (SELECT id FROM devices WHERE user_name IS NOT NULL))
             GROUP BY dim, key, day) daily
       GROUP BY dim, key`,
      [splitDay, splitDay, splitDay, fromDay, toDay, ...actions],
    );
  }

  /** Refreshes the query planner's statistics (SQLite never does on its own; PostgreSQL's autovacuum does, later). */
  async analyze(): Promise<void> {
    await this.db.run(this.db.dialect === 'sqlite' ? 'PRAGMA optimize=0x10002' : 'ANALYZE');
  }

  async eventCount(): Promise<number> {
    return (await this.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM events'))[0]!.n;
  }

  // --- SIEM forwarding ---

  // A destination's cursor is the position (tx, seq) of the last event it acknowledged; see migration 003 for
  // why PostgreSQL needs the transaction. Leases and the cursor's moves use the database's clock, so that the
  // instances' clocks need not agree.

  async siemCursor(name: string): Promise<SiemPosition> {
    const [row] = await this.db.query<{ tx: string; seq: number }>('SELECT tx, seq FROM siem_cursors WHERE name = ?', [name]);
    return row ? { tx: row.tx, seq: Number(row.seq) } : { tx: '0', seq: 0 };
  }

  /**
   * The next events after the destination's cursor, in (tx, seq) order. On PostgreSQL only those inserted by
   * transactions older than the oldest one still running: those have all ended, so no event can still appear
   * behind them, and a cursor that passes them never skips one.
   */
  async siemBatch(name: string, limit: number): Promise<SiemEvent[]> {
    const after = await this.siemCursor(name);
    const rows =
      this.db.dialect === 'postgres'
        ? // (The text form has its own name: ORDER BY tx would sort the text, where '999' > '1004'.)
          await this.db.query<EventRow & { tx_text: string }>(
            'SELECT tx::text AS tx_text, seq, received_ms, doc FROM events WHERE (tx, seq) > (?::xid8, ?) AND tx < (SELECT pg_snapshot_xmin(pg_current_snapshot())) ORDER BY tx, seq LIMIT ?',
            [after.tx, after.seq, limit],
          )
        : await this.db.query<EventRow & { tx_text: string }>("SELECT '0' AS tx_text, seq, received_ms, doc FROM events WHERE seq > ? ORDER BY seq LIMIT ?", [after.seq, limit]);
    return rows.map((r) => ({ ...toStored(r), position: { tx: r.tx_text, seq: Number(r.seq) } }));
  }

  /** Takes the destination's lease if it is free or expired, or renews it; true when `holder` holds it now. */
  async takeSiemLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = NOW_MS[this.db.dialect];
    const rows = await this.db.query(
      `INSERT INTO siem_leases (name, holder, expires_ms) VALUES (?, ?, ${now} + ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms
       WHERE siem_leases.holder = excluded.holder OR siem_leases.expires_ms <= ${now} RETURNING holder`,
      [name, holder, ttlMs],
    );
    return rows.length > 0;
  }

  /**
   * After the destination acknowledged events up to `to`: moves the cursor there and renews the lease, in one
   * transaction, only if `holder` still holds the lease (fencing: an instance that was paused while another
   * took over moves nothing). The lease row is locked first, so a takeover waits for this to commit.
   */
  async siemDelivered(name: string, holder: string, ttlMs: number, to: SiemPosition, count: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const renewed = await tx.run(`UPDATE siem_leases SET expires_ms = ${NOW_MS[tx.dialect]} + ?, failures = 0, last_error = NULL WHERE name = ? AND holder = ?`, [ttlMs, name, holder]);
      if (!renewed) return false;
      await tx.run(
        'INSERT INTO siem_cursors (name, tx, seq, forwarded) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET tx = excluded.tx, seq = excluded.seq, forwarded = siem_cursors.forwarded + excluded.forwarded',
        [name, to.tx, to.seq, count],
      );
      return true;
    });
  }

  /** The holder's failures in a row and its last error, for every instance's status page. */
  async siemFailed(name: string, holder: string, failures: number, error: string): Promise<void> {
    await this.db.run('UPDATE siem_leases SET failures = ?, last_error = ? WHERE name = ? AND holder = ?', [failures, error.slice(0, 500), name, holder]);
  }

  /** Lets go of the lease (a clean stop), so that another instance takes over at once. */
  async releaseSiemLease(name: string, holder: string): Promise<void> {
    await this.db.run('UPDATE siem_leases SET expires_ms = 0 WHERE name = ? AND holder = ?', [name, holder]);
  }

  /** Who forwards to the destination, how far it is, and what waits: events after the cursor (counted up to 100,000) and the oldest one's age. */
  async siemState(name: string): Promise<SiemState> {
    const cursor = await this.siemCursor(name);
    const [lease] = await this.db.query<{ holder: string; expires_ms: number; failures: number; last_error: string | null; now_ms: number }>(
      `SELECT holder, expires_ms, failures, last_error, ${NOW_MS[this.db.dialect]} AS now_ms FROM siem_leases WHERE name = ?`,
      [name],
    );
    const [counted] = await this.db.query<{ forwarded: number }>('SELECT forwarded FROM siem_cursors WHERE name = ?', [name]);
    const after = this.db.dialect === 'postgres' ? ['(tx, seq) > (?::xid8, ?)', [cursor.tx, cursor.seq]] as const : ['seq > ?', [cursor.seq]] as const;
    const order = this.db.dialect === 'postgres' ? 'tx, seq' : 'seq';
    const [pending] = await this.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM events WHERE ${after[0]} LIMIT 100000) p`, [...after[1]]);
    const [oldest] = await this.db.query<{ received_ms: number }>(`SELECT received_ms FROM events WHERE ${after[0]} ORDER BY ${order} LIMIT 1`, [...after[1]]);
    const live = lease && Number(lease.expires_ms) > Number(lease.now_ms);
    return {
      holder: live ? lease.holder : null,
      failures: Number(lease?.failures ?? 0),
      lastError: lease?.last_error ?? null,
      forwarded: Number(counted?.forwarded ?? 0),
      cursor,
      pending: Number(pending!.n),
      oldestPendingMs: oldest ? Number(oldest.received_ms) : null,
    };
  }

  // --- audit trail ---

  /** Appends an entry to the hash chain, in a transaction of its own. */
  async appendAudit(entry: Omit<AuditEntry, 'seq' | 'timeMs'>): Promise<ChainedAuditEntry> {
    return this.db.transaction((tx) => appendAuditIn(tx, entry));
  }

  async audit(): Promise<ChainedAuditEntry[]> {
    return readAudit(this.db);
  }
}

type UserRow = { id: number; name: string; role: Role; password_hash: string };
type DeviceRow = { id: string; user_name: string | null; enrolled_ms: number; last_seen_ms: number | null; dropped_total: number; revoked_ms: number | null; policy_version: number | null; extension_version: string | null };
type PolicyRow = { version: number; doc: string; published_ms: number; published_by: string; note: string };

const DEVICE_SELECT = 'SELECT id, user_name, enrolled_ms, last_seen_ms, dropped_total, revoked_ms, policy_version, extension_version FROM devices';
const toUser = (r: UserRow): User => ({ id: r.id, name: r.name, role: r.role, passwordHash: r.password_hash });
const toDevice = (r: DeviceRow): Device => ({ id: r.id, user: r.user_name, enrolledMs: r.enrolled_ms, lastSeenMs: r.last_seen_ms, droppedTotal: r.dropped_total, revoked: r.revoked_ms !== null, policyVersion: r.policy_version === null ? null : Number(r.policy_version), extensionVersion: r.extension_version });
const toPolicy = (r: PolicyRow): PublishedPolicy => ({ version: r.version, doc: JSON.parse(r.doc), publishedMs: r.published_ms, publishedBy: r.published_by, note: r.note });

const many = (v: Many | undefined): readonly string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);
const anyOf = (parts: string[]) => `(${parts.join(' OR ')})`;
const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The WHERE conditions of a filter, but for its time range (whose column depends on the table walked). A type
 * filter comes first when there is one: events() may walk event_types instead.
 *
 * Categories and keyed hashes are read from the stored document (`"category":"phi"`, `"<hash>"`): their values
 * are an enum and 64 hex digits, nothing LIKE treats specially, and a finding is the only place they occur.
 */
function eventConditions(filter: EventFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const types = many(filter.type);
  if (types.length) {
    where.push('(e.type_mask & ?) <> 0');
    params.push(typeMask(types as EntityType[]));
  }
  for (const [key, column] of Object.entries(TEXT_COLUMNS)) {
    const values = many(filter[key as keyof typeof TEXT_COLUMNS]);
    if (!values.length) continue;
    where.push(anyOf(values.map((v) => (v.startsWith('=') ? `e.${column} = ?` : `LOWER(e.${column}) LIKE ? ESCAPE '\\'`))));
    params.push(...values.map((v) => (v.startsWith('=') ? v.slice(1) : likeText(v.toLowerCase()))));
  }
  for (const [key, column] of Object.entries(EXACT_COLUMNS)) {
    const values = many(filter[key as keyof typeof EXACT_COLUMNS]);
    if (!values.length) continue;
    where.push(`e.${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  for (const [values, text] of [
    [many(filter.category), (c: string) => `%"category":${JSON.stringify(c)}%`],
    [many(filter.hash), (h: string) => `%${JSON.stringify(h)}%`],
  ] as const) {
    if (!values.length) continue;
    where.push(anyOf(values.map(() => 'e.doc LIKE ?')));
    params.push(...values.map(text));
  }
  return { where, params };
}

/** The filter's time range on table `t` (events or event_types). */
function timeRange(filter: EventFilter, t: string, where: string[], params: unknown[]): void {
  if (filter.from !== undefined) {
    where.push(`${t}.time_ms >= ?`);
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push(`${t}.time_ms < ?`);
    params.push(filter.to);
  }
}

function encodeCursor(keys: ReadonlyArray<string | number | undefined>): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

/** A cursor's keys, when it has `count` of them: a sort key (text) first if more than two, then time and seq. */
function decodeCursor(cursor: string, count: number): Array<string | number> | undefined {
  let keys: unknown;
  try {
    keys = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return undefined;
  }
  if (!Array.isArray(keys) || keys.length !== count) return undefined;
  const [time, seq] = keys.slice(-2);
  const ok = Number.isSafeInteger(time) && Number.isSafeInteger(seq) && (count === 2 || typeof keys[0] === 'string');
  return ok ? (keys as Array<string | number>) : undefined;
}
