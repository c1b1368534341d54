import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scan } from '../../../src/core/detect';
import { DEFAULT_POLICY } from '../../../src/core/policy';
import { startBackground } from '../../../src/extension/background/start';
import { PolicyClient } from '../../../src/extension/content/policy-client';

const SECRET = 'export GITHUB_TOKEN=ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUy';
const ctx = { channel: 'paste' as const, host: 'example.org' };
const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(() => fakeBrowser.reset());

describe('the content script policy copy', () => {
  it('starts with the default, takes the background answer and decides without asking again', async () => {
    startBackground();
    await fakeBrowser.storage.managed.set({ policy: { version: 3, rules: [{ id: 'block-secrets', match: { categories: ['secret'] }, action: 'block' }] } });
    const client = await PolicyClient.start();
    expect([client.policySource, client.policy.version]).toEqual(['managed', 3]);
    expect(client.decide(scan(SECRET).findings, ctx)).toMatchObject({ action: 'block', rule: 'block-secrets' });
    client.stop();
  });

  it('follows a change of policy', async () => {
    startBackground();
    const client = await PolicyClient.start();
    expect(client.policySource).toBe('default');
    await fakeBrowser.storage.managed.set({ policy: { version: 4, rules: [{ id: 'audit-secrets', match: { categories: ['secret'] }, action: 'audit' }] } });
    await settle();
    expect(client.decide(scan(SECRET).findings, ctx)).toMatchObject({ action: 'audit', rule: 'audit-secrets' });
    client.stop();
  });

  it('keeps the default when the background cannot answer', async () => {
    const client = await PolicyClient.start();
    expect(client.policy).toBe(DEFAULT_POLICY);
    expect(client.decide(scan(SECRET).findings, ctx).action).toBe('warn');
    client.stop();
  });

  it('the background refuses a malformed message', async () => {
    startBackground();
    expect(await fakeBrowser.runtime.sendMessage({ type: 'get-policy', extra: 1 })).toEqual({ error: 'malformed message' });
    expect(await fakeBrowser.runtime.sendMessage('get-policy')).toEqual({ error: 'malformed message' });
  });
});
