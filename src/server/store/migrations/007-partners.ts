import { sqlMigration } from './migration';

/**
 * The third-party register (src/server/partners): one row per partner, its whole record (names, agreements,
 * owner) as validated JSON in `doc`; the register is small and read whole, so nothing else needs a column.
 * `reports`: the compliance reports kept (src/server/reports), signed files as base64; one per period, profile
 * and format (UNIQUE: two instances making the month's report at once store one).
 */
export const partners = sqlMigration(7, 'partners-and-reports', (dialect) => [
  `CREATE TABLE IF NOT EXISTS partners (id TEXT PRIMARY KEY, doc TEXT NOT NULL, updated_ms BIGINT NOT NULL, updated_by TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS reports (id ${dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY'}, period_from TEXT NOT NULL, period_to TEXT NOT NULL, profile TEXT NOT NULL,
    format TEXT NOT NULL, created_ms BIGINT NOT NULL, created_by TEXT NOT NULL, bytes BIGINT NOT NULL, body TEXT NOT NULL, UNIQUE (period_from, period_to, profile, format))`,
]);
