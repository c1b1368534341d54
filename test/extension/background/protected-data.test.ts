import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { documentText } from '../../core/protect/generate';
import { startBackend, type TestBackend } from '../../server/harness';

// The background fetching the organisation's protected data from the real backend (SQLite), and refusing what
// it must not keep: a bundle whose signature does not hold, an older version, a broken body.
let b: TestBackend;
beforeAll(async () => {
  b = await startBackend('sqlite');
  expect((await b.call('/api/protected-data/documents', { method: 'POST', as: 'policy_admin', json: { set: 'sops', name: 'SOP-1', text: documentText(1, 300) } })).status).toBe(201);
});
afterAll(() => b.close());

let mod: typeof import('../../../src/extension/background/protected-data');
beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  mod = await import('../../../src/extension/background/protected-data');
  await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken });
});

const held = async () => (await fakeBrowser.storage.local.get(mod.PROTECTED_DATA))[mod.PROTECTED_DATA] as { version: number } | undefined;

/** The real server's answer, changed on the way by `tamper`. */
const through = (tamper: (body: { data: { version: number; documentSets: unknown[] }; signature: string }) => unknown): typeof fetch => async (input, init) => {
  const r = await fetch(input, init);
  if (!String(input).endsWith('/api/device/protected-data') || r.status !== 200) return r;
  return new Response(JSON.stringify(tamper(await r.json())), { status: 200 });
};

describe('protected data in the background', () => {
  it('is not fetched by a browser that is not enrolled', async () => {
    await fakeBrowser.storage.managed.clear();
    expect(await mod.refreshProtectedData()).toEqual({ status: 'not-enrolled' });
  });

  it('fetches, verifies and keeps the signed bundle, then only confirms it', async () => {
    const first = await mod.refreshProtectedData();
    expect(first).toMatchObject({ status: 'updated' });
    expect(await held()).toMatchObject({ version: (first as { version: number }).version });
    expect(await mod.refreshProtectedData()).toMatchObject({ status: 'unchanged' });
  });

  it('refuses a bundle changed on the way, an older version and a broken body, keeping what it held', async () => {
    await mod.refreshProtectedData();
    const kept = await held();
    await fakeBrowser.storage.local.set({ [mod.PROTECTED_DATA]: { ...kept, etag: undefined } });
    expect(await mod.refreshProtectedData(through((x) => ({ ...x, data: { ...x.data, documentSets: [] } })))).toEqual({ status: 'rejected', detail: 'bad signature' });
    await fakeBrowser.storage.local.set({ [mod.PROTECTED_DATA]: { ...kept, version: kept!.version + 5, etag: undefined } });
    expect(await mod.refreshProtectedData()).toMatchObject({ status: 'rejected', detail: expect.stringMatching(/older than/) });
    expect(await mod.refreshProtectedData(through(() => 'not a bundle'))).toMatchObject({ status: 'rejected' });
    expect((await held())!.version).toBe(kept!.version + 5);
  });

  it('keeps the last good copy when the backend is down', async () => {
    await mod.refreshProtectedData();
    const down: typeof fetch = async (input, init) => (String(input).includes('/protected-data') ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
    expect(await mod.refreshProtectedData(down)).toMatchObject({ status: 'unreachable' });
    expect(await held()).toBeDefined();
  });
});
