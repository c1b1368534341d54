import { counts } from '../detect/redact';
import { organisationDetectorId, type EntityType, type Finding } from '../detect/types';
import { destinationCategories, hostMatches } from './destinations';
import { grantsForRule, grantsInForce, type GrantedException } from './grants';
import { covered, dayOf, partnerOf, under } from './partners';
import { ACTIONS, CONTENT_CATEGORIES, type Action, type Channel, type DestinationCategory, type Failure, type Policy, type Rule } from './schema';

/** What is known about the place and way content is leaving. */
export interface EvaluationContext {
  channel: Channel;
  /** The destination's host name, lower case ("mail.google.com"). */
  host: string;
  /** Email recipients, for the email-send channel. */
  recipients?: readonly string[];
  file?: { name?: string; type?: string; size?: number; encrypted?: boolean; unscannable?: boolean };
  /** Set when the content could not be scanned. */
  failure?: Failure;
  /** The time of the decision (ms since 1970; now when absent): agreements of the register and exceptions expire. */
  now?: number;
  /** The person the browser is enrolled for: exceptions granted to a person apply to them only. */
  user?: string;
  /** The keyed hash of a finding's normalised value, where the caller can compute it: exceptions for values need it. */
  valueHash?: (finding: Finding) => string | undefined;
}

export interface Decision {
  action: Action;
  /** The rule that decided; undefined when none applied (or an exception did). */
  rule?: string;
  requireJustification: boolean;
  message?: string;
  /** The message in other languages (the UI picks one with messageIn). */
  messages?: Record<string, string>;
  helpUrl?: string;
  /** The rule's training (https), linked from the dialog. */
  training?: string;
  /** Every rule that applied, strongest first. */
  matched: string[];
  /** The rule's description, for the employee's dialog. */
  description?: string;
  /**
   * The entity types of the findings that made the deciding rule apply (the dialog says what blocks); empty for
   * content that could not be scanned.
   */
  because?: EntityType[];
  /** The granted exceptions that took a rule or values out of this decision (their ids). */
  exceptions?: string[];
  /** A sentence for the employee and the audit trail. Never holds a matched value. */
  explanation: string;
}

const rank = (a: Action): number => ACTIONS.indexOf(a);

/**
 * Decides what happens to content with these findings at this destination: the strongest action of the rules
 * that apply (block beats redact beats warn beats audit beats allow; among equals, the first rule listed).
 */
export function evaluate(policy: Policy, findings: readonly Finding[], ctx: EvaluationContext): Decision {
  const host = ctx.host.toLowerCase();
  if (policy.exceptions.hosts.some((p) => hostMatches(p, host)))
    return { action: 'allow', requireJustification: false, matched: [], explanation: `${host} is an allowed host: nothing is checked there.` };
  const facts = factsOf(policy, findings, ctx, host);
  const live = grantsInForce(policy.exceptions.granted, { ...ctx, host });
  const used = new Set<string>();
  // Each rule with the findings it sees: all of them, or those whose values no grant lets through it.
  const applied = policy.rules.flatMap((r) => {
    if (!r.enabled || !applies(r, facts, ctx, policy)) return [];
    const seen = live.length ? withGrants(r, facts, ctx, policy, live, used) : facts;
    return seen ? [{ rule: r, facts: seen }] : [];
  });
  // A stable sort keeps the policy's order among rules of equal strength.
  applied.sort((a, b) => rank(b.rule.action) - rank(a.rule.action));
  const exceptions = used.size ? { exceptions: [...used] } : {};
  const top = applied[0];
  if (!top) {
    const failedOpen = ctx.failure !== undefined;
    // Content let through by an exception is recorded: the security team and inspectors see the exception used.
    return {
      action: failedOpen || used.size ? 'audit' : 'allow',
      requireJustification: false,
      matched: [],
      ...exceptions,
      explanation: failedOpen
        ? `The content could not be scanned (${ctx.failure}); policy lets it through and records it.`
        : used.size
          ? `An exception the security team granted (${[...used].join(', ')}) lets this through; it is recorded.`
          : 'No rule applies.',
    };
  }
  const { rule } = top;
  return {
    action: rule.action,
    rule: rule.id,
    description: rule.description,
    requireJustification: rule.action === 'warn' && rule.requireJustification,
    message: rule.message,
    messages: rule.messages,
    helpUrl: rule.helpUrl,
    training: rule.training,
    matched: applied.map((a) => a.rule.id),
    because: facts.assumeWorst ? [] : [...new Set(takenFindings(rule, top.facts).map((f) => f.type))],
    ...exceptions,
    explanation: explain(rule, top.facts, ctx, policy),
  };
}

