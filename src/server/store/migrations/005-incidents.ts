import { sqlMigration } from './migration';

/**
 * Incidents: what the security team reviews (src/server/incidents). One row per user (or device, when it has no
 * user), rule and UTC day (`group_key`, unique: ingest opens it or adds to it with one upsert), made in the same
 * transaction as its events. `severity` is a rank (0 low .. 3 critical) so that new events raise it with a
 * maximum; `severity_manual` 1 once someone set it by hand (events no longer change it). `first_ms`, `last_ms`:
 * the times of its first and last event. `incident_events` links events by id (an event belongs to one
 * incident; indexed by event too, for an event's incident); `incident_comments` holds the team's comments. Each list filter has an index in last-event order.
 * The audit trail gets an index by target: an incident's history is its entries there.
 */
export const incidents = sqlMigration(5, 'incidents', (dialect) => {
  const serial = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
  return [
    `CREATE TABLE IF NOT EXISTS incidents (id ${serial}, group_key TEXT NOT NULL UNIQUE, day TEXT NOT NULL, rule TEXT NOT NULL, user_name TEXT, device_id TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'new', severity INTEGER NOT NULL, severity_manual INTEGER NOT NULL DEFAULT 0, owner TEXT, verdict TEXT,
      event_count BIGINT NOT NULL, first_ms BIGINT NOT NULL, last_ms BIGINT NOT NULL, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS incidents_by_last ON incidents (last_ms, id)`,
    ...['status', 'severity', 'owner', 'rule', 'user_name'].map((c) => `CREATE INDEX IF NOT EXISTS incidents_by_${c} ON incidents (${c}, last_ms, id)`),
    `CREATE TABLE IF NOT EXISTS incident_events (incident_id BIGINT NOT NULL REFERENCES incidents(id), time_ms BIGINT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (incident_id, time_ms, event_id))`,
    `CREATE INDEX IF NOT EXISTS incident_events_by_event ON incident_events (event_id)`,
    `CREATE TABLE IF NOT EXISTS incident_comments (id ${serial}, incident_id BIGINT NOT NULL REFERENCES incidents(id), author TEXT NOT NULL, time_ms BIGINT NOT NULL, text TEXT NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS incident_comments_by_incident ON incident_comments (incident_id, id)`,
    `CREATE INDEX IF NOT EXISTS audit_by_target ON audit (target, seq)`,
  ];
});
