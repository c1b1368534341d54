import { FORM_EVENT, REQUEST_EVENT } from '../../bridge-protocol';
import type { Guard } from '../guard';

/** Forms held on the synchronous path, by request id, until the page world asks about them. */
const heldForms = new Map<string, HTMLFormElement>();
const MAX_HELD_FORMS = 16;

export function takeHeldForm(id: unknown): HTMLFormElement | undefined {
  if (typeof id !== 'string') return undefined;
  const form = heldForms.get(id);
  heldForms.delete(id);
  return form;
}

/**
 * The content-script end of the synchronous path (see bridge-protocol.ts): DOM events dispatch synchronously
 * across worlds, so the page-world hook learns inside fetch(), send() or sendBeacon() whether the request may
 * go on. preventDefault means held: the page world then asks through the bridge (interceptors/bridge.ts).
 */
export function guardRequestsNow(guard: Guard, signal: AbortSignal): void {
  // After the employee's first gesture requests wait for the decider: start loading it then, not at the request.
  for (const type of ['pointerdown', 'keydown'])
    addEventListener(type, (e) => e.isTrusted && guard.warm(), { capture: true, passive: true, once: true, signal });
  addEventListener(
    REQUEST_EVENT,
    (e) => {
      if (!guard.requestMayGo((e as CustomEvent).detail)) e.preventDefault();
    },
    { capture: true, signal },
  );
  addEventListener(
    FORM_EVENT,
    (e) => {
      const form = e.target;
      const id = (e as CustomEvent).detail;
      if (!(form instanceof HTMLFormElement) || typeof id !== 'string') return e.preventDefault();
      if (guard.requestMayGo(undefined, form)) return;
      e.preventDefault();
      if (heldForms.size >= MAX_HELD_FORMS) heldForms.delete(heldForms.keys().next().value!);
      heldForms.set(id, form);
    },
    { capture: true, signal },
  );
}
