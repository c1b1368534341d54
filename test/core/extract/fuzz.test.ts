import { describe, expect, it } from 'vitest';
import { extract, EXTRACT_STATUSES } from '../../../src/core/extract';
import { nodePdfReader } from '../../../src/cli/node-pdf';
import { docx, eml, pdf, pptx, xlsx, zip } from './fixtures';

/**
 * Mutated and random files: whatever the bytes, extract answers with a status within its time bound, never a
 * throw or a hang. A seeded generator makes a failure repeatable (the seed is in the test's name).
 */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function mutate(bytes: Uint8Array, rand: () => number): Uint8Array {
  const out = bytes.slice();
  const kind = Math.floor(rand() * 4);
  if (kind === 0) for (let i = 0; i < 1 + rand() * 20; i++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
  if (kind === 1) return out.subarray(0, Math.floor(rand() * out.length));
  if (kind === 2) {
    const at = Math.floor(rand() * out.length);
    out.copyWithin(at, Math.floor(rand() * out.length));
  }
  if (kind === 3) for (let i = Math.floor(rand() * out.length); i < out.length && rand() < 0.999; i++) out[i] = 0xff - out[i]!;
  return out;
}

const seeds = [
  docx({ body: ['Patient Maria Gonzalez', 'SSN 219-09-9999'], header: 'CONFIDENTIAL', comment: 'MRN 48213377' }),
  xlsx({ A: [['Name', 'SSN'], ['Maria', '219-09-9999']], B: [[1, 2, 3]] }),
  pptx(['slide one'], { 1: 'notes' }),
  zip({ 'a.txt': 'SSN 219-09-9999', 'b.zip': zip({ 'c.txt': 'deep' }) }),
  pdf(['page one', 'SSN 219-09-9999']),
  new TextEncoder().encode(eml({ subject: 's', body: 'b', attachment: { name: 'a.csv', type: 'text/csv', bytes: new TextEncoder().encode('x,y\n1,2') } })),
  new TextEncoder().encode(String.raw`{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 Text \'e9 \u233?\par}`),
];
const names = ['x.docx', 'x.xlsx', 'x.pptx', 'x.zip', 'x.pdf', 'x.eml', 'x.rtf'];
const options = { pdf: nodePdfReader(), limits: { maxExpandedBytes: 20_000_000 } };

describe('extractors under mutated and random input', () => {
  const SEED = 20261126;
  it(`answer every one of 400 mutated files with a status (seed ${SEED})`, async () => {
    const rand = rng(SEED);
    const started = Date.now();
    for (let i = 0; i < 400; i++) {
      const k = i % seeds.length;
      const input = mutate(seeds[k]!, rand);
      const t = Date.now();
      const r = await extract(input, names[k]!, options);
      expect(EXTRACT_STATUSES, `case ${i} (${names[k]})`).toContain(r.status);
      expect(Date.now() - t, `case ${i} (${names[k]}) took too long`).toBeLessThan(5000);
    }
    expect(Date.now() - started).toBeLessThan(50_000);
  });

  it('answer random bytes under every file name', async () => {
    const rand = rng(SEED + 1);
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(rand() * 4096) }, () => Math.floor(rand() * 256));
      // Half of them start with a real signature, so that the format's reader (not the sniffer) gets them.
      if (i % 2) bytes.set([[0x50, 0x4b, 3, 4], [0x25, 0x50, 0x44, 0x46, 0x2d], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0x7b, 0x5c, 0x72, 0x74, 0x66]][i % 4]!);
      const r = await extract(bytes, names[i % names.length]!, options);
      expect(EXTRACT_STATUSES).toContain(r.status);
    }
  });
});
