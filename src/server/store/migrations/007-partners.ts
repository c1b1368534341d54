import { sqlMigration } from './migration';

/**
 * The third-party register (src/server/partners): one row per partner, its whole record (names, agreements,
 * owner) as validated JSON in `doc`; the register is small and read whole, so nothing else needs a column.
 */
export const partners = sqlMigration(7, 'partners', () => [
  `CREATE TABLE IF NOT EXISTS partners (id TEXT PRIMARY KEY, doc TEXT NOT NULL, updated_ms BIGINT NOT NULL, updated_by TEXT NOT NULL)`,
]);
