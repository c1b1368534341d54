import type { Severity } from '../policy/schema';

/**
 * Where the security team is with an incident. `new` until someone picks it up; `resolved`, `false_positive` and
 * `accepted_risk` close it (any status can be set again: an incident is reopened by setting `new` or
 * `investigating`).
 */
export const INCIDENT_STATUSES = ['new', 'investigating', 'resolved', 'false_positive', 'accepted_risk'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const CLOSED_STATUSES: readonly IncidentStatus[] = ['resolved', 'false_positive', 'accepted_risk'];

/** An incident as the store keeps it and the API answers it (src/server/store/incidents.ts, the console). */
export interface Incident {
  id: number;
  status: IncidentStatus;
  severity: Severity;
  /** True once someone set the severity by hand: new events no longer raise it. */
  severityByHand: boolean;
  owner: string | null;
  verdict: string | null;
  /** The rule that decided its events; '' for content that could not be scanned and was let through. */
  rule: string;
  user: string | null;
  deviceId: string;
  /** The UTC day of its events (YYYY-MM-DD). */
  day: string;
  eventCount: number;
  firstEventMs: number;
  lastEventMs: number;
  createdMs: number;
  updatedMs: number;
}
