/**
 * Runs in the page's own world (MAIN), before the page's scripts: what a page sends by itself (fetch,
 * XMLHttpRequest, sendBeacon, WebSocket, EventSource, form.submit(), clipboard reads, file choosers that never
 * join the document) is put to the guard in the content-script world through the bridge. No scanning happens
 * here and nothing from here is trusted there: the page can read and replace this code. It protects honest apps;
 * a page that wants to get round it can, which is why the guard decides at the moment content enters the page,
 * and why the background's network backstop (where the extension is installed by policy) checks requests
 * themselves. Workers and service workers have their own fetch and cannot be hooked from here: the backstop
 * covers them.
 */
import { hookBeacon } from './beacon';
import { bridgeTo, type Bridge } from './bridge';
import { hookClipboard } from './clipboard';
import { hookFetch } from './fetch';
import { hookFileChoosers } from './file-chooser';
import { hookForms } from './forms';
import { hookChildWindows } from './frames';
import { hookSockets } from './sockets';
import { hookXhr } from './xhr';

const INSTALLED = Symbol.for('bulwark.network-hook');
/** The bridge a window's hook uses, where a child window without an origin of its own finds its parent's. */
const BRIDGE = Symbol.for('bulwark.network-hook.bridge');
const HOOKS = [hookFetch, hookXhr, hookBeacon, hookSockets, hookForms, hookClipboard, hookFileChoosers];

/** `bridge`: a child window hooked by its parent talks to its parent's content script. */
export function installNetworkHook(win: Window & typeof globalThis = window, bridge?: Bridge): void {
  // Run again after an install (existing tabs), or reached again through a frame element: wrap once.
  const marked = win as unknown as Record<symbol, boolean>;
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  const to = bridge ?? parentBridge(win) ?? bridgeTo(win);
  (win as unknown as Record<symbol, Bridge>)[BRIDGE] = to;
  for (const hook of HOOKS) {
    // One API failing to wrap (missing in this browser) must not leave the others unwrapped.
    try {
      hook(win, to);
    } catch (e) {
      console.error(`[bulwark] ${hook.name} could not start: ${(e as Error).message}`);
    }
  }
  hookChildWindows(win, (child) => installNetworkHook(child, to));
}

/**
 * A frame without an origin of its own (about:blank, srcdoc) is the page's own, often hidden: its requests are
 * decided by the parent's guard, so that the dialog shows where the employee sees it.
 */
function parentBridge(win: Window & typeof globalThis): Bridge | undefined {
  try {
    if (win.location.protocol !== 'about:' || win.parent === win) return undefined;
    return (win.parent as unknown as Record<symbol, Bridge | undefined>)[BRIDGE];
  } catch {
    return undefined; // a parent of another origin
  }
}
