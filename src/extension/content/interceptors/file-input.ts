import type { Guard } from '../guard';
import { isFileInput, origin } from '../targets';

/**
 * File choosers. The page hears `input` before `change`, and can read `input.files` at any time: so the files
 * are taken out of the input at the first event, both events are stopped, and when policy allows, the files
 * are put back and both events dispatched again. Inputs that are not in the document never reach these
 * listeners: the page-world hook (network-hook.ts) reports them through the bridge.
 */
export function guardFileInputs(guard: Guard, signal: AbortSignal): void {
  const held = new WeakSet<HTMLInputElement>();
  const onEvent = (e: Event) => {
    // Not only trusted events: automation and assistive tools set files as script does, and a page cannot put
    // anything in an input but its own data. The guard's own re-dispatched events pass.
    if (restored.has(e)) return;
    const input = origin(e);
    if (!isFileInput(input)) return;
    if (held.has(input)) {
      e.stopImmediatePropagation();
      return;
    }
    const files = [...(input.files ?? [])];
    if (!files.length) return;
    e.stopImmediatePropagation();
    held.add(input);
    input.files = new DataTransfer().files;
    void guard
      .decide({ channel: 'file-upload', text: '', files, redactable: false })
      .then((verdict) => {
        if (!verdict.go) return;
        restoreFiles(input, files);
      })
      .finally(() => held.delete(input));
  };
  addEventListener('input', onEvent, { capture: true, signal });
  addEventListener('change', onEvent, { capture: true, signal });
  // Warm up when a chooser is about to open: the engine loads while the employee picks.
  addEventListener('click', (e) => (isFileInput(origin(e)) || origin(e)?.closest('label')) && guard.warm(), { capture: true, passive: true, signal });
}

const restored = new WeakSet<Event>();

function restoreFiles(input: HTMLInputElement, files: readonly File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  for (const event of [new Event('input', { bubbles: true, composed: true }), new Event('change', { bubbles: true })]) {
    restored.add(event);
    input.dispatchEvent(event);
  }
}
