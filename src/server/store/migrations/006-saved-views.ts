import { sqlMigration } from './migration';

/**
 * Saved views: a console user's named filters of the events view (`query` is its query string, validated as the
 * events API's query when saved). `owner` is the console user's name (or `token:<label>`); one name per owner.
 */
export const savedViews = sqlMigration(6, 'saved-views', (dialect) => [
  `CREATE TABLE IF NOT EXISTS saved_views (id ${dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY'}, owner TEXT NOT NULL, name TEXT NOT NULL, query TEXT NOT NULL, created_ms BIGINT NOT NULL, UNIQUE (owner, name))`,
]);
