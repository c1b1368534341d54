import { sqlMigration } from './migration';

/**
 * Limits every instance shares, and the TOTP second factor of console accounts.
 *
 * `limits` holds one row per key ('device:<id>', 'enroll:<address>', 'login:pair:<account>|<address>', ...); each
 * take is one INSERT ... ON CONFLICT DO UPDATE ... RETURNING (src/server/limits.ts), so that two instances never
 * read-then-write. `passed` says whether the last take was let through. Token buckets keep their theoretical
 * arrival time in `at_ms`; sign-in keys keep the attempts counted in `n`, the earliest next attempt in `at_ms`
 * and the current delay in `delay_ms`. `expires_ms`: after it the row limits nothing and a sweep drops it.
 *
 * users.totp_secret is the confirmed secret (base32), totp_pending the one being set up, totp_step the last time
 * step a code was accepted for (a code is never accepted twice).
 */
export const limits = sqlMigration(4, 'limits', () => [
  `CREATE TABLE IF NOT EXISTS limits (key TEXT PRIMARY KEY, n BIGINT NOT NULL, at_ms BIGINT NOT NULL, delay_ms BIGINT NOT NULL DEFAULT 0, passed INTEGER NOT NULL DEFAULT 0, expires_ms BIGINT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS limits_by_expiry ON limits (expires_ms)`,
  `ALTER TABLE users ADD COLUMN totp_secret TEXT`,
  `ALTER TABLE users ADD COLUMN totp_pending TEXT`,
  `ALTER TABLE users ADD COLUMN totp_step BIGINT`,
]);
