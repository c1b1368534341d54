import { describe, expect, it } from 'vitest';
import { extract, locate } from '../../../src/core/extract';
import { decodeText } from '../../../src/core/extract/text';
import { docx, eml, encryptedZip, lyingZip, oleFile, pptx, xlsx, zip, zipBomb } from './fixtures';

const enc = (s: string) => new TextEncoder().encode(s);
const all = (r: { parts: { text: string }[] }) => r.parts.map((p) => p.text).join('\n');

describe('text in the encodings files come in', () => {
  const text = 'Patient: José Müller, SSN 219-09-9999';
  it.each([
    ['utf-8', enc(text)],
    ['utf-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)])],
    ['utf-16le with BOM', new Uint8Array([0xff, 0xfe, ...utf16(text, true)])],
    ['utf-16be with BOM', new Uint8Array([0xfe, 0xff, ...utf16(text, false)])],
    ['utf-16le without BOM', utf16(text, true)],
    ['utf-16be without BOM', utf16(text, false)],
    ['latin-1', Uint8Array.from(text, (c) => c.charCodeAt(0))],
  ])('%s', async (_label, bytes) => {
    const r = await extract(bytes, 'note.txt');
    expect(r.status).toBe('ok');
    expect(all(r)).toBe(text);
  });

  it('calls binary junk unreadable, not text', async () => {
    const junk = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256);
    expect((await extract(junk, 'blob.bin')).status).toBe('unreadable');
    expect(decodeText(junk)).toEqual({ binary: true });
  });
});

describe('markup and data formats', () => {
  it('reads CSV with each value after its column name, and places findings by row', async () => {
    const r = await extract(enc('name,ssn,diagnosis\nMaria Gonzalez,219-09-9999,"diabetes, type 2"\n'), 'patients.csv');
    expect(all(r)).toContain('ssn: 219-09-9999');
    expect(all(r)).toContain('diagnosis: diabetes, type 2');
    const part = r.parts[0]!;
    expect(locate(part, part.text.indexOf('219-09'))).toBe('table row 2');
  });

  it('reads TSV, JSON (with key paths), XML, HTML (without scripts), Markdown and RTF', async () => {
    expect(all(await extract(enc('a\tb\n1\t2'), 'x.tsv'))).toContain('a: 1; b: 2');
    expect(all(await extract(enc('{"patient":{"ssn":"219-09-9999","visits":[{"date":"2024-01-02"}]}}'), 'x.json'))).toBe('patient.ssn: 219-09-9999\npatient.visits[0].date: 2024-01-02');
    expect(all(await extract(enc('<?xml version="1.0"?><r><ssn>219-09-9999</ssn><n><![CDATA[a<b]]></n></r>'), 'x.xml'))).toBe('219-09-9999\na<b');
    expect(all(await extract(enc('<html><script>var ssn="000"</script><p>SSN&nbsp;219-09-9999</p><p>Dr. &amp; Co</p></html>'), 'x.html'))).toBe('SSN\u00a0219-09-9999\nDr. & Co');
    expect(all(await extract(enc('# Visit\n\n**SSN** 219-09-9999'), 'x.md'))).toContain('219-09-9999');
    const rtf = String.raw`{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\*\generator Word}\f0 Patient Jos\'e9 \b SSN\b0  219-09-9999\par Caf\u233?\par}`;
    expect(all(await extract(enc(rtf), 'x.rtf'))).toBe('Patient José SSN 219-09-9999\nCafé');
  });

  it('reads an e-mail: headers, the body and an attachment inside it', async () => {
    const mail = eml({ subject: 'Batch record BR-2291', body: 'Please see the patient list.', attachment: { name: 'patients.csv', type: 'text/csv', bytes: enc('name,ssn\nMaria Gonzalez,219-09-9999\n') } });
    const r = await extract(enc(mail), 'message.eml');
    expect(r.status).toBe('ok');
    const places = r.parts.map((p) => p.location);
    expect(places).toEqual(['headers', 'body', 'attachment patients.csv']);
    expect(r.parts[0]!.text).toContain('subject: Batch record BR-2291');
    expect(r.parts[2]!.text).toContain('ssn: 219-09-9999');
  });
});

