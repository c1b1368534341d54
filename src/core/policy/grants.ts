import { z } from 'zod';
import type { Finding } from '../detect/types';
import { HostPattern, hostMatches } from './destinations';

/** A rule id, as schema.ts spells it (repeated here: schema.ts imports this module, so this one cannot import it). */
const RuleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes');
/** A host pattern other than "*": a grant for every host leaves `host` out. */
const GrantHost = HostPattern.refine((h) => h !== '*', 'a host such as "chat.example.com" or "*.example.com" (for every host, leave host out)');

/**
 * An exception the security team granted, usually on an employee's request (src/server/requests): for a time,
 * a rule (or every rule) does not apply to a person (or everyone) at a host (or every host), or only not to
 * certain values (their keyed hashes). The server puts the grants in force into every policy it publishes.
 */
export const GrantedException = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).describe('The request it answers (or the id the team gave it).'),
    user: z.string().trim().toLowerCase().min(1).max(256).optional().describe('The person it is for (as devices enroll them); absent: everyone.'),
    host: GrantHost.optional().describe('The destination host ("*.example.com": and its subdomains); absent: every host.'),
    rule: RuleId.optional().describe('The rule it takes out; absent: every rule.'),
    hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).min(1).max(100).optional().describe('Only these values (keyed hashes, as events carry them) are let through; absent: everything the rule finds.'),
    expiresAt: z.iso.datetime().describe('The exception ends here.'),
  })
  .strict()
  .refine((g) => g.host !== undefined || g.rule !== undefined || g.hashes !== undefined, 'an exception names a host, a rule or values: one for a person alone would switch off every check for them');

export type GrantedException = z.infer<typeof GrantedException>;

/** Who is deciding where, when: the part of an evaluation's context that grants depend on. */
export interface GrantContext {
  host: string;
  /** The person the browser is enrolled for; grants for a named person apply only to them. */
  user?: string;
  now?: number;
  /** The keyed hash of a finding's normalised value, where the caller can compute it (else value grants do not apply). */
  valueHash?: (finding: Finding) => string | undefined;
}

/** The grants in force for this person at this host now. */
export function grantsInForce(grants: readonly GrantedException[], ctx: GrantContext): GrantedException[] {
  if (!grants.length) return [];
  const now = ctx.now ?? Date.now();
  const user = ctx.user?.trim().toLowerCase();
  const host = ctx.host.toLowerCase();
  return grants.filter((g) => Date.parse(g.expiresAt) > now && (g.user === undefined || g.user === user) && (g.host === undefined || hostMatches(g.host, host)));
}

/** Whether any grant in force lets values through: then the caller needs the values' keyed hashes. */
export const wantsValueHashes = (grants: readonly GrantedException[], ctx: GrantContext): boolean => grantsInForce(grants, ctx).some((g) => g.hashes);

/**
 * How the grants in force bear on one rule: `off` is a grant that takes the whole rule out; else `byValue`, the
 * grants that let certain values through it.
 */
export function grantsForRule(live: readonly GrantedException[], rule: string): { off?: GrantedException; byValue: GrantedException[] } {
  const mine = live.filter((g) => g.rule === undefined || g.rule === rule);
  return { off: mine.find((g) => !g.hashes), byValue: mine.filter((g) => g.hashes) };
}
