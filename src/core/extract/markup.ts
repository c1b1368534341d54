/** Text out of the markup formats: XML, HTML, JSON, CSV/TSV, RTF. What a reader would see, not the syntax. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const BLOCK = /^(?:p|div|br|li|tr|h[1-6]|table|section|article|header|footer|blockquote|pre|dt|dd|title)$/i;

/** HTML to text: scripts and styles dropped, block elements on their own lines, entities decoded. */
export function htmlToText(html: string): string {
  const body = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  return decodeEntities(body.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_m, tag: string) => (BLOCK.test(tag) ? '\n' : ' ')))
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/** XML to text: the text of every element, CDATA included, one element's text per line. */
export function xmlToText(xml: string): string {
  const noComments = xml.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<\?[\s\S]*?\?>/g, ' ');
  const withCdata = noComments.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, c: string) => c.replace(/</g, '\u0001'));
  return decodeEntities(withCdata.replace(/<[^>]*>/g, '\n'))
    .replace(/\u0001/g, '<')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * JSON to text: one line per value, with its key path ("patient.ssn: 219-09-9999"), so that the keys give the
 * values the context a reader would use. Invalid JSON is read as plain text.
 */
export function jsonToText(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  const lines: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (lines.length > 1_000_000) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    else if (v !== null && v !== undefined) lines.push(path ? `${path}: ${String(v)}` : String(v));
  };
  walk(value, '');
  return lines.join('\n');
}

/** RTF to text: control words and hidden groups dropped, \'hh (Windows-1252) and \uN characters decoded. */
export function rtfToText(rtf: string): string {
  const out: string[] = [];
  const cp1252 = new TextDecoder('windows-1252');
  // Groups whose content is not text: font and colour tables, pictures, hidden destinations ({\*\...}).
  const skip = /^(?:fonttbl|colortbl|stylesheet|info|pict|object|themedata|colorschememapping|latentstyles|datastore|xmlnstbl|listtable|listoverridetable|rsidtbl|generator|header|footer)$/;
  let depth = 0;
  let skipDepth = -1;
  let ucSkip = 1;
  let pendingSkip = 0;
  for (let i = 0; i < rtf.length; ) {
    const c = rtf[i]!;
    if (c === '{') {
      depth++;
      i++;
      if (rtf.startsWith('\\*', i) && skipDepth < 0) skipDepth = depth;
      continue;
    }
    if (c === '}') {
      if (depth === skipDepth) skipDepth = -1;
      depth--;
      i++;
      continue;
    }
    if (c === '\\') {
      const next = rtf[i + 1] ?? '';
      if (next === "'") {
        const byte = parseInt(rtf.slice(i + 2, i + 4), 16);
        if (skipDepth < 0 && pendingSkip === 0 && !Number.isNaN(byte)) out.push(cp1252.decode(new Uint8Array([byte])));
        else if (pendingSkip > 0) pendingSkip--;
        i += 4;
        continue;
      }
      if (/[\\{}]/.test(next)) {
        if (skipDepth < 0) out.push(next);
        i += 2;
        continue;
      }
      const m = /^\\([a-z]{1,32})(-?\d{1,10})? ?/i.exec(rtf.slice(i, i + 48));
      if (!m) {
        i += 2;
        continue;
      }
      i += m[0].length;
      const [, word, arg] = m;
      if (skip.test(word!) && skipDepth < 0) skipDepth = depth;
      if (skipDepth >= 0) continue;
      if (word === 'par' || word === 'line' || word === 'row') out.push('\n');
      else if (word === 'tab' || word === 'cell') out.push('\t');
      else if (word === 'uc') ucSkip = Number(arg ?? 1);
      else if (word === 'u' && arg) {
        const code = Number(arg) < 0 ? Number(arg) + 65536 : Number(arg);
        out.push(String.fromCharCode(code));
        pendingSkip = ucSkip;
      }
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (skipDepth < 0) {
      if (pendingSkip > 0) pendingSkip--;
      else out.push(c);
    }
    i++;
  }
  return out.join('').replace(/[ \t]+\n/g, '\n').trim();
}

/** Splits CSV or TSV into rows of cells (RFC 4180 quoting); the separator is guessed from the first line. */
export function parseDelimited(text: string, maxRows = 2_000_000): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0 || text.length);
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
