import type { SqlDriver } from './driver';
import { MIGRATIONS, type Migration } from './migrations';

/** The one lock every instance takes to change the schema; PostgreSQL advisory locks are per database. */
const MIGRATION_LOCK = 7411;

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (id BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)`;

/**
 * Applies the migrations this database lacks, in order, each in one transaction under a lock, so that two
 * instances starting together on an empty database apply each exactly once: the second waits for the lock,
 * then finds the first one's record and skips. (SQLite: BEGIN IMMEDIATE is the lock.)
 */
export async function migrate(db: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  for (const m of migrations) {
    await db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await tx.run(LEDGER);
      if ((await tx.query('SELECT id FROM schema_migrations WHERE id = ?', [m.id])).length) return;
      await m.apply(tx);
      await tx.run('INSERT INTO schema_migrations (id, name, applied_ms) VALUES (?, ?, ?)', [m.id, m.name, Date.now()]);
    });
  }
}

/** The migrations applied and the ones still missing: what readiness reports. */
export async function schemaState(db: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<{ applied: number[]; pending: number[] }> {
  const rows = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id').catch(() => [] as { id: number }[]);
  const applied = rows.map((r) => Number(r.id));
  return { applied, pending: migrations.map((m) => m.id).filter((id) => !applied.includes(id)) };
}
