import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedLimits, type Backoff } from '../../src/server/limits';
import { PostgresDriver } from '../../src/server/store/postgres';
import { Store } from '../../src/server/store';
import { DATABASES, freshStore } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const T0 = Date.UTC(2026, 11, 1);
const BACKOFF: Backoff = { free: 3, firstDelayMs: 1000, maxDelayMs: 8000, forgetMs: 60_000 };

describe.each(DATABASES)('limits shared through %s', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let limits: SharedLimits;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind, pg));
    limits = new SharedLimits(store.db);
  });
  afterAll(() => dispose());

  it('a bucket lets exactly its burst through when many take at once, then one per interval', async () => {
    const bucket = { perSecond: 5, burst: 20 };
    const taken = await Promise.all(Array.from({ length: 60 }, () => limits.take('device:a', bucket, T0)));
    expect(taken.filter((t) => t.ok)).toHaveLength(20);
    expect(taken.filter((t) => !t.ok).every((t) => t.retryAfter === 1)).toBe(true);
    expect((await limits.take('device:a', bucket, T0 + 199)).ok).toBe(false);
    expect((await limits.take('device:a', bucket, T0 + 200)).ok).toBe(true);
    expect((await limits.take('device:a', bucket, T0 + 200)).ok).toBe(false);
    // Other keys have their own bucket; after a quiet while the bucket is full again.
    expect((await limits.take('device:b', bucket, T0)).ok).toBe(true);
    const later = await Promise.all(Array.from({ length: 25 }, () => limits.take('device:a', bucket, T0 + 60_000)));
    expect(later.filter((t) => t.ok)).toHaveLength(20);
  });

  it('attempts: the free ones at once, then delays that double up to the cap; refused ones are not counted', async () => {
    const first = await Promise.all(Array.from({ length: 30 }, () => limits.attempt('login:x', BACKOFF, T0)));
    expect(first.filter((t) => t.ok)).toHaveLength(3);
    expect(first.filter((t) => t.throttleStarted)).toHaveLength(1);
    expect(first.find((t) => !t.ok)!.retryAfter).toBe(1);
    const delays: number[] = [];
    let now = T0 + 1000;
    for (let i = 0; i < 6; i++) {
      expect((await limits.attempt('login:x', BACKOFF, now - 1)).ok).toBe(false);
      const t = await limits.attempt('login:x', BACKOFF, now);
      expect(t.ok).toBe(true);
      expect(t.throttleStarted).toBe(false);
      delays.push(t.retryAfter);
      now += t.retryAfter * 1000;
    }
    expect(delays).toEqual([2, 4, 8, 8, 8, 8]);
    expect((await limits.attempt('login:x', BACKOFF, now - 1)).count).toBe(9);
  });

  it('attempts whose clocks reach the database out of order are not refused while no delay runs', async () => {
    expect((await limits.attempt('login:z', BACKOFF, T0 + 5)).ok).toBe(true);
    expect((await limits.attempt('login:z', BACKOFF, T0)).ok).toBe(true);
  });

  it('attempts are forgotten after a quiet while, cleared by a success, and given back', async () => {
    for (let i = 0; i < 3; i++) await limits.attempt('login:y', BACKOFF, T0);
    expect((await limits.attempt('login:y', BACKOFF, T0)).ok).toBe(false);
    const fresh = await limits.attempt('login:y', BACKOFF, T0 + 1000 + 60_000);
    expect([fresh.ok, fresh.count]).toEqual([true, 1]);
    await limits.clear('login:y');
    await limits.attempt('login:y', BACKOFF, T0 + 70_000);
    await limits.attempt('login:y', BACKOFF, T0 + 70_000);
    await limits.refund('login:y');
    expect((await limits.attempt('login:y', BACKOFF, T0 + 70_000)).count).toBe(2);
  });

  it('sweeps rows that limit nothing any more, at most once a minute, on the back of a take', async () => {
    const count = async () => Number((await store.db.query<{ n: number }>("SELECT COUNT(*) AS n FROM limits WHERE key LIKE 'sweep:%'"))[0]!.n);
    const fresh = new SharedLimits(store.db);
    for (let i = 0; i < 5; i++) await fresh.take(`sweep:${i}`, { perSecond: 1, burst: 1 }, T0);
    expect(await count()).toBe(5);
    await fresh.take('sweep:late', { perSecond: 1, burst: 1 }, T0 + 30_000);
    expect(await count()).toBe(6);
    await fresh.take('sweep:later', { perSecond: 1, burst: 1 }, T0 + 90_000);
    await expect.poll(count).toBe(1);
  });

  it('remembers a fact until it expires', async () => {
    await limits.remember('login:known:a|1.2.3.4', 1000, T0);
    expect(await limits.remembered('login:known:a|1.2.3.4', T0 + 999)).toBe(true);
    expect(await limits.remembered('login:known:a|1.2.3.4', T0 + 1000)).toBe(false);
  });
});

describe('two instances on one PostgreSQL', () => {
  it('share one bucket and one count: together they let through what one would', async () => {
    const { store, dispose } = await freshStore('postgres', pg);
    const url = (await store.db.query<{ db: string }>('SELECT current_database() AS db'))[0]!.db;
    const other = await Store.open(await PostgresDriver.open(pg.url.replace(/\/[^/]+$/, `/${url}`)));
    try {
      const [a, b] = [new SharedLimits(store.db), new SharedLimits(other.db)];
      const bucket = { perSecond: 1, burst: 10 };
      const taken = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).take('device:shared', bucket, T0)));
      expect(taken.filter((t) => t.ok)).toHaveLength(10);
      const attempts = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).attempt('login:shared', BACKOFF, T0)));
      expect(attempts.filter((t) => t.ok)).toHaveLength(3);
    } finally {
      await other.close();
      await dispose();
    }
  });
});
