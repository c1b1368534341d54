import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docx, encryptedZip, pdf, xlsx, zip, zipBomb } from '../core/extract/fixtures';
import { png } from '../core/extract/image-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const scan = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/scan.ts', '--files', ...args], { encoding: 'utf8' });

describe('npm run scan -- --files', () => {
  it('prints one JSON line per file with status, labels and located findings', () => {
    const paths = [
      file('record.docx', docx({ body: ['Patient Maria Gonzalez was admitted with pneumonia.', 'SSN 219-09-9999'] })),
      file('patients.xlsx', xlsx({ Patients: [['Name', 'SSN'], ['Maria Gonzalez', '219-09-9999']] })),
      file('batch.pdf', pdf(['Batch record', 'Patient John Smith, MRN 48213377, diagnosis: asthma'])),
      file('bundle.zip', zip({ 'keys/.env': 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' })),
      file('bomb.zip', zipBomb(20_000_000)),
      file('locked.zip', encryptedZip({ 'a.csv': 'x' })),
      file('scan.png', png(8, 8)),
      file('cut.png', png(8, 8).subarray(0, 40)),
      file('big.bin', new Uint8Array(1000).fill(0)),
    ];
    const r = scan('--no-ocr', ...paths, join(dir, 'missing.txt'));
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file.slice(dir.length + 1), l.status])).toEqual([
      ['record.docx', 'ok'],
      ['patients.xlsx', 'ok'],
      ['batch.pdf', 'ok'],
      ['bundle.zip', 'ok'],
      ['bomb.zip', 'bomb'],
      ['locked.zip', 'encrypted'],
      ['scan.png', 'image'],
      ['cut.png', 'unreadable'],
      ['big.bin', 'unreadable'],
      ['missing.txt', 'unreadable'],
    ]);
    expect(lines[0].labels).toContain('PHI');
    expect(lines[1].findings.find((f: { type: string }) => f.type === 'SSN').location).toBe('sheet Patients B2');
    expect(lines[2].findings.find((f: { type: string }) => f.type === 'MRN').location).toBe('page 2 line 1');
    expect(lines[3]).toMatchObject({ labels: ['SECRET'] });
    expect(lines[3].findings[0].location).toBe('keys/.env line 1');
    for (const l of lines.slice(4)) expect(l.reason).toEqual(expect.any(String));
    expect(r.status).toBe(1);
    // Values never appear in the output: offsets and places only.
    expect(r.stdout).not.toContain('219-09-9999');
  });

  it('reads images by OCR unless told not to: an image without text is then read, and clean', () => {
    const path = file('blank.png', png(64, 32));
    expect(JSON.parse(scan(path).stdout)).toMatchObject({ status: 'ok', format: 'png', findings: [] });
    expect(JSON.parse(scan('--no-ocr', path).stdout)).toMatchObject({ status: 'image', reason: 'an image: its text is not read' });
  });
});
