import { z } from 'zod';
import type { BulwarkEvent } from '../../core/events/event';
import { Rule } from '../../core/policy/schema';
import type { RuleOptions } from './triage';

/** Only what incidents need of a rule (the rest of it is the devices' business). */
const Options = z.object({ id: z.string(), incident: Rule.shape.incident, severity: Rule.shape.severity });
const Rules = z.object({ rules: z.array(z.unknown()) });

/**
 * What each rule of a published policy says about incidents, by policy version and rule id. A published version
 * never changes, so each is read once per process; a version the server never published (the bundled default
 * on a device that has not heard from it yet) has no options: events fall back to the default (triage.ts).
 */
export class PolicyRuleOptions {
  private readonly byVersion = new Map<number, Map<string, RuleOptions>>();

  constructor(private readonly load: (version: number) => Promise<unknown>) {}

  /** The options of each event's rule, in the order given. */
  async of(events: readonly BulwarkEvent[]): Promise<RuleOptions[]> {
    for (const version of new Set(events.map((e) => e.policyVersion))) await this.read(version);
    return events.map((e) => (e.rule === undefined ? undefined : this.byVersion.get(e.policyVersion)?.get(e.rule)));
  }

  private async read(version: number): Promise<void> {
    if (this.byVersion.has(version)) return;
    const policy = Rules.safeParse(await this.load(version));
    if (!policy.success) return;
    const rules = new Map<string, RuleOptions>();
    for (const raw of policy.data.rules) {
      const r = Options.safeParse(raw);
      if (r.success) rules.set(r.data.id, { incident: r.data.incident, severity: r.data.severity });
    }
    if (this.byVersion.size >= 1000) this.byVersion.clear();
    this.byVersion.set(version, rules);
  }
}
