import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Partner } from '../../core/policy/partners';

/**
 * The register as CSV: one row per agreement (a partner without agreements: one row with the agreement's
 * columns empty); lists (domains, hosts, categories) separated by spaces. The rows of one partner repeat its
 * columns, which must agree.
 */
export const CSV_COLUMNS = ['id', 'name', 'kind', 'owner', 'domains', 'hosts', 'agreement', 'categories', 'expires', 'reference'] as const;

export function registerToCsv(partners: readonly Partner[]): string {
  const rows = partners.flatMap((p) => {
    const base = [p.id, p.name, p.kind, p.owner, p.domains.join(' '), p.hosts.join(' ')];
    return p.agreements.length ? p.agreements.map((a) => [...base, a.kind, a.categories.join(' '), a.expires ?? '', a.reference ?? '']) : [[...base, '', '', '', '']];
  });
  return stringify([[...CSV_COLUMNS], ...rows]);
}

const list = (cell: string | undefined): string[] => (cell ?? '').split(/[\s;]+/).filter(Boolean);

/** The partners of a CSV file, or errors that name the line ("line 3: kind: ..."). */
export function registerFromCsv(text: string): { ok: true; partners: Partner[] } | { ok: false; errors: string[] } {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    return { ok: false, errors: [`the file is not valid CSV: ${(e as Error).message}`] };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (!records.length) return { ok: false, errors: ['the file has no partner: it needs a header line and one line per agreement'] };
  if (missing.length) return { ok: false, errors: [`line 1: the header lacks ${missing.join(', ')} (columns: ${CSV_COLUMNS.join(', ')})`] };
  const errors: string[] = [];
  const byId = new Map<string, { line: number; partner: Record<string, unknown> }>();
  for (const { record: r, info } of records) {
    const line = info.lines;
    const base = { id: r.id, name: r.name, kind: r.kind, owner: r.owner, domains: list(r.domains), hosts: list(r.hosts) };
    const agreement = r.agreement ? [{ kind: r.agreement, categories: list(r.categories), ...(r.expires ? { expires: r.expires } : {}), ...(r.reference ? { reference: r.reference } : {}) }] : [];
    const seen = byId.get(r.id ?? '');
    if (!seen) byId.set(r.id ?? '', { line, partner: { ...base, agreements: agreement } });
    else if (JSON.stringify({ ...seen.partner, agreements: undefined }) !== JSON.stringify({ ...base, agreements: undefined }))
      errors.push(`line ${line}: partner "${r.id}" has other name, kind, owner, domains or hosts than on line ${seen.line}`);
    else (seen.partner.agreements as unknown[]).push(...agreement);
    const checked = Partner.safeParse({ ...base, agreements: agreement });
    if (!checked.success) errors.push(...checked.error.issues.map((i) => `line ${line}: ${csvColumn(i.path)}: ${i.message}`));
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, partners: [...byId.values()].map((v) => Partner.parse(v.partner)) };
}

/** The CSV column a validation issue is about. */
function csvColumn(path: readonly PropertyKey[]): string {
  if (path[0] !== 'agreements') return String(path[0] ?? 'row');
  const field = String(path[2] ?? '');
  return field === 'kind' ? 'agreement' : field || 'agreement';
}
