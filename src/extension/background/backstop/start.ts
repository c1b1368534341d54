import browser from 'webextension-polyfill';
import type { Detector } from '../../../core/detect/types';
import { redactFreeText } from '../../../core/events/event';
import { importHashKey, keyedHash } from '../../../core/events/hash';
import { summaryValues } from '../../../core/events/summary';
import { engineFor, type Policy } from '../../../core/policy';
import { decodeProtectedData, protectedDataDetectors, protectedDataKey } from '../../../core/protect/bundle';
import { BackstopAnswer, type BackstopAsk, type DecisionReport, type GuardRequest } from '../../messages';
import { offerFor } from '../../content/ui/asking';
import { recordDecision } from '../decisions';
import { enrollment } from '../enrollment';
import { recordEvent } from '../events';
import { effectivePolicy, readManagedSettings } from '../policy';
import { PROTECTED_DATA, type StoredProtectedData } from '../protected-data';
import { Allowances } from './allowances';
import { decideRequest, initialState, type BackstopState, type Stopped } from './decide';
import { fromBase64, newSessionKey, sipKey, toBase64 } from './hashes';
import type { RequestDetails } from './read';

/** Session storage (memory only, gone when the browser closes): the session's hash key and the allowances. */
const SESSION = 'bulwark.backstop';
/** After the employee cancels, the same content from the same page is stopped without asking for this long. */
const QUIET_MS = 15_000;
const WARM_UP_AFTER_MS = 5_000;

let sessionKeyBytes = newSessionKey();
const state: BackstopState = initialState(sipKey(sessionKeyBytes));
let policyJson = '';
let protectedVersion = -1;
let loaded: Promise<void> | undefined;
/** Pages (tab and origin) with a dialog open or just cancelled: further stops there are silent. */
const quiet = new Map<string, number>();
/** Audits recorded lately (tab, origin, destination and content): until when a repeat is not recorded again. */
const audited = new Map<string, number>();
const AUDIT_REPEAT_MS = 60_000;

/**
 * The network backstop: a blocking webRequest listener that reads what every page, frame, worker and service
 * worker sends and cancels what policy stops. Chromium gives blocking webRequest to extensions installed by
 * enterprise policy only; elsewhere the listener is accepted but never called, and the page-world hook is the
 * only network guard (backstopMode says which). Registered synchronously: the request wakes the worker.
 */
export function startBackstop(): void {
  try {
    browser.webRequest.onBeforeRequest.addListener(
      (details) => onRequest(details as unknown as RequestDetails),
      { urls: ['<all_urls>'] },
      ['blocking', 'requestBody'],
    );
  } catch (e) {
    console.warn(`[bulwark] the network backstop could not start: ${(e as Error).message}`);
  }
  browser.tabs.onRemoved.addListener((tabId) => {
    state.allowances.forgetTab(tabId);
    for (const page of quiet.keys()) if (page.startsWith(`${tabId}\u0000`)) quiet.delete(page);
    void saveSession();
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed' || area === 'local') void loadPolicy();
  });
  void backstopReady();
}

/** Loads the session's key and allowances, then the policy in force; the request listener decides meanwhile with what it has. */
export function backstopReady(): Promise<void> {
  loaded ??= loadSession().then(loadPolicy);
  return loaded;
}

function onRequest(details: RequestDetails): { cancel: boolean } | undefined {
  let verdict;
  try {
    verdict = decideRequest(state, details);
  } catch (e) {
    // A failure of the engine must not take the browser's network down: the request goes, the console says why.
    console.error(`[bulwark] the network backstop could not decide a request: ${(e as Error).message}`);
    return undefined;
  }
  if (verdict.kind === 'pass') return undefined;
  if (verdict.kind === 'audit') {
    if (firstAudit(verdict)) void record(verdict, 'sent');
    return undefined;
  }
  void askEmployee(verdict);
  return { cancel: true };
}

/**
 * An app sends the same content again and again (autosave, search as you type): one audit event per page and
 * content a minute, not one per request.
 */
function firstAudit(v: Stopped): boolean {
  const key = `${v.tabId}\u0000${v.origin}\u0000${v.host}\u0000${[...v.hashes].sort().join(',')}`;
  const now = Date.now();
  if ((audited.get(key) ?? 0) > now) return false;
  if (audited.size > 1000) audited.clear();
  audited.set(key, now + AUDIT_REPEAT_MS);
  return true;
}

/**
 * After a stop: asks the employee in the tab that sent it (the tab of the origin for a service worker), once
 * per page at a time. Continue allows the content for that page, so the app's retry goes through.
 */
