import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHashKey } from '../../src/core/events/hash';
import { verifyPolicySignature } from '../../src/core/policy';
import { fromBase64 } from '../../src/core/policy/signature';
import { decodeProtectedData, protectedDataKey } from '../../src/core/protect/bundle';
import { EdmMatcher } from '../../src/core/protect/edm';
import { FingerprintMatcher } from '../../src/core/protect/fingerprint';
import { docx } from '../core/extract/fixtures';
import { documentText, isoDate, people } from '../core/protect/generate';
import { DATABASES, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const patients = people(300, 11);
const csv = ['MRN,Full Name,DOB,Notes', ...patients.map((p) => `${p.mrn},"${p.name}",${isoDate(p)},"likes ""tea"", walks"`)].join('\r\n');
const table = { id: 'patients', name: 'Patients', category: 'pii', columns: [{ name: 'full name', kind: 'text' }, { name: 'dob', kind: 'date' }, { name: 'mrn', kind: 'id' }], combos: [['full name', 'dob'], ['mrn']], csv };
const formula = documentText(77, 600);

describe.each(DATABASES)('protected data on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pg);
  });
  afterAll(() => b.close());

  const fetchBundle = async (etag?: string) => b.call('/api/device/protected-data', { as: 'device', headers: etag ? { 'If-None-Match': etag } : {} });
  const matchersOf = async (r: Response) => {
    const body = (await r.json()) as { data: unknown; signature: string };
    expect(await verifyPolicySignature(body.data, body.signature, b.server.keys.signingPublicKey)).toBe(true);
    const key = await protectedDataKey(await importHashKey(fromBase64(b.server.keys.hashKey)));
    const data = decodeProtectedData(body.data);
    return { data, edm: data.tables.map((t) => new EdmMatcher(t, key)), docs: data.documentSets.map((s) => new FingerprintMatcher(s, key)) };
  };

  it('hashes an uploaded table, keeps no value in clear, and publishes it signed to devices', async () => {
    const r = await b.call('/api/protected-data/tables', { method: 'POST', as: 'policy_admin', json: table });
    expect(r.status).toBe(201);
    expect(await r.json()).toEqual({ rows: 300, cells: 900 });
    const stored = JSON.stringify([await b.server.store.protectedItems(), await b.server.store.audit()]);
    for (const p of patients.slice(0, 100)) for (const v of [p.mrn, p.name, ...p.name.split(' '), isoDate(p)]) expect(stored.includes(v), v).toBe(false);
    const summary = await (await b.call('/api/protected-data', { as: 'viewer' })).json();
    expect(summary.tables).toEqual([expect.objectContaining({ id: 'patients', rows: 300, combos: [['full name', 'dob'], ['mrn']] })]);
    const bundle = await fetchBundle();
    const { edm } = await matchersOf(bundle);
    const p = patients[42]!;
    expect(edm[0]!.find(`Re: ${p.name}, born ${isoDate(p)}`).map((m) => m.columns.join('+'))).toEqual(['full name+dob', 'full name+dob']);
    expect((await fetchBundle(bundle.headers.get('ETag')!)).status).toBe(304);
    expect((await b.server.store.audit()).at(-1)).toMatchObject({ action: 'protected.table.upload', target: 'table patients', actor: 'policy_admin' });
  });

  it('refuses a table whose columns or combinations do not fit its CSV, naming the field', async () => {
    const r = await b.call('/api/protected-data/tables', { method: 'POST', as: 'policy_admin', json: { ...table, id: 'broken', columns: [{ name: 'surname', kind: 'text' }], combos: [['dob']] } });
    expect(r.status).toBe(422);
    expect((await r.json()).errors).toEqual([
      { path: 'columns.0.name', message: '"surname" is not in the CSV header (mrn, full name, dob, notes)' },
      { path: 'combos.0.0', message: '"dob" is not one of the columns' },
    ]);
    expect((await b.call('/api/protected-data/tables', { method: 'POST', as: 'policy_admin', json: { ...table, id: 'Bad Id' } })).status).toBe(400);
  });

  it('fingerprints registered documents (text or a Word file), keeps no text, and devices recognise a copied paragraph', async () => {
    const text = await b.call('/api/protected-data/documents', { method: 'POST', as: 'policy_admin', json: { set: 'formulations', setName: 'Formulations', name: 'VX-12 master formula', text: formula } });
    expect(text.status).toBe(201);
    const word = documentText(78, 400);
    const file = await b.call('/api/protected-data/documents', { method: 'POST', as: 'policy_admin', json: { set: 'formulations', name: 'Process description', file: { name: 'process.docx', base64: Buffer.from(docx({ body: [word] })).toString('base64') } } });
    expect(file.status).toBe(201);
    const stored = JSON.stringify(await b.server.store.protectedItems());
    for (const w of formula.split(' ').slice(0, 50)) if (w.length > 6) expect(stored.includes(w), w).toBe(false);
    const { docs } = await matchersOf(await fetchBundle());
    const paragraph = formula.split(' ').slice(200, 260).join(' ');
    const [m] = docs[0]!.find(`Could you check this? ${paragraph} Thanks`);
    expect(docs[0]!.set.documents[m!.document]!.name).toBe('VX-12 master formula');
    expect(m!.similarity).toBeGreaterThan(0.9);
    const fromWord = docs[0]!.find(word.split(' ').slice(100, 160).join(' '));
    expect(docs[0]!.set.documents[fromWord[0]!.document]!.name).toBe('Process description');
  });

  it('refuses a document too short to recognise, and removes one on request (devices get a new version)', async () => {
    const short = await b.call('/api/protected-data/documents', { method: 'POST', as: 'policy_admin', json: { set: 'formulations', name: 'memo', text: 'just a few words here' } });
    expect(short.status).toBe(422);
    const before = await fetchBundle();
    const { documents } = await (await b.call('/api/protected-data', { as: 'viewer' })).json();
    const gone = await b.call(`/api/protected-data/documents/formulations/${documents[0].id}`, { method: 'DELETE', as: 'policy_admin' });
    expect(gone.status).toBe(200);
    expect((await b.call(`/api/protected-data/documents/formulations/${documents[0].id}`, { method: 'DELETE', as: 'policy_admin' })).status).toBe(404);
    const after = await fetchBundle(before.headers.get('ETag')!);
    expect(after.status).toBe(200);
    expect((await matchersOf(after)).data.documentSets[0]!.documents).toHaveLength(documents.length - 1);
  });
});
