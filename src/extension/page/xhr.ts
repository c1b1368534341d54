import { readNow } from './body';
import type { Bridge } from './bridge';
import { networkUrl, screen, STOPPED } from './screen';

/**
 * XMLHttpRequest: the URL (and its query) from open(), the body at send(). An allowed request is sent inside
 * send(), as without the hook. A held asynchronous request is sent after the decision, or fails as a network
 * error does (error, loadend). A synchronous request cannot wait for an answer: a held one fails at once with
 * a NetworkError, and is asked about all the same, so that the app's retry goes through once the employee
 * chose to continue.
 */
export function hookXhr(win: Window & typeof globalThis, bridge: Bridge): void {
  const proto = win.XMLHttpRequest.prototype;
  const { open, send } = proto;
  const opened = new WeakMap<XMLHttpRequest, { url: URL; sync: boolean }>();
  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    const url = networkUrl(args[1], win.document.baseURI);
    if (url) opened.set(this, { url, sync: args.length > 2 && !args[2] });
    else opened.delete(this);
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as XMLHttpRequest['open'];
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const request = opened.get(this);
    if (!request) return send.call(this, body);
    const verdict = screen(bridge, request.url, readNow(body));
    if (verdict === true) return send.call(this, body);
    if (request.sync) {
      verdict.catch(() => undefined);
      throw new win.DOMException(`The request was ${STOPPED}`, 'NetworkError');
    }
    verdict.then(
      (answer) => (answer.go ? send.call(this, body) : failed(win, this)),
      () => failed(win, this),
    );
  };
}

function failed(win: Window & typeof globalThis, xhr: XMLHttpRequest): void {
  for (const type of ['error', 'loadend']) xhr.dispatchEvent(new win.ProgressEvent(type));
}
