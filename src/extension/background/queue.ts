import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * A durable outbox for events, in IndexedDB: an event is stored before anything else is done with it, sent in
 * batches in the order it was stored, and deleted only when the receiver has taken it. The service worker may
 * be stopped between any two steps: every step's state is in the database, nothing in variables.
 */

export interface Queued<T> {
  seq?: number;
  event: T;
}

/**
 * What the receiver said of a batch: taken, try again later (down, busy; with the receiver's Retry-After when it
 * said one, instead of the exponential wait), refused for good (malformed), or taken except the events at these
 * indexes, which it refused for good.
 */
export type SendResult = 'sent' | 'retry' | 'refused' | { retryAfterMs: number } | { refused: readonly number[] };

export interface QueueState {
  /** Events not stored because the queue was full, since the last report of it. */
  dropped: number;
  /** Batches the receiver refused for good, kept aside rather than retried forever. */
  refused: number;
  failures: number;
  nextAttemptAt: number;
}

interface Schema extends DBSchema {
  events: { key: number; value: Queued<unknown> };
  refused: { key: number; value: Queued<unknown> };
  state: { key: 'state'; value: QueueState };
}

export interface QueueOptions {
  /** The most events kept waiting; beyond it new events are counted as dropped, and the count is reported. */
  maxEvents?: number;
  batchSize?: number;
  /** A batch's JSON stays under this many bytes (the receiver has a body limit); one event always goes. */
  maxBatchBytes?: number;
  /**
   * Backoff after a failed send: base * 2^failures, at most max, with full jitter. A receiver's Retry-After is
   * the least wait (capped at max too).
   */
  baseDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
  random?: () => number;
}

const EMPTY: QueueState = { dropped: 0, refused: 0, failures: 0, nextAttemptAt: 0 };

export class EventQueue<T> {
  private constructor(
    private readonly db: IDBPDatabase<Schema>,
    private readonly options: Required<QueueOptions>,
  ) {}

  static async open<T>(name: string, options: QueueOptions = {}): Promise<EventQueue<T>> {
    const db = await openDB<Schema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('refused', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('state');
      },
    });
    return new EventQueue<T>(db, { maxEvents: 50_000, batchSize: 200, maxBatchBytes: 512 * 1024, baseDelayMs: 5_000, maxDelayMs: 5 * 60_000, now: () => Date.now(), random: Math.random, ...options });
  }

  /** Stores an event; false (and the drop counted) when the queue is full. */
  async add(event: T): Promise<boolean> {
    const tx = this.db.transaction(['events', 'state'], 'readwrite');
    const full = (await tx.objectStore('events').count()) >= this.options.maxEvents;
    if (full) {
      const state = (await tx.objectStore('state').get('state')) ?? EMPTY;
      await tx.objectStore('state').put({ ...state, dropped: state.dropped + 1 }, 'state');
    } else await tx.objectStore('events').add({ event });
    await tx.done;
    return !full;
  }

  async size(): Promise<number> {
    return this.db.count('events');
  }

  async state(): Promise<QueueState> {
    return (await this.db.get('state', 'state')) ?? EMPTY;
  }

  /** The oldest events, in order. */
  async peek(limit = this.options.batchSize): Promise<T[]> {
    return (await this.db.getAll('events', undefined, limit)).map((q) => q.event as T);
  }

  /**
   * Sends batches until the queue is empty, the receiver asks to wait, or the backoff says it is too early.
   * One flush at a time: a second call while one runs waits for it instead of sending the same batch again.
   */
  flush(send: (batch: T[]) => Promise<SendResult>): Promise<{ sent: number; waiting: number }> {
    const run = this.flushing.then(() => this.flushNow(send));
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private flushing: Promise<unknown> = Promise.resolve();

  private async flushNow(send: (batch: T[]) => Promise<SendResult>): Promise<{ sent: number; waiting: number }> {
    let sent = 0;
    for (;;) {
      const state = await this.state();
      if (this.options.now() < state.nextAttemptAt) break;
      const batch = this.withinBytes(await this.db.getAll('events', undefined, this.options.batchSize));
      if (!batch.length) break;
      let result: SendResult;
      try {
        result = await send(batch.map((q) => q.event as T));
      } catch {
        result = 'retry';
      }
      if (result === 'retry' || (typeof result === 'object' && 'retryAfterMs' in result)) {
        // Kept in the database, so that a service worker started again does not try before its time.
        const failures = state.failures + 1;
        const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** Math.min(failures - 1, 30));
        // Retry-After is the least wait; a long outage still spreads a fleet's tries out exponentially.
        const jittered = Math.ceil(this.options.random() * ceiling);
        const wait = result === 'retry' ? jittered : Math.min(Math.max(result.retryAfterMs, jittered), this.options.maxDelayMs);
        await this.db.put('state', { ...state, failures, nextAttemptAt: this.options.now() + wait }, 'state');
        break;
      }
      const refusedAt = result === 'refused' ? new Set(batch.keys()) : new Set(result === 'sent' ? [] : result.refused.filter((i) => i < batch.length));
      const tx = this.db.transaction(['events', 'refused', 'state'], 'readwrite');
      for (const [i, q] of batch.entries()) {
        await tx.objectStore('events').delete(q.seq!);
        if (refusedAt.has(i)) await tx.objectStore('refused').add({ event: q.event });
      }
      await tx.objectStore('state').put({ ...state, failures: 0, nextAttemptAt: 0, refused: state.refused + refusedAt.size }, 'state');
      await tx.done;
      sent += batch.length - refusedAt.size;
    }
    return { sent, waiting: await this.size() };
  }

  /** The oldest events of a batch whose JSON stays under the byte bound (at least one). */
  private withinBytes(batch: Queued<unknown>[]): Queued<unknown>[] {
    let bytes = 0;
    for (let i = 0; i < batch.length; i++) {
      bytes += utf8Length(JSON.stringify(batch[i]!.event)) + 1;
      if (bytes > this.options.maxBatchBytes && i > 0) return batch.slice(0, i);
    }
    return batch;
  }

  /** Takes `n` off the dropped count once the receiver has been told of them. */
  async forgetDropped(n: number): Promise<void> {
    const tx = this.db.transaction('state', 'readwrite');
    const state = (await tx.store.get('state')) ?? EMPTY;
    await tx.store.put({ ...state, dropped: Math.max(0, state.dropped - n) }, 'state');
    await tx.done;
  }

  close(): void {
    this.db.close();
  }
}

const encoder = new TextEncoder();
const utf8Length = (s: string) => encoder.encode(s).length;
