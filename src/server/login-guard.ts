import type { AuditEntry } from './audit-chain';
import { SharedLimits, type Backoff, type Taken } from './limits';

/** Sign-in protection, in seconds and counts (ServerConfig.signIn). */
export interface SignInSettings {
  /** Attempts from one address on one account before delays begin. */
  freeAttempts: number;
  /** Attempts on one account from addresses it has not signed in from, all together. */
  accountFreeAttempts: number;
  /** Attempts from one address on any accounts (guessing spread over accounts). */
  addressFreeAttempts: number;
  /** The first delay; each further attempt doubles it, up to maxDelaySeconds. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** Counts start again after this long without an attempt. */
  forgetMinutes: number;
  /** How long an address an account signed in from stays known. */
  knownAddressDays: number;
}

export const DEFAULT_SIGN_IN: SignInSettings = {
  freeAttempts: 5,
  accountFreeAttempts: 20,
  addressFreeAttempts: 30,
  firstDelaySeconds: 5,
  maxDelaySeconds: 900,
  forgetMinutes: 60,
  knownAddressDays: 90,
};

type Scope = 'account+address' | 'address' | 'account';

/** One admitted (or refused) attempt: what was taken, so that its outcome can be booked. */
export interface Attempt {
  ok: boolean;
  retryAfter: number;
  account: string;
  address: string;
  taken: Array<{ scope: Scope; key: string; taken: Taken }>;
}

/**
 * Sign-in attempts, counted in the database before the password is checked, so that concurrent guesses on any
 * number of instances are admitted at most as often as the limits allow (60 at once: `freeAttempts` checked).
 *
 * Three keys, each with growing delays (never a lock that lasts):
 * - account+address: `freeAttempts`, then 5 s, 10 s, 20 s ... up to 15 min. A success clears it.
 * - address: looser; catches one address guessing over many accounts.
 * - account: looser; catches many addresses guessing one account.
 *
 * Why an attacker cannot keep the real admin out: once an account signed in from an address, that pair is
 * "known" and only its own key decides there. Guesses from other addresses move the account key and their own
 * pair and address keys, never the known pair's, so the admin at a usual address is never delayed by them.
 * From a new address the account key applies, but it only delays (at most maxDelaySeconds, and a refused
 * attempt is not counted, so hammering does not lengthen it), and the admin may then sign in from a known
 * address, or another admin can. The order (pair, then address, then account) means an attacker refused on
 * their pair does not move the account key: to slow the account down they need many addresses.
 */
export class LoginGuard {
  private readonly pair: Backoff;
  private readonly address: Backoff;
  private readonly account: Backoff;

  constructor(
    private readonly limits: SharedLimits,
    private readonly audit: (entry: Omit<AuditEntry, 'seq' | 'timeMs'>) => Promise<unknown>,
    private readonly settings: SignInSettings = DEFAULT_SIGN_IN,
  ) {
    const backoff = (free: number): Backoff => ({ free, firstDelayMs: settings.firstDelaySeconds * 1000, maxDelayMs: settings.maxDelaySeconds * 1000, forgetMs: settings.forgetMinutes * 60_000 });
    this.pair = backoff(settings.freeAttempts);
    this.address = backoff(settings.addressFreeAttempts);
    this.account = backoff(settings.accountFreeAttempts);
  }

  /** Takes an attempt for `name` from `address`; refused ones come with the seconds to wait. */
  async admit(name: string, address: string, now = Date.now()): Promise<Attempt> {
    const account = name.trim().toLowerCase();
    const attempt: Attempt = { ok: true, retryAfter: 0, account, address, taken: [] };
    const known = await this.limits.remembered(knownKey(account, address), now);
    const keys: Array<[Scope, string, Backoff]> = [['account+address', pairKey(account, address), this.pair]];
    if (!known) keys.push(['address', `login:address:${address}`, this.address], ['account', `login:account:${account}`, this.account]);
    for (const [scope, key, backoff] of keys) {
      const taken = await this.limits.attempt(key, backoff, now);
      attempt.taken.push({ scope, key, taken });
      if (!taken.ok) {
        await this.failed({ ...attempt, ok: false });
        return { ...attempt, ok: false, retryAfter: taken.retryAfter };
      }
    }
    return attempt;
  }

  /**
   * The attempt failed (or was refused): raise the alert for each key whose delays this attempt started, once
   * per throttle episode (the one take that reached the threshold).
   */
  async failed(attempt: Attempt): Promise<void> {
    for (const { scope, taken } of attempt.taken) {
      if (!taken.throttleStarted) continue;
      const detail = { scope, address: attempt.address, attempts: taken.count, retryAfterSeconds: taken.retryAfter };
      console.warn(`[bulwark] sign-in throttled: ${scope} account=${JSON.stringify(attempt.account)} address=${attempt.address} after ${taken.count} attempts`);
      await this.audit({ actor: `address:${attempt.address}`, action: 'login.throttled', target: attempt.account, detail });
    }
  }

  /** The attempt succeeded: its pair is cleared and known, shared keys get the attempt back. */
  async succeeded(attempt: Attempt, now = Date.now()): Promise<void> {
    for (const { scope, key } of attempt.taken) {
      if (scope === 'account+address') await this.limits.clear(key);
      else await this.limits.refund(key);
    }
    await this.limits.remember(knownKey(attempt.account, attempt.address), this.settings.knownAddressDays * 86_400_000, now);
  }
}

const pairKey = (account: string, address: string) => `login:pair:${account}|${address}`;
const knownKey = (account: string, address: string) => `login:known:${account}|${address}`;
