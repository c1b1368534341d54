import { z } from 'zod';
import { extract, type ExtractOptions } from '../core/extract';
import { signPolicy } from '../core/policy';
import { ClassifierId } from '../core/policy/classifiers';
import { fromBase64 } from '../core/policy/signature';
import { base64ToU32, encodeProtectedData, protectedDataKey, u32ToBase64, type ProtectedDataJson } from '../core/protect/bundle';
import { buildEdm, COLUMN_KINDS, defaultCombos, MAX_COLUMNS, type EdmSpec } from '../core/protect/edm';
import { assembleFingerprintSet, documentFingerprints, MIN_SHARED } from '../core/protect/fingerprint';
import type { SipKey } from '../core/protect/siphash';
import { importHashKey } from '../core/events/hash';
import type { OrgKeys } from './org';
import type { ProtectedItem, Store } from './store';

/**
 * Protected data on the backend: administrators upload exact-data tables (CSV) and register documents; the
 * server keeps only their hashed forms (it hashes, then forgets the clear text) and publishes them signed
 * beside the policy, numbered so that browsers fetch them again only when they change.
 */
export const MAX_TABLE_ROWS = 200_000;

export const TableUpload = z
  .object({
    id: ClassifierId,
    name: z.string().trim().min(1).max(120),
    category: z.enum(['pii', 'ip']).default('pii').describe('pii for people (patients, employees), ip for the organisation\'s property.'),
    columns: z.array(z.object({ name: z.string().trim().min(1).max(64), kind: z.enum(COLUMN_KINDS) }).strict()).min(1).max(MAX_COLUMNS),
    combos: z.array(z.array(z.string()).min(1)).max(64).optional().describe('Column names found together make a match; by default each number or id column alone and every pair.'),
    proximity: z.number().int().min(10).max(5_000).default(300),
    csv: z.string().min(1).describe('The table as CSV, with a header row naming the columns.'),
  })
  .strict();

export const DocumentUpload = z
  .object({
    set: ClassifierId,
    setName: z.string().trim().min(1).max(120).optional(),
    name: z.string().trim().min(1).max(200),
    text: z.string().min(1).optional(),
    file: z.object({ name: z.string().max(255), base64: z.string().min(1) }).strict().optional(),
  })
  .strict()
  .refine((d) => Boolean(d.text) !== Boolean(d.file), 'give either the text or a file');

export interface UploadError {
  path: string;
  message: string;
}

/** RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    if (row.some((f) => f !== '')) rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  endRow();
  return rows;
}

/** A registered document as stored: its set's name and its distinct fingerprints (base64), never its text. */
interface StoredDocument {
  setName: string;
  hashes: string;
}

export class ProtectedData {
  private key: Promise<SipKey>;
  private cache: { version: number; body: { data: ProtectedDataJson; signature: string } } | undefined;

  constructor(private readonly store: Store, private readonly keys: OrgKeys, private readonly pdf?: ExtractOptions['pdf']) {
    this.key = importHashKey(fromBase64(keys.hashKey)).then(protectedDataKey);
  }

  async version(): Promise<number> {
    return Number((await this.store.setting('protected.version')) ?? 0);
  }

  private async changed(): Promise<void> {
    await this.store.incrementSetting('protected.version');
  }

  /** Hashes a table and keeps only the hashes. Errors name the field, as policy errors do. */
  async uploadTable(input: z.infer<typeof TableUpload>, actor: string): Promise<{ rows: number; cells: number } | { errors: UploadError[] }> {
    const csv = parseCsv(input.csv);
    const header = (csv[0] ?? []).map((h) => h.trim().toLowerCase());
    const errors: UploadError[] = [];
    const at = input.columns.map((c, i) => {
      const k = header.indexOf(c.name.toLowerCase());
      if (k < 0) errors.push({ path: `columns.${i}.name`, message: `"${c.name}" is not in the CSV header (${header.join(', ') || 'empty'})` });
      return k;
    });
    const names = input.columns.map((c) => c.name.toLowerCase());
    const combos = input.combos?.map((combo, i) =>
      combo.map((n, j) => {
        const k = names.indexOf(n.toLowerCase());
        if (k < 0) errors.push({ path: `combos.${i}.${j}`, message: `"${n}" is not one of the columns` });
        return k;
      }),
    );
    const rows = csv.slice(1);
    if (!rows.length) errors.push({ path: 'csv', message: 'the CSV has a header but no rows' });
    if (rows.length > MAX_TABLE_ROWS) errors.push({ path: 'csv', message: `${rows.length} rows: at most ${MAX_TABLE_ROWS}` });
    if (errors.length) return { errors };
    const spec: EdmSpec = { id: input.id, name: input.name, category: input.category, columns: input.columns, combos: combos ?? defaultCombos(input.columns), proximity: input.proximity };
    const data = buildEdm(spec, rows.map((r) => at.map((k) => r[k] ?? '')), await this.key);
    const doc = encodeProtectedData({ version: 0, tables: [data], documentSets: [] }).tables[0]!;
    await this.store.putProtected({ kind: 'table', setId: '', id: input.id, name: input.name, doc: JSON.stringify(doc), createdMs: Date.now(), createdBy: actor });
    await this.store.appendAudit({ actor, action: 'protected.table.upload', target: `table ${input.id}`, detail: { rows: rows.length, cells: data.hi.length, columns: input.columns.map((c) => c.name) } });
    await this.changed();
    return { rows: rows.length, cells: data.hi.length };
  }

