import { z } from 'zod';
import { scan } from '../detect';
import { counts, redact } from '../detect/redact';
import { ENTITY_TYPES } from '../detect/types';
import { ACTIONS, CHANNELS, DESTINATION_CATEGORIES } from '../policy/schema';

/** A masked preview keeps at most three letters or digits of a value in clear ("2••-••-••99"). */
const MaskedPreview = z
  .string()
  .max(200)
  .refine((p) => p.replace(/[^\p{L}\p{N}]|•/gu, '').length <= 3, 'a preview must be masked');

/** Text an employee wrote or a file was named; refused when it still holds an identifier (redactFreeText first). */
const FreeText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((t) => !freeTextFindings(t).some(counts), 'free text must not hold an identifier: redact it first');

/** File names join words with underscores ("gonzalez_219-09-9999.csv"): read them as spaces, same length. */
const freeTextFindings = (text: string) => scan(text.replace(/_/g, ' ')).findings;

/**
 * One decision as the security team sees it: who, where, how, what kinds of data, which rule, what happened.
 * It carries types, counts, masked previews and keyed hashes, never a matched value; the schema refuses
 * anything else, so an event that passes it can be stored, exported and forwarded.
 */
export const BulwarkEvent = z
  .object({
    id: z.uuid(),
    time: z.iso.datetime(),
    device: z.object({ id: z.string().max(128), user: z.string().max(256).optional() }).strict(),
    browser: z.object({ name: z.string().max(64), version: z.string().max(64) }).strict(),
    extensionVersion: z.string().max(32),
    policyVersion: z.number().int().min(0),
    channel: z.enum(CHANNELS),
    destination: z.object({ host: z.string().max(253), categories: z.array(z.enum(DESTINATION_CATEGORIES)).max(DESTINATION_CATEGORIES.length) }).strict(),
    /** Domains only: "partner-clinic.com", never the mailbox. */
    recipientDomains: z.array(z.string().max(253).regex(/^[^@\s]+$/, 'a domain, not an address')).max(500).default([]),
    file: z.object({ name: FreeText(255), type: z.string().max(255), size: z.number().int().min(0) }).strict().optional(),
    findings: z
      .array(
        z
          .object({
            type: z.enum(ENTITY_TYPES),
            category: z.enum(['phi', 'pii', 'secret', 'ip']),
            count: z.number().int().min(1),
            previews: z.array(MaskedPreview).max(3),
            /** HMAC-SHA256 of each distinct normalised value under the organisation's key, hex. */
            hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100).default([]),
          })
          .strict(),
      )
      .max(ENTITY_TYPES.length),
    rule: z.string().max(100).optional(),
    action: z.enum(ACTIONS),
    outcome: z.enum(['sent', 'redacted', 'cancelled']),
    justification: FreeText(1000).optional(),
  })
  .strict();

export type BulwarkEvent = z.infer<typeof BulwarkEvent>;

/** Redacts what an employee typed or a file was called before it goes into an event. */
export function redactFreeText(text: string): string {
  return redact(text, freeTextFindings(text));
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
    unmapped: { channel: e.channel, outcome: e.outcome, destination_categories: e.destination.categories, recipient_domains: e.recipientDomains, findings: e.findings, browser: e.browser },
  };
}
