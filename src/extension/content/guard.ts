import type { Decider } from './decider';
import { deciderIfLoaded, loadDecider } from './decider-loader';
import type { BridgeAnswer } from '../bridge-protocol';
import { destinationHost, type Share, type Verdict } from './share';
import type { Editable } from './targets';

/**
 * What every frame carries from page load: the interceptors' entry to the decider, which it loads when the
 * employee starts to work in a field. Shares are decided one at a time: a second waits for the first dialog.
 */
export class Guard {
  private queue: Promise<unknown> = Promise.resolve();
  /** Whether the decider was asked for (the employee started to share something in this frame). */
  private wanted = false;
  /** Fields changed before the decider (and with it the field watcher) was loaded. */
  private readonly changedEarly = new Set<Editable>();

  /** Starts loading the decider, so that the first share is decided without waiting. */
  warm(): void {
    this.wanted = true;
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

  /**
   * The synchronous path of a request from the page-world hook (REQUEST_EVENT's detail, or a form): true when
   * it may go on now. Pages send requests from their first moment (analytics, polling), and the decider is
   * ~900 KB of script: until the employee has done anything in this page (no key pressed, no click, no drop,
   * no paste: the browser's sticky user activation of this frame or a same-origin parent, which a page's
   * script can reach), nothing of theirs can be in a request, and it goes on without loading the decider.
   * After that, a request waits for the decider when it is not loaded yet, and is decided inside the call when it is.
   */
  requestMayGo(detail: unknown, form?: HTMLFormElement): boolean {
    const decider = deciderIfLoaded();
    if (decider) return (form ? decider.decideFormNow(form) : decider.decideRequestNow(detail)) === true;
    return !this.wanted && !employeeActive();
  }

  /** A request from the page-world hook (any API, a form, a clipboard read, a detached file chooser). Unchecked input. */
  async decideRequest(request: unknown, form?: HTMLFormElement): Promise<BridgeAnswer> {
    return this.inTurn(async (decider) => (decider ? decider.decideRequest(request, form) : { go: true }));
  }

  private inTurn<T>(run: (decider: Decider | undefined) => Promise<T>): Promise<T> {
    this.wanted = true;
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

/** Whether a gesture reached this frame or a same-origin parent (whose script can reach this frame). */
function employeeActive(): boolean {
  let win: Window = window;
  for (let depth = 0; depth < 16; depth++) {
    try {
      if ((win.navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive) return true;
    } catch {
      return false; // another origin: its script cannot reach this frame's data
    }
    if (win.parent === win) return false;
    win = win.parent;
  }
  return false;
}
