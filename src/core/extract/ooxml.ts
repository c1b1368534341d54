import { decodeEntities } from './markup';
import type { Marks, TextPart } from './types';

/**
 * Office Open XML: the parts a person would read in Word, Excel and PowerPoint, each with its place. `stream`
 * gives an entry of the package in pieces that end at a closing tag (`cut`), so that a large document is parsed
 * piece by piece; it answers false when the entry is missing or could not be read.
 */
type Stream = (name: string, cut: string, onPiece: (xml: string) => void) => boolean;

/** A small entry (a workbook's sheet list, its relationships) whole. */
function whole(stream: Stream, name: string): string | undefined {
  let xml = '';
  return stream(name, '>', (piece) => (xml += piece)) ? xml : undefined;
}

export type OoxmlKind = 'docx' | 'xlsx' | 'pptx';

export function ooxmlKind(names: readonly string[]): OoxmlKind | undefined {
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return undefined;
}

/** Word: body, headers, footers, footnotes, endnotes, comments; tracked insertions and deletions both. */
export function docxParts(names: readonly string[], stream: Stream): TextPart[] {
  const order = (n: string) => (n === 'word/document.xml' ? 0 : 1);
  const parts: TextPart[] = [];
  for (const name of names.filter((n) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/.test(n)).sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
    const pieces: string[] = [];
    stream(name, '</w:p>', (xml) => {
      const t = wordText(xml);
      if (t) pieces.push(t);
    });
    const text = pieces.join('\n');
    if (text) parts.push({ location: name.slice(5, -4) === 'document' ? 'body' : name.slice(5, -4), text });
  }
  return parts;
}

/** Paragraphs on their own lines; w:t (text), w:delText (deleted by tracked changes), tabs and breaks. */
function wordText(xml: string): string {
  const out: string[] = [];
  const re = /<w:(t|delText)(?:\s[^>]*)?>([^<]*)<\/w:\1>|<w:(tab|br|cr)\b[^>]*\/>|<\/w:p>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[2] !== undefined) out.push(decodeEntities(m[2]));
    else if (m[3] === 'tab') out.push('\t');
    else out.push('\n');
  }
  return out.join('').replace(/\n{3,}/g, '\n\n').trim();
}

