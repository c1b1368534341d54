import type { BulwarkEvent } from '../../core/events/event';
import { SEVERITIES, type Severity } from '../../core/policy/schema';

/** Categories whose loss harms most: health records and credentials. */
const GRAVE_CATEGORIES = new Set(['phi', 'secret']);
/** Destinations where what arrives is out of the organisation's hands: AI assistants, file sharing, sites on no list. */
const FAR_DESTINATIONS = new Set(['generative-ai', 'file-sharing', 'unknown']);
/** From this many values in one event, it is a bulk export. */
export const BULK_FINDINGS = 10;

/**
 * An event's severity when its rule states none: low, raised one step each for
 * - health data or a secret among the findings (or nothing readable: content that could not be scanned),
 * - ten or more values found in it (a bulk export),
 * - a destination out of the organisation's hands (an AI assistant, file sharing, a host on no list).
 * So one e-mail address to webmail is low, a patient record to a colleague's mailbox medium, a patient record to
 * an AI assistant high, and a hundred of them there critical.
 */
export function derivedSeverity(e: Pick<BulwarkEvent, 'findings' | 'destination'>): Severity {
  const grave = e.findings.length === 0 || e.findings.some((f) => GRAVE_CATEGORIES.has(f.category));
  const bulk = e.findings.reduce((n, f) => n + f.count, 0) >= BULK_FINDINGS;
  const far = e.destination.categories.length === 0 || e.destination.categories.some((c) => FAR_DESTINATIONS.has(c));
  return SEVERITIES[[grave, bulk, far].filter(Boolean).length]!;
}

/** The rule's severity when it states one, else the derived one. */
export const eventSeverity = (e: Pick<BulwarkEvent, 'findings' | 'destination'>, ruleSeverity: Severity | undefined): Severity => ruleSeverity ?? derivedSeverity(e);

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** The graver of two. */
export const graver = (a: Severity, b: Severity): Severity => (severityRank(a) >= severityRank(b) ? a : b);
