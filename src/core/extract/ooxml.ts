import { decodeEntities } from './markup';
import type { TextPart } from './types';

/**
 * Office Open XML: the parts a person would read in Word, Excel and PowerPoint, each with its place. `read`
 * gives an entry of the package as text, or undefined when there is none.
 */
type Read = (name: string) => string | undefined;

export type OoxmlKind = 'docx' | 'xlsx' | 'pptx';

export function ooxmlKind(names: readonly string[]): OoxmlKind | undefined {
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return undefined;
}

/** Word: body, headers, footers, footnotes, endnotes, comments; tracked insertions and deletions both. */
export function docxParts(names: readonly string[], read: Read): TextPart[] {
  const order = (n: string) => (n === 'word/document.xml' ? 0 : 1);
  const parts: TextPart[] = [];
  for (const name of names.filter((n) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/.test(n)).sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
    const xml = read(name);
    if (!xml) continue;
    const text = wordText(xml);
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
export function xlsxParts(read: Read): TextPart[] {
  const shared: string[] = [];
  const sst = read('xl/sharedStrings.xml');
  if (sst) for (const si of sst.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)) shared.push(runsText(si[1]!));
  const workbook = read('xl/workbook.xml') ?? '';
  const rels = read('xl/_rels/workbook.xml.rels') ?? '';
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
    const xml = rid && targets.get(rid) ? read(targets.get(rid)!) : undefined;
    if (!xml) continue;
    const marks: Array<{ at: number; label: string }> = [];
    let text = `${name}\n`;
    let row = '';
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)|<\/row>/g)) {
      if (c[0] === '</row>') {
        if (row) text += `${row}\n`;
        row = '';
        continue;
      }
      const attrs = c[1] ?? '';
      const body = c[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1] ?? '';
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      const value = type === 's' ? shared[Number(v)] : type === 'inlineStr' ? runsText(body) : v !== undefined ? decodeEntities(v) : undefined;
      if (value === undefined || value === '') continue;
      if (row) row += '\t';
      marks.push({ at: text.length + row.length, label: ref });
      row += value;
    }
    if (row) text += `${row}\n`;
    parts.push({ location: `sheet ${name}`, text, marks });
  }
  return parts;
}

/** PowerPoint: each slide's text and its notes, in slide order. */
export function pptxParts(names: readonly string[], read: Read): TextPart[] {
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
      const text = drawingText(read(m[0]) ?? '');
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
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => decodeEntities(m[1]!)).join('');
}
