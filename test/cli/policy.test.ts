import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[], env: Record<string, string> = {}, input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/policy.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, input });
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('npm run policy', () => {
  const keys = JSON.parse(cli(['keygen']).stdout) as { publicKey: string; privateKey: string };
  const policy = file('policy.json', { version: 3, rules: [{ id: 'block-secrets', match: { categories: ['secret'] }, action: 'block' }] });

  it('signs with a key from the environment and verifies with one from a file', () => {
    const signed = cli(['sign', policy], { BULWARK_POLICY_PRIVATE_KEY: keys.privateKey });
    expect(signed.status).toBe(0);
    const path = file('signed.json', signed.stdout);
    const v = cli(['verify', path, '--public-key', file('pub.key', keys.publicKey)]);
    expect([v.status, v.stdout.trim()]).toEqual([0, 'valid signature: version 3']);

    const doc = JSON.parse(readFileSync(path, 'utf8'));
    doc.policy.rules[0].action = 'allow';
    const t = cli(['verify', file('tampered.json', doc), '--public-key', keys.publicKey]);
    expect(t.status).toBe(1);
    expect(t.stderr).toMatch(/bad-signature/);
  });

  it('explains validation errors with their JSON path', () => {
    const r = cli(['check', '-'], {}, JSON.stringify({ version: 1, rules: [{ id: 'x', match: { channels: ['fax'] }, action: 'warn' }] }));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^-: rules\[0\]\.match\.channels\[0\]: /m);
    expect(cli(['check', policy]).stdout).toMatch(/valid: version 3, 1 rules/);
  });

  it('says what is missing', () => {
    const r = cli(['sign', policy], { BULWARK_POLICY_PRIVATE_KEY: '' });
    expect([r.status, r.stderr.trim()]).toEqual([2, 'policy: give the key with --private-key or BULWARK_POLICY_PRIVATE_KEY']);
    expect(cli(['check', file('broken.json', '{"version": ')]).stderr).toMatch(/is not JSON/);
    expect(cli(['frobnicate']).status).toBe(2);
  });
});
