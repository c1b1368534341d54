import type { FindingSummary } from '../../../core/events/summary';
import type { Decision } from '../../../core/policy';

/**
 * What the dialog offers for a decision. Redaction only where everything that stops the share is a value: a
 * passage (a block of code, a paragraph of a protected document) replaced by a label would leave nothing worth
 * sending, so a redact rule over a passage blocks, and a warning over one asks why before it lets it go.
 */
export function offerFor<D extends Pick<Decision, 'action' | 'requireJustification' | 'because'>>(decision: D, summary: readonly FindingSummary[], canRewrite: boolean): { decision: D; canRedact: boolean } {
  const because = new Set(decision.because ?? summary.map((s) => s.type));
  const stopping = summary.filter((s) => because.has(s.type));
  const passage = stopping.some((s) => s.passage);
  const canRedact = canRewrite && stopping.length > 0 && !passage;
  const action = decision.action === 'redact' && !canRedact ? 'block' : decision.action;
  return { decision: { ...decision, action, requireJustification: decision.requireJustification || (action === 'warn' && passage) }, canRedact };
}
