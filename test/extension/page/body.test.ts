import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../../../src/extension/bridge-protocol';
import { readBlobs, readNow, splitQuery } from '../../../src/extension/page/body';

const SSN = 'SSN 219-09-9999';
const bytes = (t: string) => new TextEncoder().encode(t);

describe('reading a request body the way the browser sends it', () => {
  it('reads strings, URL-encoded bodies and every kind of bytes as text', () => {
    expect(readNow(SSN)).toEqual({ parts: [{ body: SSN, type: 'text/plain' }], blobs: [] });
    expect(readNow(new URLSearchParams({ note: SSN })).parts).toEqual([{ body: 'note=SSN+219-09-9999', type: 'application/x-www-form-urlencoded' }]);
    for (const body of [bytes(SSN), bytes(SSN).buffer, new DataView(bytes(SSN).buffer), new Uint16Array(bytes(`${SSN} `).buffer)])
      expect(readNow(body).parts[0]).toMatchObject({ body: expect.stringContaining(SSN) });
  });

  it('decodes bytes that are not UTF-8 without failing', () => {
    expect(readNow(new Uint8Array([0xff, 0xfe, ...bytes(SSN)])).parts[0]).toMatchObject({ body: expect.stringContaining(SSN) });
  });

  it('keeps FormData text fields as fields and its files as blobs', () => {
    const form = new FormData();
    form.append('note', SSN);
    form.append('file', new File(['a,b'], 'a.csv', { type: 'text/csv' }));
    const out = readNow(form);
    expect(out.parts).toEqual([{ field: 'note', value: SSN }]);
    expect(out.blobs.map((b) => (b as File).name)).toEqual(['a.csv']);
  });

  it('reads bytes made in another realm (another frame), where instanceof fails', () => {
    const codes = [...bytes(SSN)];
    const buffer = runInNewContext('new Uint8Array(codes).buffer', { codes }) as ArrayBuffer;
    const view = runInNewContext('new DataView(new Uint8Array(codes).buffer)', { codes }) as DataView;
    expect(buffer instanceof ArrayBuffer || view instanceof DataView).toBe(false);
    expect(readNow(buffer).parts).toEqual([{ body: SSN, type: 'application/octet-stream' }]);
    expect(readNow(view).parts).toEqual([{ body: SSN, type: 'application/octet-stream' }]);
  });

  it('sends a body longer than the synchronous bound as a file', () => {
    const long = 'x'.repeat(MAX_TEXT + 1);
    const out = readNow(long);
    expect(out.parts).toEqual([]);
    expect((out.blobs[0] as File).name).toBe('request-body.txt');
    expect(readNow(new Uint8Array(MAX_TEXT + 1)).blobs[0]!.size).toBe(MAX_TEXT + 1);
  });

  it('joins the fields of a form too large for one request into one text', () => {
    const form = new FormData();
    for (let i = 0; i < 200; i++) form.append(`f${i}`, `v${i}`);
    const out = readNow(form);
    expect(out.parts).toHaveLength(1);
    expect(out.parts[0]).toMatchObject({ body: expect.stringContaining('v199') });
  });

  it('reads nothing from empty bodies', () => {
    for (const body of [null, undefined, '', new Blob([]), new ArrayBuffer(0)]) expect(readNow(body)).toEqual({ parts: [], blobs: [] });
  });

  it('reads Blobs of data (JSON for a beacon) as text and keeps files and documents as files', async () => {
    const json = new Blob([JSON.stringify({ note: SSN })], { type: 'application/json' });
    const csv = new Blob(['a,b'], { type: 'text/csv' });
    const file = new File([SSN], 'note.txt', { type: 'text/plain' });
    const parts = await readBlobs([json, csv, file]);
    expect(parts[0]).toEqual({ body: '{"note":"SSN 219-09-9999"}', type: 'application/json' });
    expect(parts[1]).toEqual({ file: csv });
    expect(parts[2]).toEqual({ file });
  });

  it('splits the query off a URL, to be read as URL-encoded text', () => {
    expect(splitQuery(new URL('https://a.example/p/q?x=1&y=%20z#frag'))).toEqual({ base: 'https://a.example/p/q', query: { body: 'x=1&y=%20z', type: 'application/x-www-form-urlencoded' } });
    expect(splitQuery(new URL('wss://a.example/ws')).query).toBeUndefined();
  });
});