/** Excel: every sheet's cells (shared strings, inline strings, numbers), each marked with its reference. */
export function xlsxParts(stream: Stream): TextPart[] {
  const shared: string[] = [];
  stream('xl/sharedStrings.xml', '</si>', (xml) => {
    const strings: string[] = [];
    for (let i = xml.indexOf('<si'); i !== -1; ) {
      const open = xml.indexOf('>', i);
      if (open < 0) break;
      if (xml.charCodeAt(open - 1) === 47) {
        strings.push(''); // <si/>: an empty string keeps its index
        i = xml.indexOf('<si', open);
        continue;
      }
      const close = xml.indexOf('</si>', open);
      if (close < 0) break;
      strings.push(runsText(xml.slice(open + 1, close)));
      i = xml.indexOf('<si', close);
    }
    // Joined and split again, the strings no longer point into the XML piece, which can then be freed.
    if (strings.length) for (const text of strings.join('\u0000').split('\u0000')) shared.push(text);
  });
  const workbook = whole(stream, 'xl/workbook.xml') ?? '';
  const rels = whole(stream, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const r of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(r[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(r[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts: TextPart[] = [];
  for (const s of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = decodeEntities(/\bname="([^"]*)"/.exec(s[0])?.[1] ?? 'sheet');
    const rid = /\br:id="([^"]+)"/.exec(s[0])?.[1];
    const target = rid && targets.get(rid);
    if (!target) continue;
    const marks: Marks = { at: [], label: [] };
    const chunks: string[] = [`${name}\n`];
    let length = chunks[0]!.length;
    let line = '';
    const found = stream(target, '</row>', (xml) => {
      const lines: string[] = [];
      scanCells(
        xml,
        (attrs, body) => {
          const type = attribute(attrs, 't');
          const v = between(body, '<v>', '</v>');
          const value = type === 's' ? shared[Number(v)] : type === 'inlineStr' ? runsText(between(body, '<is>', '</is>') ?? '') : v !== undefined ? decodeEntities(v) : undefined;
          if (value === undefined || value === '') return;
          if (line) line += '\t';
          marks.at.push(length + line.length);
          marks.label.push(attribute(attrs, 'r') ?? '');
          line += value;
        },
        () => {
          if (!line) return;
          lines.push(`${line}\n`);
          length += line.length + 1;
          line = '';
        },
      );
      // One flat string per piece, so that the piece's XML is not kept alive by slices of it.
      if (lines.length) chunks.push(lines.join(''));
    });
    if (found) parts.push({ location: `sheet ${name}`, text: chunks.join(''), marks });
  }
  return parts;
}

/**
 * Walks a worksheet's XML for cells (`<c ...>...</c>` or `<c .../>`) and row ends, with indexOf instead of
 * regular expressions: a sheet has millions of cells, and this loop is where Excel files spend their time.
 */
function scanCells(xml: string, onCell: (attrs: string, body: string) => void, onRowEnd: () => void): void {
  let i = 0;
  let nextRowEnd = xml.indexOf('</row>');
  for (;;) {
    const c = xml.indexOf('<c', i);
    if (nextRowEnd !== -1 && (c === -1 || nextRowEnd < c)) {
      onRowEnd();
      i = nextRowEnd + 6;
      nextRowEnd = xml.indexOf('</row>', i);
      continue;
    }
    if (c === -1) return;
    const after = xml.charCodeAt(c + 2);
    // <col>, <cfRule> and the like are not cells.
    if (after !== 32 && after !== 62 && after !== 47) {
      i = c + 2;
      continue;
    }
    const tagEnd = xml.indexOf('>', c);
    if (tagEnd < 0) return;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      onCell(xml.slice(c + 2, tagEnd - 1), '');
      i = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf('</c>', tagEnd);
    if (close < 0) return;
    onCell(xml.slice(c + 2, tagEnd), xml.slice(tagEnd + 1, close));
    i = close + 4;
  }
}

function attribute(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  return attrs.slice(start, attrs.indexOf('"', start));
}

function between(text: string, open: string, close: string): string | undefined {
  const a = text.indexOf(open);
  if (a < 0) return undefined;
  const b = text.indexOf(close, a + open.length);
  return b < 0 ? undefined : text.slice(a + open.length, b);
}

/** PowerPoint: each slide's text and its notes, in slide order. */
export function pptxParts(names: readonly string[], stream: Stream): TextPart[] {
  const numbered = (prefix: string) =>
    names
      .map((n) => new RegExp(`^ppt/${prefix}(\\d+)\\.xml$`).exec(n))
      .filter((m): m is RegExpExecArray => !!m)
      .sort((a, b) => Number(a[1]) - Number(b[1]));
  const parts: TextPart[] = [];
  for (const [kind, prefix] of [
    ['slide', 'slides/slide'],
    ['notes of slide', 'notesSlides/notesSlide'],
  ] as const)
    for (const m of numbered(prefix)) {
      const text = drawingText(whole(stream, m[0]) ?? '');
      if (text) parts.push({ location: `${kind} ${m[1]}`, text });
    }
  return parts;
}

function drawingText(xml: string): string {
  const out: string[] = [];
  for (const m of xml.matchAll(/<a:t>([^<]*)<\/a:t>|<\/a:p>/g)) out.push(m[1] !== undefined ? decodeEntities(m[1]) : '\n');
  return out.join('').replace(/\n{2,}/g, '\n').trim();
}

/** The text of a shared or inline string: its runs' <t> elements, phonetic guides left out. */
function runsText(xml: string): string {
  // Most strings are one plain <t> element: take it without the general path.
  const plain = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/.exec(xml);
  if (plain) return decodeEntities(plain[1]!);
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => decodeEntities(m[1]!)).join('');
}
