import { readNow, tagOf } from './body';
import type { Bridge } from './bridge';
import { networkUrl, screen, STOPPED } from './screen';

/**
 * fetch(url, init) and fetch(new Request(url, {body})): the body is read from init, else from a clone of the
 * Request (the original goes out unread). A ReadableStream body is read to its end before the request
 * starts and sent as the bytes read: a stream cannot be decided before it ends, and a request of an endless
 * stream (a rare, HTTP/2-only upload) does not start.
 */
export function hookFetch(win: Window & typeof globalThis, bridge: Bridge): void {
  const original = win.fetch;
  win.fetch = function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = tagOf(input) === 'Request' ? (input as Request) : undefined;
    const url = networkUrl(request ? request.url : input, win.document.baseURI);
    if (!url) return original.call(win, input, init);
    return (async () => {
      let sent = init;
      let target: RequestInfo | URL = input;
      let body: unknown = init?.body;
      if (body === undefined && request?.body) {
        // The Request goes out with the bytes read from it: the original's body, once a clone was taken, would
        // go as a stream, which the network backstop cannot read (and then counts as unreadable).
        const bytes = await request.clone().arrayBuffer();
        body = await bodyOf(request, bytes);
        target = new win.Request(request, { body: bytes });
      }
      if (tagOf(body) === 'ReadableStream') {
        body = await new win.Response(body as ReadableStream).arrayBuffer();
        const { duplex: _, ...rest } = init as RequestInit & { duplex?: string };
        sent = { ...rest, body: body as ArrayBuffer };
      }
      const out = readNow(body);
      const verdict = screen(bridge, url, out);
      if (verdict !== true && !(await verdict).go) throw new TypeError(`Failed to fetch: the ${out.blobs.length ? 'upload' : 'request'} was ${STOPPED}`);
      return original.call(win, target, sent);
    })();
  };
}

/** What a Request's body holds, from its bytes: form bodies as FormData (files stay files), others as the bytes. */
async function bodyOf(request: Request, bytes: ArrayBuffer): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type)) return bytes;
  try {
    return await new Response(bytes, { headers: { 'content-type': type } }).formData();
  } catch {
    return bytes;
  }
}
