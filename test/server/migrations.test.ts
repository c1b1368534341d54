import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, schemaState } from '../../src/server/store/schema';
import { MIGRATIONS, sqlMigration, type Migration } from '../../src/server/store/migrations';
import { PostgresDriver } from '../../src/server/store/postgres';
import { Store } from '../../src/server/store';
import { DATABASES, freshStore } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

/** A migration that fails on purpose if it runs twice (its table exists then). */
const counting = sqlMigration(9001, 'test-once', () => ['CREATE TABLE applied_once (n BIGINT)', 'INSERT INTO applied_once (n) VALUES (1)']);

describe.each(DATABASES)('schema migrations on %s', (kind) => {
  it('are numbered, increasing and unique', () => {
    const ids = MIGRATIONS.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are applied once, and a later start applies only the new ones', async () => {
    const { store, dispose } = await freshStore(kind, pg);
    try {
      expect(await schemaState(store.db)).toEqual({ applied: MIGRATIONS.map((m) => m.id), pending: [] });
      expect((await schemaState(store.db, [...MIGRATIONS, counting])).pending).toEqual([9001]);
      await migrate(store.db, [...MIGRATIONS, counting]);
      await migrate(store.db, [...MIGRATIONS, counting]);
      expect(await store.db.query('SELECT n FROM applied_once')).toEqual([{ n: 1 }]);
      expect((await schemaState(store.db, [...MIGRATIONS, counting])).pending).toEqual([]);
    } finally {
      await dispose();
    }
  });

  it('a migration that fails leaves nothing half done and is tried again at the next start', async () => {
    const { store, dispose } = await freshStore(kind, pg);
    const broken: Migration = sqlMigration(9002, 'test-broken', () => ['CREATE TABLE half_done (n BIGINT)', 'INSERT INTO no_such_table VALUES (1)']);
    try {
      await expect(migrate(store.db, [...MIGRATIONS, broken])).rejects.toThrow();
      expect((await schemaState(store.db, [...MIGRATIONS, broken])).pending).toEqual([9002]);
      if (kind === 'postgres') await expect(store.db.query('SELECT * FROM half_done')).rejects.toThrow(/half_done/);
    } finally {
      await dispose();
    }
  });
});

describe('instances starting together on an empty PostgreSQL database', () => {
  it('apply every migration exactly once', async () => {
    const admin = await PostgresDriver.open(pg.url);
    await admin.run('CREATE DATABASE together');
    await admin.close();
    const url = pg.url.replace(/\/[^/]+$/, '/together');
    const drivers = await Promise.all([1, 2, 3].map(() => PostgresDriver.open(url)));
    try {
      await Promise.all(drivers.map((d) => migrate(d, [...MIGRATIONS, counting])));
      expect(await drivers[0]!.query('SELECT n FROM applied_once')).toEqual([{ n: 1 }]);
      const store = await Store.open(drivers[1]!);
      expect((await schemaState(store.db)).pending).toEqual([]);
    } finally {
      await Promise.all(drivers.map((d) => d.close()));
    }
  });
});
