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
  const byType = new Map<EntityType, FindingSummary>();
  for (const f of findings) {
    if (!counts(f)) continue;
    let s = byType.get(f.type);
    if (!s) byType.set(f.type, (s = { type: f.type, category: f.category, count: 0, previews: [] }));
    s.count++;
    // A finding labelled PHI anywhere makes the type PHI for the employee: the stronger reason is the one to see.
    if (f.category === 'phi') s.category = 'phi';
    const preview = mask(text.slice(f.start, f.end));
    if (s.previews.length < PREVIEWS && !s.previews.includes(preview)) s.previews.push(preview);
  }
  return [...byType.values()].sort((a, b) => b.count - a.count);
}
