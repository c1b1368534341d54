import type { SiemState, Store, StoredEvent } from '../store';
import { instanceId, Lease } from './lease';

export interface Sink {
  readonly name: string;
  /** Delivers the batch or throws; the forwarder then tries the same batch again later. */
  send(events: readonly StoredEvent[]): Promise<void>;
  close?(): void;
}

export interface ForwarderOptions {
  batch?: number;
  /** First wait after a failure; it doubles up to maxDelayMs, with full jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often an idle forwarder looks for new events when nobody kicks it, and a standby for a lapsed lease. */
  pollMs?: number;
  /** How long a destination's lease lasts unless renewed: after a crash, another instance takes over this much later. */
  leaseMs?: number;
  /** This process's name in the leases (random per process unless given). */
  instance?: string;
}

/** What this process knows of a destination beside what the database says. */
export interface LocalStatus {
  failures: number;
  lastError?: string;
  /** Events this process delivered. */
  forwarded: number;
  /** Whether this process held the lease when it last looked. */
  holding: boolean;
}

export interface SiemStatus extends SiemState {
  name: string;
  /** Whether this instance is the one forwarding. */
  here: boolean;
  /** How long the oldest event not yet delivered has waited. */
  lagMs: number;
}

/**
 * Sends every stored event to each SIEM, in order, with one or many instances of the backend: per
 * destination, the instance holding its lease reads the next settled events after the cursor, sends them, and
 * moves the cursor once the SIEM took them. Nothing is lost: a SIEM that is down for hours gets everything when
 * it is back, and an instance that takes over resumes at the cursor. Nothing is sent twice, except after a crash
 * (or a pause longer than the lease) between a delivery and the cursor's move: then that one batch is sent
 * again, and the SIEM recognises its events by their id.
 */
export class Forwarder {
  readonly instance: string;
  private running = false;
  /** Loops waiting for new events (woken by kick) and loops backing off or on standby (woken only by stop). */
  private readonly idle = new Set<() => void>();
  private readonly backingOff = new Set<() => void>();
  private readonly loops: Promise<void>[] = [];
  readonly status = new Map<string, LocalStatus>();

  constructor(
    private readonly store: Store,
    private readonly sinks: readonly Sink[],
    private readonly o: ForwarderOptions = {},
  ) {
    this.instance = o.instance ?? instanceId();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const sink of this.sinks) this.loops.push(this.loop(sink));
  }

  /** New events are there: look now instead of at the next poll. */
  kick(): void {
    for (const wake of [...this.idle]) wake();
  }

  /** Finishes the batch in hand, lets go of the leases (another instance takes over at once) and closes the sinks. */
  async stop(): Promise<void> {
    this.running = false;
    for (const wake of [...this.idle, ...this.backingOff]) wake();
    await Promise.all(this.loops);
    for (const s of this.sinks) s.close?.();
  }

  /** Every destination's state, the same from whichever instance asks (failures and lag come from the database). */
  async report(): Promise<SiemStatus[]> {
    return Promise.all(
      this.sinks.map(async (sink) => {
        const state = await this.store.siemState(leaseName(sink));
        return { name: sink.name, ...state, here: state.holder === this.instance, lagMs: state.oldestPendingMs === null ? 0 : Math.max(0, Date.now() - state.oldestPendingMs) };
      }),
    );
  }

  private async loop(sink: Sink): Promise<void> {
    const status: LocalStatus = { failures: 0, forwarded: 0, holding: false };
    this.status.set(sink.name, status);
    const lease = new Lease(this.store, leaseName(sink), this.instance, this.o.leaseMs ?? 30_000);
    const pollMs = this.o.pollMs ?? 5000;
    while (this.running) {
      try {
        status.holding = await lease.take();
        if (!status.holding) {
          // Another instance forwards: look again for a lapsed lease (its holder died).
          await this.sleep(Math.min(pollMs, lease.ttlMs / 3), false);
          continue;
        }
        const batch = await this.store.siemBatch(lease.name, this.o.batch ?? 500);
        if (batch.length) {
          await lease.keep(sink.send(batch));
          if (!(await lease.delivered(batch.at(-1)!.position, batch.length))) {
            console.warn(`[bulwark] SIEM ${sink.name}: the lease went to another instance during a delivery; it sends this batch again`);
            continue;
          }
          status.forwarded += batch.length;
          status.failures = 0;
          continue;
        }
      } catch (e) {
        status.failures++;
        status.lastError = (e as Error).message;
        console.warn(`[bulwark] SIEM ${sink.name}: ${status.lastError}; retrying (attempt ${status.failures + 1})`);
        await lease.failed(status.failures, status.lastError).catch(() => undefined);
        const cap = Math.min(this.o.maxDelayMs ?? 300_000, (this.o.baseDelayMs ?? 1000) * 2 ** Math.min(status.failures - 1, 20));
        // The holder keeps its lease while it backs off: the destination is down for every instance alike.
        await (status.holding ? lease.keep(this.sleep(Math.random() * cap, false)) : this.sleep(Math.random() * cap, false));
        continue;
      }
      await this.sleep(Math.min(pollMs, lease.ttlMs / 3), true);
    }
    if (status.holding) await lease.release().catch(() => undefined);
  }

  /** Waits `ms`, or less when kicked (`wakeable`) or stopped; a failure's back-off is not cut short by new events. */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    const set = wakeable ? this.idle : this.backingOff;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
  }
}

const leaseName = (sink: Sink) => `siem:${sink.name}`;
