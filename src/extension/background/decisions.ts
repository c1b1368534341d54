import browser from 'webextension-polyfill';
import type { DecisionReport } from '../messages';

const RECENT = 'bulwark.recentDecisions';
const KEEP = 50;

export interface RecordedDecision extends DecisionReport {
  at: string;
}

/**
 * Keeps the device's recent decisions (masked, as reported) for the popup and for diagnostics. The durable
 * event queue to the backend is built on this record by the events work.
 */
export function recordDecision(report: DecisionReport): Promise<void> {
  const at = new Date().toISOString();
  // Reports from several frames arrive together: each read-and-write waits for the one before, or one is lost.
  const next = writing.then(async () => {
    const stored = ((await browser.storage.local.get(RECENT))[RECENT] ?? []) as RecordedDecision[];
    await browser.storage.local.set({ [RECENT]: [{ ...report, at }, ...stored].slice(0, KEEP) });
  });
  writing = next.catch(() => undefined);
  return next;
}

let writing: Promise<unknown> = Promise.resolve();

export async function recentDecisions(): Promise<RecordedDecision[]> {
  return ((await browser.storage.local.get(RECENT))[RECENT] ?? []) as RecordedDecision[];
}
