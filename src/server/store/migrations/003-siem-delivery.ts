import { sqlMigration } from './migration';

/**
 * SIEM delivery that loses nothing with one or many instances.
 *
 * PostgreSQL hands out `seq` at insert, but transactions commit in another order, so a reader that remembers
 * the highest `seq` it saw skips rows committed later with lower numbers. Each event therefore records the
 * transaction that inserted it (`tx`); the forwarder reads in (tx, seq) order, and only below the oldest
 * transaction still running, where nothing can appear any more. Rows stored before this migration get tx 0
 * (a constant default, so the table is not rewritten): they come first, in seq order, after the old cursor.
 * Both statements on `events` propagate to the partitions of a partitioned table.
 *
 * SQLite has one writer at a time: `seq` is handed out inside the writing transaction, so seq order is commit
 * order there and the cursor stays a seq (its tx stays '0').
 *
 * A lease per destination lets one instance forward to it at a time; the cursor moves only under the lease.
 */
const LEASES = `CREATE TABLE IF NOT EXISTS siem_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_ms BIGINT NOT NULL, failures BIGINT NOT NULL DEFAULT 0, last_error TEXT)`;
const CURSORS = [`ALTER TABLE siem_cursors ADD COLUMN tx TEXT NOT NULL DEFAULT '0'`, `ALTER TABLE siem_cursors ADD COLUMN forwarded BIGINT NOT NULL DEFAULT 0`];

export const siemDelivery = sqlMigration(3, 'siem-delivery', (dialect) =>
  dialect === 'sqlite'
    ? [...CURSORS, LEASES]
    : [
        `ALTER TABLE events ADD COLUMN tx xid8 NOT NULL DEFAULT '0'`,
        `ALTER TABLE events ALTER COLUMN tx SET DEFAULT pg_current_xact_id()`,
        `CREATE INDEX IF NOT EXISTS events_by_tx ON events (tx, seq)`,
        ...CURSORS,
        LEASES,
      ],
);
