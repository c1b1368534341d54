import { checkImage, printableRuns, type ImageFormat } from './image';
import { htmlToText, jsonToText, parseDelimited, rtfToText, xmlToText } from './markup';
import { looksLikeMail, parseMail } from './mime';
import { docxParts, ooxmlKind, pptxParts, xlsxParts } from './ooxml';
import { oleKind, pdfEncrypted, sniff } from './sniff';
import { decodeText } from './text';
import { DEFAULT_LIMITS, type Extraction, type ExtractLimits, type ExtractStatus, type Marks, type Skipped, type TextPart } from './types';
import { readEntry, readEntryText, zipEntries, ZipError, type Budget } from './zip';

export * from './types';
export { IMAGE_FORMATS, type ImageFormat } from './image';

/** Reads a PDF's text page by page; the platform gives one (pdf.js in Node, in a worker in the extension). */
export type PdfReader = (bytes: Uint8Array, maxPages: number) => Promise<{ pages: string[]; encrypted?: boolean; pageCount: number }>;

/** Reads the text in an image (OCR); given where the policy reads images (readImages), since it costs seconds. */
export type OcrReader = (bytes: Uint8Array) => Promise<string>;

/** A real decode of an image (the browser's createImageBitmap), where the platform has one: false when it fails. */
export type ImageDecoder = (bytes: Uint8Array, format: ImageFormat) => Promise<boolean>;

export interface ExtractOptions {
  limits?: Partial<ExtractLimits>;
  pdf?: PdfReader;
  ocr?: OcrReader;
  decodeImage?: ImageDecoder;
}

interface Context {
  limits: ExtractLimits;
  budget: Budget;
  pdf?: PdfReader;
  ocr?: OcrReader;
  decodeImage?: ImageDecoder;
  parts: TextPart[];
  skipped: Skipped[];
  chars: number;
  /** The worst thing met inside, for the whole file's status. */
  worst?: { status: Exclude<ExtractStatus, 'ok' | 'image'>; reason: string };
  /** Why the file, itself an image, had its pixels unread (no OCR here, or OCR failed). */
  imageUnread?: string;
}

const SEVERITY: Record<string, number> = { bomb: 4, encrypted: 3, 'too-large': 2, unreadable: 1 };

/**
 * Reads a file: sniffs what it is, takes its text out with the place of each part, opens archives and
 * attachments within the limits, and says what it could not read and why. Never throws: a file that cannot be
 * read is an answer ("unreadable", "encrypted", "bomb"), not an error.
 */
export async function extract(bytes: Uint8Array, name: string, options: ExtractOptions = {}): Promise<Extraction> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes) return { status: 'too-large', reason: `${bytes.length} bytes, more than the limit of ${limits.maxFileBytes}`, format: 'unknown', parts: [], skipped: [] };
  const ctx: Context = { limits, budget: { remaining: limits.maxExpandedBytes, maxRatio: limits.maxRatio }, pdf: options.pdf, ocr: options.ocr, decodeImage: options.decodeImage, parts: [], skipped: [], chars: 0 };
  let format = 'unknown';
  try {
    format = await read(ctx, bytes, name, '', 0);
  } catch (e) {
    // A reader's own failure on hostile input: the file is unreadable, and the answer says why.
    note(ctx, 'unreadable', '', `could not read: ${(e as Error).message}`);
  }
  const failed = ctx.worst && (ctx.worst.status !== 'unreadable' || !ctx.parts.length) ? ctx.worst : undefined;
  const status: ExtractStatus = failed ? failed.status : ctx.imageUnread ? 'image' : 'ok';
  const reason = failed?.reason ?? ctx.imageUnread;
  return { status, ...(reason ? { reason } : {}), format, parts: ctx.parts, skipped: ctx.skipped };
}

function note(ctx: Context, status: Exclude<ExtractStatus, 'ok' | 'image'>, location: string, reason: string): void {
  ctx.skipped.push({ location: location || '(file)', reason });
  if (!ctx.worst || SEVERITY[status]! > SEVERITY[ctx.worst.status]!) ctx.worst = { status, reason: location ? `${location}: ${reason}` : reason };
}

/** A ZIP reader's refusal as the file's status (a bomb, encrypted, else unreadable); anything else is thrown on. */
function noteZipError(ctx: Context, location: string, e: unknown): void {
  if (!(e instanceof ZipError)) throw e;
  note(ctx, e.kind === 'bomb' || e.kind === 'encrypted' ? e.kind : 'unreadable', location, e.message);
}

