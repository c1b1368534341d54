import type { Engine } from '../../core/detect/engine';
import type { ScanResult } from '../../core/detect/types';
import { DEFAULT_LIMITS, IMAGE_FORMATS, type ImageFormat, type TextPart } from '../../core/extract';
import type { EvaluationContext, Failure, ImageReading } from '../../core/policy';
import { extractor } from './extractor-client';
import type { PolicyClient } from './policy-client';

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

/**
 * Texts from this size on are scanned in the extension's frame, off the page's main thread: under it a scan
 * takes a slice or two here (the engine reads well over 1 MB/s), less than a frame's set-up and the copy to it.
 */
export const OFF_THREAD_CHARS = 64 * 1024;

/**
 * Scans a text for the policy in force: a large one in the extension's frame (same detectors and classifiers),
 * a small one, or one the frame cannot take, here in slices. Protected data stays here: its detectors hold the
 * organisation's keyed hashes, which are not handed to another frame.
 */
export async function scanText(policy: PolicyClient, text: string, onProgress: (done: number) => void, signal?: AbortSignal): Promise<ScanResult> {
  if (text.length >= OFF_THREAD_CHARS && !policy.hasProtectedData) {
    const result = await extractor.scan(text, policy.policy.classifiers, onProgress, signal);
    if (signal?.aborted) throw new Cancelled();
    if (result) return result;
  }
  return scanInSlices(policy.engine(), text, onProgress, signal);
}

type FileFacts = NonNullable<EvaluationContext['file']>;

/** A file's text parts (what could be read), and the failure the policy must also weigh, if any. */
export interface FileRead {
  parts: TextPart[];
  file: FileFacts;
  failure?: Failure;
  reason?: string;
}

/**
 * Reads a file of any format the extractors know (office documents, PDF, archives, e-mail, text, images) in the
 * file-reader frame, off the page's main thread. Encrypted files, bombs and what cannot be read come back as
 * failures for the policy's failure modes; so does an image whose text was not read where `images` says it must.
 */
export async function readFile(f: File, signal?: AbortSignal, images: ImageReading = { ocr: false, unreadFails: false }): Promise<FileRead> {
  const facts: FileFacts = { name: f.name, type: f.type, size: f.size };
  // Over the extractors' own limit the bytes are not even loaded: the policy's too-large failure mode decides.
  if (f.size > DEFAULT_LIMITS.maxFileBytes) return { parts: [], failure: 'too-large', file: { ...facts, unscannable: true } };
  let x;
  try {
    x = await extractor.extract(f, signal, { ocr: images.ocr });
  } catch (e) {
    if (signal?.aborted) throw new Cancelled();
    throw e;
  }
  // An image by its structure is an image for the policy's file types ("image/*"), whatever its name says; a
  // file named .png that is text is not.
  const file = (IMAGE_FORMATS as readonly string[]).includes(x.format) ? { ...facts, type: `image/${x.format as ImageFormat}` } : facts;
  switch (x.status) {
    case 'ok':
      return { parts: x.parts, file };
    case 'image':
      return images.unreadFails ? { parts: x.parts, failure: 'image', reason: x.reason, file: { ...file, unscannable: true } } : { parts: x.parts, file };
    case 'encrypted':
      return { parts: x.parts, failure: 'encrypted', reason: x.reason, file: { ...file, encrypted: true } };
    case 'too-large':
      return { parts: x.parts, failure: 'too-large', reason: x.reason, file: { ...file, unscannable: true } };
    default:
      return { parts: x.parts, failure: 'unreadable', reason: x.reason, file: { ...file, unscannable: true } };
  }
}
