import { z } from 'zod';
import { ENTITY_TYPES } from '../detect/types';
import { ClassifierId, Classifiers } from './classifiers';
import { LocalizedMessages } from './languages';
import { HostPattern } from './destinations';
import { GrantedException } from './grants';
import { AGREEMENT_KINDS, PolicyPartner } from './partners';

/**
 * Where content is leaving through. `web-request`: text a page sends by itself (fetch, XMLHttpRequest, beacons,
 * WebSocket messages, form.submit(), query strings), seen by the page-world hook or the network backstop;
 * `programmatic-upload`: files sent the same way.
 */
export const CHANNELS = ['paste', 'drop', 'file-upload', 'form-submit', 'prompt-submit', 'email-send', 'programmatic-upload', 'web-request'] as const;
/** What policy can do, weakest first: the order is the precedence (block beats redact beats warn beats audit). */
export const ACTIONS = ['allow', 'audit', 'warn', 'redact', 'block'] as const;
/** Named kinds of destination; `unknown` is every host on no list. */
export const DESTINATION_CATEGORIES = ['webmail', 'collaboration', 'file-sharing', 'generative-ai', 'unknown'] as const;
/** What a rule can ask for besides entity types. `pii` covers `phi` too: a health record is personal data. */
export const CONTENT_CATEGORIES = ['phi', 'pii', 'secret', 'ip'] as const;
/** How serious an incident is, least first: a rule may state one, else the server derives it (src/server/incidents/severity.ts). */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
/** Why content could not be scanned. `image`: an image bound outside the organisation whose text was not read. */
export const FAILURES = ['too-large', 'encrypted', 'unreadable', 'error', 'timeout', 'image'] as const;
/**
 * When the text in images is read (OCR): `external` for images bound outside the organisation (hosts not under
 * internalDomains), `always`, or `never`.
 */
export const READ_IMAGES = ['external', 'always', 'never'] as const;

export type Channel = (typeof CHANNELS)[number];
export type Action = (typeof ACTIONS)[number];
export type DestinationCategory = (typeof DESTINATION_CATEGORIES)[number];
export type Failure = (typeof FAILURES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type ReadImages = (typeof READ_IMAGES)[number];

export { HostPattern };

/** "example.com" (that domain and its subdomains) or a whole address "jane@example.com". */
const RecipientPattern = z.string().regex(/^(?:[^@\s]+@)?(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'a domain such as "example.com" or an address such as "jane@example.com"');

/** Where a party stands in the third-party register, for a rule's `party.is`. */
export const PARTY_STANDINGS = ['covered', 'uncovered', 'unknown'] as const;

export const Match = z
  .object({
    entityTypes: z.array(z.enum(ENTITY_TYPES)).min(1).optional().describe('Any of these entity types.'),
    categories: z.array(z.enum(CONTENT_CATEGORIES)).min(1).optional().describe('Any of these categories (pii includes phi).'),
    classifiers: z.array(ClassifierId).min(1).optional().describe("Any finding of these organisation classifiers (a dictionary, code format, pattern, exact-data table or document set, by id)."),
    minScore: z.number().min(0).max(1).default(0.5).describe('Findings under this score do not count.'),
    minCount: z.number().int().min(1).default(1).describe('The rule applies from this many findings on (10 for bulk exports).'),
    channels: z.array(z.enum(CHANNELS)).min(1).optional().describe('Any of these channels; every channel when absent.'),
    hosts: z.array(HostPattern).min(1).optional().describe('Any of these destination hosts.'),
    destinations: z.array(z.enum(DESTINATION_CATEGORIES)).min(1).optional().describe('Any of these kinds of destination.'),
    recipients: z.enum(['external', 'internal', 'any']).default('any').describe('For email: external means at least one recipient outside the internal domains.'),
    party: z
      .object({
        is: z.enum(PARTY_STANDINGS).describe('covered: every party is a partner with an agreement in force covering the categories found; uncovered: a party is a partner without one; unknown: a party is in no partner\'s names.'),
        of: z.enum(['recipients', 'destination', 'any']).default('any').describe('Who the parties are: the external recipients, the destination host, or (any) the recipients when there are some, else the destination.'),
        agreements: z.array(z.enum(AGREEMENT_KINDS)).min(1).optional().describe('The kinds of agreement that count ("baa"); every kind when absent.'),
      })
      .strict()
      .optional()
      .describe('Where content goes in terms of the third-party register (policy.partners).'),
    files: z
      .object({
        types: z.array(z.string().regex(/^\.?[a-z0-9]+$|^[a-z]+\/[a-z0-9.+*-]+$/)).min(1).optional().describe('Extensions (".pdf") or media types ("application/pdf", "image/*").'),
        minSizeBytes: z.number().int().min(0).optional(),
        encrypted: z.boolean().optional(),
        unscannable: z.boolean().optional(),
      })
      .strict()
      .optional()
      .describe('File facts; a rule with files matches only file uploads and drops of files.'),
  })
  .strict();

export const Rule = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
    description: z.string().max(300).optional(),
    enabled: z.boolean().default(true),
    match: Match,
    action: z.enum(ACTIONS),
    requireJustification: z.boolean().default(false).describe('With warn: the employee must say why before continuing.'),
    message: z.string().max(500).optional().describe('Shown to the employee instead of the default explanation.'),
    messages: LocalizedMessages.optional().describe('The message in the employee\'s language: {"en": "...", "de": "...", "pt_BR": "..."}. The browser\'s language picks one (pt_BR, then pt, then another pt_*), then message, then en, then the first.'),
    helpUrl: z.url({ protocol: /^https$/ }).optional(),
    training: z.url({ protocol: /^https$/ }).optional().describe("The training for this rule (https): the employee's dialog links to it."),
    incident: z
      .boolean()
      .optional()
      .describe("For the security team's console: true opens an incident for every event of this rule, false never; absent: blocks, redactions and warnings the employee went past open one."),
    severity: z.enum(SEVERITIES).optional().describe('The severity of the incidents this rule opens; absent: derived from the kind of data, how much of it and where it went.'),
  })
  .strict();

