import type { Decider } from './decider';
import { deciderIfLoaded, loadDecider } from './decider-loader';
import { destinationHost, type Share, type Verdict } from './share';
import type { Editable } from './targets';

/**
 * What every frame carries from page load: the interceptors' entry to the decider, which it loads when the
 * employee starts to work in a field. Shares are decided one at a time: a second waits for the first dialog.
 */
export class Guard {
  private queue: Promise<unknown> = Promise.resolve();
  /** Fields changed before the decider (and with it the field watcher) was loaded. */
  private readonly changedEarly = new Set<Editable>();

  /** Starts loading the decider, so that the first share is decided without waiting. */
  warm(): void {
    loadDecider().catch(() => undefined);
  }

  /** The employee changed a field: the decider's watcher scans it later, off this event (fields/watcher.ts). */
  fieldChanged(field: Editable): void {
    const decider = deciderIfLoaded();
    if (decider) return decider.fields.changed(field);
    if (this.changedEarly.add(field).size > 1) return;
    loadDecider().then(
      (d) => {
        for (const f of this.changedEarly) d.fields.changed(f);
        this.changedEarly.clear();
      },
      () => this.changedEarly.clear(),
    );
  }

  fieldLeft(field: Editable): void {
    deciderIfLoaded()?.fields.left(field);
  }

  /** Whether policy would stop what these fields hold; undefined before the decider has loaded. */
  wouldStop(fields: readonly Editable[]): boolean | undefined {
    return deciderIfLoaded()?.fields.wouldStop(fields);
  }

  /**
   * The fields of one send as one text (core/detect/fields.ts: split identifiers joined), from the decider: the
   * guard in every page does not carry its Unicode regexes (building them costs a page load ~0.4 ms). Before
   * the decider loads, one value a line.
   */
  textOfFields(values: readonly string[]): string {
    return deciderIfLoaded()?.fields.textOfFields(values) ?? values.map((v) => v.trim()).filter(Boolean).join('\n');
  }

  /** Inside the event: true when the share may go on untouched; undefined when it must be held. */
  decideNow(share: Share): true | undefined {
    return deciderIfLoaded()?.decideNow(share, destinationHost());
  }

  decide(share: Share): Promise<Verdict> {
    return this.inTurn(async (decider) => (decider ? decider.decide(share, destinationHost()) : { go: true, text: share.text }));
  }

  /** A request from the page-world hook: an upload or a detached file chooser. Unchecked input. */
  async decideRequest(request: unknown): Promise<boolean> {
    return this.inTurn(async (decider) => (decider ? decider.decideRequest(request) : true));
  }

  private inTurn<T>(run: (decider: Decider | undefined) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      let decider;
      try {
        decider = await loadDecider();
      } catch (e) {
        // Without the decider there is no policy to apply (the extension is being updated or was removed):
        // the share goes on rather than being lost, and the console says why.
        console.warn(`[bulwark] ${(e as Error).message}; the share was not checked`);
      }
      return run(decider);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