async function askEmployee(stop: Stopped): Promise<void> {
  const tabId = stop.tabId >= 0 ? stop.tabId : await tabOfOrigin(stop.origin);
  const page = `${tabId}\u0000${stop.origin}`;
  if ((quiet.get(page) ?? 0) > Date.now()) return;
  quiet.set(page, Number.POSITIVE_INFINITY);
  // Redaction rewrites text the employee can see; a request cannot be rewritten, so there it blocks.
  const { decision } = offerFor(stop.decision, stop.summary, false);
  const { action } = decision;
  const shown = { ...stop, decision };
  let answer: BackstopAnswer = { choice: 'cancel' };
  if (tabId !== undefined) {
    const ask: BackstopAsk = {
      type: 'backstop-ask',
      channel: stop.channel,
      host: stop.host,
      decision: { action, rule: decision.rule, description: decision.description, message: decision.message, messages: decision.messages, helpUrl: decision.helpUrl, training: decision.training, requireJustification: decision.requireJustification, because: decision.because },
      summary: stop.summary.map(({ type, category, count, previews, passage }) => ({ type, category, count, previews, passage })),
      canRequest: state.hashKey !== undefined,
    };
    try {
      if (stop.navigation) await returnToPage(tabId);
      const reply = BackstopAnswer.safeParse(await askInFrame(tabId, stop.tabId >= 0 ? stop.frameId : 0, ask));
      if (reply.success) answer = reply.data;
    } catch {
      // The tab has no guard (it closed, or it is a page the extension may not enter): the request stays stopped.
    }
  }
  if (answer.choice === 'continue' && action === 'warn' && tabId !== undefined) {
    state.allowances.add(tabId, stop.origin, stop.hashes);
    quiet.delete(page);
    await saveSession();
    await record(shown, 'sent', answer.justification && redactFreeText(answer.justification));
  } else {
    quiet.set(page, Date.now() + QUIET_MS);
    await record(shown, 'cancelled', undefined, answer.request && { ...answer.request, reason: answer.request.reason && redactFreeText(answer.request.reason) });
  }
}

/**
 * The frame's decider hears the question (content/backstop-client.ts); a frame where the employee has not yet
 * worked has none: it is loaded there (as for the frame's own first share) and asked again.
 */
async function askInFrame(tabId: number, frameId: number, ask: BackstopAsk): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, ask, { frameId });
  } catch {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/decider.js'] });
    return browser.tabs.sendMessage(tabId, ask, { frameId });
  }
}

/** The employee continued in a content guard's dialog: what they chose to share may leave this page. */
export async function consent(sender: browser.Runtime.MessageSender, hashes: readonly string[]): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  const origin = (sender as { origin?: string }).origin ?? (sender.url ? new URL(sender.url).origin : undefined);
  if (tabId === undefined || !origin) return { ok: false };
  await backstopReady();
  state.allowances.add(tabId, origin, hashes);
  await saveSession();
  return { ok: true };
}

/** Whether the backstop is in force: the browser granted blocking webRequest (policy install, Firefox). */
export async function backstopMode(): Promise<'backstop' | 'page-only'> {
  try {
    return (await browser.permissions.contains({ permissions: ['webRequestBlocking'] as browser.Manifest.OptionalPermission[] })) ? 'backstop' : 'page-only';
  } catch {
    return 'page-only';
  }
}

/** For the get-policy answer: the mode, and the session key the content guard hashes consents with. */
export async function backstopInfo(): Promise<{ network: 'backstop' | 'page-only'; consentKey: string }> {
  await backstopReady();
  return { network: await backstopMode(), consentKey: toBase64(sessionKeyBytes) };
}

/**
 * A cancelled navigation of the page (a form.submit()) leaves Chromium's "blocked" error page in the tab: go back
 * to the page the employee was in (from the back-forward cache where it can, with what they typed), then ask there.
 */
async function returnToPage(tabId: number): Promise<void> {
  // The error page commits a moment after the cancel: wait for it, then go back and wait for the page.
  await tabComplete(tabId, 2_000);
  const back = tabComplete(tabId, 10_000);
  await browser.tabs.goBack(tabId);
  await back;
}

/** Resolves when the tab has finished loading, or after `timeoutMs`. */
function tabComplete(tabId: number, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      clearTimeout(timer);
      resolve();
    };
    const onUpdated = (id: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
      if (id === tabId && change.status === 'complete') done();
    };
    const timer = setTimeout(done, timeoutMs);
    browser.tabs.onUpdated.addListener(onUpdated);
  });
}

