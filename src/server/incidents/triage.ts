import type { BulwarkEvent } from '../../core/events/event';
import type { Rule, Severity } from '../../core/policy/schema';
import { eventSeverity } from './severity';

/** What a rule says about incidents; undefined when the event's policy or rule is unknown to the server. */
export type RuleOptions = Pick<Rule, 'incident' | 'severity'> | undefined;

/** Where an incident-worthy event belongs and how serious it is. */
export interface IncidentSeed {
  /** Same user (or, without one, same device), same rule, same UTC day: one incident. */
  groupKey: string;
  day: string;
  /** The rule that decided; '' for content that could not be scanned and was let through. */
  rule: string;
  user: string | null;
  deviceId: string;
  severity: Severity;
}

/**
 * Whether an event needs someone to look at it. A rule's own `incident` option decides when it has one; otherwise
 * a block, a redaction, a warning the employee went past (sent anyway), and content that could not be scanned and
 * was let through (audited without a rule) do; audits and warnings that stopped the employee do not.
 */
export function needsReview(e: Pick<BulwarkEvent, 'action' | 'outcome' | 'rule'>, rule: RuleOptions): boolean {
  if (rule?.incident !== undefined) return rule.incident;
  if (e.action === 'block' || e.action === 'redact' || e.outcome === 'redacted') return true;
  if (e.action === 'warn') return e.outcome === 'sent';
  return e.action === 'audit' && !e.rule;
}

/** The incident an event opens or joins, or undefined when it needs no review. */
export function incidentSeed(e: BulwarkEvent, rule: RuleOptions): IncidentSeed | undefined {
  if (!needsReview(e, rule)) return undefined;
  const day = e.time.slice(0, 10);
  const user = e.device.user ?? null;
  const ruleId = e.rule ?? '';
  return {
    groupKey: JSON.stringify([day, ruleId, user === null ? ['device', e.device.id] : ['user', user]]),
    day,
    rule: ruleId,
    user,
    deviceId: e.device.id,
    severity: eventSeverity(e, rule?.severity),
  };
}
