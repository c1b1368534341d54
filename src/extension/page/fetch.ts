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
      let body: unknown = init?.body;
      if (body === undefined && request?.body) body = await bodyOf(request);
      if (tagOf(body) === 'ReadableStream') {
        body = await new win.Response(body as ReadableStream).arrayBuffer();
        const { duplex: _, ...rest } = init as RequestInit & { duplex?: string };
        sent = { ...rest, body: body as ArrayBuffer };
      }
      const out = readNow(body);
      const verdict = screen(bridge, url, out);
      if (verdict !== true && !(await verdict).go) throw new TypeError(`Failed to fetch: the ${out.blobs.length ? 'upload' : 'request'} was ${STOPPED}`);
      return original.call(win, input, sent);
    })();
  };
}

/** A Request's body, read from a clone: form bodies as FormData (files stay files), others as bytes. */
async function bodyOf(request: Request): Promise<unknown> {
  const copy = request.clone();
  const type = request.headers.get('content-type') ?? '';
  if (/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type)) {
    try {
      return await copy.formData();
    } catch {
      return request.clone().arrayBuffer();
    }
  }
  return copy.arrayBuffer();
}
