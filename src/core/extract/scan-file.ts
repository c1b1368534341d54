import type { Engine } from '../detect';
import { DOCUMENT_LABELS, type DocumentLabel, type Finding } from '../detect/types';
import { extract, locate, type ExtractOptions, type Extraction } from './index';

export interface FileFinding extends Pick<Finding, 'type' | 'start' | 'end' | 'score' | 'detector'> {
  /** Where in the file: "sheet Patients B2", "page 3 line 4", "archive.zip > notes.txt line 2". */
  location: string;
}

export interface FileScan {
  status: Extraction['status'];
  reason?: string;
  format: string;
  labels: DocumentLabel[];
  findings: FileFinding[];
  /** The parts that were read, and what was skipped and why. */
  read: string[];
  skipped: Extraction['skipped'];
}

/** Extracts a file and scans each part: findings carry their part-relative offsets and their place. */
export async function scanFile(engine: Engine, bytes: Uint8Array, name: string, options: ExtractOptions = {}): Promise<FileScan> {
  const x = await extract(bytes, name, options);
  const labels = new Set<DocumentLabel>();
  const findings: FileFinding[] = [];
  for (const part of x.parts) {
    const r = engine.scan(part.text);
    r.labels.forEach((l) => labels.add(l));
    for (const f of r.findings) findings.push({ type: f.type, start: f.start, end: f.end, score: f.score, detector: f.detector, location: locate(part, f.start) });
  }
  return {
    status: x.status,
    ...(x.reason ? { reason: x.reason } : {}),
    format: x.format,
    labels: DOCUMENT_LABELS.filter((l) => labels.has(l)),
    findings,
    read: x.parts.map((p) => p.location),
    skipped: x.skipped,
  };
}
