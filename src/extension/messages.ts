import { z } from 'zod';
import { ENTITY_TYPES } from '../core/detect/types';
import { employeeRequest } from '../core/events/request';
import { ACTIONS, CHANNELS, LocalizedMessages, Policy } from '../core/policy';

/** What the employee asks from the dialog; the background redacts the reason before it goes into the event. */
export const GuardRequest = employeeRequest(z.string().max(1000));
export type GuardRequest = z.infer<typeof GuardRequest>;

const GrantIds = z.array(z.string().regex(/^[A-Za-z0-9-]{1,64}$/)).max(20);

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
    /** The granted exceptions this decision used. */
    exceptions: GrantIds.optional(),
    request: GuardRequest.optional(),
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
  // The employee continued after a warning (content guard): the values' session hashes (see BackstopAsk), so that
  // the network backstop does not stop the request that carries them. Answered once they are in force.
  z.object({ type: z.literal('consent'), hashes: z.array(z.string().regex(/^[0-9a-f]{16}$/)).max(1000) }).strict(),
]);
export type ToBackground = z.infer<typeof ToBackground>;

/** The background's answer to get-policy: the policy in force and where it came from. */
export const PolicyAnswer = z.object({
  policy: Policy,
  source: z.enum(['managed', 'central', 'default']),
  hashKey: z.string().optional(),
  /** Which network guard is in force: the background's backstop (blocking webRequest, granted to policy installs) or the page-world hook alone. */
  network: z.enum(['backstop', 'page-only']).optional(),
  /** The session's SipHash key (16 bytes, base64) for consent hashes. */
  consentKey: z.string().regex(/^[A-Za-z0-9+/]{22}==$/).optional(),
  /** The person the browser is enrolled for: exceptions granted to them apply here. */
  user: z.string().optional(),
});
export type PolicyAnswer = z.infer<typeof PolicyAnswer>;

/** The background's question to the tab whose request it stopped: what was found (masked), and the decision. */
export const BackstopAsk = z
  .object({
    type: z.literal('backstop-ask'),
    channel: z.enum(CHANNELS),
    host: z.string().max(253),
    decision: z
      .object({
        action: z.enum(ACTIONS),
        rule: z.string().max(100).optional(),
        description: z.string().max(300).optional(),
        message: z.string().max(500).optional(),
        messages: LocalizedMessages.optional(),
        helpUrl: z.string().max(2000).optional(),
        training: z.string().max(2000).optional(),
        requireJustification: z.boolean(),
        because: z.array(z.enum(ENTITY_TYPES)).max(ENTITY_TYPES.length).optional(),
      })
      .strict(),
    /** Whether the employee can send a request (the browser is enrolled with a server that decides them). */
    canRequest: z.boolean().optional(),
    summary: z
      .array(
        z.object({
          type: z.enum(ENTITY_TYPES),
          category: z.enum(['phi', 'pii', 'secret', 'ip', 'health', 'manufacturing']),
          count: z.number().int().min(1),
          previews: DecisionReport.shape.findings.element.shape.previews,
          passage: z.literal(true).optional(),
        }).strict(),
      )
      .max(ENTITY_TYPES.length),
  })
  .strict();
export type BackstopAsk = z.infer<typeof BackstopAsk>;

/** The tab's answer: the employee's choice in the dialog. */
export const BackstopAnswer = z.object({ choice: z.enum(['continue', 'cancel']), justification: z.string().max(1000).optional(), request: GuardRequest.optional() }).strict();
export type BackstopAnswer = z.infer<typeof BackstopAnswer>;
