import { sqlMigration } from './migration';

/**
 * The first wave's tables, in the SQL both databases accept; only the auto-numbered key and the append-only
 * triggers differ. Times are milliseconds since 1970 (BIGINT), documents are JSON text. `IF NOT EXISTS`
 * throughout, so that a database made before migrations were numbered takes this one as already there.
 */
const TABLES = (serial: string) => [
  `CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS users (id ${serial}, name TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, role TEXT NOT NULL, created_ms BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id), expires_ms BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS api_tokens (id ${serial}, token_hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL, role TEXT NOT NULL, created_by TEXT NOT NULL, created_ms BIGINT NOT NULL, revoked_ms BIGINT)`,
  `CREATE TABLE IF NOT EXISTS enrollment_tokens (id ${serial}, token_hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL, created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL, revoked_ms BIGINT)`,
  `CREATE TABLE IF NOT EXISTS devices (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, user_name TEXT, enrolled_ms BIGINT NOT NULL, last_seen_ms BIGINT, dropped_total BIGINT NOT NULL DEFAULT 0, revoked_ms BIGINT)`,
  `CREATE TABLE IF NOT EXISTS policies (version BIGINT PRIMARY KEY, doc TEXT NOT NULL, published_ms BIGINT NOT NULL, published_by TEXT NOT NULL, note TEXT NOT NULL)`,
  // type_mask: one bit per entity type found (ENTITY_TYPES order), so that a type filter combined with others
  // is checked inside the index without a visit to event_types or to the row.
  `CREATE TABLE IF NOT EXISTS events (seq ${serial}, id TEXT NOT NULL UNIQUE, time_ms BIGINT NOT NULL, received_ms BIGINT NOT NULL, device_id TEXT NOT NULL, user_name TEXT, channel TEXT NOT NULL, host TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL, rule TEXT, types TEXT NOT NULL, type_mask BIGINT NOT NULL, doc TEXT NOT NULL)`,
  // One row per finding type of an event: the type filter walks this index in time order.
  `CREATE TABLE IF NOT EXISTS event_types (type TEXT NOT NULL, time_ms BIGINT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (type, time_ms, seq))`,
  // Daily counts per dimension, kept at ingestion, so that charts and baselines never scan the events.
  `CREATE TABLE IF NOT EXISTS rollups (day TEXT NOT NULL, dim TEXT NOT NULL, key TEXT NOT NULL, action TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (day, dim, key, action))`,
  `CREATE TABLE IF NOT EXISTS audit (seq BIGINT PRIMARY KEY, time_ms BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS siem_cursors (name TEXT PRIMARY KEY, seq BIGINT NOT NULL)`,
  // Exact-data tables and fingerprinted documents, in hashed form only (kind 'table' or 'document').
  `CREATE TABLE IF NOT EXISTS protected_items (kind TEXT NOT NULL, set_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, doc TEXT NOT NULL, created_ms BIGINT NOT NULL, created_by TEXT NOT NULL, PRIMARY KEY (kind, set_id, id))`,
  // Columns with many values get an index in time order; channel, action and outcome have a handful of values
  // each, so the newest page matching one of them is found by walking one of those indexes, which carry action,
  // channel and the type mask so that the walk never reads a row it then throws away.
  ...['time_ms', 'user_name', 'device_id', 'host', 'rule'].map(
    (c) => `CREATE INDEX IF NOT EXISTS events_by_${c} ON events (${c === 'time_ms' ? '' : `${c}, `}time_ms, seq, action, channel, type_mask)`,
  ),
];

const SQLITE_APPEND_ONLY = ['UPDATE', 'DELETE'].map(
  (op) => `CREATE TRIGGER IF NOT EXISTS audit_no_${op.toLowerCase()} BEFORE ${op} ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`,
);

const POSTGRES_APPEND_ONLY = [
  `CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$`,
  `DROP TRIGGER IF EXISTS audit_no_change ON audit`,
  `CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
  `DROP TRIGGER IF EXISTS audit_no_truncate ON audit`,
  `CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
];

export const tables = sqlMigration(1, 'tables', (dialect) => (dialect === 'sqlite' ? [...TABLES('INTEGER PRIMARY KEY AUTOINCREMENT'), ...SQLITE_APPEND_ONLY] : [...TABLES('BIGSERIAL PRIMARY KEY'), ...POSTGRES_APPEND_ONLY]));
