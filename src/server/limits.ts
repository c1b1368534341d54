import type { SqlDriver } from './store/driver';

/** A token bucket: `burst` requests at once, then `perSecond`. */
export interface Bucket {
  perSecond: number;
  burst: number;
}

/** Growing delays: `free` attempts at once, then a wait of `firstDelayMs` doubling up to `maxDelayMs`. */
export interface Backoff {
  free: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** After this long without an attempt (past the delay), the count starts again. */
  forgetMs: number;
}

export interface Taken {
  ok: boolean;
  /** Seconds until the next attempt may pass (0 when it passed and no delay follows). */
  retryAfter: number;
  /** Attempts counted on this key (backoff only). */
  count: number;
  /** True for the one take that started the delays of this episode (backoff only): the moment to raise an alert. */
  throttleStarted: boolean;
}

const SWEEP_EVERY_MS = 60_000;

/**
 * Limits kept in the database, so that every instance shares them. Each take is ONE statement
 * (INSERT ... ON CONFLICT DO UPDATE ... RETURNING, in the SQL both databases speak): the database serialises
 * takes on a key, so concurrent requests on any number of instances never read-then-write. Times are passed
 * in (`now`), so that tests can hold the clock; rows past `expires_ms` limit nothing and are swept at most once
 * a minute per instance, on the back of a take.
 */
export class SharedLimits {
  private lastSweep = 0;

  constructor(private readonly db: SqlDriver) {}

  /**
   * Takes one request from a token bucket (GCRA: `at_ms` is the time at which the bucket is full again
   * plus one interval). Answers whether it passed and, if not, how long to wait.
   */
  async take(key: string, bucket: Bucket, now = Date.now()): Promise<Taken> {
    this.sweep(now);
    const interval = Math.max(1, Math.round(1000 / bucket.perSecond));
    const tolerance = interval * bucket.burst;
    const start = `CASE WHEN limits.at_ms > :now THEN limits.at_ms ELSE :now END`;
    const passes = `${start} + ${interval} <= :now + ${tolerance}`;
    const next = `CASE WHEN ${passes} THEN ${start} + ${interval} ELSE limits.at_ms END`;
    const row = await this.one(
      `INSERT INTO limits (key, n, at_ms, passed, expires_ms) VALUES (:key, 0, :now + ${interval}, 1, :now + ${interval})
       ON CONFLICT (key) DO UPDATE SET passed = CASE WHEN ${passes} THEN 1 ELSE 0 END, at_ms = ${next}, expires_ms = ${next}
       RETURNING n, at_ms, passed`,
      key,
      now,
    );
    const ok = Number(row.passed) === 1;
    return { ok, retryAfter: ok ? 0 : Math.max(1, Math.ceil((Number(row.at_ms) + interval - tolerance - now) / 1000)), count: 0, throttleStarted: false };
  }

  /**
   * Takes one attempt against growing delays: passes when the delay set by the previous attempt is over, and
   * then counts it and sets the next delay (0 while fewer than `free` were counted). An attempt refused during
   * a delay is not counted, so that hammering does not lengthen it. Without a delay `at_ms` is 0, not now:
   * concurrent requests reach the database out of the order of their clocks, and "now" from one taken a
   * millisecond late must not block one taken a millisecond early.
   */
  async attempt(key: string, b: Backoff, now = Date.now()): Promise<Taken> {
    this.sweep(now);
    const blocked = `limits.at_ms > :now`;
    const stale = `limits.expires_ms <= :now`;
    const first = 1 >= b.free ? b.firstDelayMs : 0;
    const n = `limits.n + 1`;
    const delay = `CASE WHEN ${stale} THEN ${first} WHEN ${n} < ${b.free} THEN 0 WHEN ${n} = ${b.free} THEN ${b.firstDelayMs} WHEN limits.delay_ms * 2 > ${b.maxDelayMs} THEN ${b.maxDelayMs} ELSE limits.delay_ms * 2 END`;
    const row = await this.one(
      `INSERT INTO limits (key, n, at_ms, delay_ms, passed, expires_ms) VALUES (:key, 1, ${first ? `:now + ${first}` : '0'}, ${first}, 1, :now + ${first + b.forgetMs})
       ON CONFLICT (key) DO UPDATE SET
         n = CASE WHEN ${blocked} THEN limits.n WHEN ${stale} THEN 1 ELSE ${n} END,
         delay_ms = CASE WHEN ${blocked} THEN limits.delay_ms ELSE ${delay} END,
         at_ms = CASE WHEN ${blocked} THEN limits.at_ms WHEN ${delay} = 0 THEN 0 ELSE :now + ${delay} END,
         expires_ms = CASE WHEN ${blocked} THEN limits.expires_ms ELSE :now + ${delay} + ${b.forgetMs} END,
         passed = CASE WHEN ${blocked} THEN 0 ELSE 1 END
       RETURNING n, at_ms, delay_ms, passed`,
      key,
      now,
    );
    const ok = Number(row.passed) === 1;
    const count = Number(row.n);
    const retryAfter = Math.max(0, Math.ceil((Number(row.at_ms) - now) / 1000));
    return { ok, retryAfter: ok ? retryAfter : Math.max(1, retryAfter), count, throttleStarted: ok && count === b.free };
  }

  /** Forgets a key (a successful sign-in clears its account and address pair). */
  async clear(key: string): Promise<void> {
    await this.db.run('DELETE FROM limits WHERE key = ?', [key]);
  }

  /** Gives back one counted attempt (a success on a key shared by many, such as an account or an address). */
  async refund(key: string): Promise<void> {
    await this.db.run('UPDATE limits SET n = n - 1 WHERE key = ? AND n > 0', [key]);
  }

  /** Remembers a fact for a while (an address an account signed in from): a row that limits nothing. */
  async remember(key: string, forMs: number, now = Date.now()): Promise<void> {
    await this.db.run('INSERT INTO limits (key, n, at_ms, expires_ms) VALUES (?, 0, 0, ?) ON CONFLICT (key) DO UPDATE SET expires_ms = excluded.expires_ms', [key, now + forMs]);
  }

  /** Whether a fact is remembered (one read, no change). */
  async remembered(key: string, now = Date.now()): Promise<boolean> {
    return (await this.db.query('SELECT 1 AS x FROM limits WHERE key = ? AND expires_ms > ?', [key, now])).length > 0;
  }

  /** `:key` and `:now` bound in order; numbers of our own are written into the SQL (a handful of statement texts). */
  private async one(sql: string, key: string, now: number): Promise<Record<string, unknown>> {
    const params: unknown[] = [];
    const text = sql.replace(/:key|:now/g, (m) => (params.push(m === ':key' ? key : now), m === ':key' ? '?' : 'CAST(? AS BIGINT)'));
    const [row] = await this.db.query(text, params);
    return row!;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    void this.db.run('DELETE FROM limits WHERE expires_ms < ?', [now]).catch(() => undefined);
  }
}
