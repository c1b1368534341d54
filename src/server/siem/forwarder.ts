import type { Store, StoredEvent } from '../store';

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
  /** How often an idle forwarder looks for new events when nobody kicks it. */
  pollMs?: number;
}

/**
 * Sends every stored event to each SIEM, in the order they arrived, at least once: each sink has a cursor in
 * the store that moves only after the SIEM took a batch, so a SIEM that is down for hours gets everything
 * when it is back, and a restart of the backend resumes where it was. (A crash between delivery and cursor
 * may send a batch twice; events carry their id for the SIEM to see that.)
 */
export class Forwarder {
  private running = false;
  /** Loops waiting for new events (woken by kick) and loops backing off after a failure (woken only by stop). */
  private readonly idle = new Set<() => void>();
  private readonly backingOff = new Set<() => void>();
  private readonly loops: Promise<void>[] = [];
  readonly status = new Map<string, { failures: number; lastError?: string; forwarded: number }>();

  constructor(
    private readonly store: Store,
    private readonly sinks: readonly Sink[],
    private readonly o: ForwarderOptions = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const sink of this.sinks) this.loops.push(this.loop(sink));
  }

  /** New events are there: look now instead of at the next poll. */
  kick(): void {
    for (const wake of [...this.idle]) wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const wake of [...this.idle, ...this.backingOff]) wake();
    await Promise.all(this.loops);
    for (const s of this.sinks) s.close?.();
  }

  private async loop(sink: Sink): Promise<void> {
    const status = { failures: 0, forwarded: 0 } as { failures: number; lastError?: string; forwarded: number };
    this.status.set(sink.name, status);
    const key = `siem:${sink.name}`;
    while (this.running) {
      let batch: StoredEvent[] = [];
      try {
        batch = await this.store.eventsAfter(await this.store.cursor(key), this.o.batch ?? 500);
        if (batch.length) {
          await sink.send(batch);
          await this.store.setCursor(key, batch.at(-1)!.seq);
          status.forwarded += batch.length;
          status.failures = 0;
          continue;
        }
      } catch (e) {
        status.failures++;
        status.lastError = (e as Error).message;
        console.warn(`[bulwark] SIEM ${sink.name}: ${status.lastError}; retrying (attempt ${status.failures + 1})`);
        const cap = Math.min(this.o.maxDelayMs ?? 300_000, (this.o.baseDelayMs ?? 1000) * 2 ** Math.min(status.failures - 1, 20));
        await this.sleep(Math.random() * cap, false);
        continue;
      }
      await this.sleep(this.o.pollMs ?? 5000, true);
    }
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
