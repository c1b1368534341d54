import { MAX_PARTS, MAX_TEXT, type BridgePart, type TextPart } from '../bridge-protocol';

/**
 * What a request carries, read the way the browser will send it. Types are told apart by their
 * Object.prototype.toString tag, not instanceof: a FormData or an ArrayBuffer made in another frame fails
 * instanceof here but is sent all the same.
 */
export interface Outgoing {
  /** Text known now: strings, URL-encoded and binary bodies decoded, FormData's text fields. */
  parts: TextPart[];
  /** Blobs and files, read later (a Blob cannot be read synchronously). */
  blobs: Blob[];
}

export const NOTHING: Outgoing = { parts: [], blobs: [] };

export const tagOf = (v: unknown): string => Object.prototype.toString.call(v).slice(8, -1);

const decoder = new TextDecoder(); // UTF-8, not fatal: binary bodies still show the text inside them

/** A text too long for the synchronous path goes as a file: the file reader's limits and failure modes apply. */
export function textOrFile(body: string, type: string): TextPart | { file: File } {
  return body.length > MAX_TEXT ? { file: new File([body], 'request-body.txt', { type: 'text/plain' }) } : { body, type };
}

export function readNow(body: unknown): Outgoing {
  if (body === null || body === undefined) return NOTHING;
  if (typeof body === 'string') return of([textOrFile(body, 'text/plain')]);
  const tag = tagOf(body);
  if (tag === 'URLSearchParams') return of([textOrFile(String(body), 'application/x-www-form-urlencoded')]);
  if (tag === 'Blob' || tag === 'File') return (body as Blob).size ? { parts: [], blobs: [body as Blob] } : NOTHING;
  if (tag === 'ArrayBuffer' || tag === 'SharedArrayBuffer' || ArrayBuffer.isView(body)) return binary(body as ArrayBuffer | ArrayBufferView);
  if (tag === 'FormData') return formData(body as FormData);
  // An XMLHttpRequest can send a Document: it goes as its markup.
  if (tag === 'Document' || tag === 'HTMLDocument' || tag === 'XMLDocument') return of([textOrFile((body as Document).documentElement?.outerHTML ?? '', 'text/html')]);
  // fetch and XHR send anything else as its string.
  return of([textOrFile(String(body), 'text/plain')]);
}

function of(parts: (TextPart | { file: File })[]): Outgoing {
  const out: Outgoing = { parts: [], blobs: [] };
  for (const p of parts) {
    if ('file' in p) out.blobs.push(p.file);
    else if ('body' in p ? p.body : p.value) out.parts.push(p);
  }
  return out;
}

function binary(body: ArrayBuffer | ArrayBufferView): Outgoing {
  const bytes = ArrayBuffer.isView(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array(body);
  if (!bytes.byteLength) return NOTHING;
  if (bytes.byteLength > MAX_TEXT) return { parts: [], blobs: [new File([bytes.slice()], 'request-body.bin', { type: 'application/octet-stream' })] };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    text = decoder.decode(bytes.slice()); // a view of shared memory cannot be decoded in place
  }
  return of([{ body: text, type: 'application/octet-stream' }]);
}

function formData(body: FormData): Outgoing {
  const out: Outgoing = { parts: [], blobs: [] };
  const fields: { field: string; value: string }[] = [];
  for (const [name, value] of body.entries()) {
    if (typeof value === 'string') fields.push({ field: name.slice(0, 256), value });
    else if (value.size) out.blobs.push(value);
  }
  // More fields than one request may carry travel as one text, each value on its line.
  const parts = fields.length < MAX_PARTS / 2 ? fields.map((f) => textOrField(f)) : [textOrFile(fields.map((f) => f.value).join('\n'), 'text/plain')];
  const sized = of(parts);
  out.parts.push(...sized.parts);
  out.blobs.unshift(...sized.blobs);
  return out;
}

const textOrField = (f: { field: string; value: string }): TextPart | { file: File } => (f.value.length > MAX_TEXT ? textOrFile(f.value, 'text/plain') : f);

/** Types that are data the page made, not documents: their text is read and decided as a request's text. */
const DATA_TYPE = /^(?:text\/plain|application\/(?:json|x-www-form-urlencoded|[\w.+-]*\+json))?(?:;|$)/i;

/** Blobs a page builds from its own data (JSON for a beacon) are read as text; files and documents stay files. */
export async function readBlobs(blobs: readonly Blob[]): Promise<BridgePart[]> {
  const parts: BridgePart[] = [];
  for (const blob of blobs) {
    if (tagOf(blob) !== 'File' && blob.size <= MAX_TEXT && DATA_TYPE.test(blob.type)) parts.push({ body: await blob.text(), type: blob.type || 'text/plain' });
    else parts.push({ file: blob });
  }
  return parts;
}

/** A URL without its query and fragment, and its query as a part (its values decoded by the content script). */
export function splitQuery(url: URL): { base: string; query?: TextPart } {
  const base = url.origin + url.pathname;
  const search = url.search.slice(1);
  return { base, query: search ? { body: search, type: 'application/x-www-form-urlencoded' } : undefined };
}
