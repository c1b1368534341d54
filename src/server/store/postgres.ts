import pg from 'pg';
import { numberedPlaceholders, type SqlDriver } from './driver';

const CONNECT_TIMEOUT_MS = 3_000;

// BIGINT columns hold milliseconds and sequence numbers, well inside a double's exact range.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** PostgreSQL through a pg connection pool. */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres';

  private constructor(private readonly pool: pg.Pool) {}

  static async open(connectionString: string, options: { poolSize?: number } = {}): Promise<PostgresDriver> {
    const pool = new pg.Pool({
      connectionString,
      max: options.poolSize ?? 10,
      // While the database is away a request waits at most this long for a connection, then answers 503.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // A connection whose peer vanished without a word (a failover, a cut network) is found out and fails.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
    pool.on('error', (e) => console.error(`[bulwark] postgres: ${e.message}`));
    try {
      await pool.query('SELECT 1');
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw new Error(`PostgreSQL at ${whereIs(connectionString)} is not reachable: ${(e as Error).message}`, { cause: e });
    }
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
    // A checked-out client has no listener of the pool's: without this one, a connection that dies while the
    // transaction holds it (PostgreSQL restarted) is an unhandled 'error' event and ends the process. The
    // query under way rejects on its own; the dead client is thrown away on release.
    let broken: Error | undefined;
    const onError = (e: Error) => {
      broken = e;
      console.error(`[bulwark] postgres: ${e.message}`);
    };
    client.on('error', onError);
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
      if (!broken) await client.query('ROLLBACK').catch((r: Error) => (broken = r));
      throw e;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** Host, port and database of a connection string, for messages: never the user's password. */
function whereIs(connectionString: string): string {
  try {
    const u = new URL(connectionString);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(the configured server)';
  }
}
