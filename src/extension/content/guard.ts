import type { Decider } from './decider';
import { deciderIfLoaded, loadDecider } from './decider-loader';
import { destinationHost, type Share, type Verdict } from './share';

/**
 * What every frame carries from page load: the interceptors' entry to the decider, which it loads when the
 * employee starts to work in a field. Shares are decided one at a time: a second waits for the first dialog.
 */
export class Guard {
  private queue: Promise<unknown> = Promise.resolve();

  /** Starts loading the decider, so that the first share is decided without waiting. */
  warm(): void {
    loadDecider().catch(() => undefined);
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
