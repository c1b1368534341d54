import { keyedHashNow, normaliseValue } from '../events/hash';
import type { EvaluationContext } from './evaluate';
import { wantsValueHashes } from './grants';
import type { Policy } from './schema';

/**
 * The context of an evaluation with the keyed hashes of the text's values, where an exception in force lets
 * certain values through (and the browser holds the organisation's key): hashed as events hash them
 * (summary.ts), each distinct value once, passages never.
 */
export function withValueHashes(policy: Policy, ctx: EvaluationContext, text: string, rawKey: Uint8Array | undefined): EvaluationContext {
  if (!rawKey || !wantsValueHashes(policy.exceptions.granted, ctx)) return ctx;
  const known = new Map<string, string>();
  return {
    ...ctx,
    valueHash: (f) => {
      if (f.passage) return undefined;
      const value = normaliseValue(text.slice(f.start, f.end));
      let hash = known.get(value);
      if (hash === undefined) known.set(value, (hash = keyedHashNow(rawKey, value)));
      return hash;
    },
  };
}