/**
 * A rule that applies, under the grants in force: undefined when a grant takes it out, or when it no longer
 * applies without the values grants let through (the grants that did are added to `used`); else the facts it sees.
 */
function withGrants(rule: Rule, facts: Facts, ctx: EvaluationContext, policy: Policy, live: readonly GrantedException[], used: Set<string>): Facts | undefined {
  const { off, byValue } = grantsForRule(live, rule.id);
  if (off) {
    used.add(off.id);
    return undefined;
  }
  if (!byValue.length || !ctx.valueHash || facts.assumeWorst) return facts;
  const letThrough = (f: Finding) => byValue.filter((g) => g.hashes!.includes(ctx.valueHash!(f) ?? ''));
  const kept = facts.findings.filter((f) => !letThrough(f).length);
  if (kept.length === facts.findings.length) return facts;
  const seen = { ...facts, findings: kept };
  if (applies(rule, seen, ctx, policy)) return seen;
  for (const f of facts.findings) for (const g of letThrough(f)) used.add(g.id);
  return undefined;
}

/** The findings that make a rule apply: those its content conditions take (every finding that counts, without conditions). */
function takenFindings(rule: Rule, facts: Facts): readonly Finding[] {
  const m = rule.match;
  return !m.entityTypes && !m.categories && !m.classifiers ? facts.findings : matching(rule, facts.findings);
}

interface Facts {
  destinations: DestinationCategory[];
  external: boolean;
  /** Findings that count (identifiers and secrets; quasi-identifiers and health words do not). */
  findings: readonly Finding[];
  /** Content that could not be scanned and fails closed counts as holding PHI and secrets. */
  assumeWorst: boolean;
  /** Internal domains and recipients that never count as external. */
  internal: string[];
}

function factsOf(policy: Policy, findings: readonly Finding[], ctx: EvaluationContext, host: string): Facts {
  const internal = [...policy.internalDomains, ...policy.exceptions.recipients];
  const external = (ctx.recipients ?? []).some((r) => !internal.some((d) => recipientMatches(d, r)));
  return {
    destinations: destinationCategories(host, policy.destinations),
    external,
    findings: findings.filter(counts),
    assumeWorst: ctx.failure !== undefined && (policy.failures[ctx.failure] ?? 'closed') === 'closed',
    internal,
  };
}

/** "example.com" covers its subdomains' addresses too; a full address covers only itself. */
function recipientMatches(pattern: string, address: string): boolean {
  const a = address.trim().toLowerCase();
  if (pattern.includes('@')) return a === pattern;
  const domain = a.slice(a.lastIndexOf('@') + 1);
  return domain === pattern || domain.endsWith(`.${pattern}`);
}

function applies(rule: Rule, facts: Facts, ctx: EvaluationContext, policy: Policy): boolean {
  const m = rule.match;
  if (m.channels && !m.channels.includes(ctx.channel)) return false;
  if (m.hosts && !m.hosts.some((p) => hostMatches(p, ctx.host.toLowerCase()))) return false;
  if (m.destinations && !m.destinations.some((d) => facts.destinations.includes(d))) return false;
  if (m.recipients !== 'any' && (ctx.channel !== 'email-send' || facts.external !== (m.recipients === 'external'))) return false;
  if (m.files && !fileMatches(m.files, ctx.file)) return false;
  const taken = takes(rule, facts);
  if (!taken) return false;
  return !m.party || partyMatches(m.party, partyStandings(m.party, policy, facts, ctx, taken));
}

/**
 * The categories of what a rule takes: of the findings its content conditions match (every finding that counts,
 * without conditions), or its own categories for unscanned content taken to hold PHI and secrets; undefined when
 * fewer findings match than it asks for.
 */
function takes(rule: Rule, facts: Facts): string[] | undefined {
  const m = rule.match;
  if (!m.entityTypes && !m.categories && !m.classifiers) return facts.findings.map((f) => f.category);
  if (facts.assumeWorst && m.categories?.some((c) => c !== 'ip')) return m.categories;
  const found = matching(rule, facts.findings);
  return found.length >= m.minCount ? found.map((f) => f.category) : undefined;
}

type Standing = { party: string; partner?: string; standing: 'covered' | 'uncovered' | 'unknown'; categories: string[] };

/**
 * The parties content goes to (external recipients' domains, or the destination host) against the register: a
 * party is a partner with an agreement in force covering every category found, a partner without, or unknown.
 */
