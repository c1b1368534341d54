import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_POLICY, generateKeyPair, signPolicy, type PolicyInput } from '../../../src/core/policy';
import { effectivePolicy, lastPolicyStatus, readManagedSettings, refreshCentralPolicy } from '../../../src/extension/background/policy';

// A real HTTP server plays the backend: it serves whatever document the test sets, with an ETag.
let body = '';
let etag = '"v1"';
let requests: { ifNoneMatch?: string }[] = [];
let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ ifNoneMatch: req.headers['if-none-match'] });
    if (body === '') return void res.writeHead(503).end();
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/json', etag }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/policy`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const keys = await generateKeyPair();
const other = await generateKeyPair();
const policyV = (version: number): PolicyInput => ({ version, rules: [{ id: `v${version}`, match: { categories: ['secret'] }, action: 'block' }] });
const serve = async (version: number, privateKey = keys.privateKey, tag = `"v${version}"`) => {
  body = JSON.stringify(await signPolicy(policyV(version), privateKey));
  etag = tag;
};
// Managed storage as Chrome fills it from enterprise policy. (The http URL stands in for HTTPS on loopback.)
const manage = (settings: Record<string, unknown>) => fakeBrowser.storage.managed.set(settings);

beforeEach(() => {
  fakeBrowser.reset();
  requests = [];
});

describe('the effective policy', () => {
  it('is the bundled default when nothing is configured', async () => {
    expect(await effectivePolicy()).toEqual({ policy: DEFAULT_POLICY, source: 'default' });
    expect(await refreshCentralPolicy()).toEqual({ status: 'not-configured' });
  });

  it('is the managed policy when the administrator sets one, over everything else', async () => {
    await manage({ policy: policyV(42) });
    const e = await effectivePolicy();
    expect([e.source, e.policy.version]).toEqual(['managed', 42]);
  });

  it('ignores a bad managed key, keeps the good ones, and says so', async () => {
    await manage({ policy: { version: 'two' }, refreshMinutes: 1, unknownKey: true, policyUrl: 'https://bulwark.example/policy' });
    const { settings, errors } = await readManagedSettings();
    expect(settings).toEqual({ policyUrl: 'https://bulwark.example/policy', refreshMinutes: 60 });
    expect(errors).toEqual(['policy.version: Invalid input: expected number, received string', 'policy.rules: Invalid input: expected array, received undefined', 'refreshMinutes: Too small: expected number to be >=5', 'unknownKey: not a Bulwark setting']);
    expect((await effectivePolicy()).source).toBe('default');
  });
});

describe('the central channel', () => {
  const central = (extra: Record<string, unknown> = {}) => manage({ policyUrl: url.replace('http:', 'https:'), policyPublicKey: keys.publicKey, ...extra });
  // fetch is real; only the scheme is swapped back to http for the loopback server.
  const fetchLoopback: typeof fetch = (input, init) => fetch(String(input).replace('https:', 'http:'), init);

  it('fetches, verifies and keeps a signed policy, then asks with its ETag', async () => {
    await central();
    await serve(5);
    expect(await refreshCentralPolicy(fetchLoopback)).toEqual({ status: 'updated', version: 5 });
    expect((await effectivePolicy()).source).toBe('central');
    expect(await refreshCentralPolicy(fetchLoopback)).toEqual({ status: 'unchanged', version: 5 });
    expect(requests.map((r) => r.ifNoneMatch)).toEqual([undefined, '"v5"']);
  });

  it('takes a newer version and refuses an older one (no rollback)', async () => {
    await central();
    await serve(5);
    await refreshCentralPolicy(fetchLoopback);
    await serve(6);
    expect(await refreshCentralPolicy(fetchLoopback)).toEqual({ status: 'updated', version: 6 });
    await serve(4);
    expect(await refreshCentralPolicy(fetchLoopback)).toMatchObject({ status: 'rejected', reason: 'rollback' });
    expect((await effectivePolicy()).policy.version).toBe(6);
    expect(await lastPolicyStatus()).toMatchObject({ status: 'rejected', reason: 'rollback' });
  });

  it('refuses a document signed by another key, tampered, unsigned or not JSON, and keeps the last good one', async () => {
    await central();
    await serve(5);
    await refreshCentralPolicy(fetchLoopback);
    await serve(7, other.privateKey);
    expect(await refreshCentralPolicy(fetchLoopback)).toMatchObject({ status: 'rejected', reason: 'bad-signature' });
    const doc = JSON.parse(body);
    doc.policy.rules = [];
    body = JSON.stringify(doc);
    etag = '"tampered"';
    expect(await refreshCentralPolicy(fetchLoopback)).toMatchObject({ status: 'rejected', reason: 'bad-signature' });
    body = JSON.stringify({ policy: policyV(8) });
    etag = '"unsigned"';
    expect(await refreshCentralPolicy(fetchLoopback)).toMatchObject({ status: 'rejected', reason: 'unsigned' });
    body = '<html>';
    etag = '"html"';
    expect(await refreshCentralPolicy(fetchLoopback)).toMatchObject({ status: 'rejected', reason: 'malformed' });
    expect((await effectivePolicy()).policy.version).toBe(5);
  });

  it('keeps the last good policy while the backend is down', async () => {
    await central();
    await serve(5);
    await refreshCentralPolicy(fetchLoopback);
    body = '';
    expect(await refreshCentralPolicy(fetchLoopback)).toMatchObject({ status: 'unreachable', reason: 'http' });
    const unreachable: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    expect(await refreshCentralPolicy(unreachable)).toMatchObject({ status: 'unreachable', reason: 'network', detail: 'fetch failed' });
    expect((await effectivePolicy()).policy.version).toBe(5);
  });

  it('refuses to fetch without a public key to check against', async () => {
    await manage({ policyUrl: 'https://bulwark.example/policy' });
    expect(await refreshCentralPolicy(fetchLoopback)).toMatchObject({ status: 'rejected', reason: 'no-public-key' });
    expect(requests).toEqual([]);
  });
});

describe('the refresh schedule', () => {
  it("follows the administrator's interval, and stops without a policy URL", async () => {
    const { scheduleRefresh, REFRESH_ALARM } = await import('../../../src/extension/background/policy');
    await manage({ policyUrl: 'https://bulwark.example/policy', policyPublicKey: keys.publicKey, refreshMinutes: 15 });
    await scheduleRefresh();
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({ name: REFRESH_ALARM, periodInMinutes: 15 });
    await fakeBrowser.storage.managed.clear();
    await scheduleRefresh();
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();
  });
});