function add(ctx: Context, location: string, text: string, marks?: TextPart['marks']): void {
  if (!text.trim()) return;
  const room = ctx.limits.maxTextChars - ctx.chars;
  if (room <= 0) return note(ctx, 'too-large', location, `text beyond ${ctx.limits.maxTextChars} characters was not read`);
  const kept = text.length > room ? text.slice(0, room) : text;
  if (kept.length < text.length) note(ctx, 'too-large', location, `text beyond ${ctx.limits.maxTextChars} characters was not read`);
  ctx.chars += kept.length;
  if (marks && kept.length < text.length) {
    const n = marks.at.findIndex((a) => a >= kept.length);
    if (n >= 0) marks = { at: marks.at.slice(0, n), label: marks.label.slice(0, n) };
  }
  ctx.parts.push({ location: location || 'text', text: kept, ...(marks ? { marks } : {}) });
}

const join = (prefix: string, place: string) => (prefix ? `${prefix} > ${place}` : place);
const ext = (name: string) => /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** Reads one file (or archive entry, or attachment) into ctx; answers its format. */
async function read(ctx: Context, bytes: Uint8Array, name: string, at: string, depth: number): Promise<string> {
  const kind = sniff(bytes);
  if (kind === 'zip') return readZip(ctx, bytes, name, at, depth);
  if (kind === 'pdf') return readPdf(ctx, bytes, at);
  if (kind === 'ole') {
    if (oleKind(bytes) === 'encrypted-office') note(ctx, 'encrypted', at, 'an encrypted Office document');
    else note(ctx, 'unreadable', at, 'a legacy binary Office file (.doc, .xls, .ppt): not read');
    return 'ole';
  }
  if (kind === 'gzip') {
    note(ctx, 'unreadable', at, 'a gzip stream: not read');
    return 'gzip';
  }
  let image = kind === 'image' ? checkImage(bytes) : undefined;
  if (image && 'image' in image) {
    // Where the platform can decode it for real, an image must also decode; TIFF is one browsers cannot.
    if (!ctx.decodeImage || image.image === 'tiff' || (await ctx.decodeImage(bytes, image.image))) return readImage(ctx, bytes, image, name, at, depth);
    image = { damaged: image.image, reason: 'it does not decode' };
  }
  const decoded = decodeText(bytes);
  if ('binary' in decoded) {
    // Image magic without an image's structure, and no text either: a damaged (or cut) image.
    if (image) note(ctx, 'unreadable', at, `a damaged ${image.damaged.toUpperCase()} image: ${image.reason}`);
    else note(ctx, 'unreadable', at, 'binary data of an unknown format');
    return 'binary';
  }
  const text = decoded.text;
  const e = ext(name);
  if (kind === 'rtf' || e === 'rtf') return add(ctx, join(at, 'document'), rtfToText(text)), 'rtf';
  if (e === 'eml' || (looksLikeMail(text.slice(0, 4096)) && e !== 'txt')) return readMail(ctx, text, at, depth);
  if (e === 'html' || e === 'htm' || /^\s*<(!doctype html|html)/i.test(text)) return add(ctx, join(at, 'page'), htmlToText(text)), 'html';
  if (e === 'xml' || e === 'svg' || /^\s*<\?xml/.test(text)) return add(ctx, join(at, 'document'), xmlToText(text)), 'xml';
  if (e === 'json' || e === 'jsonl' || e === 'ndjson') return add(ctx, join(at, 'document'), e === 'json' ? jsonToText(text) : text), 'json';
  if (e === 'csv' || e === 'tsv') return readDelimited(ctx, text, at), e;
  add(ctx, at || 'text', text);
  return `text/${decoded.encoding}`;
}

/**
 * An image: its pixels through OCR where it is given (an image it could not read stays an unread image, for the
 * policy's failure mode), the text it carries besides (comments, metadata, text hidden in its data) and whatever
 * was appended after its end (a text, an archive) read as what it is.
 */
async function readImage(ctx: Context, bytes: Uint8Array, image: { image: ImageFormat; end: number }, name: string, at: string, depth: number): Promise<string> {
  let unread: string | undefined = 'an image: its text is not read';
  if (ctx.ocr) {
    try {
      add(ctx, join(at, 'image text'), await ctx.ocr(bytes));
      unread = undefined;
    } catch (e) {
      unread = `an image that OCR could not read (${(e as Error).message})`;
    }
  }
  if (unread) {
    ctx.skipped.push({ location: at || '(file)', reason: unread });
    if (!at) ctx.imageUnread = unread;
  }
  add(ctx, join(at, 'image metadata'), printableRuns(bytes.subarray(0, image.end)));
  const after = bytes.subarray(image.end);
  if (after.some((x) => x !== 0)) {
    const place = join(at, 'after the image');
    if (depth >= ctx.limits.maxDepth) note(ctx, 'unreadable', place, `nested deeper than ${ctx.limits.maxDepth}: not opened`);
    else if (sniff(after) !== 'other' || !('binary' in decodeText(after))) await read(ctx, after, name, place, depth + 1);
    else add(ctx, place, printableRuns(after));
  }
  return image.image;
}

