import { textOfRequest, type RequestPart } from '../../../core/extract/request';

/** The part of a webRequest.onBeforeRequest event the backstop reads (Chromium's and Firefox's shapes agree). */
export interface RequestDetails {
  url: string;
  method: string;
  type: string;
  tabId: number;
  frameId: number;
  parentFrameId?: number;
  /** Chromium: the origin that made the request; Firefox: originUrl. Absent for what the browser itself starts. */
  initiator?: string;
  originUrl?: string;
  documentUrl?: string;
  requestBody?: {
    error?: string;
    formData?: Record<string, string[]>;
    raw?: { bytes?: ArrayBuffer; file?: string }[];
  } | null;
}

/**
 * Raw bodies are read up to this many bytes; the rest is not scanned, and a text body that long counts as too
 * large (text padded to hide what follows). A binary body that long (a photo or a video PUT by script) does not:
 * files are checked where they enter the page, and failing closed on every large upload would warn on each.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface RequestContent {
  /** What the request carries, as the recipient reads it: query values, form fields, the body. */
  text: string;
  /** Raw parts that are files (an upload of a Blob or File): the backstop cannot read them synchronously. */
  files: number;
  /** The body was longer than MAX_BODY_BYTES (only its first part is in `text`), or the browser could not give it. */
  failure?: 'too-large' | 'unreadable';
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Reads what a request carries out of the page, without waiting: the query string's values (decoded), the form
 * fields the browser parsed (urlencoded and multipart bodies), and raw bodies as UTF-8, all read as the page's
 * guard reads a request (core/extract/request.ts: JSON unescaped, URL-encoded text decoded, an identifier split
 * over fields joined).
 */
export function readRequest(details: RequestDetails): RequestContent {
  const parts: RequestPart[] = queryValues(details.url).map((value) => ({ field: '', value }));
  let files = 0;
  let failure: RequestContent['failure'];
  const body = details.requestBody;
  if (body?.error) failure = 'unreadable';
  if (body?.formData) for (const [field, values] of Object.entries(body.formData)) for (const value of values) parts.push({ field, value });
  if (body?.raw) {
    let room = MAX_BODY_BYTES;
    const chunks: string[] = [];
    for (const part of body.raw) {
      if (part.file !== undefined) files++;
      if (!part.bytes) continue;
      const take = Math.min(room, part.bytes.byteLength);
      const bytes = new Uint8Array(part.bytes, 0, take);
      if (part.bytes.byteLength > room && !looksBinary(bytes)) failure = 'too-large';
      chunks.push(decoder.decode(bytes));
      room -= take;
    }
    const raw = chunks.join('');
    // onBeforeRequest has no headers: the body's kind (JSON, URL-encoded, text) is read from the body itself.
    if (raw) parts.push({ body: raw, type: '' });
  }
  return { text: textOfRequest(parts), files, failure };
}

/** Control bytes (other than tab, line breaks and form feed) in the first 4 KB: no text format has them. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > end / 100;
}

/** The values of the URL's query string, decoded ("+" is a space); names are the app's, not the employee's. */
function queryValues(url: string): string[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const end = url.indexOf('#', q);
  try {
    return [...new URLSearchParams(url.slice(q + 1, end < 0 ? undefined : end)).values()];
  } catch {
    return [url.slice(q + 1)];
  }
}
