import type { DocumentLabel, Finding } from './types';

/** How near a health term must stand to an identifier for the two to be PHI: the same few sentences. */
export const HEALTH_CONTEXT_CHARS = 300;
/**
 * A text whose health terms are this dense (per 1,000 characters, at least 6 of them) is clinical as a whole.
 * The health detector reports about one term per 100 characters of clinical text (health/terms.ts), so six
 * mean some 600 characters of it.
 */
const CLINICAL_TERMS_PER_1000 = 4;

export interface Labelling {
  labels: DocumentLabel[];
  /** Identifiers that stand in health context: protected health information. */
  phi: Finding[];
  /** For each of them, the health term that made the context (none where the whole text is clinical). */
  contextOf: ReadonlyMap<Finding, Finding>;
  /** Batch and lot numbers with no manufacturing word near them: a lot number on a receipt is no secret. */
  outOfContext: Finding[];
}

/** Types that are intellectual property only in manufacturing context, as identifiers are PHI only in health context. */
const NEEDS_MANUFACTURING_CONTEXT = new Set<Finding['type']>(['BATCH_NUMBER']);

/**
 * Document labels: SECRET for credentials; PII when a personal identifier is present; PHI (and PII) when an
 * identifier stands in health context, beside a diagnosis, drug, procedure, clinical word or code, or when the
 * whole text is clinical. A colleague's name in the signature of a mail that mentions a clinical study is not
 * PHI; a patient's name in the sentence about the diagnosis is. IP for the organisation's and its clients'
 * property: markings, structures, sequences, code, its own terms, tables and documents, and batch numbers in
 * manufacturing context.
 */
export function documentLabels(findings: readonly Finding[]): Labelling {
  // One pass sorts the findings into the kinds the labels need (each list keeps the findings' order).
  const health: Finding[] = [], identifiers: Finding[] = [], manufacturing: Finding[] = [], needsContext: Finding[] = [], ip: Finding[] = [];
  let secret = false;
  for (const f of findings) {
    if (f.category === 'health') health.push(f);
    else if ((f.category === 'pii' || f.category === 'phi') && !f.quasi) identifiers.push(f);
    else if (f.category === 'manufacturing') manufacturing.push(f);
    else if (f.category === 'secret') secret = true;
    else if (f.category === 'ip' && !f.quasi) ip.push(f);
    if (NEEDS_MANUFACTURING_CONTEXT.has(f.type)) needsContext.push(f);
  }
  // In a clinical text every identifier is PHI and no single term made the context: nothing to look up.
  const contextOf = new Map<Finding, Finding>();
  let phi = identifiers;
  if (!isDense(health)) {
    phi = [];
    for (const f of identifiers) {
      const near = nearestTerm(health, f);
      if (near && distance(near, f) <= HEALTH_CONTEXT_CHARS) {
        contextOf.set(f, near);
        phi.push(f);
      }
    }
  }
  const outOfContext = needsContext.length && !isDense(manufacturing) ? needsContext.filter((f) => nearest(manufacturing, f) > HEALTH_CONTEXT_CHARS) : [];
  const out = new Set(outOfContext);
  const labels: DocumentLabel[] = [];
  if (phi.length) labels.push('PHI');
  if (identifiers.length) labels.push('PII');
  if (secret) labels.push('SECRET');
  if (ip.some((f) => !out.has(f))) labels.push('IP');
  return { labels, phi, contextOf, outOfContext };
}

/** Context terms this dense make the whole text clinical (or a manufacturing record), not only their sentences. */
function isDense(terms: readonly Finding[]): boolean {
  const span = terms.length ? terms[terms.length - 1]!.end - terms[0]!.start + 1 : 0;
  return terms.length >= 6 && (terms.length / span) * 1000 >= CLINICAL_TERMS_PER_1000;
}

const distance = (h: Finding, f: Finding): number => (h.start >= f.end ? h.start - f.end : f.start >= h.end ? f.start - h.end : 0);

/** The context term nearest a finding (terms sorted by position): a binary search, however many terms. */
function nearestTerm(terms: readonly Finding[], f: Finding): Finding | undefined {
  let lo = 0, hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]!.start < f.start) lo = mid + 1;
    else hi = mid;
  }
  const [a, b] = [terms[lo - 1], terms[lo]];
  return a && (!b || distance(a, f) <= distance(b, f)) ? a : b;
}

/** Distance from a finding to the nearest context term. */
const nearest = (terms: readonly Finding[], f: Finding): number => {
  const h = nearestTerm(terms, f);
  return h ? distance(h, f) : Infinity;
};
