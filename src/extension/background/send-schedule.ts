/**
 * When the device sends what waits: not at each event (50,000 devices would make a request each), but a short
 * quiet moment after the last one, at most a few seconds after the first, and at once when a batch is full.
 * Timers die with the service worker: the queue is in IndexedDB and the one-minute alarm sends what a stopped
 * worker left behind.
 */
export const BATCHING = {
  /** Send once no new event came for this long... */
  quietMs: 2_000,
  /** ...but no later than this after the first event that waits. */
  maxWaitMs: 5_000,
  /** Send at once when this many events came, or this many bytes of them (the server takes 1000 and 1 MB). */
  sendAtCount: 100,
  sendAtBytes: 256 * 1024,
};

export class SendSchedule {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstAt: number | undefined;
  private count = 0;
  private bytes = 0;

  constructor(
    private readonly send: () => void,
    private readonly options = BATCHING,
  ) {}

  /** A new event waits (its size in bytes). */
  added(bytes: number): void {
    const now = Date.now();
    this.firstAt ??= now;
    this.count++;
    this.bytes += bytes;
    if (this.count >= this.options.sendAtCount || this.bytes >= this.options.sendAtBytes) this.fire();
    else this.at(Math.min(now + this.options.quietMs, this.firstAt + this.options.maxWaitMs));
  }

  /** Send at this time (a back-off ends then). */
  at(time: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), Math.max(0, time - Date.now()));
  }

  private fire(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.firstAt = undefined;
    this.count = 0;
    this.bytes = 0;
    this.send();
  }
}
