import { z } from 'zod';
import { scan } from '../detect';
import { counts, redact } from '../detect/redact';
import { ENTITY_TYPES } from '../detect/types';
import { ACTIONS, CHANNELS, DESTINATION_CATEGORIES } from '../policy/schema';
import { employeeRequest } from './request';

export { MAX_EXCEPTION_DAYS, REQUEST_KINDS } from './request';

/**
 * Control characters (NUL among them: PostgreSQL refuses it in text) and lone surrogates (not Unicode, and not
 * storable either): no string of an event holds one, so one bad event is refused alone, not its whole batch.
 */
const UNSTORABLE = /[\u0000-\u001f\u007f]|\p{Cs}/u;
const UNSTORABLE_ALL = /[\u0000-\u001f\u007f]|\p{Cs}/gu;

/** True when a string has no control characters and no lone surrogates. */
export const isPlainText = (text: string): boolean => !UNSTORABLE.test(text);

/** A string of at most `max` UTF-16 units, plain text only. */
export const PlainText = (max: number) => z.string().max(max).refine(isPlainText, 'no control characters or lone surrogates');

/** A masked preview keeps at most three letters or digits of a value in clear ("2••-••-••99"). */
const MaskedPreview = PlainText(200)
  .refine((p) => p.replace(/[^\p{L}\p{N}]|•/gu, '').length <= 3, 'a preview must be masked');

/** Text an employee wrote or a file was named; refused when it still holds an identifier (redactFreeText first). */
export const FreeText = (max: number) =>
  PlainText(max).refine((t) => !freeTextFindings(t).some(counts), 'free text must not hold an identifier: redact it first');

/** File names join words with underscores ("gonzalez_219-09-9999.csv"): read them as spaces, same length. */
const freeTextFindings = (text: string) => scan(text.replace(/_/g, ' ')).findings;

/** The categories a finding in an event has (health context makes personal data 'phi'). */
export const FINDING_CATEGORIES = ['phi', 'pii', 'secret', 'ip'] as const;
export const OUTCOMES = ['sent', 'redacted', 'cancelled'] as const;

/** What the employee asked of the security team from a decision's dialog (request.ts). */
export const EmployeeRequest = employeeRequest(FreeText(1000));
export type EmployeeRequest = z.infer<typeof EmployeeRequest>;

/**
 * One decision as the security team sees it: who, where, how, what kinds of data, which rule, what happened.
 * It carries types, counts, masked previews and keyed hashes, never a matched value; the schema refuses
 * anything else, so an event that passes it can be stored, exported and forwarded.
 */
export const BulwarkEvent = z
  .object({
    id: z.uuid(),
    time: z.iso.datetime(),
    /**
     * The token says which device sent it; its enrolled user is `user`. A different claim from the device is kept
     * as `claimedUser` with `userVerified: false` (both set by the server only, on what it stores).
     */
    device: z.object({ id: PlainText(128), user: PlainText(256).optional(), userVerified: z.literal(false).optional(), claimedUser: PlainText(256).optional() }).strict(),
    browser: z.object({ name: PlainText(64), version: PlainText(64) }).strict(),
    extensionVersion: PlainText(32),
    policyVersion: z.number().int().min(0),
    channel: z.enum(CHANNELS),
    destination: z.object({ host: PlainText(253), categories: z.array(z.enum(DESTINATION_CATEGORIES)).max(DESTINATION_CATEGORIES.length) }).strict(),
    /** Domains only: "partner-clinic.com", never the mailbox. */
    recipientDomains: z.array(PlainText(253).regex(/^[^@\s]+$/, 'a domain, not an address')).max(500).default([]),
    file: z.object({ name: FreeText(255), type: PlainText(255), size: z.number().int().min(0) }).strict().optional(),
    findings: z
      .array(
        z
          .object({
            type: z.enum(ENTITY_TYPES),
            category: z.enum(FINDING_CATEGORIES),
            count: z.number().int().min(1),
            previews: z.array(MaskedPreview).max(3),
            /** HMAC-SHA256 of each distinct normalised value under the organisation's key, hex. */
            hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100).default([]),
          })
          .strict(),
      )
      .max(ENTITY_TYPES.length),
    rule: PlainText(100).optional(),
    action: z.enum(ACTIONS),
    outcome: z.enum(OUTCOMES),
    justification: FreeText(1000).optional(),
    /** The granted exceptions that let content through or took values out of this decision (their ids). */
    exceptions: z.array(z.string().regex(/^[A-Za-z0-9-]{1,64}$/)).max(20).optional(),
    /** What the employee asked of the security team from this decision's dialog. */
    request: EmployeeRequest.optional(),
  })
  .strict();

export type BulwarkEvent = z.infer<typeof BulwarkEvent>;

/**
 * Redacts what an employee typed or a file was called before it goes into an event. Line breaks and other
 * control characters become spaces and lone surrogates U+FFFD (same length), so the event's schema takes it.
 */
export function redactFreeText(text: string): string {
  const plain = text.replace(UNSTORABLE_ALL, (c) => (c.length === 1 && c < '\u0080' ? ' ' : '\ufffd'));
  return redact(plain, freeTextFindings(plain));
}

const ACTION_IDS = { allow: 1, audit: 1, warn: 3, redact: 4, block: 2 } as const;
const DISPOSITION_IDS = { sent: 1, redacted: 11, cancelled: 2 } as const;

/**
 * The event as an OCSF Data Security Finding (class 2006, category Findings), for SIEMs that read OCSF. What
 * OCSF has no place for stays under `unmapped`.
 */
export function toOcsf(e: BulwarkEvent): Record<string, unknown> {
  return {
    class_uid: 2006,
    class_name: 'Data Security Finding',
    category_uid: 2,
    category_name: 'Findings',
    activity_id: 1,
    activity_name: 'Create',
    type_uid: 200601,
    time: Date.parse(e.time),
    severity_id: e.action === 'block' ? 4 : e.action === 'allow' || e.action === 'audit' ? 1 : 3,
    action_id: ACTION_IDS[e.action],
    disposition_id: DISPOSITION_IDS[e.outcome],
    metadata: { uid: e.id, version: '1.6.0', product: { name: 'Bulwark', vendor_name: 'Bulwark', version: e.extensionVersion } },
    device: { uid: e.device.id },
    actor: e.device.user ? { user: { uid: e.device.user } } : undefined,
    dst_endpoint: { hostname: e.destination.host },
    file: e.file && { name: e.file.name, mime_type: e.file.type, size: e.file.size },
    finding_info: { uid: e.id, title: `${e.action} on ${e.channel} to ${e.destination.host}`, types: e.findings.map((f) => f.type) },
    data_security: {
      data_lifecycle_state_id: 2,
      detection_pattern: e.rule,
      policy: { uid: e.rule, version: String(e.policyVersion) },
      category: [...new Set(e.findings.map((f) => f.category))].join(','),
    },
    comment: e.justification,
    unmapped: { claimed_user: e.device.claimedUser, channel: e.channel, outcome: e.outcome, destination_categories: e.destination.categories, recipient_domains: e.recipientDomains, findings: e.findings, browser: e.browser },
  };
}
