import type { Bridge } from './bridge';

/**
 * File choosers made by script and never put in the document: their events reach no listener of the guard.
 * The chosen files are taken out of the input until the decision, then put back and the events sent again.
 */
export function hookFileChoosers(win: Window & typeof globalThis, bridge: Bridge): void {
  for (const method of ['click', 'showPicker'] as const) {
    const original = win.HTMLInputElement.prototype[method];
    win.HTMLInputElement.prototype[method] = function (this: HTMLInputElement) {
      if (this.type === 'file' && !this.isConnected) holdChoice(win, this, bridge);
      return original.call(this);
    };
  }
}

const held = new WeakSet<HTMLInputElement>();
const replaying = new WeakSet<Event>();

function holdChoice(win: Window & typeof globalThis, input: HTMLInputElement, bridge: Bridge): void {
  if (held.has(input)) return;
  held.add(input);
  let pending = false;
  const onEvent = (e: Event) => {
    if (replaying.has(e)) return;
    e.stopImmediatePropagation();
    if (pending) return;
    const files = [...(input.files ?? [])];
    if (!files.length) return;
    pending = true;
    input.files = new win.DataTransfer().files;
    void bridge.ask({ id: bridge.id(), kind: 'file-input', url: win.location.href, parts: files.map((file) => ({ file })) }).then(({ go }) => {
      pending = false;
      if (!go) return;
      const dt = new win.DataTransfer();
      for (const f of files) dt.items.add(f);
      input.files = dt.files;
      for (const type of ['input', 'change']) {
        const again = new win.Event(type, { bubbles: true });
        replaying.add(again);
        input.dispatchEvent(again);
      }
    });
  };
  // Capture listeners on the input itself run before the page's own listeners there.
  input.addEventListener('input', onEvent, true);
  input.addEventListener('change', onEvent, true);
}
