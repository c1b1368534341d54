import type { BulwarkEvent } from '../../core/events/event';
import type { IncidentStatus } from '../../core/events/incident';
import { ACTIONS, CHANNELS, CONTENT_CATEGORIES, DESTINATION_CATEGORIES } from '../../core/policy/schema';
import { partnerOf } from '../../core/policy/partners';
import { verifyChain } from '../audit-chain';
import { coaching, type TeamFigures } from '../coaching';
import { agreementStanding, PartyTally, partiesOf, type PartyVolume } from '../partners/resolve';
import type { Store } from '../store';
import { eachEvent, incidentsOf } from './period';

export const PROFILES = {
  hipaa: { name: 'HIPAA', focus: ['phi'], basis: 'HIPAA Security Rule, 45 CFR 164.312(b) audit controls and 164.308(b) business associate contracts' },
  gdpr: { name: 'GDPR', focus: ['pii', 'phi'], basis: 'GDPR Art. 5(2) accountability, Art. 28 processors, Art. 30 records of processing, Art. 44 transfers' },
  appi: { name: 'APPI', focus: ['pii', 'phi'], basis: 'Act on the Protection of Personal Information (Japan), Art. 23-28 security control and third-party provision' },
  generic: { name: 'Generic', focus: ['phi', 'pii', 'secret', 'ip'], basis: 'Every category of sensitive data Bulwark detects' },
} as const;
export type Profile = keyof typeof PROFILES;

type Category = (typeof CONTENT_CATEGORIES)[number];
const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const DAY = 86_400_000;
/** A device not heard from for this long before the period's end is stale. */
export const STALE_DAYS = 7;

/** A compliance report's content, before it is signed and rendered (render.ts, sign.ts). */
export interface Report {
  period: { from: string; to: string; generatedAt: string; timezone: 'UTC' };
  profile: { id: Profile; name: string; basis: string; focus: readonly Category[] };
  summary: {
    total: number;
    /** Events holding data of the profile's categories. */
    focus: number;
    /** Content that left (outcome sent), redacted, cancelled (by the employee or a block). */
    left: number;
    blocked: number;
    warned: number;
    redacted: number;
    overridden: number;
    byAction: Record<(typeof ACTIONS)[number], number>;
    byCategory: Record<Category, { events: number; values: number; left: number }>;
    byChannel: Record<(typeof CHANNELS)[number], number>;
    byDestination: Record<(typeof DESTINATION_CATEGORIES)[number], number>;
  };
  partners: Array<{ id: string; name: string; kind: string; agreements: Array<{ kind: string; categories: string[]; expires: string | null; standing: string }> } & PartyVolume>;
  unknownRecipients: Array<{ party: string } & PartyVolume>;
  overrides: Array<{ id: string; time: string; user: string | null; rule: string | null; channel: string; destination: string; parties: string[]; partners: string[]; categories: string[]; justification: string | null }>;
  exceptions: {
    note: string;
    /** Employees' requests filed in the period (both kinds), and how those stand now. */
    counts: { asked: number; exceptionsAsked: number; falsePositivesReported: number; approved: number; rejected: number; open: number };
    /** Exceptions granted in the period (approved exception requests, and false positives let through): who, what, how long, by whom. */
    granted: Array<{ request: string; user: string; rule: string; host: string; values: string; asked: string; grantedAt: string; expiresAt: string; approvedBy: string; state: string }>;
    /** False-positive reports employees filed in the period, with their status. */
    falsePositives: Array<{ request: string; time: string; user: string | null; rule: string | null; host: string; types: string[]; status: string; decidedBy: string | null; letThrough: boolean }>;
    /** The security team's verdicts: incidents it closed as accepted risks. */
    acceptedRiskVerdicts: Array<{ incident: number; day: string; rule: string; user: string | null; events: number; owner: string | null; verdict: string | null }>;
    /** The security team's verdicts: incidents it closed as false positives. */
    falsePositiveVerdicts: Array<{ incident: number; day: string; rule: string; user: string | null; events: number; owner: string | null; verdict: string | null }>;
    /** What the policy in force at the end of the period exempts. */
    policy: { hosts: string[]; recipients: string[] };
  };
  policyChanges: {
    /** The versions in force during the period: the one in force at its start and every one published in it. */
    inForce: Array<{ version: number; publishedAt: string; publishedBy: string; note: string }>;
    /** Every change to policy, the register, protected data, people and tokens in the period, from the audit trail. */
    changes: Array<{ seq: number; time: string; actor: string; action: string; target: string }>;
  };
  coverage: { enrolled: number; reporting: number; stale: number; onOldPolicy: number; currentPolicyVersion: number | null; eventsLost: number; eventsLostNote: string };
  auditTrail: { verified: boolean; entries: number; head: string | null; brokenAt: number | null; reason: string | null; entriesInPeriod: number };
  /** The digest per team (src/server/coaching.ts): the monthly report's is the month's. */
  coaching: { note: string; teams: Array<Omit<TeamFigures, 'trend'>> };
}

