import { z } from 'zod';
import { ENTITY_TYPES } from '../core/detect/types';
import { ACTIONS, CHANNELS, Policy } from '../core/policy';

/** What the guard tells the background about a decision: types, counts and masked previews, never a value. */
export const DecisionReport = z
  .object({
    channel: z.enum(CHANNELS),
    host: z.string().max(253),
    action: z.enum(ACTIONS),
    rule: z.string().max(100).optional(),
    /** What the employee did: the content went as it was, redacted, or not at all. */
    outcome: z.enum(['sent', 'redacted', 'cancelled']),
    justification: z.string().max(1000).optional(),
    /** The domains of an email's recipients, never their mailboxes. */
    recipientDomains: z.array(z.string().max(253)).max(500).optional(),
    /** The file shared, when one was (its name with identifiers redacted). */
    file: z.object({ name: z.string().max(255), type: z.string().max(255), size: z.number().int().min(0) }).strict().optional(),
    findings: z
      .array(
        z.object({
          type: z.enum(ENTITY_TYPES),
          category: z.enum(['phi', 'pii', 'secret', 'ip']),
          count: z.number().int().min(1),
          // Masked previews keep at most three characters of a value in clear.
          previews: z.array(z.string().max(200).refine((p) => p.replace(/[^\p{L}\p{N}]|•/gu, '').length <= 3, 'a preview must be masked')).max(3),
          /** Keyed hashes (HMAC-SHA256, hex) of the distinct values, when the organisation gave a key. */
          hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100).default([]),
        }),
      )
      .max(ENTITY_TYPES.length),
  })
  .strict();
export type DecisionReport = z.infer<typeof DecisionReport>;

/** Messages from content scripts (and pages of the extension) to the background. The receiver validates each. */
export const ToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-policy') }).strict(),
  // Puts the decider (engine, policy, dialog) into the asking frame's content-script world: too big to load with every page.
  z.object({ type: z.literal('load-decider') }).strict(),
  z.object({ type: z.literal('decision'), report: DecisionReport }).strict(),
  // A frame's document was rewritten and its guard's listeners erased: run the guard again in the tab.
  z.object({ type: z.literal('rearm-frames') }).strict(),
]);
export type ToBackground = z.infer<typeof ToBackground>;

/** The background's answer to get-policy: the policy in force and where it came from. */
export const PolicyAnswer = z.object({ policy: Policy, source: z.enum(['managed', 'central', 'default']), hashKey: z.string().optional() });
export type PolicyAnswer = z.infer<typeof PolicyAnswer>;