  /** Fingerprints a document (its text, or a file read as the guard reads files) and keeps only the fingerprints. */
  async addDocument(input: z.infer<typeof DocumentUpload>, actor: string): Promise<{ id: string; fingerprints: number } | { errors: UploadError[] }> {
    let text = input.text ?? '';
    if (input.file) {
      const read = await extract(fromBase64(input.file.base64), input.file.name, { pdf: this.pdf });
      if (read.status !== 'ok') return { errors: [{ path: 'file', message: `could not read the file: ${read.reason ?? read.status}` }] };
      text = read.parts.map((p) => p.text).join('\n');
    }
    const hashes = documentFingerprints(text, await this.key);
    if (hashes.length < MIN_SHARED * 2) return { errors: [{ path: input.file ? 'file' : 'text', message: 'too little text to recognise (a few sentences at least)' }] };
    const id = crypto.randomUUID();
    const sibling = (await this.store.protectedItems()).find((i) => i.kind === 'document' && i.setId === input.set);
    const setName = input.setName ?? (sibling && (JSON.parse(sibling.doc) as StoredDocument).setName) ?? input.set;
    const doc = JSON.stringify({ setName, hashes: u32ToBase64(hashes) } satisfies StoredDocument);
    await this.store.putProtected({ kind: 'document', setId: input.set, id, name: input.name, doc, createdMs: Date.now(), createdBy: actor });
    await this.store.appendAudit({ actor, action: 'protected.document.add', target: `document ${input.set}/${id}`, detail: { name: input.name, fingerprints: hashes.length } });
    await this.changed();
    return { id, fingerprints: hashes.length };
  }

  async remove(kind: ProtectedItem['kind'], setId: string, id: string, actor: string): Promise<boolean> {
    if (!(await this.store.deleteProtected(kind, setId, id))) return false;
    await this.store.appendAudit({ actor, action: `protected.${kind}.delete`, target: `${kind} ${setId ? `${setId}/` : ''}${id}`, detail: {} });
    await this.changed();
    return true;
  }

  /** What the console lists: names, shapes and counts, no hashes. */
  async summary() {
    const items = await this.store.protectedItems();
    return {
      version: await this.version(),
      tables: items
        .filter((i) => i.kind === 'table')
        .map((i) => {
          const t = JSON.parse(i.doc) as ProtectedDataJson['tables'][number];
          return { id: i.id, name: i.name, category: t.spec.category, columns: t.spec.columns, combos: t.spec.combos.map((c) => c.map((k) => t.spec.columns[k]!.name)), rows: t.rows, createdMs: i.createdMs, createdBy: i.createdBy };
        }),
      documents: items
        .filter((i) => i.kind === 'document')
        .map((i) => ({ set: i.setId, setName: (JSON.parse(i.doc) as StoredDocument).setName, id: i.id, name: i.name, createdMs: i.createdMs, createdBy: i.createdBy })),
    };
  }

  /** The signed bundle browsers fetch, built once per version. */
  async published(): Promise<{ version: number; body: { data: ProtectedDataJson; signature: string } }> {
    const version = await this.version();
    if (this.cache?.version === version) return this.cache;
    const items = await this.store.protectedItems();
    const tables = items.filter((i) => i.kind === 'table').map((i) => JSON.parse(i.doc) as ProtectedDataJson['tables'][number]);
    const bySet = new Map<string, { name: string; documents: { id: string; name: string; hashes: Uint32Array }[] }>();
    for (const i of items.filter((x) => x.kind === 'document')) {
      const d = JSON.parse(i.doc) as StoredDocument;
      const set = bySet.get(i.setId) ?? bySet.set(i.setId, { name: d.setName, documents: [] }).get(i.setId)!;
      set.documents.push({ id: i.id, name: i.name, hashes: base64ToU32(d.hashes) });
    }
    const sets = [...bySet].map(([id, s]) => assembleFingerprintSet(id, s.name, s.documents));
    const data: ProtectedDataJson = { ...encodeProtectedData({ version, tables: [], documentSets: sets }), tables };
    const signed = await signPolicy(data, this.keys.signingPrivateKey);
    this.cache = { version, body: { data, signature: signed.signature } };
    return this.cache;
  }
}
