import { readNow } from './body';
import type { Bridge } from './bridge';
import { networkUrl, screen } from './screen';

/**
 * navigator.sendBeacon answers at once whether the beacon was queued. An allowed beacon is sent inside the
 * call and its answer returned. A held one answers true (the browser would have queued it) and is sent after
 * an allow; a beacon held on pagehide is lost when the page is gone before the answer, which is the safe side.
 */
export function hookBeacon(win: Window & typeof globalThis, bridge: Bridge): void {
  const proto = win.Navigator.prototype;
  const original = proto.sendBeacon;
  if (!original) return;
  proto.sendBeacon = function sendBeacon(this: Navigator, url: string | URL, data?: BodyInit | null): boolean {
    const target = networkUrl(url, win.document.baseURI);
    if (!target) return original.call(this, url, data);
    const verdict = screen(bridge, target, readNow(data));
    if (verdict === true) return original.call(this, url, data);
    verdict.then((answer) => answer.go && original.call(this, url, data)).catch(() => undefined);
    return true;
  };
}