const CHANGE_ACTIONS = /^(policy|partner|protected|user|token|enrollment|device|totp|request|exception)\./;

/**
 * The report over [from, to) (UTC days: `to` is the day after the last): counted from the stored events, the
 * register, the incidents, the policies, the devices and the audit trail. It holds what events hold (types,
 * counts, hosts, domains, justifications as stored: redacted by the event schema), never a matched value.
 */
export async function buildReport(store: Store, opts: { from: string; to: string; profile: Profile; now?: number }): Promise<Report> {
  const now = opts.now ?? Date.now();
  const fromMs = Date.parse(`${opts.from}T00:00:00Z`), toMs = Date.parse(`${opts.to}T00:00:00Z`) + DAY;
  const profile = PROFILES[opts.profile];
  const register = await store.partners.list();
  const policies = (await store.policies()).toSorted((a, b) => a.version - b.version);
  const atEnd = policies.filter((p) => p.publishedMs < toMs).at(-1);
  // The policy in force at the end (before any was published: the first one) says which domains are the organisation's.
  const reference = atEnd ?? policies[0];
  const endPolicy = reference && ((await store.policy(reference.version))?.doc.policy as { internalDomains?: string[]; exceptions?: { hosts?: string[]; recipients?: string[] } });
  const internal = endPolicy?.internalDomains ?? [];
  const tally = new PartyTally(register, internal);
  const summary: Report['summary'] = {
    total: 0, focus: 0, left: 0, blocked: 0, warned: 0, redacted: 0, overridden: 0,
    byAction: zeros(ACTIONS),
    byCategory: Object.fromEntries(CONTENT_CATEGORIES.map((c) => [c, { events: 0, values: 0, left: 0 }])) as Report['summary']['byCategory'],
    byChannel: zeros(CHANNELS),
    byDestination: zeros(DESTINATION_CATEGORIES),
  };
  const overrides: Report['overrides'] = [];
  const lastPolicyOf = new Map<string, { time: number; version: number }>();
  const add = (e: BulwarkEvent) => {
    tally.add(e);
    summary.total++;
    summary.byAction[e.action]++;
    summary.byChannel[e.channel]++;
    for (const d of e.destination.categories) summary.byDestination[d]++;
    const categories = [...new Set(e.findings.map((f) => f.category))];
    if (categories.some((c) => (profile.focus as readonly string[]).includes(c))) summary.focus++;
    for (const c of categories) {
      summary.byCategory[c].events++;
      if (e.outcome === 'sent') summary.byCategory[c].left++;
    }
    for (const f of e.findings) summary.byCategory[f.category].values += f.count;
    if (e.outcome === 'sent') summary.left++;
    if (e.action === 'block') summary.blocked++;
    if (e.action === 'warn') summary.warned++;
    if (e.outcome === 'redacted') summary.redacted++;
    const overridden = e.action === 'warn' && e.outcome === 'sent';
    if (overridden) {
      summary.overridden++;
      const parties = partiesOf(e, internal);
      overrides.push({
        id: e.id,
        time: e.time,
        user: e.device.user ?? null,
        rule: e.rule ?? null,
        channel: e.channel,
        destination: e.destination.host,
        parties,
        partners: [...new Set(parties.map((p) => partnerOf(register, p)?.id).filter((id): id is string => !!id))],
        categories,
        justification: e.justification ?? null,
      });
    }
    const t = Date.parse(e.time), seen = lastPolicyOf.get(e.device.id);
    if (!seen || seen.time < t) lastPolicyOf.set(e.device.id, { time: t, version: e.policyVersion });
  };
  await eachEvent(store, fromMs, toMs, add);
  overrides.sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));
  const endDay = new Date(toMs - DAY).toISOString().slice(0, 10);
  const partners: Report['partners'] = register.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    agreements: p.agreements.map((a) => ({ kind: a.kind, categories: a.categories, expires: a.expires ?? null, standing: agreementStanding(a.expires, Date.parse(`${endDay}T00:00:00Z`)).standing })),
    ...(tally.result.partners.get(p.id) ?? { events: 0, sent: 0, blocked: 0, received: { phi: 0, pii: 0, secret: 0, ip: 0 }, lastMs: null }),
  }));
  const unknownRecipients = [...tally.result.unknown].map(([party, v]) => ({ party, ...v })).sort((a, b) => b.events - a.events || a.party.localeCompare(b.party));

  const closed = async (status: IncidentStatus) =>
    (await incidentsOf(store, status, opts.from, endDay)).map((i) => ({ incident: i.id, day: i.day, rule: i.rule, user: i.user, events: i.eventCount, owner: i.owner, verdict: i.verdict }));

  const digest = await coaching(store, opts.from, endDay);
  const audit = await store.audit();
  const chain = verifyChain(audit);
  const inPeriod = audit.filter((e) => e.timeMs >= fromMs && e.timeMs < toMs);
  const devices = (await store.devices()).filter((d) => !d.revoked && d.enrolledMs < toMs);
  const current = atEnd?.version ?? null;
  return {
    period: { from: opts.from, to: endDay, generatedAt: new Date(now).toISOString(), timezone: 'UTC' },
    profile: { id: opts.profile, name: profile.name, basis: profile.basis, focus: profile.focus },
    summary,
    partners,
    unknownRecipients,
    overrides,
    exceptions: {
      note: "Requests are employees' own, from the browser's dialog: exception requests and \"this isn't sensitive\" reports; granted are the exceptions approved in the period (they travel in the signed policy and end at their expiry). The verdicts are the security team's, on incidents.",
      ...(await employeeRequests(store, fromMs, toMs, now)),
      acceptedRiskVerdicts: await closed('accepted_risk'),
      falsePositiveVerdicts: await closed('false_positive'),
      policy: { hosts: endPolicy?.exceptions?.hosts ?? [], recipients: endPolicy?.exceptions?.recipients ?? [] },
    },
    policyChanges: {
      inForce: policies.filter((p, i) => p.publishedMs < toMs && (p.publishedMs >= fromMs || policies[i + 1] === undefined || policies[i + 1]!.publishedMs >= fromMs)).map((p) => ({ version: p.version, publishedAt: new Date(p.publishedMs).toISOString(), publishedBy: p.publishedBy, note: p.note })),
      changes: inPeriod.filter((e) => CHANGE_ACTIONS.test(e.action)).map((e) => ({ seq: e.seq, time: new Date(e.timeMs).toISOString(), actor: e.actor, action: e.action, target: e.target })),
    },
    coverage: {
      enrolled: devices.length,
      reporting: devices.filter((d) => lastPolicyOf.has(d.id)).length,
      stale: devices.filter((d) => d.lastSeenMs === null || d.lastSeenMs < toMs - STALE_DAYS * DAY).length,
      onOldPolicy: current === null ? 0 : [...lastPolicyOf.values()].filter((s) => s.version < current).length,
      currentPolicyVersion: current,
      eventsLost: devices.reduce((n, d) => n + d.droppedTotal, 0),
      eventsLostNote: 'Events devices could not keep (full queues), as they reported them: a running total since enrollment, not limited to the period.',
    },
    auditTrail: {
      verified: chain.ok,
      entries: chain.entries,
      head: chain.ok ? chain.head : null,
      brokenAt: chain.ok ? null : chain.brokenAt,
      reason: chain.ok ? null : chain.reason,
      entriesInPeriod: inPeriod.length,
    },
    coaching: { note: digest.note, teams: digest.teams.map(({ trend: _, ...t }) => t) },
  };
}

