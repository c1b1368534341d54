import { describe, expect, it } from 'vitest';
import { defaultEngine, scan } from '../../../src/core/detect';
import { scanFile } from '../../../src/core/extract/scan-file';
import { docx } from '../extract/fixtures';
import { validCas, validSmiles } from '../../../src/core/detect/detectors/ip/chemistry';
import { sequenceKind } from '../../../src/core/detect/detectors/ip/biology';
import { redact } from '../../../src/core/detect/redact';
import { toPrediction } from '../../../src/cli/scan';

const types = (text: string) => scan(text).findings.map((f) => `${f.type}${f.quasi ? '?' : ''}:${text.slice(f.start, f.end)}`);

describe('intellectual property in the default engine', () => {
  it('labels a document IP for a marking, a structure, a sequence or code, and not for ordinary text', () => {
    expect(scan('INTERNAL USE ONLY – stability summary').labels).toContain('IP');
    expect(scan('route to CC(=O)Oc1ccccc1C(=O)O via acetylation').labels).toContain('IP');
    expect(scan('The quarterly review is on Monday; bring the slides.').labels).toEqual([]);
  });

  it('counts a batch number only in manufacturing context, as identifiers are PHI only in health context', () => {
    const receipt = 'Thanks for your order. Lot 4471923 ships tomorrow with the invoice.';
    expect(types(receipt)).toEqual(['BATCH_NUMBER?:4471923']);
    expect(scan(receipt).labels).not.toContain('IP');
    const record = 'Deviation report: Lot 4471923 failed dissolution at the 30 minute point; CAPA opened.';
    expect(types(record)).toContain('BATCH_NUMBER:4471923');
    expect(scan(record).labels).toContain('IP');
  });

  it('keeps a secret inside a code block a finding of its own, and reports the block as a passage', () => {
    const code = ['import boto3', '', 'def client():', '    key = "AKIAZ7QX3T5B2NDKQW4L"', '    region = "eu-west-1"', '    return boto3.client("s3", aws_access_key_id=key)', ''].join('\n');
    const text = `Why does this fail?\n${code}`;
    const r = scan(text);
    expect(r.findings.filter((f) => f.type === 'SECRET')).toHaveLength(1);
    const p = toPrediction(r);
    expect(p.passages.map((f) => f.type)).toEqual(['SOURCE_CODE']);
    expect(p.findings.map((f) => f.type)).not.toContain('SOURCE_CODE');
    expect(redact(text, r.findings)).toBe('Why does this fail?\n[SOURCE_CODE]\n');
  });

  it('finds a marking in the header of a Word document, where extraction places it', async () => {
    const r = await scanFile(defaultEngine(), docx({ body: ['Granulation parameters for the pilot run.'], header: 'CLIENT CONFIDENTIAL – Novaris Biologics AG' }), 'spec.docx');
    expect(r.labels).toContain('IP');
    expect(r.findings).toContainEqual(expect.objectContaining({ type: 'CONFIDENTIAL_MARKING', location: expect.stringMatching(/header/) }));
  });

  it('checks CAS numbers by their check digit and SMILES by their structure', () => {
    expect(validCas('7732-18-5')).toBeUndefined();
    expect(validCas('7732-18-4')).toBe(false);
    expect(validSmiles('c1ccccc1')).toBe(true);
    expect(validSmiles('c1ccccc')).toBe(false); // a ring left open
    expect(validSmiles('cccccc')).toBe(false); // aromatic atoms outside a ring
    expect(validSmiles('CC(C(C)C')).toBe(false); // a branch left open
    expect(validSmiles('CCCCCC')).toBe(false); // no structure: could be any capital word
  });

  it('tells nucleotides from proteins from shouted words', () => {
    expect(sequenceKind('ATGGCGTACGTTAGCCTAGGCTTAACGG')).toBe('nucleotide');
    expect(sequenceKind('MALWMRLLPLLALLALWGPDPAAAFVNQHLCGSHLV')).toBe('protein');
    expect(sequenceKind('PLEASEREADTHEATTACHEDMEMOCAREFVLLY')).toBeUndefined();
  });
});
