import type { Engine } from '../../core/detect/engine';
import type { ScanResult } from '../../core/detect/types';
import type { EvaluationContext } from '../../core/policy';

/** How long the guard scans before it lets the page breathe (and paints progress). */
const SLICE_MS = 12;

export class Cancelled extends Error {
  constructor() {
    super('cancelled by the employee');
  }
}

/**
 * Scans on the page's main thread in slices of a few milliseconds, reporting the share done, so that a large
 * file shows progress and can be cancelled. Small texts finish in the first slice, without a pause.
 */
export async function scanInSlices(engine: Engine, text: string, onProgress: (done: number) => void, signal?: AbortSignal): Promise<ScanResult> {
  const steps = engine.scanInSteps(text);
  for (;;) {
    const sliceEnd = performance.now() + SLICE_MS;
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() > sliceEnd) {
        onProgress(step.value / text.length);
        break;
      }
    }
    await new Promise((r) => setTimeout(r, 0));
    if (signal?.aborted) throw new Cancelled();
  }
}

/** Files the guard reads as text today; other formats need the extractors and count as unreadable until then. */
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-ndjson|csv|javascript|x-sh|x-yaml|yaml|sql|x-www-form-urlencoded))/;
const TEXT_NAMES = /\.(txt|csv|tsv|json|ndjson|xml|html?|md|markdown|log|ya?ml|ini|conf|cfg|env|sql|sh|py|js|ts|java|c|cpp|cs|go|rb|php|pem|key|eml|rtf)$/i;
/** Over this size a file is not read at all: the policy's too-large failure mode decides. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type FileText = { text: string; file: NonNullable<EvaluationContext['file']> } | { failure: 'too-large' | 'unreadable'; file: NonNullable<EvaluationContext['file']> };

export async function readFileText(f: File): Promise<FileText> {
  const facts = { name: f.name, type: f.type, size: f.size };
  if (f.type.startsWith('image/')) return { text: '', file: facts };
  if (f.size > MAX_FILE_BYTES) return { failure: 'too-large', file: { ...facts, unscannable: true } };
  if (!TEXT_TYPES.test(f.type) && !TEXT_NAMES.test(f.name)) return { failure: 'unreadable', file: { ...facts, unscannable: true } };
  try {
    return { text: await f.text(), file: facts };
  } catch {
    return { failure: 'unreadable', file: { ...facts, unscannable: true } };
  }
}
