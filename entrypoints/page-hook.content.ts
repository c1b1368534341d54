import { installNetworkHook } from '../src/extension/page/network-hook';

// The page-world half of the guard (fetch, XMLHttpRequest, detached file choosers); Chromium only, since
// Firefox's Manifest V2 content scripts cannot run in the page's world.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_start',
  world: 'MAIN',
  exclude: ['firefox'],
  main() {
    installNetworkHook();
  },
});
