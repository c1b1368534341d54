import { sendToBackground } from './runtime';

/**
 * document.open() on a frame erases every listener of its window, the guard's too, and the browser does not
 * run content scripts again (pages write about:blank frames this way). Each guard answers a probe event by
 * cancelling it; a parent that sees a same-origin child frame's guard silent when focus moves into it asks
 * the background to run the guard again in the tab's frames, where only frames without a live guard start one.
 */
const PROBE = 'bulwark:probe';

export function answerProbes(signal: AbortSignal): void {
  addEventListener(PROBE, (e) => e.preventDefault(), { capture: true, signal });
}

export function guardAnswers(win: Window = window): boolean {
  return !win.dispatchEvent(new CustomEvent(PROBE, { cancelable: true }));
}

/** A page that keeps rewriting frames gets the guard run again at most this often. */
const REARM_EVERY_MS = 1000;

export function watchChildFrames(signal: AbortSignal): void {
  let last = -Infinity;
  addEventListener(
    'blur',
    () =>
      setTimeout(() => {
        const frame = document.activeElement;
        if (!(frame instanceof HTMLIFrameElement || frame instanceof HTMLFrameElement)) return;
        let child: Window | null = null;
        try {
          child = frame.contentWindow && frame.contentDocument ? frame.contentWindow : null;
        } catch {
          // Another origin: its own guard and its own parent's watch cover it.
        }
        if (!child || guardAnswers(child) || performance.now() - last < REARM_EVERY_MS) return;
        last = performance.now();
        void sendToBackground({ type: 'rearm-frames' }).catch(() => undefined);
      }),
    { signal },
  );
}
