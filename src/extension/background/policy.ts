import browser from 'webextension-polyfill';
import { acceptSignedPolicy, DEFAULT_POLICY, ManagedSettings, parsePolicy } from '../../core/policy';
import { runningHeaders } from '../../core/fleet/running';
import type { PolicyAnswer } from '../messages';
import { ensureEnrolled } from './enrollment';

/**
 * Where the effective policy comes from, strongest first: the administrator's managed storage, the last good
 * signed policy from the central channel, the bundled default. Everything lives in storage, nothing in
 * variables: the service worker may be stopped between any two events.
 */
export type EffectivePolicy = PolicyAnswer;

const CENTRAL = 'bulwark.centralPolicy';
const STATUS = 'bulwark.policyStatus';
export const REFRESH_ALARM = 'bulwark.policy-refresh';
const FETCH_TIMEOUT_MS = 15_000;

interface StoredCentral {
  doc: unknown;
  etag?: string;
  version: number;
  fetchedAt: string;
}

export type RefreshResult =
  | { status: 'not-configured' }
  | { status: 'updated' | 'unchanged'; version: number }
  | { status: 'unreachable' | 'rejected'; reason: string; detail: string };

/** Managed settings, each key checked on its own: one bad key does not throw away the others. */
export async function readManagedSettings(): Promise<{ settings: ManagedSettings; errors: string[] }> {
  let raw: Record<string, unknown> = {};
  try {
    raw = await browser.storage.managed.get();
  } catch {
    // Not managed (no enterprise policy, or a browser without managed storage): nothing is set.
  }
  const settings: Record<string, unknown> = {};
  const errors: string[] = [];
  const shape = ManagedSettings.shape;
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in shape)) {
      errors.push(`${key}: not a Bulwark setting`);
      continue;
    }
    const r = shape[key as keyof typeof shape].safeParse(value);
    if (r.success) settings[key] = r.data;
    else errors.push(...r.error.issues.map((i) => `${[key, ...i.path].join('.')}: ${i.message}`));
  }
  for (const e of errors) console.warn(`[bulwark] managed setting ignored: ${e}`);
  return { settings: ManagedSettings.parse(settings), errors };
}

export async function effectivePolicy(now = new Date()): Promise<EffectivePolicy> {
  const { settings } = await readManagedSettings();
  if (settings.policy) return { policy: settings.policy, source: 'managed' };
  const stored = (await browser.storage.local.get(CENTRAL))[CENTRAL] as StoredCentral | undefined;
  if (stored) {
    const parsed = parsePolicy((stored.doc as { policy?: unknown }).policy);
    if (parsed.ok && !(parsed.policy.expiresAt && new Date(parsed.policy.expiresAt) <= now)) return { policy: parsed.policy, source: 'central' };
  }
  return { policy: DEFAULT_POLICY, source: 'default' };
}

/** What this browser tells its server it runs (the extension's version; the central policy's, when in force). */
export async function runningNow(): Promise<Record<string, string>> {
  const { policy, source } = await effectivePolicy();
  return runningHeaders(browser.runtime.getManifest().version, source === 'central' ? policy.version : undefined);
}

/**
 * Fetches the central policy (with the ETag of the one held), checks it and keeps it when it is good. A
 * refusal or an unreachable backend leaves the last good policy in force and says why in the log and in
 * storage (for the events).
 */
export async function refreshCentralPolicy(fetchFn: typeof fetch = fetch, now = new Date()): Promise<RefreshResult> {
  const { settings } = await readManagedSettings();
  // An enrolled browser reads policy from its server with its token; a key pinned in managed storage wins
  // over the one learnt at enrollment.
  const enrolled = settings.policyUrl ? undefined : await ensureEnrolled(fetchFn);
  const url = settings.policyUrl ?? (enrolled && `${enrolled.serverUrl}/api/device/policy`);
  const publicKey = settings.policyPublicKey ?? enrolled?.policyPublicKey;
  if (!url) return record({ status: 'not-configured' });
  if (!publicKey) return record({ status: 'rejected', reason: 'no-public-key', detail: 'policyUrl is set but policyPublicKey is not' });
  const stored = (await browser.storage.local.get(CENTRAL))[CENTRAL] as StoredCentral | undefined;
  let response: Response;
  try {
    response = await fetchFn(url, {
      headers: { ...(stored?.etag ? { 'If-None-Match': stored.etag } : {}), ...(enrolled ? { Authorization: `Bearer ${enrolled.deviceToken}`, ...(await runningNow()) } : {}) },
      cache: 'no-store',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (e) {
    return record({ status: 'unreachable', reason: 'network', detail: (e as Error).message });
  }
  if (response.status === 304 && stored) return record({ status: 'unchanged', version: stored.version });
  if (!response.ok) return record({ status: 'unreachable', reason: 'http', detail: `HTTP ${response.status} from ${url}` });
  let doc: unknown;
  try {
    doc = JSON.parse(await response.text());
  } catch (e) {
    return record({ status: 'rejected', reason: 'malformed', detail: `not JSON: ${(e as Error).message}` });
  }
  const accepted = await acceptSignedPolicy(doc, publicKey, stored ? { version: stored.version } : undefined, now);
  if (!accepted.ok) return record({ status: 'rejected', reason: accepted.reason, detail: accepted.detail });
  const next: StoredCentral = { doc, etag: response.headers.get('ETag') ?? undefined, version: accepted.policy.version, fetchedAt: now.toISOString() };
  await browser.storage.local.set({ [CENTRAL]: next });
  return record({ status: accepted.unchanged ? 'unchanged' : 'updated', version: accepted.policy.version });
}

async function record(result: RefreshResult): Promise<RefreshResult> {
  if (result.status === 'rejected' || result.status === 'unreachable') console.warn(`[bulwark] central policy ${result.status}: ${result.reason}: ${result.detail}`);
  await browser.storage.local.set({ [STATUS]: { ...result, at: new Date().toISOString() } });
  return result;
}

/** The last refresh's outcome, for diagnostics and, later, the events. */
export async function lastPolicyStatus(): Promise<(RefreshResult & { at: string }) | undefined> {
  return (await browser.storage.local.get(STATUS))[STATUS] as (RefreshResult & { at: string }) | undefined;
}

/** (Re)creates the refresh alarm with the administrator's interval. */
export async function scheduleRefresh(): Promise<void> {
  const { settings } = await readManagedSettings();
  await browser.alarms.clear(REFRESH_ALARM);
  if (settings.policyUrl || settings.serverUrl) await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: settings.refreshMinutes, delayInMinutes: settings.refreshMinutes });
}
