/**
 * Runs in the page's own world (MAIN), before the page's scripts: uploads that bypass file inputs (fetch and
 * XMLHttpRequest with files in the body, file choosers that never join the document) are held here and the
 * guard in the content-script world is asked through the bridge. No scanning happens here and nothing from
 * here is trusted there: the page can read and replace this code. It protects honest apps' uploads; a page
 * that wants to get round it can, which is why the guard decides at the moment content enters the page.
 */
import { BRIDGE_TAG, type BridgePart, type BridgeRequest } from '../bridge-protocol';

type Ask = (request: Omit<BridgeRequest, 'tag' | 'id'>) => Promise<boolean>;

const INSTALLED = Symbol.for('bulwark.network-hook');

export function installNetworkHook(win: Window & typeof globalThis = window): void {
  // Run again after an install (existing tabs): wrap once.
  const marked = win as unknown as Record<symbol, boolean>;
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  let next = 0;
  const ask: Ask = (request) =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e: MessageEvent<{ go?: unknown }>) => {
        channel.port1.close();
        resolve(e.data?.go === true);
      };
      const message: BridgeRequest = { tag: BRIDGE_TAG, id: `${Date.now()}-${next++}`, ...request };
      win.postMessage(message, win.location.origin === 'null' ? '*' : win.location.origin, [channel.port2]);
    });

  const originalFetch = win.fetch;
  win.fetch = async function fetch(this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const parts = partsOf(init?.body);
    if (parts.length) {
      const url = input instanceof Request ? input.url : String(input);
      if (!(await ask({ kind: 'upload', url: new URL(url, win.location.href).href, parts })))
        throw new TypeError('Failed to fetch: the upload was stopped by Bulwark, your organization’s data protection');
    }
    return originalFetch.call(win, input, init);
  };

  const originalSend = win.XMLHttpRequest.prototype.send;
  const originalOpen = win.XMLHttpRequest.prototype.open;
  const urls = new WeakMap<XMLHttpRequest, string>();
  win.XMLHttpRequest.prototype.open = function open(this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['open']>) {
    urls.set(this, new URL(String(args[1]), win.location.href).href);
    return (originalOpen as (...a: unknown[]) => void).apply(this, args);
  } as XMLHttpRequest['open'];
  win.XMLHttpRequest.prototype.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const parts = partsOf(body);
    if (!parts.length) return originalSend.call(this, body);
    void ask({ kind: 'upload', url: urls.get(this) ?? win.location.href, parts }).then((go) => (go ? originalSend.call(this, body) : this.abort()));
  };

  // File choosers made by script and never put in the document: their events reach no listener of the guard.
  for (const method of ['click', 'showPicker'] as const) {
    const original = win.HTMLInputElement.prototype[method];
    win.HTMLInputElement.prototype[method] = function (this: HTMLInputElement) {
      if (this.type === 'file' && !this.isConnected) holdChoice(this, ask);
      return original.call(this);
    };
  }
}

const held = new WeakSet<HTMLInputElement>();
const replaying = new WeakSet<Event>();

function holdChoice(input: HTMLInputElement, ask: Ask): void {
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
    input.files = new DataTransfer().files;
    void ask({ kind: 'file-input', url: location.href, parts: files.map((file) => ({ file })) }).then((go) => {
      pending = false;
      if (!go) return;
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(f);
      input.files = dt.files;
      for (const type of ['input', 'change']) {
        const again = new Event(type, { bubbles: true });
        replaying.add(again);
        input.dispatchEvent(again);
      }
    });
  };
  // Capture listeners on the input itself run before the page's own listeners there.
  input.addEventListener('input', onEvent, true);
  input.addEventListener('change', onEvent, true);
}

/** The files in a request body, with the text fields that travel with them; nothing for bodies without files. */
function partsOf(body: unknown): BridgePart[] {
  if (body instanceof Blob) return body.size ? [{ file: body }] : [];
  if (!(body instanceof FormData)) return [];
  const parts: BridgePart[] = [];
  const fields: BridgePart[] = [];
  for (const [name, value] of body) {
    if (value instanceof Blob) parts.push({ file: value });
    else fields.push({ field: name, value });
  }
  return parts.length ? [...parts, ...fields] : [];
}
