import { Guard } from './guard';
import { guardBridge } from './interceptors/bridge';
import { guardDrop } from './interceptors/drop';
import { guardFileInputs } from './interceptors/file-input';
import { guardPaste } from './interceptors/paste';
import { guardRequestsNow } from './interceptors/request-now';
import { guardSending } from './interceptors/send';
import { answerProbes, watchChildFrames } from './rearm';
import { editableOf, inGuardUi, origin } from './targets';

/**
 * The guard of one frame. Registering listeners is all it does at page load (in the capture phase, on window,
 * before any page script runs); the policy and the engine load when the employee starts to work in a field.
 */
export function startGuard(signal: AbortSignal): Guard {
  const guard = new Guard();
  answerProbes(signal);
  watchChildFrames(signal);
  const warmOnFocus = (e: Event) => {
    if (editableOf(origin(e))) guard.warm();
  };
  addEventListener('focusin', warmOnFocus, { capture: true, passive: true, signal });
  // Typed text is known before any gesture sends it: these only mark the field; the decider scans it later.
  addEventListener('input', (e) => {
    const field = editableOf(origin(e));
    if (field && !inGuardUi(field)) guard.fieldChanged(field);
  }, { capture: true, passive: true, signal });
  addEventListener('focusout', (e) => {
    const field = editableOf(origin(e));
    if (field) guard.fieldLeft(field);
  }, { capture: true, passive: true, signal });
  for (const install of [guardPaste, guardDrop, guardFileInputs, guardSending, guardBridge, guardRequestsNow]) {
    // One interceptor failing to install must not take the others down.
    try {
      install(guard, signal);
    } catch (e) {
      console.error(`[bulwark] ${install.name} could not start: ${(e as Error).message}`);
    }
  }
  return guard;
}