/** The period's requests and grants: counts of what was asked and how it stands, the grants made, the false-positive reports. */
async function employeeRequests(store: Store, fromMs: number, toMs: number, now: number): Promise<Pick<Report['exceptions'], 'counts' | 'granted' | 'falsePositives'>> {
  const filed = await store.requests.filedBetween(fromMs, toMs, now);
  const made = await store.requests.grantsMadeBetween(fromMs, toMs, now);
  const byId = new Map((await Promise.all(made.map((g) => (g.requestId ? store.requests.get(g.requestId, now) : undefined)))).filter((r) => r !== undefined).map((r) => [r.id, r]));
  const asked = (id: string | null) => {
    const r = id ? byId.get(id) : undefined;
    if (!r) return '';
    if (r.kind === 'false-positive') return "a false-positive report";
    const s = r.scope!;
    return `${s.thisHostOnly ? 'this host' : 'every host'}, ${s.theseValuesOnly ? 'these values' : 'everything the rule finds'}, ${s.days} days`;
  };
  const count = (f: (r: (typeof filed)[number]) => boolean) => filed.filter(f).length;
  return {
    counts: {
      asked: filed.length,
      exceptionsAsked: count((r) => r.kind === 'exception'),
      falsePositivesReported: count((r) => r.kind === 'false-positive'),
      approved: count((r) => r.status === 'approved'),
      rejected: count((r) => r.status === 'rejected'),
      open: count((r) => r.status === 'open'),
    },
    granted: made.map((g) => ({
      request: g.requestId ?? g.id,
      user: g.grant.user ?? 'everyone',
      rule: g.grant.rule ?? 'every rule',
      host: g.grant.host ?? 'every host',
      values: g.grant.hashes ? `${g.grant.hashes.length} (keyed hashes)` : 'all',
      asked: asked(g.requestId),
      grantedAt: new Date(g.createdMs).toISOString(),
      expiresAt: g.grant.expiresAt,
      approvedBy: g.createdBy,
      state: g.state === 'revoked' ? `revoked by ${g.revokedBy} ${new Date(g.revokedMs!).toISOString()}` : g.state,
    })),
    falsePositives: filed
      .filter((r) => r.kind === 'false-positive')
      .map((r) => ({ request: r.id, time: new Date(r.createdMs).toISOString(), user: r.user, rule: r.rule, host: r.host, types: r.types, status: r.status, decidedBy: r.decidedBy, letThrough: r.grant !== null })),
  };
}
