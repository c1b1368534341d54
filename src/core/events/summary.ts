import { counts } from '../detect/redact';
import type { Category, EntityType, Finding } from '../detect/types';
import { mask } from './mask';

/** What an employee (and later an event) is told about a finding type: how many, and masked examples. */
export interface FindingSummary {
  type: EntityType;
  category: Category;
  count: number;
  /** Up to three masked previews ("4••• •••• •••• ••11"), never a value. */
  previews: string[];
}

const PREVIEWS = 3;

/** Groups identifying findings by type, most frequent first. */
export function summarize(text: string, findings: readonly Finding[]): FindingSummary[] {
  return mergeSummaries(findings.filter(counts).map((f) => ({ type: f.type, category: f.category, count: 1, previews: [mask(text.slice(f.start, f.end))] })));
}

/** One summary per type out of several (a paste's and its files'), most frequent first. */
export function mergeSummaries(summaries: readonly FindingSummary[]): FindingSummary[] {
  const byType = new Map<EntityType, FindingSummary>();
  for (const s of summaries) {
    let merged = byType.get(s.type);
    if (!merged) byType.set(s.type, (merged = { type: s.type, category: s.category, count: 0, previews: [] }));
    merged.count += s.count;
    // A finding labelled PHI anywhere makes the type PHI for the employee: the stronger reason is the one to see.
    if (s.category === 'phi') merged.category = 'phi';
    for (const p of s.previews) if (merged.previews.length < PREVIEWS && !merged.previews.includes(p)) merged.previews.push(p);
  }
  return [...byType.values()].sort((a, b) => b.count - a.count);
}
