import type { BulwarkEvent } from '../core/events/event';
import type { Incident, IncidentStatus } from '../core/events/incident';

export type { Incident };

export interface IncidentDetails {
  incident: Incident;
  events: Array<{ seq: number; receivedMs: number; event: BulwarkEvent }>;
  comments: Array<{ id: number; author: string; timeMs: number; text: string }>;
  history: Array<{ seq: number; timeMs: number; actor: string; action: string; detail: { from?: Record<string, unknown>; to?: Record<string, unknown>; bulk?: number; text?: string } }>;
}

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  new: 'New',
  investigating: 'Investigating',
  resolved: 'Resolved',
  false_positive: 'False positive',
  accepted_risk: 'Accepted risk',
};

/** The rule column: incidents of content that could not be scanned have none. */
export const ruleLabel = (rule: string) => rule || '(unscannable content)';

/** How long ago: "12 min", "5 h", "3 d". */
export function age(sinceMs: number, nowMs = Date.now()): string {
  const minutes = Math.max(0, Math.floor((nowMs - sinceMs) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / 1440)} d`;
}

/** A change in the history, in words: "status new → investigating; owner nobody → analyst; verdict none → ...". */
export function describeChange(entry: IncidentDetails['history'][number]): string {
  if (entry.action === 'incident.comment') return `commented: ${entry.detail.text ?? ''}`;
  const { from = {}, to = {} } = entry.detail;
  const shown = (field: string, v: unknown) => (v === null || v === undefined ? (field === 'owner' ? 'nobody' : 'none') : String(v).replace('_', ' '));
  const what = Object.keys(to).map((k) => `${k} ${shown(k, from[k])} → ${shown(k, to[k])}`).join('; ');
  return entry.detail.bulk ? `${what} (with ${entry.detail.bulk - 1} more)` : what;
}
