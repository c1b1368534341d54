import { guardAnswers } from '../src/extension/content/rearm';
import { startGuard } from '../src/extension/content/start';

// The guard in every frame (declared in wxt.config.ts). An unlisted script rather than a WXT content script:
// WXT's content-script runtime and the polyfill it brings cost every page load ~2.5 ms, this script ~0.6 ms.
// Run again by the background after a document.open() or an install: a frame whose guard lives keeps it.
export default defineUnlistedScript(() => {
  if (guardAnswers()) return;
  startGuard(new AbortController().signal);
});
