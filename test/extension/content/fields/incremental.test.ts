import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, engineFor } from '../../../../src/core/policy';
import { MARGIN, rescan, WHOLE_SCAN_CHARS } from '../../../../src/extension/content/fields/incremental';
import type { Finding } from '../../../../src/core/detect/types';

const engine = engineFor(DEFAULT_POLICY);
const filler = (n: number, seed: number) => {
  const words = ['the', 'stability', 'study', 'moves', 'to', 'thursday', 'lot', 'planning', 'review', 'of', 'the', 'schedule', 'team', 'meeting', 'notes', 'budget'];
  let out = '';
  for (let i = 0; out.length < n; i++) out += words[(i * 7 + seed * 13) % words.length] + (i % 11 === 10 ? '. ' : ' ');
  return out.slice(0, n);
};
/**
 * What decisions read: identifiers and secrets with their category (PHI or not). Health terms themselves are
 * context; a whole scan caps how many it reports in a text full of them, so their lists may differ there.
 */
const view = (fs: Finding[]) => fs.filter((f) => f.category !== 'health' && f.category !== 'manufacturing').map((f) => `${f.type}:${f.category}:${f.start}-${f.end}:${f.quasi ? 'q' : ''}`).sort();
const whole = (text: string) => view(engine.scan(text).findings);

/** Types a piece of text into `text` at `at`, one scan per edit, as the watcher does; compares with a whole scan. */
function typeInto(text: string, at: number, typed: string, step = 7) {
  let current = text;
  let prev = { text: current, findings: engine.scan(current).findings };
  for (let i = step; i <= typed.length + step - 1; i += step) {
    const piece = typed.slice(0, Math.min(i, typed.length));
    current = text.slice(0, at) + piece + text.slice(at);
    prev = { text: current, findings: rescan(engine, prev, current) };
  }
  return prev;
}

describe('incremental scans of long fields give what a whole scan gives', () => {
  const long = filler(60_000, 1);

  it('an identifier typed into the middle of a long field is found, with its health context from afar', () => {
    // The diagnosis stands 250 characters before the SSN, outside the piece the employee types.
    const at = 30_000;
    const base = long.slice(0, at - 260) + ' diagnosed with diabetic ketoacidosis ' + long.slice(at - 222);
    const done = typeInto(base, at, ' Patient SSN 219-09-9999 ');
    expect(done.text.length).toBeGreaterThan(WHOLE_SCAN_CHARS);
    expect(view(done.findings)).toEqual(whole(done.text));
    expect(done.findings.some((f) => f.type === 'SSN' && f.category === 'phi')).toBe(true);
  });

  it('a health term typed far from an identifier does not make it PHI; one typed near it does, both as a whole scan says', () => {
    const at = 40_000;
    const base = long.slice(0, 20_000) + ' SSN 219-09-9999 ' + long.slice(20_000);
    const far = typeInto(base, at, ' the patient has diabetes ');
    expect(view(far.findings)).toEqual(whole(far.text));
    const near = typeInto(base, 20_000 + 18 + 100, ' the patient has diabetes ');
    expect(view(near.findings)).toEqual(whole(near.text));
    expect(near.findings.find((f) => f.type === 'SSN')?.category).toBe('phi');
  });

  it('a clinical text throughout makes every identifier PHI, however far it is from a term', () => {
    const clinical = Array.from({ length: 400 }, (_, i) => `Patient seen for hypertension and type 2 diabetes mellitus, metformin ${i % 9 + 1}00 mg continued. `).join('');
    const done = typeInto(clinical, 20_000, ' MRN 48213377 ');
    expect(view(done.findings)).toEqual(whole(done.text));
  });

  it('deleting a value removes its finding; findings after the change move with it', () => {
    const base = long.slice(0, 10_000) + ' SSN 219-09-9999 ' + long.slice(10_000, 50_000) + ' card 4111 1111 1111 1111 ' + long.slice(50_000);
    const prev = { text: base, findings: engine.scan(base).findings };
    const cut = base.indexOf(' SSN');
    const next = base.slice(0, cut) + base.slice(cut + 17);
    const found = rescan(engine, prev, next);
    expect(view(found)).toEqual(whole(next));
    expect(found.some((f) => f.type === 'SSN')).toBe(false);
  });

  it('scans only around the change: a change at the end does not rescan the start', () => {
    let scanned = 0;
    const counting = { ...engine, detectors: engine.detectors, scan: (t: string) => ((scanned += t.length), engine.scan(t)) } as typeof engine;
    const prev = { text: long, findings: engine.scan(long).findings };
    rescan(counting, prev, long + 'x');
    expect(scanned).toBeLessThanOrEqual(3 * MARGIN + 1);
  });
});
