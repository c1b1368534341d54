import type { Engine } from '../../../core/detect/engine';
import { documentLabels, HEALTH_CONTEXT_CHARS } from '../../../core/detect/labels';
import type { Detector, Finding } from '../../../core/detect/types';

/** Fields up to this length are scanned whole at every change (some 1-2 ms, off the employee's path). */
export const WHOLE_SCAN_CHARS = 32 * 1024;
/**
 * Text scanned again on each side of a change. It covers everything a finding's score depends on: a
 * detector's keyword window (512 characters after a keyword), its context words, and the longest value the
 * engine keeps whole across its own chunks (4 KB: a PEM key, an address).
 */
export const MARGIN = 4 * 1024;

export interface Scanned {
  text: string;
  findings: Finding[];
}

/**
 * The findings of `text`, given those of the field's previous text. A long field is scanned again only where
 * it changed: findings in the changed region and MARGIN around it (the core) come from a fresh scan of the
 * core with another MARGIN of context on each side; findings outside the core are kept, moved by the change's
 * length. What depends on the whole text rather than on a neighbourhood (an identifier is PHI within 300
 * characters of a health term, or anywhere in a text that is clinical throughout; a batch number is IP near a
 * manufacturing word) is worked out again over all the findings (relabel), exactly as a whole scan does.
 */
export function rescan(engine: Engine, prev: Scanned | undefined, text: string): Finding[] {
  if (!prev || text.length <= WHOLE_SCAN_CHARS) return engine.scan(text).findings;
  const old = prev.text;
  if (old === text) return prev.findings;
  const common = Math.min(old.length, text.length);
  let start = 0;
  while (start < common && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < common - start && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  const oldEnd = old.length - tail;
  const delta = text.length - old.length;
  const coreStart = Math.max(0, start - MARGIN);
  const coreEnd = Math.min(text.length, text.length - tail + MARGIN);
  // A change over much of the field (a paste replacing it) costs less scanned whole.
  if ((coreEnd - coreStart) * 2 > text.length) return engine.scan(text).findings;
  const from = Math.max(0, coreStart - MARGIN);
  const to = Math.min(text.length, coreEnd + MARGIN);
  const fresh = engine
    .scan(text.slice(from, to))
    .findings.map((f) => ({ ...f, start: f.start + from, end: f.end + from }))
    .filter((f) => f.end > coreStart && f.start < coreEnd);
  const kept: Finding[] = [];
  for (const f of prev.findings) {
    const moved = f.start >= oldEnd ? { ...f, start: f.start + delta, end: f.end + delta } : f.end <= start ? f : undefined;
    if (moved && (moved.end <= coreStart || moved.start >= coreEnd) && !fresh.some((n) => n.start < moved.end && moved.start < n.end)) kept.push(moved);
  }
  return relabel(engine, text, [...kept, ...fresh].sort((a, b) => a.start - b.start || b.end - a.end));
}

const byId = new WeakMap<Engine, Map<string, Detector>>();

/**
 * Findings labelled over the whole text again: each back to what its detector says (category, quasi, no health
 * note), then the engine's own labelling (documentLabels) applied to all of them.
 */
function relabel(engine: Engine, text: string, findings: Finding[]): Finding[] {
  let detectors = byId.get(engine);
  if (!detectors) byId.set(engine, (detectors = new Map(engine.detectors.map((d) => [d.id, d]))));
  const out = findings.map((f) => {
    const d = detectors.get(f.detector);
    return { ...f, category: d?.category ?? f.category, quasi: d ? d.quasi || undefined : f.quasi, why: f.why.filter((w) => !w.startsWith('health context:')) };
  });
  const { phi, contextOf, outOfContext } = documentLabels(out);
  for (const f of phi) {
    f.category = 'phi';
    const h = contextOf.get(f);
    f.why.push(h ? `health context: "${text.slice(h.start, h.end).toLowerCase()}" within ${HEALTH_CONTEXT_CHARS} characters` : 'health context: a clinical text throughout');
  }
  for (const f of outOfContext) f.quasi = true;
  return out;
}
