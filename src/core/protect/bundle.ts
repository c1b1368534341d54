import { z } from 'zod';
import { organisationDetectorId, type Detector } from '../detect/types';
import { COLUMN_KINDS, EdmMatcher, MAX_COLUMNS, MAX_TEXT_WORDS, type EdmData } from './edm';
import { FingerprintMatcher, type FingerprintSet } from './fingerprint';
import { sipKey, type SipKey } from './siphash';

/**
 * Protected data: the organisation's exact-data tables and fingerprinted documents, in the hashed form that
 * reaches browsers. The backend publishes it signed beside the policy (it is data, megabytes of it, and changes
 * on its own schedule); rules name its tables and document sets by id, as they name dictionaries.
 */
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const EdmSpecSchema = z
  .object({
    id: Id,
    name: z.string().min(1).max(120),
    category: z.enum(['pii', 'ip']),
    columns: z.array(z.object({ name: z.string().min(1).max(64), kind: z.enum(COLUMN_KINDS) }).strict()).min(1).max(MAX_COLUMNS),
    combos: z.array(z.array(z.number().int().min(0).max(MAX_COLUMNS - 1)).min(1)).min(1).max(64),
    proximity: z.number().int().min(10).max(5_000),
  })
  .strict()
  .refine((s) => s.combos.flat().every((c) => c < s.columns.length), { message: 'a combination names a column the table does not have', path: ['combos'] });

export const ProtectedDataJson = z
  .object({
    version: z.number().int().min(0),
    tables: z.array(z.object({ spec: EdmSpecSchema, rows: z.number().int().min(0), maxWords: z.number().int().min(1).max(MAX_TEXT_WORDS), hi: Base64, lo: Base64, cell: Base64, filter: Base64 }).strict()).max(50),
    documentSets: z
      .array(
        z
          .object({
            id: Id,
            name: z.string().min(1).max(120),
            documents: z.array(z.object({ id: z.string().max(64), name: z.string().max(200), fingerprints: z.number().int().min(0) }).strict()).max(100_000),
            hashes: Base64,
            docs: Base64,
            filter: Base64,
          })
          .strict(),
      )
      .max(50),
  })
  .strict();
export type ProtectedDataJson = z.infer<typeof ProtectedDataJson>;

export interface ProtectedData {
  version: number;
  tables: EdmData[];
  documentSets: FingerprintSet[];
}

export const EMPTY_PROTECTED_DATA: ProtectedData = { version: 0, tables: [], documentSets: [] };

function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function base64ToBytes(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Typed arrays travel as base64 of their little-endian bytes. */
export const u32ToBase64 = (a: Uint32Array): string => bytesToBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
export function base64ToU32(text: string): Uint32Array {
  const bytes = base64ToBytes(text);
  if (bytes.length % 4) throw new Error('a 32-bit array must have a multiple of 4 bytes');
  return new Uint32Array(bytes.buffer, 0, bytes.length / 4);
}

export function encodeProtectedData(d: ProtectedData): ProtectedDataJson {
  return {
    version: d.version,
    tables: d.tables.map((t) => ({ spec: t.spec, rows: t.rows, maxWords: t.maxWords, hi: u32ToBase64(t.hi), lo: u32ToBase64(t.lo), cell: u32ToBase64(t.cell), filter: bytesToBase64(t.filter) })),
    documentSets: d.documentSets.map((s) => ({ id: s.id, name: s.name, documents: s.documents, hashes: u32ToBase64(s.hashes), docs: u32ToBase64(s.docs), filter: bytesToBase64(s.filter) })),
  };
}

/** Reads published protected data; throws with the reason when it is malformed or inconsistent. */
export function decodeProtectedData(input: unknown): ProtectedData {
  const j = ProtectedDataJson.parse(input);
  const tables = j.tables.map((t) => {
    const table: EdmData = { spec: t.spec, rows: t.rows, maxWords: t.maxWords, hi: base64ToU32(t.hi), lo: base64ToU32(t.lo), cell: base64ToU32(t.cell), filter: base64ToBytes(t.filter) };
    if (table.lo.length !== table.hi.length || table.cell.length !== table.hi.length) throw new Error(`table ${t.spec.id}: its arrays differ in length`);
    if (!isPowerOfTwo(table.filter.length)) throw new Error(`table ${t.spec.id}: its filter size is not a power of two`);
    return table;
  });
  const documentSets = j.documentSets.map((s) => {
    const set: FingerprintSet = { ...s, hashes: base64ToU32(s.hashes), docs: base64ToU32(s.docs), filter: base64ToBytes(s.filter) };
    if (set.docs.length !== set.hashes.length || set.docs.some((d) => d >= s.documents.length)) throw new Error(`document set ${s.id}: its arrays do not agree`);
    if (!isPowerOfTwo(set.filter.length)) throw new Error(`document set ${s.id}: its filter size is not a power of two`);
    return set;
  });
  return { version: j.version, tables, documentSets };
}

const isPowerOfTwo = (n: number): boolean => n >= 1 && (n & (n - 1)) === 0;

/** The SipHash key of protected data, derived from the organisation's hash key (HMAC-SHA256, first 16 bytes). */
export async function protectedDataKey(hashKey: CryptoKey): Promise<SipKey> {
  const mac = await crypto.subtle.sign('HMAC', hashKey, new TextEncoder().encode('bulwark protected data v1'));
  return sipKey(new Uint8Array(mac));
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The detectors of protected data, for the engine: one per table and per document set, named as rules name them. */
export function protectedDataDetectors(d: ProtectedData, key: SipKey): Detector[] {
  const tables = d.tables.map((t): Detector => {
    const m = new EdmMatcher(t, key);
    return {
      id: organisationDetectorId(t.spec.id),
      type: 'EDM_MATCH',
      category: t.spec.category,
      description: `exact data of "${t.spec.name}" (${t.rows} rows)`,
      find: (text) => m.find(text).map((x) => ({ start: x.start, end: x.end, score: 0.95, why: [`table "${t.spec.name}": ${x.columns.join(' + ')} of one row`] })),
      examples: { match: [], noMatch: [] },
    };
  });
  const sets = d.documentSets.map((s): Detector => {
    const m = new FingerprintMatcher(s, key);
    return {
      id: organisationDetectorId(s.id),
      type: 'DOCUMENT_MATCH',
      category: 'ip',
      passage: true,
      description: `passages of the documents of "${s.name}" (${s.documents.length})`,
      find: (text) =>
        m.find(text).map((x) => ({
          start: x.start,
          end: x.end,
          score: Math.round(x.similarity * 100) / 100,
          why: [`document "${s.documents[x.document]!.name}": ${pct(x.similarity)} of this passage, ${pct(x.coverage)} of the document`],
        })),
      examples: { match: [], noMatch: [] },
    };
  });
  return [...tables, ...sets];
}