const FailMode = z.enum(['closed', 'open']);

export const Policy = z
  .object({
    version: z.number().int().min(1).describe('Grows with every change; a browser never goes back to a lower one.'),
    name: z.string().max(120).optional(),
    expiresAt: z.iso.datetime().optional().describe('After this, the policy is stale and the previous good one stays.'),
    rules: z.array(Rule).max(500),
    exceptions: z
      .object({
        hosts: z.array(HostPattern).default([]).describe('Hosts where nothing is checked.'),
        recipients: z.array(RecipientPattern).default([]).describe('Email recipients that never count as external.'),
        granted: z.array(GrantedException).max(5000).default([]).describe('Time-bound exceptions the security team granted (the server puts those in force into every policy it publishes).'),
      })
      .strict()
      .default({ hosts: [], recipients: [], granted: [] }),
    internalDomains: z.array(RecipientPattern).default([]).describe("The company's own email domains."),
    partners: z.array(PolicyPartner).max(5000).default([]).describe('The third-party register (the server puts it in every policy it publishes): partners, the names they answer to and their agreements.'),
    destinations: z
      .object(Object.fromEntries(DESTINATION_CATEGORIES.filter((c) => c !== 'unknown').map((c) => [c, z.array(HostPattern).optional()])) as Record<Exclude<DestinationCategory, 'unknown'>, z.ZodOptional<z.ZodArray<typeof HostPattern>>>)
      .strict()
      .default({})
      .describe('Hosts added to the bundled lists of each kind of destination.'),
    failures: z
      .object(Object.fromEntries(FAILURES.map((f) => [f, FailMode.optional()])) as Record<Failure, z.ZodOptional<typeof FailMode>>)
      .strict()
      .default({})
      .describe('closed (the default): content that could not be scanned counts as holding PHI and secrets; open: as clean, and audited. image: an image bound outside the organisation whose text was not read (OCR off or unable).'),
    classifiers: Classifiers.default({ compoundCodes: [], dictionaries: [], patterns: [] }).describe("The organisation's own classifiers: code formats, dictionaries, patterns."),
    readImages: z
      .union([z.enum(READ_IMAGES), z.boolean()])
      // The boolean of earlier versions: true read every image, false none.
      .transform((v): ReadImages => (v === true ? 'always' : v === false ? 'never' : v))
      .default('external')
      .describe(
        'When the text in images is read (OCR, English; a second or more per image) before deciding: external (the default) for images bound outside the organisation (hosts not under internalDomains), always, or never (true and false, in policy documents of earlier versions, mean always and never). An image bound outside that is not read counts as unscannable (failures.image).',
      ),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${r.id}"` });
      seen.add(r.id);
      if (r.requireJustification && r.action !== 'warn') ctx.addIssue({ code: 'custom', path: ['rules', i, 'requireJustification'], message: 'only a warn rule can ask for a justification' });
    });
  });

export type Policy = z.infer<typeof Policy>;
export type Rule = z.infer<typeof Rule>;
export type PolicyInput = z.input<typeof Policy>;

/** Validation errors as "path: message" lines, the way an administrator reads them. */
export function explainPolicyErrors(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(document)'}: ${i.message}`);
}

export function parsePolicy(input: unknown): { ok: true; policy: Policy } | { ok: false; errors: string[] } {
  const r = Policy.safeParse(input);
  return r.success ? { ok: true, policy: r.data } : { ok: false, errors: explainPolicyErrors(r.error) };
}
