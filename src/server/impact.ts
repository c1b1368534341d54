import type { BulwarkEvent } from '../core/events/event';
import type { Finding } from '../core/detect/types';
import { evaluate, type Policy } from '../core/policy';
import type { Action } from '../core/policy/schema';
import type { Store } from './store';

const DAY_MS = 86_400_000;
/** Events read at most (the newest first); more in the window and the answer says `capped`. */
export const IMPACT_MAX_EVENTS = 50_000;

/** One kind of change: what the policy in force decides, what the draft would, for how many events and whom. */
export interface ImpactChange {
  from: Action;
  to: Action;
  /** The rules that decide now and would decide (none: no rule applies). */
  fromRule: string | null;
  toRule: string | null;
  events: number;
  /** Each person (the verified user; else the device, with `device: true`), most events first, at most 20. */
  users: Array<{ user: string; device?: true; events: number }>;
  people: number;
}

export interface Impact {
  days: number;
  fromMs: number;
  /** Events evaluated, and how many of them would be decided otherwise. */
  events: number;
  changed: number;
  capped: boolean;
  changes: ImpactChange[];
}

/**
 * A stored event's findings as the evaluator takes them: each of its `count` values of a type. Events keep types,
 * categories and counts, not scores or detectors: a stored finding passed the device's threshold, so it is taken at
 * full score (a rule's `minScore` is met), and rules by organisation classifier are not matched again.
 */
export function findingsOf(event: BulwarkEvent): Finding[] {
  return event.findings.flatMap((f) => Array.from({ length: f.count }, () => ({ type: f.type, category: f.category, detector: '', start: 0, end: 0, score: 1, why: [] })));
}

/** What `policy` decides for a stored event (recipients are known by domain only; a file by name, type and size). */
export function decide(policy: Policy, event: BulwarkEvent) {
  return evaluate(policy, findingsOf(event), {
    channel: event.channel,
    host: event.destination.host,
    recipients: event.recipientDomains.map((d) => `someone@${d}`),
    file: event.file,
  });
}

/** The draft beside the policy in force, over the stored events of the last `days` days. */
export async function policyImpact(store: Store, current: Policy, draft: Policy, days = 30, now = Date.now()): Promise<Impact> {
  const fromMs = now - days * DAY_MS;
  const changes = new Map<string, ImpactChange & { byUser: Map<string, number> }>();
  let events = 0;
  let changed = 0;
  let cursor: string | undefined;
  do {
    const page = await store.events({ from: fromMs }, 1000, cursor);
    for (const { event } of page.events) {
      events++;
      const before = decide(current, event);
      const after = decide(draft, event);
      if (before.action === after.action && before.rule === after.rule) continue;
      changed++;
      const key = `${before.action}|${before.rule ?? ''}|${after.action}|${after.rule ?? ''}`;
      const change = changes.get(key) ?? { from: before.action, to: after.action, fromRule: before.rule ?? null, toRule: after.rule ?? null, events: 0, users: [], people: 0, byUser: new Map() };
      changes.set(key, change);
      change.events++;
      // A user and a device never share a key: "u:" and "d:" in front.
      const who = event.device.user ? `u:${event.device.user}` : `d:${event.device.id}`;
      change.byUser.set(who, (change.byUser.get(who) ?? 0) + 1);
    }
    cursor = page.next;
  } while (cursor && events < IMPACT_MAX_EVENTS);
  return {
    days,
    fromMs,
    events,
    changed,
    capped: cursor !== undefined,
    changes: [...changes.values()]
      .map(({ byUser, ...c }) => ({
        ...c,
        people: byUser.size,
        users: [...byUser]
          .map(([who, n]) => ({ user: who.slice(2), ...(who.startsWith('d:') ? { device: true as const } : {}), events: n }))
          .sort((a, b) => b.events - a.events || a.user.localeCompare(b.user))
          .slice(0, 20),
      }))
      .sort((a, b) => b.events - a.events),
  };
}
