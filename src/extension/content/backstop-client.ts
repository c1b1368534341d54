import { summaryValues, type FindingSummary } from '../../core/events/summary';
import { sipKey, type SipKey } from '../../core/protect/siphash';
import { consentHash } from '../background/backstop/hashes';
import type { ToBackground } from '../messages';
import { loadDecider } from './decider-loader';
import { sendToBackground } from './runtime';

interface OnMessage {
  addListener(fn: OnMessageListener): void;
  removeListener(fn: OnMessageListener): void;
}
type OnMessageListener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => boolean | undefined;

/**
 * The content half of the network backstop: the background stopped a request of this frame (its page, a
 * worker, a form navigation) and asks the employee here. The decider registers it when it loads; where none is
 * loaded yet, the backstop loads one into the frame and asks again.
 */
export function listenForBackstop(signal: AbortSignal): void {
  const api = globalThis as { browser?: { runtime: { onMessage: OnMessage } }; chrome?: { runtime: { onMessage: OnMessage } } };
  const onMessage = (api.browser ?? api.chrome)?.runtime.onMessage;
  if (!onMessage) return;
  const listener: OnMessageListener = (message, _sender, sendResponse) => {
    if ((message as { type?: unknown } | null)?.type !== 'backstop-ask') return undefined;
    loadDecider()
      .then((d) => d.askAboutStoppedRequest(message))
      .then(sendResponse, () => sendResponse({ choice: 'cancel' }));
    return true;
  };
  onMessage.addListener(listener);
  signal.addEventListener('abort', () => onMessage.removeListener(listener));
}

let sessionKey: Promise<SipKey | undefined> | undefined;

/**
 * Tells the background what the employee chose to share after a warning (session hashes of type and value,
 * never the values), and waits until it is in force, so that the request that then carries it is not stopped.
 */
export async function consentTo(summary: readonly FindingSummary[]): Promise<void> {
  try {
    const key = await (sessionKey ??= fetchKey());
    if (!key) return;
    const hashes = summary.flatMap((s) => [...summaryValues(s)].map((v) => consentHash(key, s.type, v))).slice(0, 1000);
    if (hashes.length) await sendToBackground({ type: 'consent', hashes } satisfies ToBackground);
  } catch {
    // The background is restarting: the share goes on; the backstop may ask once more.
  }
}

async function fetchKey(): Promise<SipKey | undefined> {
  const answer = (await sendToBackground({ type: 'get-policy' })) as { consentKey?: unknown } | undefined;
  if (typeof answer?.consentKey !== 'string') {
    sessionKey = undefined;
    return undefined;
  }
  return sipKey(Uint8Array.from(atob(answer.consentKey), (c) => c.charCodeAt(0)));
}
