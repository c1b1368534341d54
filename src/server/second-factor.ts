import type { SqlDriver } from './store/driver';
import { newTotpSecret, otpauthUri, totpStep } from './totp';

/**
 * The TOTP second factor of console accounts, kept on the users row: a pending secret while it is being set
 * up, the confirmed one once a first code proved the app has it, and the last step accepted, so that a code
 * (or an earlier one) is never accepted twice, even by two instances at once (one conditional UPDATE).
 */
export class SecondFactor {
  constructor(private readonly db: SqlDriver) {}

  async enabled(userId: number): Promise<boolean> {
    const [row] = await this.db.query<{ totp_secret: string | null }>('SELECT totp_secret FROM users WHERE id = ?', [userId]);
    return !!row?.totp_secret;
  }

  /** A new pending secret (replacing any earlier pending one); the confirmed one stays in force until confirmed. */
  async begin(userId: number, account: string): Promise<{ secret: string; uri: string }> {
    const secret = newTotpSecret();
    await this.db.run('UPDATE users SET totp_pending = ? WHERE id = ?', [secret, userId]);
    return { secret, uri: otpauthUri(secret, account) };
  }

  /** Makes the pending secret the one in force, given a valid code from it. */
  async confirm(userId: number, code: string, now = Date.now()): Promise<boolean> {
    const [row] = await this.db.query<{ totp_pending: string | null }>('SELECT totp_pending FROM users WHERE id = ?', [userId]);
    const step = row?.totp_pending ? totpStep(row.totp_pending, code, now) : undefined;
    if (step === undefined) return false;
    return (await this.db.run('UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, totp_step = ? WHERE id = ? AND totp_pending = ?', [step, userId, row!.totp_pending])) > 0;
  }

  /** Checks a code against the secret in force and uses it up. */
  async verify(userId: number, code: string, now = Date.now()): Promise<boolean> {
    const [row] = await this.db.query<{ totp_secret: string | null }>('SELECT totp_secret FROM users WHERE id = ?', [userId]);
    const step = row?.totp_secret ? totpStep(row.totp_secret, code, now) : undefined;
    if (step === undefined) return false;
    return (await this.db.run('UPDATE users SET totp_step = ? WHERE id = ? AND (totp_step IS NULL OR totp_step < ?)', [step, userId, step])) > 0;
  }

  /** Turns the second factor off (the caller proved password and code, or is an admin helping someone). */
  async disable(userId: number): Promise<boolean> {
    return (await this.db.run('UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_step = NULL WHERE id = ? AND (totp_secret IS NOT NULL OR totp_pending IS NOT NULL)', [userId])) > 0;
  }
}
