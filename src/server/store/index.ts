import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresDriver } from './postgres';
import { SqliteDriver } from './sqlite';
import { Store } from './store';

export * from './store';

/** PostgreSQL when a connection string is given, otherwise SQLite in the data folder (made on first start). */
export async function openStore(options: { dataDir: string; postgresUrl?: string; postgresPoolSize?: number }): Promise<Store> {
  if (options.postgresUrl) return Store.open(await PostgresDriver.open(options.postgresUrl, { poolSize: options.postgresPoolSize }));
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  return Store.open(SqliteDriver.open(join(options.dataDir, 'bulwark.sqlite')));
}
