import { BRIDGE_TAG } from '../../bridge-protocol';
import type { Guard } from '../guard';

/** Requests from the page world waiting for an answer; more than this at once are refused, not queued. */
const MAX_PENDING = 16;

/**
 * The content-script end of the bridge to the page-world hook (src/extension/page/network-hook.ts). A request
 * is a window message from this window with our tag and a reply port; the decider validates its body with a
 * schema, because any script in the page can send one. The answer is go or not, on the request's own port.
 */
export function guardBridge(guard: Guard, signal: AbortSignal): void {
  let pending = 0;
  addEventListener(
    'message',
    (e) => {
      if (e.source !== window || (e.data as { tag?: unknown } | null)?.tag !== BRIDGE_TAG) return;
      const port = e.ports[0];
      if (!port) return;
      e.stopImmediatePropagation();
      if (pending >= MAX_PENDING) return port.postMessage({ go: false });
      pending++;
      guard
        .decideRequest(e.data)
        .then(
          (go) => port.postMessage({ go }),
          () => port.postMessage({ go: false }),
        )
        .finally(() => pending--);
    },
    { capture: true, signal },
  );
}
