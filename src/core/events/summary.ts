import { counts } from '../detect/redact';
import type { Category, EntityType, Finding } from '../detect/types';
import { normaliseValue } from './hash';
import { mask } from './mask';

/** What an employee (and later an event) is told about a finding type: how many, and masked examples. */
export interface FindingSummary {
  type: EntityType;
  category: Category;
  count: number;
  /** Up to three masked previews ("4••• •••• •••• ••11"), never a value. */
  previews: string[];
  /** Every finding of the type is a passage (a block of code, a paragraph of a protected document): no value to remove. */
  passage?: true;
}

const PREVIEWS = 3;
/** As many keyed hashes as an event takes per type. */
const HASHED_VALUES = 100;

/**
 * The distinct normalised values behind each summary, for keyed hashes. Kept beside the summaries in memory
 * (a WeakMap, which JSON and structured clone never see), so that no report or event can carry them.
 */
const VALUES = new WeakMap<FindingSummary, Set<string>>();

export const summaryValues = (s: FindingSummary): ReadonlySet<string> => VALUES.get(s) ?? new Set();

/** Groups identifying findings by type, most frequent first. */
export function summarize(text: string, findings: readonly Finding[]): FindingSummary[] {
  return mergeSummaries(
    findings.filter(counts).map((f) => {
      const value = text.slice(f.start, f.end);
      const s: FindingSummary = { type: f.type, category: f.category, count: 1, previews: [mask(value)], ...(f.passage ? { passage: true as const } : {}) };
      // A passage (a block of code, a copied paragraph) is no value that another event could share: no hash.
      VALUES.set(s, new Set(f.passage ? [] : [normaliseValue(value)]));
      return s;
    }),
  );
}

/** One summary per type out of several (a paste's and its files'), most frequent first. */
export function mergeSummaries(summaries: readonly FindingSummary[]): FindingSummary[] {
  const byType = new Map<EntityType, FindingSummary>();
  for (const s of summaries) {
    let merged = byType.get(s.type);
    if (!merged) {
      byType.set(s.type, (merged = { type: s.type, category: s.category, count: 0, previews: [], ...(s.passage ? { passage: true as const } : {}) }));
      VALUES.set(merged, new Set());
    }
    if (!s.passage) delete merged.passage;
    const values = VALUES.get(merged)!;
    for (const v of summaryValues(s)) if (values.size < HASHED_VALUES) values.add(v);
    merged.count += s.count;
    // A finding labelled PHI anywhere makes the type PHI for the employee: the stronger reason is the one to see.
    if (s.category === 'phi') merged.category = 'phi';
    for (const p of s.previews) if (merged.previews.length < PREVIEWS && !merged.previews.includes(p)) merged.previews.push(p);
  }
  return [...byType.values()].sort((a, b) => b.count - a.count);
}
