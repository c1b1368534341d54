import { htmlToText } from './markup';

/**
 * E-mail files (.eml, RFC 5322 with MIME): headers worth reading (From, To, Cc, Subject), every text part, and
 * every attachment as bytes for the caller to read in turn.
 */
export interface MailPart {
  kind: 'text' | 'attachment';
  name: string;
  type: string;
  text?: string;
  bytes?: Uint8Array;
}

export const looksLikeMail = (head: string) => /^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*){2,}/.test(head) && /^(from|to|subject|date|message-id|mime-version|received):/im.test(head);

export function parseMail(raw: string, maxParts = 1000): MailPart[] {
  const parts: MailPart[] = [];
  const { headers, body } = split(raw);
  const wanted = ['from', 'to', 'cc', 'bcc', 'reply-to', 'subject', 'date'];
  const headerText = wanted.flatMap((h) => (headers.get(h) ? [`${h}: ${decodeWords(headers.get(h)!)}`] : [])).join('\n');
  if (headerText) parts.push({ kind: 'text', name: 'headers', type: 'text/plain', text: headerText });
  walk(headers, body, parts, maxParts, 0);
  return parts;
}

function walk(headers: Map<string, string>, body: string, out: MailPart[], max: number, depth: number): void {
  if (out.length >= max || depth > 20) return;
  const type = headers.get('content-type') ?? 'text/plain';
  const mediaType = type.split(';')[0]!.trim().toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (mediaType.startsWith('multipart/') && boundary) {
    const sections = body.split(new RegExp(`^--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?$`, 'm')).slice(1, -1);
    for (const s of sections) {
      const inner = split(s.replace(/^\r?\n/, ''));
      walk(inner.headers, inner.body, out, max, depth + 1);
    }
    return;
  }
  if (mediaType === 'message/rfc822') {
    const inner = split(body);
    walk(inner.headers, inner.body, out, max, depth + 1);
    return;
  }
  const disposition = headers.get('content-disposition') ?? '';
  const name = decodeWords(/filename\*?="?([^";]+)"?/i.exec(disposition)?.[1] ?? /name="?([^";]+)"?/i.exec(type)?.[1] ?? '');
  const bytes = decodeBody(body, (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase());
  const charset = /charset="?([\w-]+)"?/i.exec(type)?.[1] ?? 'utf-8';
  if (!/attachment/i.test(disposition) && !name && (mediaType === 'text/plain' || mediaType === 'text/html')) {
    const text = decode(bytes, charset);
    out.push({ kind: 'text', name: mediaType === 'text/html' ? 'body (HTML)' : 'body', type: mediaType, text: mediaType === 'text/html' ? htmlToText(text) : text });
  } else out.push({ kind: 'attachment', name: name || 'attachment', type: mediaType, bytes });
}

function split(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string): Uint8Array {
  if (encoding === 'base64') {
    const clean = body.replace(/[^A-Za-z0-9+/=]/g, '');
    try {
      return Uint8Array.from(atob(clean.slice(0, clean.length - (clean.length % 4))), (c) => c.charCodeAt(0));
    } catch {
      return new Uint8Array(0);
    }
  }
  if (encoding === 'quoted-printable') {
    const text = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const hex = text[i] === '=' ? /^[0-9A-F]{2}$/i.exec(text.slice(i + 1, i + 3))?.[0] : undefined;
      if (hex) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else bytes.push(...new TextEncoder().encode(text[i]!));
    }
    return Uint8Array.from(bytes);
  }
  return new TextEncoder().encode(body);
}

function decode(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** RFC 2047 encoded words in headers: =?utf-8?B?...?= and =?utf-8?Q?...?=. */
function decodeWords(value: string): string {
  return value.replace(/=\?([\w-]+)\?([BQ])\?([^?]*)\?=/gi, (m, charset: string, enc: string, text: string) => {
    try {
      const bytes = enc.toUpperCase() === 'B' ? Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) : decodeBody(text.replace(/_/g, ' '), 'quoted-printable');
      return decode(bytes, charset);
    } catch {
      return m;
    }
  });
}
