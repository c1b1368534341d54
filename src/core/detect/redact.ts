import type { EntityType, Finding } from './types';

/** Findings that identify someone or something on their own: not quasi-identifiers, not context words. */
export const counts = (f: Finding): boolean => !f.quasi && f.category !== 'health' && f.category !== 'manufacturing';

/** What stands in for a value of each type, in the employee's language ("NOMBRE"); a type without one keeps its id. */
export type RedactionLabels = Partial<Record<EntityType, string>>;

/**
 * The text with every identifying finding replaced by its type in brackets ("SSN 123-45-6789" -> "SSN [SSN]"),
 * or by its label ("[NOMBRE]"), so that what is left still reads as the employee wrote it. Findings must not
 * overlap (the engine's do not).
 */
export function redact(text: string, findings: readonly Finding[], labels: RedactionLabels = {}): string {
  const spans = findings.filter(counts).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + `[${labels[f.type] || f.type}]`;
    at = f.end;
  }
  return out + text.slice(at);
}
