import type { BulwarkEvent } from '../../core/events/event';
import type { Store } from '../store';
import { dayOf, partnerOf, under, type Partner } from '../../core/policy/partners';
import { CONTENT_CATEGORIES } from '../../core/policy/schema';

type Category = (typeof CONTENT_CATEGORIES)[number];

/** What went to one party (a partner, or an unknown domain or host) in a period. */
export interface PartyVolume {
  /** Events bound for it (sent, redacted, cancelled or blocked). */
  events: number;
  /** Events whose content went (outcome sent). */
  sent: number;
  blocked: number;
  /** Values received, per category: the findings' counts of the events sent. */
  received: Record<Category, number>;
  lastMs: number | null;
}

const emptyVolume = (): PartyVolume => ({ events: 0, sent: 0, blocked: 0, received: { phi: 0, pii: 0, secret: 0, ip: 0 }, lastMs: null });

/**
 * The parties of an event: its recipients' domains outside the organisation when it has recipients, else its
 * destination host (unless that is the organisation's own). The same reading as policy's `party` (any).
 */
export function partiesOf(e: Pick<BulwarkEvent, 'recipientDomains' | 'destination'>, internalDomains: readonly string[]): string[] {
  const internal = (name: string) => internalDomains.some((d) => !d.includes('@') && under(name, d));
  if (e.recipientDomains.length) return [...new Set(e.recipientDomains.map((d) => d.toLowerCase()))].filter((d) => !internal(d));
  return internal(e.destination.host) ? [] : [e.destination.host.toLowerCase()];
}

export interface Resolution {
  partners: Map<string, PartyVolume>;
  /** Parties in no partner's names, by domain or host. */
  unknown: Map<string, PartyVolume>;
}

/** Each event's parties resolved to partners (subdomains included) or unknown parties, with volumes. */
export class PartyTally {
  readonly result: Resolution = { partners: new Map(), unknown: new Map() };
  constructor(
    private readonly register: readonly Partner[],
    private readonly internalDomains: readonly string[],
  ) {}

  add(e: BulwarkEvent): void {
    for (const party of partiesOf(e, this.internalDomains)) {
      const partner = partnerOf(this.register, party);
      const map = partner ? this.result.partners : this.result.unknown;
      const key = partner ? partner.id : party;
      const v = map.get(key) ?? emptyVolume();
      map.set(key, v);
      v.events++;
      v.lastMs = Math.max(v.lastMs ?? 0, Date.parse(e.time));
      if (e.action === 'block') v.blocked++;
      if (e.outcome !== 'sent') continue;
      v.sent++;
      for (const f of e.findings) v.received[f.category] += f.count;
    }
  }
}

export const EXPIRY_NOTICE_DAYS = 30;

export type AgreementStanding = 'in-force' | 'expiring' | 'expired';

/** Where an agreement stands on a day: expired after its last day, expiring within EXPIRY_NOTICE_DAYS of it. */
export function agreementStanding(expires: string | undefined, now: number, noticeDays = EXPIRY_NOTICE_DAYS): { standing: AgreementStanding; daysLeft: number | null } {
  if (!expires) return { standing: 'in-force', daysLeft: null };
  const daysLeft = Math.round((Date.parse(`${expires}T00:00:00Z`) - Date.parse(`${dayOf(now)}T00:00:00Z`)) / 86_400_000);
  return { standing: daysLeft < 0 ? 'expired' : daysLeft <= noticeDays ? 'expiring' : 'in-force', daysLeft };
}

/** The register and its standing over a period: events resolved to partners and unknown parties, agreements' expiry. */
export interface RegisterView {
  from: string;
  to: string;
  partners: Array<Omit<Partner, 'agreements'> & { volume: PartyVolume; agreements: Array<Partner['agreements'][number] & { standing: AgreementStanding; daysLeft: number | null }> }>;
  /** Parties in no partner's names, the most data received first. */
  unknown: Array<{ party: string; volume: PartyVolume }>;
  /** Agreements expired or ending within EXPIRY_NOTICE_DAYS, the soonest first. */
  expiring: Array<{ partner: string; name: string; kind: string; expires: string; standing: AgreementStanding; daysLeft: number }>;
}

const receivedTotal = (v: PartyVolume): number => Object.values(v.received).reduce((a, b) => a + b, 0);
const byData = (a: PartyVolume, b: PartyVolume) => receivedTotal(b) - receivedTotal(a) || b.events - a.events;

/** Reads the events of [from, to) page by page and resolves them against the register. */
export async function registerView(
  store: Pick<Store, 'events' | 'currentPolicy' | 'partners'>,
  from: number,
  to: number,
  now = Date.now(),
): Promise<RegisterView> {
  const register = await store.partners.list();
  const internal = ((await store.currentPolicy())?.doc.policy as { internalDomains?: string[] } | undefined)?.internalDomains ?? [];
  const tally = new PartyTally(register, internal);
  for (let cursor: string | undefined, first = true; first || cursor; first = false) {
    const page = await store.events({ from, to }, 1000, cursor);
    for (const s of page.events) tally.add(s.event);
    cursor = page.next;
  }
  const partners = register
    .map((p) => ({ ...p, volume: tally.result.partners.get(p.id) ?? emptyVolume(), agreements: p.agreements.map((a) => ({ ...a, ...agreementStanding(a.expires, now) })) }))
    .sort((a, b) => byData(a.volume, b.volume) || a.name.localeCompare(b.name));
  const expiring = partners
    .flatMap((p) => p.agreements.filter((a) => a.standing !== 'in-force').map((a) => ({ partner: p.id, name: p.name, kind: a.kind, expires: a.expires!, standing: a.standing, daysLeft: a.daysLeft! })))
    .sort((a, b) => a.daysLeft - b.daysLeft);
  const unknown = [...tally.result.unknown].map(([party, volume]) => ({ party, volume })).sort((a, b) => byData(a.volume, b.volume) || a.party.localeCompare(b.party));
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), partners, unknown, expiring };
}
