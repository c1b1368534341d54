// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY, engineFor, evaluate } from '../../../../src/core/policy';
import type { Finding } from '../../../../src/core/detect/types';
import { FieldWatcher, SCAN_DELAY_MS, SCAN_MAX_WAIT_MS, SWEEP_MS, type Entry } from '../../../../src/extension/content/fields/watcher';
import type { Editable } from '../../../../src/extension/content/targets';

const PHI = 'Patient Maria Gonzalez, MRN 48213377, SSN 219-09-9999, was admitted with diabetic ketoacidosis.';
const engine = engineFor(DEFAULT_POLICY);

/** A watcher over the real engine and default policy, counting its scans and recording what it reports. */
function watcher(loaded = { yes: true }) {
  const scans: string[] = [];
  const reports: [Editable, Entry | undefined][] = [];
  const w = new FieldWatcher(
    {
      engine: () => (loaded.yes ? { ...engine, detectors: engine.detectors, scan: (t: string) => (scans.push(t), engine.scan(t)) } as typeof engine : undefined),
      decide: (_t: string, findings: Finding[], channel) => evaluate(DEFAULT_POLICY, findings, { channel, host: 'chat.example.com' }),
    },
    (field, entry) => reports.push([field, entry]),
  );
  return { w, scans, reports };
}

const textarea = (value = '') => {
  const t = document.createElement('textarea');
  t.value = value;
  document.body.append(t);
  return t;
};

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
});
afterEach(() => vi.useRealTimers());

describe('the field watcher: when fields are scanned', () => {
  it('marking a field costs no scan; the scan runs once, a pause after the last change', () => {
    const { w, scans } = watcher();
    const t = textarea();
    for (const ch of 'hello there') {
      t.value += ch;
      w.changed(t);
      vi.advanceTimersByTime(SCAN_DELAY_MS / 3);
    }
    expect(scans).toEqual([]);
    vi.advanceTimersByTime(SCAN_DELAY_MS);
    expect(scans).toEqual(['hello there']);
  });

  it('while the employee keeps typing, it scans at least every couple of seconds', () => {
    const { w, scans } = watcher();
    const t = textarea();
    for (let ms = 0; ms <= SCAN_MAX_WAIT_MS; ms += 100) {
      t.value += 'a';
      w.changed(t);
      vi.advanceTimersByTime(100);
    }
    expect(scans.length).toBe(1);
  });

  it('leaving a field scans it at once; flush scans everything changed, as a send needs', () => {
    const { w, scans } = watcher();
    const a = textarea('first'), b = textarea('second');
    w.changed(a);
    w.changed(b);
    w.left(a);
    expect(scans).toEqual(['first']);
    w.flush();
    expect(scans).toEqual(['first', 'second']);
    vi.advanceTimersByTime(SCAN_DELAY_MS * 2);
    expect(scans.length).toBe(2);
  });

  it('knows what policy would do with a field, and reports it so that the marker can come and go', () => {
    const { w, reports } = watcher();
    const t = textarea(PHI);
    w.changed(t);
    w.flush();
    expect(w.wouldStop([t])).toBe(true);
    expect(reports.at(-1)?.[1]?.decision.action).toBe('warn');
    t.value = 'The stability study moves to Thursday.';
    w.changed(t);
    w.flush();
    expect(w.wouldStop([t])).toBe(false);
    expect(reports.at(-1)?.[1]?.decision.action).toBe('allow');
  });

  it('a page that clears a field without an input event: the marker goes at the next sweep', () => {
    const { w, reports } = watcher();
    const t = textarea(PHI);
    w.changed(t);
    w.flush();
    t.value = '';
    vi.advanceTimersByTime(SWEEP_MS);
    expect(reports.at(-1)).toEqual([t, undefined]);
  });

  it('a field it never saw change (filled by script, in another frame) is scanned when asked, once', () => {
    const { w, scans } = watcher();
    const t = textarea(PHI);
    expect(w.wouldStop([t])).toBe(true);
    expect(w.wouldStop([t])).toBe(true);
    expect(scans.length).toBe(1);
  });

  it('a number typed into several boxes is judged as the send reads them, together', () => {
    const { w } = watcher();
    const boxes = ['219', '09', '9999'].map((v) => textarea(v));
    const context = textarea('Patient with diabetic ketoacidosis, SSN');
    expect(w.wouldStop([context])).toBe(false);
    expect(w.wouldStop(boxes)).toBe(false);
    expect(w.wouldStop([context, ...boxes])).toBe(true);
  });

  it('before the policy has loaded it knows nothing and scans nothing; at load the changes are scanned', () => {
    const loaded = { yes: false };
    const { w, scans } = watcher(loaded);
    const t = textarea(PHI);
    w.changed(t);
    vi.advanceTimersByTime(SCAN_DELAY_MS * 2);
    expect(w.wouldStop([t])).toBeUndefined();
    loaded.yes = true;
    w.flush();
    expect(scans).toEqual([PHI]);
  });
});
