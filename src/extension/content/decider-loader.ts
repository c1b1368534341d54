import type { Decider } from './decider';
import { sendToBackground } from './runtime';

/**
 * The decider (engine with its word lists, policy, dialog) is ~900 KB of script: evaluating it in every frame
 * of every page would cost each page load 10-20 ms. The guard asks for it when the employee starts to share
 * (focus in a field, a drag, a file chooser) and the background runs entrypoints/decider.ts in this frame's
 * content-script world. A symbol key, because a page element's id becomes a named property of window in
 * every world.
 */
const DECIDER_KEY = Symbol.for('bulwark.decider');

type WithDecider = typeof globalThis & { [DECIDER_KEY]?: Decider };

let loading: Promise<Decider> | undefined;

export function deciderIfLoaded(): Decider | undefined {
  return (globalThis as WithDecider)[DECIDER_KEY];
}

export function loadDecider(): Promise<Decider> {
  const ready = deciderIfLoaded();
  if (ready) return Promise.resolve(ready);
  loading ??= (async () => {
    const answer = (await sendToBackground({ type: 'load-decider' })) as { ok?: boolean; error?: string } | undefined;
    const decider = deciderIfLoaded();
    if (!decider) throw new Error(`the decider could not be loaded: ${answer?.error ?? 'no answer'}`);
    await decider.ready;
    return decider;
  })();
  // A failed load is tried again at the next share.
  loading.catch(() => (loading = undefined));
  return loading;
}

export function installDecider(decider: Decider): void {
  (globalThis as WithDecider)[DECIDER_KEY] = decider;
}