describe('Office Open XML', () => {
  it('reads a Word document: body, header, footer, comments and tracked deletions', async () => {
    const r = await extract(docx({ body: ['Patient Maria Gonzalez', 'SSN 219-09-9999'], header: 'CONFIDENTIAL', footer: 'Page 1', comment: 'check MRN 48213377', deleted: 'old SSN 078-05-1120' }), 'r.docx');
    expect(r).toMatchObject({ status: 'ok', format: 'docx' });
    expect(Object.fromEntries(r.parts.map((p) => [p.location, p.text]))).toEqual({
      body: 'Patient Maria Gonzalez\nSSN 219-09-9999\nold SSN 078-05-1120',
      comments: 'check MRN 48213377',
      footer1: 'Page 1',
      header1: 'CONFIDENTIAL',
    });
  });

  it('reads every sheet of a workbook and places a value by sheet and cell', async () => {
    const r = await extract(xlsx({ Patients: [['Name', 'SSN'], ['Maria Gonzalez', '219-09-9999']], Lots: [['Lot', 'Qty'], ['L-2291', 1200]] }), 'book.xlsx');
    expect(r.format).toBe('xlsx');
    const patients = r.parts.find((p) => p.location === 'sheet Patients')!;
    expect(locate(patients, patients.text.indexOf('219-09-9999'))).toBe('sheet Patients B2');
    expect(r.parts.find((p) => p.location === 'sheet Lots')!.text).toContain('1200');
  });

  it('reads slides and their notes', async () => {
    const r = await extract(pptx(['Q3 results', 'Compound ABC-1234'], { 2: 'do not share: SSN 219-09-9999' }), 'deck.pptx');
    expect(r.parts.map((p) => p.location)).toEqual(['slide 1', 'slide 2', 'notes of slide 2']);
  });

  it('reports legacy binary Office files as unreadable and encrypted Office files as encrypted', async () => {
    expect(await extract(oleFile(false), 'old.doc')).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/legacy/) });
    expect(await extract(oleFile(true), 'secret.docx')).toMatchObject({ status: 'encrypted' });
  });
});

describe('archives', () => {
  it('reads nested archives and names where each part came from', async () => {
    const inner = zip({ 'notes.txt': 'SSN 219-09-9999' });
    const r = await extract(zip({ 'readme.txt': 'hello', 'inner.zip': inner, 'report.docx': docx({ body: ['MRN 48213377'] }) }), 'outer.zip');
    expect(r.status).toBe('ok');
    expect(r.parts.map((p) => p.location).sort()).toEqual(['inner.zip > notes.txt', 'readme.txt', 'report.docx > body']);
  });

  it('stops at the nesting limit and says so', async () => {
    let z = zip({ 'deep.txt': 'SSN 219-09-9999' });
    for (let i = 0; i < 5; i++) z = zip({ [`level${i}.zip`]: z });
    const r = await extract(z, 'nested.zip', { limits: { maxDepth: 3 } });
    expect(r.parts).toHaveLength(0);
    expect(r.skipped[0]!.reason).toMatch(/nested deeper than 3/);
  });

  it('reports a zip bomb without expanding it', async () => {
    const r = await extract(zipBomb(50_000_000), 'bomb.zip');
    expect(r).toMatchObject({ status: 'bomb', reason: expect.stringMatching(/expands \d+ times/) });
  });

  it('catches an entry that expands beyond what its header declares', async () => {
    expect(await extract(lyingZip(), 'liar.zip')).toMatchObject({ status: 'bomb', reason: expect.stringMatching(/beyond what its header declares/) });
  });

  it('reports too many entries as a bomb', async () => {
    const many = zip(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}.txt`, 'x'])));
    expect((await extract(many, 'many.zip', { limits: { maxEntries: 20 } })).status).toBe('bomb');
  });

  it('reports an encrypted archive as encrypted', async () => {
    expect(await extract(encryptedZip({ 'patients.csv': 'name,ssn' }), 'locked.zip')).toMatchObject({ status: 'encrypted' });
  });

  it('answers a truncated or corrupted archive with "could not read", never a crash', async () => {
    const good = docx({ body: ['SSN 219-09-9999'] });
    expect((await extract(good.subarray(0, good.length / 2), 'cut.docx')).status).toBe('unreadable');
    const corrupt = good.slice();
    for (let i = 60; i < 200; i++) corrupt[i] = 0x41;
    const r = await extract(corrupt, 'corrupt.docx');
    expect(['unreadable', 'ok']).toContain(r.status);
  });
});

describe('other kinds', () => {
  it('takes image magic without an image behind it for a damaged image, not an image (real images: image.test.ts)', async () => {
    expect(await extract(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]), 'scan.png')).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/^a damaged PNG image/) });
    expect(await extract(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'photo.jpg')).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/^a damaged JPEG image/) });
  });

  it('refuses a file over the size limit before reading it', async () => {
    expect(await extract(new Uint8Array(2000), 'big.txt', { limits: { maxFileBytes: 1000 } })).toMatchObject({ status: 'too-large' });
  });

  it('cuts text beyond the limit and says so', async () => {
    const r = await extract(enc('x'.repeat(5000)), 'long.txt', { limits: { maxTextChars: 1000 } });
    expect(r.status).toBe('too-large');
    expect(r.parts[0]!.text).toHaveLength(1000);
  });
});

function utf16(text: string, little: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2 + (little ? 0 : 1)] = c & 0xff;
    out[i * 2 + (little ? 1 : 0)] = c >> 8;
  }
  return out;
}
