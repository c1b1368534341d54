import { describe, expect, it } from 'vitest';
import { PolicyRuleOptions } from '../../../src/server/incidents/rule-options';
import { makeEvent } from '../harness';

describe("a published rule's incident options", () => {
  it('are read once per policy version, ignoring the rest of the rule and rules that are not rules', async () => {
    const reads: number[] = [];
    const options = new PolicyRuleOptions(async (version) => {
      reads.push(version);
      return { rules: [{ id: 'loud', action: 'audit', match: {}, incident: true, severity: 'high' }, { id: 'quiet', incident: 'maybe' }, 42] };
    });
    const events = [makeEvent({ policyVersion: 3, rule: 'loud' }), makeEvent({ policyVersion: 3, rule: 'quiet' }), makeEvent({ policyVersion: 3, rule: undefined })];
    expect(await options.of(events)).toEqual([{ incident: true, severity: 'high' }, undefined, undefined]);
    await options.of(events);
    expect(reads).toEqual([3]);
  });

  it('are asked for again a minute after a version was found unpublished, not on every batch', async () => {
    let now = 0;
    let published = false;
    const reads: number[] = [];
    const options = new PolicyRuleOptions(
      async (version) => {
        reads.push(version);
        return published ? { rules: [{ id: 'r', severity: 'low' }] } : undefined;
      },
      () => now,
    );
    const events = [makeEvent({ policyVersion: 9, rule: 'r' })];
    expect(await options.of(events)).toEqual([undefined]);
    published = true;
    now = 59_000;
    expect(await options.of(events)).toEqual([undefined]);
    now = 61_000;
    expect(await options.of(events)).toEqual([{ incident: undefined, severity: 'low' }]);
    expect(reads).toEqual([9, 9]);
  });
});
