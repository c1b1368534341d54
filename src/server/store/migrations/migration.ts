import type { SqlDriver } from '../driver';

/**
 * One numbered change to the schema. Applied once, in order, in its own transaction with its record in
 * `schema_migrations`; never edited after it shipped (a later migration changes what an earlier one made).
 */
export interface Migration {
  id: number;
  name: string;
  apply(tx: SqlDriver): Promise<void>;
}

/** A migration that is a list of statements per dialect. */
export const sqlMigration = (id: number, name: string, statements: (dialect: SqlDriver['dialect']) => string[]): Migration => ({
  id,
  name,
  async apply(tx) {
    for (const s of statements(tx.dialect)) await tx.run(s);
  },
});
