import { BRIDGE_TAG, FORM_EVENT, MAX_TEXT, REQUEST_EVENT, type BridgeAnswer, type BridgeRequest, type RequestNow } from '../bridge-protocol';

/**
 * The page world's two ways to the content script of the window that installed the hook (a child window
 * hooked by its parent uses its parent's: its own content script may not run yet).
 */
export interface Bridge {
  /** The synchronous path: true when the request may go on now, false when it must be asked about. */
  now(request: RequestNow): boolean;
  /** The same for a form: the content script reads the form's fields itself. */
  nowForm(form: HTMLFormElement, id: string): boolean;
  /** The asynchronous path to the decider (which may show the dialog). */
  ask(request: Omit<BridgeRequest, 'tag'>): Promise<BridgeAnswer>;
  id(): string;
}

export function bridgeTo(win: Window & typeof globalThis): Bridge {
  let next = 0;
  // Read when first needed: reading location at every page load costs more than the rest of the bridge.
  const target = () => (win.location.origin === 'null' ? '*' : win.location.origin);
  return {
    id: () => `${Date.now().toString(36)}-${next++}`,
    now(request) {
      const detail = JSON.stringify(request);
      // Text beyond the bound is decided on the asynchronous path, as a file.
      if (detail.length > MAX_TEXT * 2) return false;
      return win.dispatchEvent(new win.CustomEvent(REQUEST_EVENT, { detail, cancelable: true }));
    },
    nowForm: (form, id) => form.dispatchEvent(new win.CustomEvent(FORM_EVENT, { detail: id, cancelable: true, bubbles: true, composed: true })),
    ask: (request) =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e: MessageEvent<Partial<BridgeAnswer> | null>) => {
          channel.port1.close();
          resolve({ go: e.data?.go === true, text: typeof e.data?.text === 'string' ? e.data.text : undefined });
        };
        const message: BridgeRequest = { tag: BRIDGE_TAG, ...request };
        win.postMessage(message, target(), [channel.port2]);
      }),
  };
}
