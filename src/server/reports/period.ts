import type { BulwarkEvent } from '../../core/events/event';
import type { Incident, IncidentStatus } from '../../core/events/incident';
import type { Store } from '../store';

/** Calls `each` with every stored event of [fromMs, toMs), a thousand at a time. */
export async function eachEvent(store: Store, fromMs: number, toMs: number, each: (e: BulwarkEvent) => void): Promise<void> {
  for (let cursor: string | undefined, first = true; first || cursor; first = false) {
    const page = await store.events({ from: fromMs, to: toMs }, 1000, cursor);
    for (const s of page.events) each(s.event);
    cursor = page.next;
  }
}

/** The incidents of one status whose day is in [fromDay, toDay] (both included), oldest first. */
export async function incidentsOf(store: Store, status: IncidentStatus, fromDay: string, toDay: string): Promise<Incident[]> {
  const out: Incident[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.incidents.list({ status }, 500, offset);
    out.push(...page.incidents);
    if (offset + 500 >= page.total) break;
  }
  return out.filter((i) => i.day >= fromDay && i.day <= toDay).sort((a, b) => a.day.localeCompare(b.day) || a.id - b.id);
}
