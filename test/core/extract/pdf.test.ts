import { describe, expect, it } from 'vitest';
import { extract, locate } from '../../../src/core/extract';
import { nodePdfReader } from '../../../src/cli/node-pdf';
import { pdf, zip } from './fixtures';

const options = { pdf: nodePdfReader() };

describe('PDF', () => {
  it('reads the text of every page and places it by page', async () => {
    const r = await extract(pdf(['Batch record BR-2291', 'Patient Maria Gonzalez\nSSN 219-09-9999']), 'record.pdf', options);
    expect(r).toMatchObject({ status: 'ok', format: 'pdf' });
    expect(r.parts.map((p) => p.location)).toEqual(['page 1', 'page 2']);
    expect(r.parts[1]!.text).toContain('SSN 219-09-9999');
    expect(locate(r.parts[1]!, r.parts[1]!.text.indexOf('SSN'))).toBe('page 2 line 2');
  });

  it('reports a PDF that needs a password as encrypted', async () => {
    expect(await extract(pdf(['secret'], { encrypt: true }), 'locked.pdf', options)).toMatchObject({ status: 'encrypted' });
  });

  it('says so when pages beyond the limit were not read', async () => {
    const r = await extract(pdf(['one', 'two', 'three']), 'long.pdf', { ...options, limits: { maxPages: 2 } });
    expect(r.parts).toHaveLength(2);
    expect(r).toMatchObject({ status: 'too-large', reason: expect.stringMatching(/pages after 2 of 3/) });
  });

  it('reads a PDF inside an archive', async () => {
    const r = await extract(zip({ 'docs/record.pdf': pdf(['SSN 219-09-9999']) }), 'docs.zip', options);
    expect(r.parts.map((p) => p.location)).toEqual(['docs/record.pdf > page 1']);
  });

  it('answers a truncated PDF with "could not read" or the pages it could', async () => {
    const whole = pdf(['SSN 219-09-9999']);
    const r = await extract(whole.subarray(0, 120), 'cut.pdf', options);
    expect(['unreadable', 'ok']).toContain(r.status);
    if (r.status === 'unreadable') expect(r.reason).toMatch(/could not read|not a readable PDF/);
  });
});
