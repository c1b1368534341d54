import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (args: string[], input: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/scan.ts', ...args], { input, encoding: 'utf8' });

describe('npm run scan', () => {
  it('answers every good line, names the bad ones on stderr and exits non-zero', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'SSN 536-22-8726' }),
      '{"id": "b", "text": ',
      JSON.stringify({ id: 'c', full_text: 'nothing here' }),
      JSON.stringify({ id: 'd' }),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ id: 7, text: 'mail jane.doe@example.com' }),
    ].join('\n');
    const r = run(['--jsonl', '-'], input);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'c', 7]);
    expect(out[0]).toEqual({ id: 'a', findings: [{ type: 'SSN', start: 4, end: 15, score: 1, detector: 'pii.ssn' }], passages: [], labels: ['PII'] });
    expect(out[1]).toEqual({ id: 'c', findings: [], passages: [], labels: [] });
    expect(r.stderr).toMatch(/line 2: not JSON/);
    expect(r.stderr).toMatch(/line 4: no "text" or "full_text" string/);
    expect(r.stderr).toMatch(/line 5: not a JSON object/);
    expect(r.status).toBe(1);
  });

  it('exits 0 when every line was scanned', () => {
    const r = run(['--jsonl', '-'], `${JSON.stringify({ id: 1, text: 'hello' })}\n`);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('prints a readable report with the values masked', () => {
    const r = run(['-'], 'Card 4111 1111 1111 1111 and key AKIAZ7QX3T5B2NDKQW4L');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/labels: PII, SECRET/);
    expect(r.stdout).toMatch(/CREDIT_CARD/);
    expect(r.stdout).not.toContain('4111 1111 1111 1111');
    expect(r.stdout).not.toContain('AKIAZ7QX3T5B2NDKQW4L');
  });

  it('adds a policy\'s own classifiers with --policy, labels IP, and refuses a policy with an unsafe pattern', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-scan-'));
    const good = join(dir, 'good.json'), bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify({ version: 1, rules: [], classifiers: { compoundCodes: [{ id: 'compounds', formats: ['BWX-####'] }] } }));
    writeFileSync(bad, JSON.stringify({ version: 1, rules: [], classifiers: { patterns: [{ id: 'slow', regex: '(a+)+b' }] } }));
    const r = run(['--policy', good, '--jsonl', '-'], `${JSON.stringify({ id: 1, text: 'Assay of BWX-0042 attached' })}\n`);
    const out = JSON.parse(r.stdout);
    expect(out.findings).toContainEqual({ type: 'COMPOUND_CODE', start: 9, end: 17, score: 0.9, detector: 'org.compounds' });
    expect(out.labels).toEqual(['IP']);
    const refused = run(['--policy', bad, '-'], 'text');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/classifiers\.patterns\[0\]\.regex: .*nested quantifiers/);
  });

  it('says what went wrong when the file is missing', () => {
    const r = run(['--jsonl', '/nonexistent/file.jsonl'], '');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/ENOENT|no such file/);
  });
});
