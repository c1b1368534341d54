import browser from 'webextension-polyfill';
import { z } from 'zod';
import { BulwarkEvent } from '../../core/events/event';
import { destinationCategories } from '../../core/policy';
import type { DecisionReport } from '../messages';
import { enrollment, ensureEnrolled, forgetEnrollment, localDeviceId } from './enrollment';
import { effectivePolicy, readManagedSettings, runningNow } from './policy';
import { EventQueue, type SendResult } from './queue';
import { retryAfterMs } from './retry-after';
import { SendSchedule } from './send-schedule';

export const FLUSH_ALARM = 'bulwark.events-flush';
const SEND_TIMEOUT_MS = 30_000;

let queue: Promise<EventQueue<BulwarkEvent>> | undefined;
const events = () => (queue ??= EventQueue.open<BulwarkEvent>('bulwark-events'));
const schedule = new SendSchedule(() => void flushEvents());

/**
 * Turns the guard's report of a decision into an event, checks it against the schema that refuses raw
 * values, stores it in the durable queue before anything else, and tries to send. An event the schema
 * refuses is not stored: the console says which fields, never their content. It is sent with the events that
 * come in the next seconds, in one batch (send-schedule.ts).
 */
export async function recordEvent(report: DecisionReport): Promise<void> {
  const [{ settings }, { policy }] = await Promise.all([readManagedSettings(), effectivePolicy()]);
  const candidate = {
    id: crypto.randomUUID(),
    time: new Date().toISOString(),
    device: { id: (await enrollment())?.deviceId ?? settings.deviceId ?? (await localDeviceId()), user: settings.user },
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
    exceptions: report.exceptions,
    request: report.request,
  };
  const event = BulwarkEvent.safeParse(candidate);
  if (!event.success) {
    console.error(`[bulwark] an event was refused by its schema at ${event.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    return;
  }
  await (await events()).add(event.data);
  schedule.added(JSON.stringify(event.data).length);
}

/**
 * Sends what waits: to the enrolled server with the device's token, or to a plain events URL. While the
 * backend is away or busy (503, 429) the queue backs off, as Retry-After says or exponentially; a timer (while
 * the worker lives) and the alarm try again.
 */
export async function flushEvents(fetchFn: typeof fetch = fetch): Promise<{ sent: number; waiting: number }> {
  const { settings } = await readManagedSettings();
  const q = await events();
  let enrolled = await ensureEnrolled(fetchFn);
  const url = enrolled ? `${enrolled.serverUrl}/api/device/events` : settings.eventsUrl;
  if (!url) return { sent: 0, waiting: await q.size() };
  const running = await runningNow();
  const post = (batch: BulwarkEvent[], dropped: number) =>
    fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(enrolled ? { Authorization: `Bearer ${enrolled.deviceToken}`, ...running } : {}) },
      body: JSON.stringify({ events: batch, dropped }),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  const result = await q.flush(async (batch): Promise<SendResult> => {
    const { dropped } = await q.state();
    let response = await post(batch, dropped);
    if (response.status === 401 && enrolled) {
      // The server no longer knows this device (revoked): enroll again and try once more; else the batch waits.
      await forgetEnrollment();
      enrolled = await ensureEnrolled(fetchFn);
      if (!enrolled) return 'retry';
      response = await post(batch, dropped);
    }
    if (response.ok) {
      if (dropped) await q.forgetDropped(dropped);
      // The backend refuses events one by one (a control character, say): those are set aside, the rest is taken.
      const refused = RefusedIndexes.safeParse(await response.json().catch(() => undefined));
      return refused.success && refused.data.rejected.length ? { refused: refused.data.rejected.map((r) => r.index) } : 'sent';
    }
    // The backend says this batch can never be taken (malformed, too large): set it aside, do not loop on it.
    if ([400, 413, 422].includes(response.status)) return 'refused';
    const wait = [429, 503].includes(response.status) ? retryAfterMs(response.headers.get('Retry-After')) : undefined;
    return wait === undefined ? 'retry' : { retryAfterMs: wait };
  });
  const { nextAttemptAt } = await q.state();
  if (result.waiting && nextAttemptAt > Date.now()) schedule.at(nextAttemptAt);
  return result;
}

/** The part of the backend's answer that names the events it refused. */
const RefusedIndexes = z.object({ rejected: z.array(z.object({ index: z.number().int().min(0) })) });

export async function eventQueueState() {
  const q = await events();
  return { waiting: await q.size(), ...(await q.state()) };
}

function browserOf(userAgent: string): { name: string; version: string } {
  const [, name = 'unknown', version = ''] = userAgent.match(/(Edg|Firefox|Chrome)\/([\d.]+)/) ?? [];
  return { name: name === 'Edg' ? 'Edge' : name, version };
}
