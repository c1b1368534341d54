import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, signPolicy } from '../../src/core/policy';
import { extensionId, launch, type Session } from './chromium';

// The policy server as an administrator would run it: HTTPS, CORS for the extension, ETag exposed.
const dir = mkdtempSync(join(tmpdir(), 'bulwark-tls-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'pipe' });
let body = '';
let etag = '';
let notModified = 0;
const server: Server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'if-none-match', 'access-control-expose-headers': 'etag' };
  if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
  if (req.headers['if-none-match'] === etag) {
    notModified++;
    return void res.writeHead(304, cors).end();
  }
  res.writeHead(200, { ...cors, 'content-type': 'application/json', etag }).end(body);
});

const keys = await generateKeyPair();
const serve = async (version: number) => {
  body = JSON.stringify(await signPolicy({ version, rules: [{ id: `central-v${version}`, match: { categories: ['secret'] }, action: 'block' }] }, keys.privateKey));
  etag = `"v${version}"`;
};

type Worker = Session['worker'];
const call = (worker: Worker, fn: 'refreshCentralPolicy' | 'effectivePolicy' | 'lastPolicyStatus') =>
  worker.evaluate((name) => (globalThis as unknown as Record<string, Record<string, () => Promise<unknown>>>).bulwark![name]!(), fn);

describe('the signed central channel in real Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    await serve(5);
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/policy.json`;
    session = await launch(extensionId(), { policyUrl: url, policyPublicKey: keys.publicKey }, ['--ignore-certificate-errors']);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await new Promise<void>((ok) => server.close(() => ok()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches, verifies and applies the signed policy, then asks with its ETag', async () => {
    expect(await call(session.worker, 'refreshCentralPolicy')).toMatchObject({ version: 5 });
    expect(await call(session.worker, 'effectivePolicy')).toMatchObject({ source: 'central', policy: { version: 5 } });
    const before = notModified;
    expect(await call(session.worker, 'refreshCentralPolicy')).toEqual({ status: 'unchanged', version: 5 });
    expect(notModified).toBe(before + 1);
  });

  it('takes a newer version and refuses an older one, keeping the newer', async () => {
    await serve(6);
    expect(await call(session.worker, 'refreshCentralPolicy')).toEqual({ status: 'updated', version: 6 });
    await serve(4);
    expect(await call(session.worker, 'refreshCentralPolicy')).toMatchObject({ status: 'rejected', reason: 'rollback' });
    expect(await call(session.worker, 'lastPolicyStatus')).toMatchObject({ status: 'rejected', reason: 'rollback' });
    expect(await call(session.worker, 'effectivePolicy')).toMatchObject({ source: 'central', policy: { version: 6 } });
  });

  it('refuses a tampered document', async () => {
    await serve(7);
    const doc = JSON.parse(body);
    doc.policy.rules[0].action = 'allow';
    body = JSON.stringify(doc);
    expect(await call(session.worker, 'refreshCentralPolicy')).toMatchObject({ status: 'rejected', reason: 'bad-signature' });
    expect(await call(session.worker, 'effectivePolicy')).toMatchObject({ policy: { version: 6 } });
  });
});
