import browser from 'webextension-polyfill';
import { BulwarkEvent } from '../../core/events/event';
import { destinationCategories } from '../../core/policy';
import type { DecisionReport } from '../messages';
import { effectivePolicy, readManagedSettings } from './policy';
import { EventQueue, type SendResult } from './queue';

export const FLUSH_ALARM = 'bulwark.events-flush';
const DEVICE_KEY = 'bulwark.deviceId';
const SEND_TIMEOUT_MS = 30_000;

let queue: Promise<EventQueue<BulwarkEvent>> | undefined;
const events = () => (queue ??= EventQueue.open<BulwarkEvent>('bulwark-events'));

/**
 * Turns the guard's report of a decision into an event, checks it against the schema that refuses raw
 * values, stores it in the durable queue before anything else, and tries to send. An event the schema
 * refuses is not stored: the console says which fields, never their content.
 */
export async function recordEvent(report: DecisionReport): Promise<void> {
  const [{ settings }, { policy }] = await Promise.all([readManagedSettings(), effectivePolicy()]);
  const candidate = {
    id: crypto.randomUUID(),
    time: new Date().toISOString(),
    device: { id: settings.deviceId ?? (await deviceId()), user: settings.user },
    browser: browserOf(globalThis.navigator?.userAgent ?? ''),
    extensionVersion: browser.runtime.getManifest().version,
    policyVersion: policy.version,
    channel: report.channel,
    destination: { host: report.host, categories: destinationCategories(report.host, policy.destinations) },
    recipientDomains: report.recipientDomains ?? [],
    file: report.file,
    findings: report.findings,
    rule: report.rule,
    action: report.action,
    outcome: report.outcome,
    justification: report.justification,
  };
  const event = BulwarkEvent.safeParse(candidate);
  if (!event.success) {
    console.error(`[bulwark] an event was refused by its schema at ${event.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    return;
  }
  await (await events()).add(event.data);
  void flushEvents();
}

/** Sends what waits, when an events URL is set; the alarm calls this again while the backend is away. */
export async function flushEvents(fetchFn: typeof fetch = fetch): Promise<{ sent: number; waiting: number }> {
  const { settings } = await readManagedSettings();
  const q = await events();
  if (!settings.eventsUrl) return { sent: 0, waiting: await q.size() };
  const url = settings.eventsUrl;
  return q.flush(async (batch): Promise<SendResult> => {
    const { dropped } = await q.state();
    const response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: batch, dropped }),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    if (response.ok) {
      if (dropped) await q.forgetDropped(dropped);
      return 'sent';
    }
    // The backend says this batch can never be taken (malformed, too large): set it aside, do not loop on it.
    return [400, 413, 422].includes(response.status) ? 'refused' : 'retry';
  });
}

export async function eventQueueState() {
  const q = await events();
  return { waiting: await q.size(), ...(await q.state()) };
}

/** A name for this device in events when the administrator gives none: made once, kept. */
async function deviceId(): Promise<string> {
  const stored = (await browser.storage.local.get(DEVICE_KEY))[DEVICE_KEY];
  if (typeof stored === 'string') return stored;
  const made = `device-${crypto.randomUUID()}`;
  await browser.storage.local.set({ [DEVICE_KEY]: made });
  return made;
}

function browserOf(userAgent: string): { name: string; version: string } {
  const [, name = 'unknown', version = ''] = userAgent.match(/(Edg|Firefox|Chrome)\/([\d.]+)/) ?? [];
  return { name: name === 'Edg' ? 'Edge' : name, version };
}
