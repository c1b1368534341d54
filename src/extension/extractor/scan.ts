import { Engine } from '../../core/detect/engine';
import { DETECTORS } from '../../core/detect/registry';
import { Classifiers, organisationDetectors } from '../../core/policy';
import type { ScanReply, ScanRequest } from './protocol';

/** How long the frame scans before it reads its messages (a cancel) and reports progress. */
const SLICE_MS = 50;

let built: { classifiers: string; engine: Engine } | undefined;

/** The decider's engine for these classifiers (engineFor's): built once, again only when they change. */
function engineOf(classifiers: unknown): Engine {
  const json = JSON.stringify(classifiers);
  if (built?.classifiers !== json) built = { classifiers: json, engine: new Engine([...DETECTORS, ...organisationDetectors(Classifiers.parse(classifiers))]) };
  return built.engine;
}

const cancelled = new Set<number>();

export function cancelScan(id: number): void {
  cancelled.add(id);
}

/**
 * Scans a text in this frame's own thread (the extension's process, not the page's), in slices so that a cancel
 * is heard, posting progress after each slice and then the result.
 */
export async function serveScan(req: ScanRequest, post: (r: ScanReply) => void): Promise<void> {
  try {
    if (typeof req.id !== 'number' || typeof req.scan !== 'string') throw new Error('a malformed scan request');
    const steps = engineOf(req.classifiers).scanInSteps(req.scan);
    for (;;) {
      const sliceEnd = performance.now() + SLICE_MS;
      for (;;) {
        const step = steps.next();
        if (step.done) return post({ id: req.id, scanned: step.value });
        if (performance.now() > sliceEnd) {
          post({ id: req.id, progress: step.value / req.scan.length });
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 0));
      if (cancelled.delete(req.id)) return;
    }
  } catch (err) {
    post({ id: typeof req?.id === 'number' ? req.id : -1, error: (err as Error).message });
  }
}
