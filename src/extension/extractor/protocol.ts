import { z } from 'zod';
import { DOCUMENT_LABELS, ENTITY_TYPES, type ScanResult } from '../../core/detect/types';
import type { Extraction, ExtractLimits } from '../../core/extract';

/** The handshake the guard sends the file-reader frame, with the port all further messages use. */
export const EXTRACTOR_TAG = 'bulwark.extract.v1';

export interface ExtractRequest {
  id: number;
  name: string;
  bytes: ArrayBuffer;
  limits?: Partial<ExtractLimits>;
  /** Read the text in images (the policy's readImages). */
  ocr?: boolean;
}

export type ExtractReply = { id: number; result: Extraction } | { id: number; error: string };

/**
 * A large text to scan in this frame, off the page's main thread, with the product's detectors and the
 * organisation's classifiers of the policy in force (the same engine the decider would build).
 */
export interface ScanRequest {
  id: number;
  scan: string;
  classifiers: unknown;
}

/** Cancels a scan (the employee cancelled, or the guard gave up waiting). */
export interface ScanCancel {
  cancel: number;
}

/** Progress (share done) while the frame scans, then the result or an error. */
export type ScanReply = { id: number; progress: number } | { id: number; scanned: ScanResult } | { id: number; error: string };

/** What the frame's scan returns, checked before the decider believes it: the frame is ours, but a bug is not. */
export const ScanResultShape = z.object({
  findings: z.array(z.object({
    type: z.enum(ENTITY_TYPES),
    category: z.enum(['phi', 'pii', 'secret', 'ip', 'health', 'manufacturing']),
    detector: z.string().max(200),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    score: z.number().finite(),
    why: z.array(z.string().max(500)),
    quasi: z.boolean().optional(),
    passage: z.boolean().optional(),
  }).strict().refine((f) => f.start <= f.end, 'a finding ends before it starts')),
  labels: z.array(z.enum(DOCUMENT_LABELS)),
  scanned: z.number().int().min(0),
  truncated: z.boolean(),
}).strict() satisfies z.ZodType<ScanResult>;
