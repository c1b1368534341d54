import type { SqlDriver } from '../driver';

/**
 * One numbered change to the schema. Applied once, in order, each in its own transaction with its record in
 * `schema_migrations`; never edited after it shipped (a later migration changes what an earlier one made).
 */
export interface Migration {
  id: number;
  name: string;
  /** The statements, per dialect; a function of the driver for changes that depend on what is there. */
  statements(dialect: SqlDriver['dialect']): string[];
}