/** CSV and TSV: with a header row, each value is written after its column's name, so the name gives context. */
function readDelimited(ctx: Context, text: string, at: string): void {
  const rows = parseDelimited(text);
  const header = rows[0] ?? [];
  const isHeader = header.length > 1 && header.every((h) => h.trim() && !/^[\d\s.,$€%-]+$/.test(h));
  const marks: Marks = { at: [], label: [] };
  let out = '';
  rows.forEach((cells, i) => {
    marks.at.push(out.length);
    marks.label.push(`row ${i + 1}`);
    out += `${isHeader && i > 0 ? cells.map((c, j) => (c ? `${header[j] ?? ''}: ${c}` : '')).filter(Boolean).join('; ') : cells.join('; ')}\n`;
  });
  add(ctx, at || 'table', out, marks);
}

async function readZip(ctx: Context, bytes: Uint8Array, name: string, at: string, depth: number): Promise<string> {
  let entries;
  try {
    entries = zipEntries(bytes, ctx.limits.maxEntries);
  } catch (e) {
    noteZipError(ctx, at, e);
    return 'zip';
  }
  const files = entries.filter((e) => !e.name.endsWith('/'));
  const names = files.map((e) => e.name);
  const office = ooxmlKind(names);
  if (office) {
    const byName = new Map(files.map((e) => [e.name, e]));
    const stream = (n: string, cut: string, onPiece: (xml: string) => void) => {
      const entry = byName.get(n);
      if (!entry) return false;
      try {
        readEntryText(bytes, entry, ctx.budget, cut, onPiece);
        return true;
      } catch (e) {
        noteZipError(ctx, join(at, n), e);
        return false;
      }
    };
    const parts = office === 'docx' ? docxParts(names, stream) : office === 'xlsx' ? xlsxParts(stream) : pptxParts(names, stream);
    for (const p of parts) add(ctx, join(at, p.location), p.text, p.marks);
    // Files embedded in the document (a spreadsheet in a Word file) are read like archive entries.
    for (const e of files.filter((f) => /\/embeddings\//.test(f.name))) await readMember(ctx, bytes, e, join(at, e.name), depth);
    return office;
  }
  if (depth >= ctx.limits.maxDepth) {
    note(ctx, 'unreadable', at || name, `an archive nested deeper than ${ctx.limits.maxDepth}: not opened`);
    return 'zip';
  }
  for (const e of files) await readMember(ctx, bytes, e, join(at, e.name), depth + 1);
  return 'zip';
}

async function readMember(ctx: Context, archive: Uint8Array, entry: ReturnType<typeof zipEntries>[number], location: string, depth: number): Promise<void> {
  let data: Uint8Array;
  try {
    data = readEntry(archive, entry, ctx.budget);
  } catch (e) {
    noteZipError(ctx, location, e);
    return;
  }
  if (ctx.worst?.status === 'bomb') return;
  await read(ctx, data, entry.name, location, depth);
}

async function readMail(ctx: Context, text: string, at: string, depth: number): Promise<string> {
  for (const p of parseMail(text)) {
    const place = join(at, p.kind === 'attachment' ? `attachment ${p.name}` : p.name);
    if (p.kind === 'text') add(ctx, place, p.text ?? '');
    else if (depth >= ctx.limits.maxDepth) note(ctx, 'unreadable', place, `nested deeper than ${ctx.limits.maxDepth}: not opened`);
    else if (p.bytes) await read(ctx, p.bytes, p.name, place, depth + 1);
  }
  return 'eml';
}

async function readPdf(ctx: Context, bytes: Uint8Array, at: string): Promise<string> {
  if (!ctx.pdf) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 64 * 1024)));
    if (pdfEncrypted(head)) note(ctx, 'encrypted', at, 'an encrypted PDF');
    else note(ctx, 'unreadable', at, 'PDF text is not read here');
    return 'pdf';
  }
  const r = await ctx.pdf(bytes, ctx.limits.maxPages);
  if (r.encrypted) {
    note(ctx, 'encrypted', at, 'an encrypted PDF');
    return 'pdf';
  }
  r.pages.forEach((text, i) => add(ctx, join(at, `page ${i + 1}`), text));
  if (r.pageCount > r.pages.length) note(ctx, 'too-large', at, `pages after ${r.pages.length} of ${r.pageCount} were not read`);
  return 'pdf';
}