async function tabOfOrigin(origin: string): Promise<number | undefined> {
  const tabs = (await browser.tabs.query({})).filter((t) => t.id !== undefined && t.url && originOf(t.url) === origin);
  return (tabs.find((t) => t.active) ?? tabs[0])?.id;
}

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

async function loadSession(): Promise<void> {
  const area = browser.storage.session;
  if (!area) return;
  try {
    const held = (await area.get(SESSION))[SESSION] as { key?: string; allowances?: unknown } | undefined;
    if (held?.key) {
      // The worker was stopped and started again in this browser session: the same key, the same allowances.
      sessionKeyBytes = fromBase64(held.key);
      state.key = sipKey(sessionKeyBytes);
      const restored = Allowances.fromJSON(held.allowances);
      for (const [origin, tab, hashes] of state.allowances.toJSON()) restored.add(tab, origin, hashes);
      state.allowances = restored;
    }
    await saveSession();
  } catch (e) {
    console.warn(`[bulwark] the backstop's session state could not be read: ${(e as Error).message}`);
  }
}

async function saveSession(): Promise<void> {
  await browser.storage.session?.set({ [SESSION]: { key: toBase64(sessionKeyBytes), allowances: state.allowances.toJSON() } }).catch(() => undefined);
}

/** The policy in force, its engine (with the organisation's protected data when enrolled) and the origins never checked. */
async function loadPolicy(): Promise<void> {
  try {
    const [{ policy }, { settings }, enrolled] = await Promise.all([effectivePolicy(), readManagedSettings(), enrollment()]);
    const skip = new Set([originOf(browser.runtime.getURL('/'))]);
    for (const url of [settings.policyUrl, settings.eventsUrl, settings.serverUrl, enrolled?.serverUrl]) if (url) skip.add(originOf(url));
    skip.delete(undefined);
    state.skipOrigins = skip as Set<string>;
    [state.user, state.hashKey] = [enrolled?.user ?? settings.user, enrolled && fromBase64(enrolled.hashKey)];
    const json = JSON.stringify(policy);
    const stored = enrolled && ((await browser.storage.local.get(PROTECTED_DATA))[PROTECTED_DATA] as StoredProtectedData | undefined);
    if (json === policyJson && (stored?.version ?? 0) === protectedVersion) return;
    let extra: { key: object; detectors: readonly Detector[] } | undefined;
    if (stored && enrolled) {
      const key = await protectedDataKey(await importHashKey(fromBase64(enrolled.hashKey) as Uint8Array<ArrayBuffer>));
      extra = { key: { version: stored.version }, detectors: protectedDataDetectors(decodeProtectedData(stored.data), key) };
    }
    setPolicy(policy, extra);
    [policyJson, protectedVersion] = [json, stored?.version ?? 0];
  } catch (e) {
    console.warn(`[bulwark] the backstop keeps its policy; the new one could not be read: ${(e as Error).message}`);
  }
}

function setPolicy(policy: Policy, extra?: { key: object; detectors: readonly Detector[] }): void {
  [state.policy, state.extra] = [policy, extra];
  // The engine and its word lists are built on first use: build them soon, not while a request waits, and not
  // while the worker starts (in tests, building it then lost a pending storage.managed call of the same worker).
  setTimeout(() => engineFor(state.policy, state.extra).scan('Abel Bern met Cato at 1 Main St.'), WARM_UP_AFTER_MS);
}

async function record(stop: Stopped, outcome: DecisionReport['outcome'], justification?: string, request?: GuardRequest): Promise<void> {
  const enrolled = await enrollment();
  const key = enrolled && (await importHashKey(fromBase64(enrolled.hashKey) as Uint8Array<ArrayBuffer>));
  const findings = await Promise.all(
    stop.summary.map(async (s) => ({
      type: s.type,
      category: s.category === 'health' ? ('phi' as const) : s.category === 'manufacturing' ? ('ip' as const) : s.category,
      count: s.count,
      previews: s.previews,
      hashes: key ? await Promise.all([...summaryValues(s)].map((v) => keyedHash(key, v))) : [],
    })),
  );
  const report: DecisionReport = { channel: stop.channel, host: stop.host, action: stop.decision.action, rule: stop.decision.rule, outcome, justification, findings, exceptions: stop.decision.exceptions, request };
  await Promise.all([recordDecision(report), recordEvent(report)]).catch((e: Error) => console.warn(`[bulwark] a backstop decision could not be recorded: ${e.message}`));
}

/** For tests: the state the listener decides with. */
export const backstopState = (): BackstopState => state;
