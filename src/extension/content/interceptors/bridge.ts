import { BRIDGE_TAG, type BridgeAnswer } from '../../bridge-protocol';
import type { Guard } from '../guard';
import { takeHeldForm } from './request-now';

/** Requests from the page world waiting for an answer; more than this at once are refused, not queued. */
const MAX_PENDING = 16;

/**
 * The content-script end of the bridge to the page-world hook (src/extension/page/network-hook.ts). A request
 * is a window message from this window with our tag and a reply port; the decider validates its body with a
 * schema, because any script in the page can send one. The answer is go or not (with the redacted text of a
 * clipboard read), on the request's own port.
 */
export function guardBridge(guard: Guard, signal: AbortSignal): void {
  let pending = 0;
  addEventListener(
    'message',
    (e) => {
      const data = e.data as { tag?: unknown; id?: unknown; kind?: unknown } | null;
      if (e.source !== window || data?.tag !== BRIDGE_TAG) return;
      const port = e.ports[0];
      if (!port) return;
      e.stopImmediatePropagation();
      const reply = (answer: BridgeAnswer) => port.postMessage(answer);
      if (pending >= MAX_PENDING) return reply({ go: false });
      pending++;
      guard
        .decideRequest(data, data.kind === 'form' ? takeHeldForm(data.id) : undefined)
        .then(reply, () => reply({ go: false }))
        .finally(() => pending--);
    },
    { capture: true, signal },
  );
}
