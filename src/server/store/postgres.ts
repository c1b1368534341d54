import pg from 'pg';
import { numberedPlaceholders, type SqlDriver } from './driver';

// BIGINT columns hold milliseconds and sequence numbers, well inside a double's exact range.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** PostgreSQL through a pg connection pool. */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres';

  private constructor(private readonly pool: pg.Pool) {}

  static async open(connectionString: string, options: { poolSize?: number } = {}): Promise<PostgresDriver> {
    const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
    // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
    pool.on('error', (e) => console.error(`[bulwark] postgres: ${e.message}`));
    await pool.query('SELECT 1');
    return new PostgresDriver(pool);
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.pool.query(numberedPlaceholders(sql), params as unknown[])).rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.pool.query(numberedPlaceholders(sql), params as unknown[])).rowCount ?? 0;
  }

  async transaction<T>(work: (tx: SqlDriver) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: SqlDriver = {
      dialect: 'postgres',
      query: async <R>(sql: string, params: readonly unknown[] = []) => (await client.query(numberedPlaceholders(sql), params as unknown[])).rows as R[],
      run: async (sql: string, params: readonly unknown[] = []) => (await client.query(numberedPlaceholders(sql), params as unknown[])).rowCount ?? 0,
      transaction: (inner) => inner(tx),
      close: async () => undefined,
    };
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
