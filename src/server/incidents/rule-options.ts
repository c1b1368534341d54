import { z } from 'zod';
import type { BulwarkEvent } from '../../core/events/event';
import { Rule } from '../../core/policy/schema';
import type { RuleOptions } from './triage';

/** Only what incidents need of a rule (the rest of it is the devices' business). */
const Options = z.object({ id: z.string(), incident: Rule.shape.incident, severity: Rule.shape.severity });
const Rules = z.object({ rules: z.array(z.unknown()) });
const MISSING_RETRY_MS = 60_000;

/**
 * What each rule of a published policy says about incidents, by policy version and rule id. A published version
 * never changes, so each is read once per process; a version the server never published (the bundled default
 * on a device that has not heard from it yet) has no options: events fall back to the default (triage.ts).
 */
export class PolicyRuleOptions {
  private readonly byVersion = new Map<number, Map<string, RuleOptions>>();
  /** Versions found unpublished, and when: asked again after a minute (it may be published by then), not every batch. */
  private readonly missingAt = new Map<number, number>();

  constructor(
    private readonly load: (version: number) => Promise<unknown>,
    private readonly now = () => Date.now(),
  ) {}

  /** The options of each event's rule, in the order given. */
  async of(events: readonly BulwarkEvent[]): Promise<RuleOptions[]> {
    for (const version of new Set(events.map((e) => e.policyVersion))) await this.read(version);
    return events.map((e) => (e.rule === undefined ? undefined : this.byVersion.get(e.policyVersion)?.get(e.rule)));
  }

  private async read(version: number): Promise<void> {
    if (this.byVersion.has(version) || this.now() - (this.missingAt.get(version) ?? -Infinity) < MISSING_RETRY_MS) return;
    const policy = Rules.safeParse(await this.load(version));
    if (!policy.success) {
      if (this.missingAt.size >= 1000) this.missingAt.clear();
      this.missingAt.set(version, this.now());
      return;
    }
    this.missingAt.delete(version);
    const rules = new Map<string, RuleOptions>();
    for (const raw of policy.data.rules) {
      const r = Options.safeParse(raw);
      if (r.success) rules.set(r.data.id, { incident: r.data.incident, severity: r.data.severity });
    }
    if (this.byVersion.size >= 1000) this.byVersion.clear();
    this.byVersion.set(version, rules);
  }
}