function partyStandings(want: NonNullable<Rule['match']['party']>, policy: Policy, facts: Facts, ctx: EvaluationContext, found: readonly string[]): Standing[] {
  const categories = [...new Set(found)].filter((c) => (CONTENT_CATEGORIES as readonly string[]).includes(c));
  const external = (ctx.recipients ?? []).filter((r) => !facts.internal.some((d) => recipientMatches(d, r))).map((r) => r.slice(r.lastIndexOf('@') + 1));
  const host = ctx.host.toLowerCase();
  const destination = facts.internal.some((d) => !d.includes('@') && under(host, d)) ? [] : [host];
  const parties = want.of === 'recipients' ? external : want.of === 'destination' ? destination : ctx.recipients?.length ? external : destination;
  const day = dayOf(ctx.now ?? Date.now());
  return parties.map((party) => {
    const partner = partnerOf(policy.partners, party);
    return { party, partner: partner?.name, categories, standing: !partner ? 'unknown' : covered(partner, categories, day, want.agreements) ? 'covered' : 'uncovered' };
  });
}

const partyMatches = (want: NonNullable<Rule['match']['party']>, standings: readonly Standing[]): boolean =>
  want.is === 'covered' ? standings.length > 0 && standings.every((s) => s.standing === 'covered') : standings.some((s) => s.standing === want.is);

/** " (Vialco: no agreement covering phi)": the parties that made a party rule apply, for its explanation. */
function partyNote(want: NonNullable<Rule['match']['party']>, standings: readonly Standing[]): string {
  const named = standings.filter((s) => want.is === 'covered' || s.standing === want.is);
  const what = (s: Standing) =>
    s.standing === 'unknown' ? `${s.party}: not in the third-party register` : `${s.partner}: ${s.standing === 'covered' ? 'an agreement' : 'no agreement'}${want.agreements ? ` (${want.agreements.join(', ').toUpperCase()})` : ''} covering ${s.categories.join(', ') || 'it'}`;
  return named.length ? ` (${named.map(what).join('; ')})` : '';
}

/** The findings a rule's content conditions take. */
function matching(rule: Rule, findings: readonly Finding[]): Finding[] {
  const m = rule.match;
  return findings.filter((f) => {
    if (f.score < m.minScore) return false;
    const byType = m.entityTypes?.includes(f.type) ?? false;
    const byCategory = m.categories?.some((c) => c === f.category || (c === 'pii' && f.category === 'phi')) ?? false;
    const byClassifier = m.classifiers?.some((id) => f.detector === organisationDetectorId(id)) ?? false;
    return byType || byCategory || byClassifier;
  });
}

function fileMatches(want: NonNullable<Rule['match']['files']>, file: EvaluationContext['file']): boolean {
  if (!file) return false;
  if (want.encrypted !== undefined && Boolean(file.encrypted) !== want.encrypted) return false;
  if (want.unscannable !== undefined && Boolean(file.unscannable) !== want.unscannable) return false;
  if (want.minSizeBytes !== undefined && (file.size ?? 0) < want.minSizeBytes) return false;
  if (want.types) {
    const name = (file.name ?? '').toLowerCase(), type = (file.type ?? '').toLowerCase();
    const ok = want.types.some((t) =>
      t.includes('/') ? (t.endsWith('/*') ? type.startsWith(t.slice(0, -1)) : type === t) : name.endsWith(t.startsWith('.') ? t : `.${t}`),
    );
    if (!ok) return false;
  }
  return true;
}

const VERB: Record<Action, string> = { allow: 'is allowed', audit: 'is allowed and recorded', warn: 'needs a second look', redact: 'will be sent with the sensitive values removed', block: 'is blocked' };

function explain(rule: Rule, facts: Facts, ctx: EvaluationContext, policy: Policy): string {
  const what = facts.assumeWorst ? `content that could not be scanned (${ctx.failure})` : describeFindings(rule, facts.findings);
  const where = facts.destinations.includes('unknown') ? ctx.host : `${ctx.host} (${facts.destinations.join(', ')})`;
  const party = rule.match.party;
  const note = party ? partyNote(party, partyStandings(party, policy, facts, ctx, takes(rule, facts) ?? [])) : '';
  return `${capitalise(what)} going to ${where}${note} by ${ctx.channel} ${VERB[rule.action]}: rule "${rule.id}".`;
}

function describeFindings(rule: Rule, findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.score >= rule.match.minScore) counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
  if (!counts.size) return 'content';
  return [...counts].map(([t, n]) => `${n} ${t.toLowerCase().replace(/_/g, ' ')}${n > 1 ? 's' : ''}`).join(', ');
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
