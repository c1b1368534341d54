import { guardAnswers } from '../src/extension/content/rearm';
import { startGuard } from '../src/extension/content/start';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // Frames without an origin of their own (about:blank, srcdoc, blob:, data:) get the guard of their creator.
  matchOriginAsFallback: true,
  runAt: 'document_start',
  main(ctx) {
    // Run again by the background after a document.open() (see rearm.ts): a frame whose guard lives keeps it.
    if (guardAnswers()) return;
    startGuard(ctx.signal);
  },
});
