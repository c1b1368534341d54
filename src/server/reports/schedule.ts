import type { ServerConfig } from '../config';
import type { OrgKeys } from '../org';
import type { Store } from '../store';
import type { KeptReport } from '../store/reports';
import { generateReport } from '.';

/** The calendar month (UTC) before the one `now` is in, as days. */
export function previousMonth(now: number): { from: string; to: string } {
  const d = new Date(now);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/**
 * Makes and keeps last month's reports (each profile and format of the settings) unless they are kept already:
 * run at start and daily, so a month's reports exist from its first days on, whichever instance made them.
 */
export async function keepMonthlyReports(store: Store, keys: OrgKeys, settings: ServerConfig['reports'], now = Date.now()): Promise<KeptReport[]> {
  if (settings.schedule === 'off') return [];
  const period = previousMonth(now);
  const made: KeptReport[] = [];
  for (const profile of settings.profiles)
    for (const format of settings.formats) {
      const which = { ...period, profile, format };
      if (await store.reports.has(which)) continue;
      const file = await generateReport(store, keys, { ...which, now });
      made.push(await store.reports.keep({ ...which, createdMs: now, createdBy: 'schedule' }, file));
    }
  return made;
}
