import type { ToBackground } from '../messages';

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * The in-page guard's one call to the extension, made without webextension-polyfill: the polyfill builds its
 * wrappers when it loads, in every frame of every page, and this script must cost a page almost nothing.
 * Firefox has `browser`; Chromium's Manifest V3 `chrome.runtime.sendMessage` returns a promise. The decider,
 * loaded on demand, uses the polyfill like the rest of the extension.
 */
export function sendToBackground(message: ToBackground): Promise<unknown> {
  const api = globalThis as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };
  return (api.browser ?? api.chrome)!.runtime.sendMessage(message);
}
