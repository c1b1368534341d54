/**
 * Where the security team is with an incident. `new` until someone picks it up; `resolved`, `false_positive` and
 * `accepted_risk` close it (any status can be set again: an incident is reopened by setting `new` or
 * `investigating`).
 */
export const INCIDENT_STATUSES = ['new', 'investigating', 'resolved', 'false_positive', 'accepted_risk'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const CLOSED_STATUSES: readonly IncidentStatus[] = ['resolved', 'false_positive', 'accepted_risk'];
