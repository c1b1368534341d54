/**
 * npm run --silent scan -- --jsonl FILE|-    one JSON line in ({"id", "text"|"full_text"}), one JSON line out
 * npm run scan -- FILE                       a readable report of one text file (values masked)
 * npm run --silent scan -- --files FILE...   one JSON line per file of any format ({"file", "status", "labels", "findings"});
 *                                            images are read by OCR (seconds per image; --no-ocr skips it: an
 *                                            image is then reported with status "image", its text unread)
 * --policy FILE (any form) adds the organisation's classifiers of that policy (dictionaries, code formats, patterns)
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { defaultEngine, type Engine, type Finding, type ScanResult } from '../core/detect';
import { engineFor, parsePolicy } from '../core/policy';
import { mask } from '../core/events/mask';
import { scanFile } from '../core/extract/scan-file';
import { nodeOcrReader } from './node-ocr';
import { nodePdfReader } from './node-pdf';

/**
 * A scan as the JSON lines report it: `findings` are values (what can be masked, hashed and redacted one by
 * one); `passages` are stretches classified as a whole (a block of code, a paragraph of a protected document),
 * listed apart so that a value inside a passage is still a span of its own.
 */
export function toPrediction(r: ScanResult) {
  const span = (f: Finding) => ({ type: f.type, start: f.start, end: f.end, score: f.score, detector: f.detector });
  return { findings: r.findings.filter((f) => !f.passage).map(span), passages: r.findings.filter((f) => f.passage).map(span), labels: r.labels };
}

export function toJsonLine(id: unknown, r: ScanResult): string {
  return JSON.stringify({ id, ...toPrediction(r), ...(r.truncated ? { truncated: true, scanned: r.scanned } : {}) });
}

/** Parses one input line; returns an error message for anything that is not a scannable record. */
export function parseRecord(line: string): { id: unknown; text: string } | { error: string } {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (e) {
    return { error: `not JSON (${(e as Error).message})` };
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { error: 'not a JSON object' };
  const r = row as Record<string, unknown>;
  const text = r.text ?? r.full_text;
  if (typeof text !== 'string') return { error: 'no "text" or "full_text" string' };
  if (r.id === undefined) return { error: 'no "id"' };
  return { id: r.id, text };
}

async function scanJsonl(engine: Engine, path: string): Promise<number> {
  const input = path === '-' ? process.stdin : createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0, bad = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const rec = parseRecord(line);
    if ('error' in rec) {
      bad++;
      process.stderr.write(`line ${n}: ${rec.error}\n`);
      continue;
    }
    try {
      process.stdout.write(`${toJsonLine(rec.id, engine.scan(rec.text))}\n`);
    } catch (e) {
      bad++;
      process.stderr.write(`line ${n}: scan failed (${(e as Error).message})\n`);
    }
  }
  if (bad) process.stderr.write(`${bad} of ${n} lines could not be scanned\n`);
  return bad ? 1 : 0;
}

function lineCol(text: string, at: number): string {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return `${line}:${at - before.lastIndexOf('\n')}`;
}

export function report(text: string, r: ScanResult): string {
  const out = [`labels: ${r.labels.join(', ') || 'none'}`, `findings: ${r.findings.length}${r.truncated ? ` (only the first ${r.scanned} characters were scanned)` : ''}`];
  const row = (f: Finding): string =>
    `  ${lineCol(text, f.start).padEnd(8)} ${f.type.padEnd(15)} ${f.score.toFixed(2)}  ${mask(text.slice(f.start, f.end)).padEnd(24)}  ${f.detector}: ${f.why.join('; ')}`;
  return [...out, ...r.findings.map(row)].join('\n');
}

/**
 * Reads each file whatever its format (office documents, PDF, archives, e-mail, text) and prints one line per
 * file. A file that cannot be opened is a line with status "unreadable" and the reason, not a stop.
 */
async function scanFiles(engine: Engine, paths: string[], withOcr: boolean): Promise<number> {
  const pdf = nodePdfReader();
  const ocr = withOcr ? nodeOcrReader() : undefined;
  let bad = 0;
  for (const file of paths) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      bad++;
      process.stdout.write(`${JSON.stringify({ file, status: 'unreadable', reason: `cannot open: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, labels: [], findings: [] })}\n`);
      continue;
    }
    process.stdout.write(`${JSON.stringify({ file, ...(await scanFile(engine, bytes, file, { pdf, ocr })) })}\n`);
  }
  await ocr?.close();
  return bad ? 1 : 0;
}

/** The default engine, or the one for a policy's own classifiers (--policy FILE). */
function engineOf(argv: string[]): Engine {
  const at = argv.indexOf('--policy');
  if (at < 0) return defaultEngine();
  const file = argv[at + 1];
  if (!file) throw new Error('--policy needs a file');
  const parsed = parsePolicy(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${file} is not a valid policy:\n${parsed.errors.join('\n')}`);
  argv.splice(at, 2);
  return engineFor(parsed.policy);
}

async function main(argv: string[]): Promise<number> {
  const engine = engineOf(argv);
  const files = argv.indexOf('--files');
  if (files >= 0) {
    const paths = argv.slice(files + 1).filter((a) => !a.startsWith('--'));
    if (!paths.length) throw new Error('--files needs at least one file');
    return scanFiles(engine, paths, !argv.includes('--no-ocr'));
  }
  const jsonl = argv.indexOf('--jsonl');
  if (jsonl >= 0) {
    const path = argv[jsonl + 1];
    if (!path) throw new Error('--jsonl needs a file (or - for standard input)');
    return scanJsonl(engine, path);
  }
  const path = argv.find((a) => a === '-' || !a.startsWith('-'));
  if (!path) {
    process.stderr.write('usage: npm run scan -- FILE | npm run --silent scan -- --jsonl FILE|-\n');
    return 2;
  }
  const text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  process.stdout.write(`${report(text, engine.scan(text))}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: Error) => {
      process.stderr.write(`scan: ${e.message}\n`);
      process.exitCode = 2;
    },
  );
}
