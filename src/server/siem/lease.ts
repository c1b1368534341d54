import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { SiemPosition, Store } from '../store';

/** This process's name in the leases: host and pid for the people who read the status, and a random part. */
export const instanceId = (): string => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * One destination's lease: at most one instance forwards to a destination at a time. The holder renews it
 * while it works; an instance that stops renewing it (a crash, a pause) loses it after `ttlMs`, and another
 * takes over from the cursor. The cursor moves only through `delivered`, which refuses once the lease went to
 * someone else, so an instance that wakes up after a takeover moves nothing.
 */
export class Lease {
  constructor(
    private readonly store: Store,
    readonly name: string,
    readonly holder: string,
    readonly ttlMs: number,
  ) {}

  /** Takes the lease if it is free or expired, or renews ours; true when we hold it. */
  take(): Promise<boolean> {
    return this.store.takeSiemLease(this.name, this.holder, this.ttlMs);
  }

  /** Waits for `work`, renewing the lease every third of its time so that a slow destination does not cost it. */
  async keep<T>(work: Promise<T>): Promise<T> {
    const timer = setInterval(() => void this.take().catch(() => undefined), this.ttlMs / 3);
    try {
      return await work;
    } finally {
      clearInterval(timer);
    }
  }

  /** The destination took the events up to `to`: moves the cursor, if the lease is still ours. */
  delivered(to: SiemPosition, count: number): Promise<boolean> {
    return this.store.siemDelivered(this.name, this.holder, this.ttlMs, to, count);
  }

  failed(failures: number, error: string): Promise<void> {
    return this.store.siemFailed(this.name, this.holder, failures, error);
  }

  release(): Promise<void> {
    return this.store.releaseSiemLease(this.name, this.holder);
  }
}
