import Database from 'better-sqlite3';
import type { SqlDriver } from './driver';

/**
 * SQLite through better-sqlite3, in WAL mode: a writer connection and a read-only one. better-sqlite3 is
 * synchronous; the promises only give the store one interface. A lock keeps a transaction's statements together
 * on the writer even though the store awaits between them, so a request's statements never land inside another
 * request's transaction. Reads outside transactions go to the reader without the lock: WAL lets it see the last
 * committed state while a write transaction is open, so the console never waits behind a queue of ingestion.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Database.Statement>();
  private readonly readStatements = new Map<string, Database.Statement | null>();
  private lock: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database.Database,
    private readonly reader?: Database.Database,
  ) {}

  static open(file: string): SqliteDriver {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // WAL with synchronous NORMAL: a power cut may lose the last transactions, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MB of page cache: the event indexes stay in memory at a few million events.
    db.pragma('cache_size = -65536');
    const reader = new Database(file, { readonly: true });
    reader.pragma('busy_timeout = 5000');
    reader.pragma('cache_size = -65536');
    return new SqliteDriver(db, reader);
  }

  query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const read = this.readStatement(sql);
    if (read) return Promise.resolve(read.all(...params.map(bind)) as T[]);
    return this.locked(() => this.direct.query<T>(sql, params));
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.locked(() => this.direct.run(sql, params));
  }

  transaction<T>(work: (tx: SqlDriver) => Promise<T>): Promise<T> {
    return this.locked(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        // SQLite may have rolled back already (an I/O error, a full disk): then ROLLBACK would hide the cause.
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  async close(): Promise<void> {
    await this.lock.catch(() => undefined);
    this.reader?.close();
    this.db.close();
  }

  /** The same connection without the lock, for statements inside a transaction. */
  private readonly direct: SqlDriver = {
    dialect: 'sqlite',
    query: async <T>(sql: string, params: readonly unknown[] = []) => this.statement(sql).all(...params.map(bind)) as T[],
    run: async (sql: string, params: readonly unknown[] = []) => {
      const s = this.statement(sql);
      return s.reader ? s.all(...params.map(bind)).length : s.run(...params.map(bind)).changes;
    },
    transaction: (work) => work(this.direct),
    close: async () => undefined,
  };

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      // Multi-row inserts make one statement per batch size; keep the cache small.
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  /** The statement on the reader when it only reads (better-sqlite3 knows), else null: it goes to the writer. */
  private readStatement(sql: string): Database.Statement | null {
    if (!this.reader) return null;
    let s = this.readStatements.get(sql);
    if (s === undefined) {
      let prepared: Database.Statement | null = null;
      try {
        prepared = this.reader.prepare(sql);
      } catch {
        // A table the reader's schema snapshot lacks, or a write it refuses to prepare: the writer answers.
      }
      s = prepared?.readonly && prepared.reader ? prepared : null;
      if (this.readStatements.size > 500) this.readStatements.clear();
      if (s) this.readStatements.set(sql, s);
    }
    return s;
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }
}

/** SQLite has no booleans; undefined binds as NULL. */
const bind = (v: unknown) => (v === undefined ? null : typeof v === 'boolean' ? Number(v) : v);
