import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import type { Report } from './build';
import { SIGNATURE_PLACEHOLDER } from './sign';

export const FORMATS = ['json', 'html', 'csv', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

/** The report with its `signature` section, the value still the placeholder (sign.ts fills it in). */
export type SignedReport = Report & { signature: { algorithm: 'Ed25519'; publicKey: string; value: string; covers: string } };

export const withSignature = (report: Report, publicKey: string): SignedReport => ({
  ...report,
  signature: {
    algorithm: 'Ed25519',
    publicKey,
    value: SIGNATURE_PLACEHOLDER,
    covers: 'the exact bytes of this file with this value replaced by "ed25519:" and 88 dashes; check with: npm run server -- verify-report FILE',
  },
});

const TITLES: Record<keyof SignedReport, string> = {
  period: 'Period',
  profile: 'Profile',
  summary: 'Summary',
  partners: 'Partners (third-party register)',
  unknownRecipients: 'Unknown external parties',
  overrides: 'Overrides: warnings the employee went past, with their justifications (redacted)',
  exceptions: "Exceptions and false positives: employees' requests, the exceptions granted, the team's verdicts",
  policyChanges: 'Policy versions and changes',
  coverage: 'Fleet coverage',
  auditTrail: 'Audit trail',
  coaching: 'Coaching: warnings, cancellations, overrides and false positives per team',
  signature: 'Signature',
};

type Cell = string | number | boolean | null;
/** A section as what every format shows: named figures, or a table (a list of like records). */
type Block = { title: string; figures: Array<[string, Cell]> } | { title: string; columns: string[]; rows: Cell[][] };

/** "a.b.c" paths to the scalars of a value; lists of scalars joined with ", ". */
function flatten(value: unknown, path = '', out: Array<[string, Cell]> = []): Array<[string, Cell]> {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) out.push([path, value.join(', ')]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  else out.push([path, (value ?? null) as Cell]);
  return out;
}

/** A list of records as a table: a column per field path. */
function table(key: string, title: string, records: readonly unknown[]): Block & { key: string } {
  const rows = records.map((v) => flatten(v));
  const columns = [...new Set(rows.flatMap((r) => r.map(([k]) => k)))];
  return { key, title, columns, rows: rows.map((r) => columns.map((c) => r.find(([k]) => k === c)?.[1] ?? null)) };
}

/** Each section of a report as blocks: a list of records is a table, anything else figures (lists of records inside it, tables after them). */
export function blocks(report: SignedReport): Array<Block & { key: string }> {
  const out: Array<Block & { key: string }> = [];
  for (const key of Object.keys(TITLES) as Array<keyof SignedReport>) {
    const value = report[key];
    if (Array.isArray(value)) {
      out.push(table(key, TITLES[key], value));
      continue;
    }
    const figures: Array<[string, Cell]> = [];
    const tables: Array<Block & { key: string }> = [];
    for (const [k, v] of Object.entries(value as object))
      if (Array.isArray(v) && v.some((x) => x && typeof x === 'object')) tables.push(table(`${key}.${k}`, `${TITLES[key]}: ${k}`, v));
      else figures.push(...flatten(v, k));
    out.push({ key, title: TITLES[key], figures }, ...tables);
  }
  return out;
}

const text = (c: Cell): string => (c === null ? '' : String(c));
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderJson(report: SignedReport): Uint8Array {
  return Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8');
}

/** One row per figure: section, item (a table's row number, from 1; empty for a figure), field, value. */
export function renderCsv(report: SignedReport): Uint8Array {
  const rows: Cell[][] = [['section', 'item', 'field', 'value']];
  for (const b of blocks(report))
    if ('figures' in b) for (const [k, v] of b.figures) rows.push([b.key, '', k, v]);
    else b.rows.forEach((r, i) => r.forEach((v, j) => rows.push([b.key, i + 1, b.columns[j]!, v])));
  return Buffer.from(stringify(rows.map((r) => r.map(text))), 'utf8');
}

const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#111}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}th{background:#f4f4f4}td.n{text-align:right}code{font-size:.9em}`;

/** A self-contained page (no scripts, styles inline); the signature is in its last section. */
export function renderHtml(report: SignedReport): Uint8Array {
  const cell = (c: Cell) => `<td${typeof c === 'number' ? ' class="n"' : ''}>${escapeHtml(text(c))}</td>`;
  const body = blocks(report)
    .map((b) =>
      'figures' in b
        ? `<h2>${escapeHtml(b.title)}</h2>\n<table>${b.figures.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th>${cell(v)}</tr>`).join('')}</table>`
        : `<h2>${escapeHtml(b.title)}</h2>\n${b.rows.length ? `<table><tr>${b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>${b.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}</table>` : '<p>None.</p>'}`,
    )
    .join('\n');
  const title = `Bulwark ${report.profile.name} compliance report, ${report.period.from} to ${report.period.to}`;
  return Buffer.from(
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CSS}</style></head>\n<body><h1>${escapeHtml(title)}</h1>\n${body}\n</body></html>\n`,
    'utf8',
  );
}

/** A PDF (pdfkit, its standard fonts): each block as a heading and lines; the signature in the document's Keywords. */
export function renderPdf(report: SignedReport): Promise<Uint8Array> {
  const title = `Bulwark ${report.profile.name} compliance report, ${report.period.from} to ${report.period.to}`;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Author: 'Bulwark', Subject: report.profile.basis, Keywords: report.signature.value } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(16).text(title).moveDown();
  for (const b of blocks(report)) {
    doc.font('Helvetica-Bold').fontSize(12).text(b.title).moveDown(0.3).font('Helvetica').fontSize(9);
    if ('figures' in b) for (const [k, v] of b.figures) doc.text(`${k}: ${text(v)}`);
    else if (!b.rows.length) doc.text('None.');
    else for (const r of b.rows) doc.text(r.map((v, j) => `${b.columns[j]}: ${text(v)}`).filter((s) => !s.endsWith(': ')).join('; '));
    doc.moveDown();
  }
  doc.end();
  return done;
}

export async function render(report: SignedReport, format: Format): Promise<Uint8Array> {
  return format === 'json' ? renderJson(report) : format === 'csv' ? renderCsv(report) : format === 'html' ? renderHtml(report) : renderPdf(report);
}
