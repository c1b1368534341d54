import { describe, expect, it } from 'vitest';
import { incidentSeed, needsReview } from '../../../src/server/incidents/triage';
import { makeEvent } from '../harness';

describe('what needs review', () => {
  it('is a block, a redaction, a warning gone past and unscannable content let through', () => {
    expect(needsReview({ action: 'block', outcome: 'cancelled', rule: 'r' }, undefined)).toBe(true);
    expect(needsReview({ action: 'redact', outcome: 'redacted', rule: 'r' }, undefined)).toBe(true);
    expect(needsReview({ action: 'warn', outcome: 'redacted', rule: 'r' }, undefined)).toBe(true);
    expect(needsReview({ action: 'warn', outcome: 'sent', rule: 'r' }, undefined)).toBe(true);
    expect(needsReview({ action: 'audit', outcome: 'sent', rule: undefined }, undefined)).toBe(true);
  });

  it('is not an audit by a rule nor a warning that stopped the employee', () => {
    expect(needsReview({ action: 'audit', outcome: 'sent', rule: 'audit-pii' }, {})).toBe(false);
    expect(needsReview({ action: 'warn', outcome: 'cancelled', rule: 'r' }, {})).toBe(false);
    expect(needsReview({ action: 'allow', outcome: 'sent', rule: undefined }, undefined)).toBe(false);
  });

  it("follows the rule's incident option either way", () => {
    expect(needsReview({ action: 'audit', outcome: 'sent', rule: 'audit-pii' }, { incident: true })).toBe(true);
    expect(needsReview({ action: 'block', outcome: 'cancelled', rule: 'r' }, { incident: false })).toBe(false);
  });
});

describe('grouping events into incidents', () => {
  const at = (time: string, more: Parameters<typeof makeEvent>[0] = {}) => incidentSeed(makeEvent({ time, ...more }), undefined)!;

  it('puts the same user, rule and UTC day together', () => {
    expect(at('2026-11-02T00:00:00.000Z').groupKey).toBe(at('2026-11-02T23:59:59.999Z').groupKey);
  });

  it('keeps other days, rules and users apart', () => {
    const one = at('2026-11-02T10:00:00.000Z').groupKey;
    expect(at('2026-11-03T00:00:00.000Z').groupKey).not.toBe(one);
    expect(at('2026-11-02T10:00:00.000Z', { rule: 'another-rule' }).groupKey).not.toBe(one);
    expect(at('2026-11-02T10:00:00.000Z', { device: { id: 'device-under-test', user: 'bob@example.com' } }).groupKey).not.toBe(one);
  });

  it('groups by device when the device has no user, and names no rule for unscannable content', () => {
    const seed = at('2026-11-02T10:00:00.000Z', { device: { id: 'kiosk-7' }, action: 'audit', outcome: 'sent', rule: undefined, findings: [] });
    expect(seed).toMatchObject({ user: null, deviceId: 'kiosk-7', rule: '', day: '2026-11-02' });
    expect(seed.groupKey).not.toBe(at('2026-11-02T10:00:00.000Z', { device: { id: 'kiosk-8' }, action: 'audit', outcome: 'sent', rule: undefined, findings: [] }).groupKey);
  });

  it('gives no incident to an event that needs no review, and the severity to one that does', () => {
    expect(incidentSeed(makeEvent({ action: 'audit', outcome: 'sent', rule: 'audit-pii' }), {})).toBeUndefined();
    expect(incidentSeed(makeEvent({ destination: { host: 'chatgpt.com', categories: ['generative-ai'] } }), undefined)!.severity).toBe('high');
    expect(incidentSeed(makeEvent(), { severity: 'critical' })!.severity).toBe('critical');
  });
});
