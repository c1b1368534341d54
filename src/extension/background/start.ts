import browser from 'webextension-polyfill';
import { scan } from '../../core/detect';
import { evaluate, type EvaluationContext } from '../../core/policy';
import { ToBackground } from '../messages';
import { recentDecisions, recordDecision } from './decisions';
import { eventQueueState, flushEvents, FLUSH_ALARM, recordEvent } from './events';
import { enrollment } from './enrollment';
import { effectivePolicy, lastPolicyStatus, readManagedSettings, refreshCentralPolicy, REFRESH_ALARM, scheduleRefresh } from './policy';
import { refreshProtectedData } from './protected-data';
import { backstopInfo, consent, startBackstop } from './backstop/start';

/**
 * Wires the background's listeners. They are registered synchronously (an MV3 service worker is woken by the
 * event that needs it); each handler reads its state from storage.
 */
export function startBackground(): void {
  // Protected data comes from the same server on the same schedule, after the policy that names it.
  const refresh = () => refreshCentralPolicy().then(() => refreshProtectedData());
  const refreshNow = () => void scheduleRefresh().then(refresh);
  browser.runtime.onInstalled.addListener(refreshNow);
  browser.runtime.onInstalled.addListener(() => void guardOpenTabs());
  // Events wait in IndexedDB while the backend is away; this alarm (and every new event) sends them.
  const scheduleFlush = () => void browser.alarms.create(FLUSH_ALARM, { periodInMinutes: 1 });
  browser.runtime.onInstalled.addListener(scheduleFlush);
  browser.runtime.onStartup.addListener(scheduleFlush);
  browser.runtime.onStartup.addListener(refreshNow);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refresh();
    if (alarm.name === FLUSH_ALARM) void flushEvents();
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') refreshNow();
  });
  startBackstop();
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    const m = ToBackground.safeParse(message);
    if (!m.success) return Promise.resolve({ error: 'malformed message' });
    switch (m.data.type) {
      case 'get-policy':
        return policyAnswer();
      case 'load-decider':
        return loadDeciderInto(sender);
      case 'rearm-frames':
        return rearmFrames(sender);
      case 'decision':
        return Promise.all([recordDecision(m.data.report), recordEvent(m.data.report)]).then(() => ({ ok: true }));
      case 'consent':
        return consent(sender, m.data.hashes);
    }
  });
  // For administrators and end-to-end tests: inspect the policy in force from the service worker's console.
  Object.assign(globalThis, {
    bulwark: {
      effectivePolicy,
      lastPolicyStatus,
      recentDecisions,
      eventQueueState,
      flushEvents: () => flushEvents(),
      refreshCentralPolicy: () => refreshCentralPolicy(),
      refreshProtectedData: () => refreshProtectedData(),
      decide: async (text: string, ctx: EvaluationContext) => evaluate((await effectivePolicy()).policy, scan(text).findings, ctx),
    },
  });
}

/** Runs the decider's script in the content-script world of the frame that asked (see entrypoints/decider.ts). */
async function loadDeciderInto(sender: browser.Runtime.MessageSender): Promise<{ ok: boolean; error?: string }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false, error: 'only a page can ask for the decider' };
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/decider.js'] });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** Runs the guard again in every frame of the sender's tab; frames with a live guard keep theirs. */
async function rearmFrames(sender: browser.Runtime.MessageSender): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false };
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/guard.js'] }).catch(() => undefined);
  return { ok: true };
}

/**
 * Browsers run content scripts only in pages loaded after an install or update: the tabs already open get
 * the guard (and the page-world hook, where the browser has one) now. Pages the extension may not enter
 * (the browser's own, the web store) refuse, which is expected.
 */
async function guardOpenTabs(): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined) continue;
    const target = { tabId: tab.id, allFrames: true };
    await browser.scripting.executeScript({ target, files: ['/guard.js'] }).catch(() => undefined);
    if (import.meta.env.BROWSER !== 'firefox') await browser.scripting.executeScript({ target, files: ['/page-hook.js'], world: 'MAIN' }).catch(() => undefined);
  }
}

/** The policy in force, the organisation's hash key when the browser is enrolled (for keyed hashes), and its person. */
async function policyAnswer() {
  const [answer, enrolled, backstop, { settings }] = await Promise.all([effectivePolicy(), enrollment(), backstopInfo(), readManagedSettings()]);
  return { ...answer, hashKey: enrolled?.hashKey, user: enrolled?.user ?? settings.user, ...backstop };
}
