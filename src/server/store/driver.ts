/**
 * The little that differs between SQLite and PostgreSQL, behind one interface: the store writes its SQL once,
 * with `?` placeholders, in the subset both databases speak (ON CONFLICT, RETURNING, row values).
 */
export interface SqlDriver {
  readonly dialect: 'sqlite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement and says how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs `work` in one transaction: everything or nothing. Transactions never interleave. */
  transaction<T>(work: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` placeholders as `$1, $2, ...` for PostgreSQL. Our SQL never has a `?` inside a string literal. */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** `count` rows of `width` placeholders, for a multi-row VALUES list: "(?,?),(?,?)". */
export const placeholders = (count: number, width: number): string => Array.from({ length: count }, () => `(${Array.from({ length: width }, () => '?').join(',')})`).join(',');
