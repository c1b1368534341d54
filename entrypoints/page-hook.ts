import { installNetworkHook } from '../src/extension/page/network-hook';

// The page-world half of the guard (fetch, XMLHttpRequest, detached file choosers), declared in wxt.config.ts
// for Chromium only: Firefox's Manifest V2 content scripts cannot run in the page's world.
export default defineUnlistedScript(() => installNetworkHook());
