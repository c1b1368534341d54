import { z } from 'zod';

/** Kinds of third party in the register. */
export const PARTNER_KINDS = ['client', 'cro', 'supplier', 'regulator', 'subcontractor'] as const;
/** Kinds of agreement: business associate (HIPAA), data processing (GDPR), confidentiality, quality (GMP). */
export const AGREEMENT_KINDS = ['baa', 'dpa', 'confidentiality', 'quality'] as const;
/** What the data categories of an agreement can be (the content categories of policy). */
const AGREEMENT_CATEGORIES = ['phi', 'pii', 'secret', 'ip'] as const;

export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** "acme.com": that domain or host and everything under it ("mail.acme.com"). */
export const PartyName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain or host such as "acme.com", without scheme, path or "@"');

export const Agreement = z
  .object({
    kind: z.enum(AGREEMENT_KINDS),
    categories: z.array(z.enum(AGREEMENT_CATEGORIES)).min(1).describe('The data categories the agreement covers.'),
    expires: z.iso.date().optional().describe('The last day it is in force (YYYY-MM-DD); absent: no end.'),
    reference: z.string().trim().max(200).optional().describe('Where the signed agreement is filed.'),
  })
  .strict();

/** A third party as policy carries it to browsers: who it is, the names it answers to and its agreements. */
export const PolicyPartner = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
    name: z.string().trim().min(1).max(200),
    kind: z.enum(PARTNER_KINDS),
    domains: z.array(PartyName).max(100).default([]).describe('E-mail domains (their subdomains too).'),
    hosts: z.array(PartyName).max(100).default([]).describe('Web hosts (their subdomains too).'),
    agreements: z.array(Agreement).max(50).default([]),
  })
  .strict();

export type PolicyPartner = z.infer<typeof PolicyPartner>;
export type Agreement = z.infer<typeof Agreement>;

/** True when `name` is `suffix` or lies under it ("mail.acme.com" under "acme.com"). */
export const under = (name: string, suffix: string): boolean => name === suffix || name.endsWith(`.${suffix}`);

/** The partner a domain or host belongs to (the longest matching name wins), or undefined for an unknown party. */
export function partnerOf<P extends Pick<PolicyPartner, 'domains' | 'hosts'>>(partners: readonly P[], name: string): P | undefined {
  const n = name.trim().toLowerCase().replace(/\.$/, '');
  let best: { partner: P; length: number } | undefined;
  for (const p of partners)
    for (const d of [...p.domains, ...p.hosts]) if (under(n, d) && (!best || d.length > best.length)) best = { partner: p, length: d.length };
  return best?.partner;
}

/** True when an agreement is in force on `day` (YYYY-MM-DD, UTC). */
export const inForce = (a: Pick<Agreement, 'expires'>, day: string): boolean => !a.expires || a.expires >= day;

/**
 * True when the partner has an agreement in force on `day`, of one of `kinds` (any kind when absent), that
 * covers every one of `categories`.
 */
export function covered(partner: Pick<PolicyPartner, 'agreements'>, categories: readonly string[], day: string, kinds?: readonly AgreementKind[]): boolean {
  return partner.agreements.some(
    (a) => inForce(a, day) && (!kinds || kinds.includes(a.kind)) && categories.every((c) => (a.categories as readonly string[]).includes(c)),
  );
}

/** The UTC day of a time, YYYY-MM-DD. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A partner as the register keeps it: what policy carries, and who in the organisation owns the relationship. */
export const Partner = PolicyPartner.extend({ owner: z.string().trim().min(1).max(256).describe('Who owns the relationship (a name or address).') }).strict();
export type Partner = z.infer<typeof Partner>;

/** What policy carries of a partner: its owner stays on the server. */
export const forPolicy = ({ owner: _owner, ...p }: Partner): PolicyPartner => p;
