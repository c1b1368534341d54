import type { DocumentLabel, Finding } from './types';

/**
 * Document labels: SECRET for credentials; PII when a personal identifier is present; PHI (and PII) when an
 * identifier stands in health context, that is, beside a diagnosis, drug, procedure, clinical word or code.
 */
export function documentLabels(findings: readonly Finding[]): DocumentLabel[] {
  let identifier = false, health = false, secret = false;
  for (const f of findings) {
    if (f.category === 'secret') secret = true;
    else if (f.category === 'health') health = true;
    else if ((f.category === 'pii' || f.category === 'phi') && !f.quasi) identifier = true;
  }
  const labels: DocumentLabel[] = [];
  if (identifier && health) labels.push('PHI');
  if (identifier) labels.push('PII');
  if (secret) labels.push('SECRET');
  return labels;
}
