import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EventQueue, type SendResult } from '../../../src/extension/background/queue';

let n = 0;
const fresh = (options = {}) => EventQueue.open<{ id: number }>(`q${n++}`, options);

describe('the durable event queue', () => {
  it('keeps events in order across a close and a reopen (a stopped service worker)', async () => {
    const name = `q${n++}`;
    const q = await EventQueue.open<{ id: number }>(name);
    for (let id = 1; id <= 5; id++) await q.add({ id });
    q.close();
    const again = await EventQueue.open<{ id: number }>(name);
    expect(await again.peek()).toEqual([1, 2, 3, 4, 5].map((id) => ({ id })));
  });

  it('sends in batches, in order, and deletes only what was taken', async () => {
    const q = await fresh({ batchSize: 2 });
    for (let id = 1; id <= 5; id++) await q.add({ id });
    const batches: number[][] = [];
    expect(await q.flush(async (b) => (batches.push(b.map((e) => e.id)), 'sent'))).toEqual({ sent: 5, waiting: 0 });
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('waits with exponential backoff and full jitter while the receiver is down, then sends everything once', async () => {
    let now = 1_000;
    const q = await fresh({ baseDelayMs: 1_000, maxDelayMs: 8_000, now: () => now, random: () => 1 });
    for (let id = 1; id <= 3; id++) await q.add({ id });
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await q.flush(async () => 'retry');
      const { nextAttemptAt } = await q.state();
      delays.push(nextAttemptAt - now);
      now = nextAttemptAt;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    const received: number[] = [];
    await q.flush(async (b) => (received.push(...b.map((e) => e.id)), 'sent'));
    expect(received).toEqual([1, 2, 3]);
    expect(await q.state()).toMatchObject({ failures: 0, nextAttemptAt: 0 });
  });

  it('does not try before the backoff allows, and a throwing sender counts as down', async () => {
    let now = 0;
    const q = await fresh({ baseDelayMs: 10_000, now: () => now, random: () => 0.5 });
    await q.add({ id: 1 });
    await q.flush(async () => {
      throw new Error('ECONNREFUSED');
    });
    let calls = 0;
    now = 4_000;
    await q.flush(async () => (calls++, 'sent'));
    expect(calls).toBe(0);
    now = 5_000;
    await q.flush(async () => (calls++, 'sent'));
    expect([calls, await q.size()]).toEqual([1, 0]);
  });

  it('sets a refused batch aside and counts it, instead of retrying it forever', async () => {
    const q = await fresh({ batchSize: 1 });
    await q.add({ id: 1 });
    await q.add({ id: 2 });
    const result = await q.flush(async (b): Promise<SendResult> => (b[0]!.id === 1 ? 'refused' : 'sent'));
    expect(result).toEqual({ sent: 1, waiting: 0 });
    expect((await q.state()).refused).toBe(1);
  });

  it('sets aside only the events the receiver refused one by one, and takes the rest as sent', async () => {
    const q = await fresh({ batchSize: 4 });
    for (let id = 1; id <= 6; id++) await q.add({ id });
    const result = await q.flush(async (b): Promise<SendResult> => ({ refused: b.flatMap((e, i) => (e.id % 3 === 0 ? [i] : [])) }));
    expect(result).toEqual({ sent: 4, waiting: 0 });
    expect((await q.state()).refused).toBe(2);
  });

  it('has a bound: beyond it events are counted as dropped, until the receiver has been told', async () => {
    const q = await fresh({ maxEvents: 3 });
    const added = [];
    for (let id = 1; id <= 5; id++) added.push(await q.add({ id }));
    expect(added).toEqual([true, true, true, false, false]);
    expect((await q.state()).dropped).toBe(2);
    await q.add({ id: 6 });
    await q.forgetDropped(2);
    expect((await q.state()).dropped).toBe(1);
  });

  it('two flushes at once send each event once', async () => {
    const q = await fresh();
    for (let id = 1; id <= 4; id++) await q.add({ id });
    const received: number[] = [];
    const send = async (b: { id: number }[]): Promise<SendResult> => {
      await new Promise((r) => setTimeout(r, 5));
      received.push(...b.map((e) => e.id));
      return 'sent';
    };
    await Promise.all([q.flush(send), q.flush(send)]);
    expect(received).toEqual([1, 2, 3, 4]);
  });

  it('keeps a batch under its byte bound, and sends an event larger than the bound alone', async () => {
    const q = await EventQueue.open<{ id: number; pad: string }>(`q${n++}`, { maxBatchBytes: 1_000 });
    for (let id = 1; id <= 6; id++) await q.add({ id, pad: 'x'.repeat(id === 4 ? 2_000 : 300) });
    const batches: number[][] = [];
    await q.flush(async (b) => {
      expect(b.length === 1 || JSON.stringify(b).length <= 1_000).toBe(true);
      batches.push(b.map((e) => e.id));
      return 'sent';
    });
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(batches).toContainEqual([4]);
    expect(batches.length).toBeGreaterThan(2);
  });

  it('waits at least as long as the receiver says (Retry-After), at most the cap, and counts the failure', async () => {
    let now = 0;
    const q = await fresh({ baseDelayMs: 1_000, maxDelayMs: 60_000, now: () => now, random: () => 1 });
    await q.add({ id: 1 });
    await q.flush(async () => ({ retryAfterMs: 30_000 }));
    expect(await q.state()).toMatchObject({ failures: 1, nextAttemptAt: 30_000 });
    now = 30_000;
    await q.flush(async () => ({ retryAfterMs: 3_600_000 }));
    expect(await q.state()).toMatchObject({ failures: 2, nextAttemptAt: 90_000 });
    // A server that keeps saying "in 5 s" through a long outage: the waits still grow (1, 2, 4... s), to the cap.
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      now = (await q.state()).nextAttemptAt;
      await q.flush(async () => ({ retryAfterMs: 5_000 }));
      waits.push((await q.state()).nextAttemptAt - now);
    }
    expect(waits).toEqual([5_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it('backs off at most five minutes by default', async () => {
    let now = 0;
    const q = await fresh({ now: () => now, random: () => 1 });
    await q.add({ id: 1 });
    for (let i = 0; i < 20; i++) {
      await q.flush(async () => 'retry');
      now = (await q.state()).nextAttemptAt;
    }
    const before = now;
    await q.flush(async () => 'retry');
    expect((await q.state()).nextAttemptAt - before).toBe(5 * 60_000);
  });
});
