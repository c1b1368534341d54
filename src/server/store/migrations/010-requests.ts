import { sqlMigration } from './migration';

/**
 * Employees' requests and the exceptions granted on them (src/server/requests). `requests`: one row per request,
 * its id the id of the event that carried it (made on ingest in the same transaction or statement as the event),
 * with what the console and the grant need of that event (rule, host, channel, types found, the union of its
 * findings' keyed hashes as a JSON list), the employee's reason (redacted by the event schema) and the scope
 * asked (JSON), then the decision: status open, approved or rejected, who and when, the answer to the employee
 * and the grant made (its id). `grants`: the granted exceptions, each the GrantedException (src/core/policy/grants.ts)
 * as JSON in `doc`, with its expiry as a column (the policy publishes those in force) and who revoked it, when.
 */
export const requests = sqlMigration(10, 'requests', () => [
  `CREATE TABLE IF NOT EXISTS requests (id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open', created_ms BIGINT NOT NULL, received_ms BIGINT NOT NULL,
    device_id TEXT NOT NULL, user_name TEXT, rule TEXT, host TEXT NOT NULL, channel TEXT NOT NULL, action TEXT NOT NULL, types TEXT NOT NULL, hashes TEXT NOT NULL,
    reason TEXT, scope TEXT, decided_ms BIGINT, decided_by TEXT, answer TEXT, grant_id TEXT)`,
  `CREATE INDEX IF NOT EXISTS requests_by_status ON requests (status, created_ms)`,
  `CREATE INDEX IF NOT EXISTS requests_by_user ON requests (user_name, created_ms)`,
  `CREATE INDEX IF NOT EXISTS requests_by_device ON requests (device_id, created_ms)`,
  `CREATE TABLE IF NOT EXISTS grants (id TEXT PRIMARY KEY, doc TEXT NOT NULL, request_id TEXT, created_ms BIGINT NOT NULL, created_by TEXT NOT NULL,
    expires_ms BIGINT NOT NULL, revoked_ms BIGINT, revoked_by TEXT)`,
  `CREATE INDEX IF NOT EXISTS grants_by_expiry ON grants (expires_ms)`,
]);
