import { NOTHING, readNow } from './body';
import type { Bridge } from './bridge';
import { networkUrl, screen, STOPPED } from './screen';

/**
 * WebSocket and EventSource: the URL's query at construction, and every WebSocket message. A constructor
 * cannot wait: a connection whose URL must be held throws a SecurityError (as a blocked port does) and is asked
 * about, so that the app's reconnection goes through once the employee chose to continue. A held message waits,
 * and the messages sent after it on the same socket wait behind it, so that their order is kept.
 */
export function hookSockets(win: Window & typeof globalThis, bridge: Bridge): void {
  for (const name of ['WebSocket', 'EventSource'] as const) {
    const Original = win[name];
    if (!Original) continue;
    win[name] = new Proxy(Original, {
      construct(target, args: unknown[], newTarget) {
        const url = networkUrl(args[0], win.document.baseURI, /^(https?|wss?):$/);
        const verdict = url ? screen(bridge, url, NOTHING) : true;
        if (verdict !== true) {
          verdict.catch(() => undefined);
          throw new win.DOMException(`The connection was ${STOPPED}`, 'SecurityError');
        }
        return Reflect.construct(target, args, newTarget) as object;
      },
    }) as never;
  }

  const proto = win.WebSocket?.prototype;
  if (!proto) return;
  const send = proto.send;
  const waiting = new WeakMap<WebSocket, Promise<void>>();
  proto.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
    const url = networkUrl(this.url, win.document.baseURI);
    const before = waiting.get(this);
    // The URL's query was decided when the socket opened: a message is decided on its own.
    const verdict = !url || (!before && screen(bridge, new URL(url.origin + url.pathname), readNow(data)));
    if (verdict === true) return send.call(this, data);
    const turn = (before ?? Promise.resolve())
      .then(async () => {
        const answer = await (verdict || screen(bridge, new URL(url.origin + url.pathname), readNow(data)));
        if (answer === true || answer.go) send.call(this, data);
      })
      .catch(() => undefined); // a socket closed meanwhile: the message is gone as it would have been
    waiting.set(this, turn);
    void turn.then(() => waiting.get(this) === turn && waiting.delete(this));
  };
}
