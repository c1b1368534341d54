import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { runningHeaders } from '../../src/core/fleet/running';
import { newToken, tokenHash } from '../../src/server/secrets';
import { makeEvent, startBackend, type TestBackend } from '../server/harness';
import { CHROMIUM } from './chromium';
import { signInAs } from './console-sign-in';

/** Rollout in the console, in real Chromium against a real backend (SQLite): a fleet after a publish, and the enrollment settings. */
describe('the fleet in the console', () => {
  let b: TestBackend;
  let browser: Browser;

  beforeAll(async () => {
    b = await startBackend('sqlite');
    // Four browsers on policy v1 (the harness's device has never been heard from).
    const tokens: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const token = newToken('bwd');
      await b.server.store.enrollDevice(`laptop-${n}`, tokenHash(token), `user${n}@example.com`);
      tokens.push(token);
    }
    const contact = (token: string, path: string, headers: Record<string, string>, init: RequestInit = {}) => fetch(`${b.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...headers, ...(init.headers as Record<string, string>) } });
    for (const t of tokens) expect((await contact(t, '/api/device/policy', runningHeaders('0.1.0', 1))).status).toBe(200);
    // A publish; then two of them pick v2 up, with a newer extension, and send events saying so.
    expect((await b.call('/api/policies', { method: 'POST', as: 'admin', json: { policy: { ...DEFAULT_POLICY, version: undefined }, note: 'tighter PHI' } })).status).toBe(201);
    for (const t of tokens.slice(0, 2)) {
      expect((await contact(t, '/api/device/policy', runningHeaders('0.2.0', 1))).status).toBe(200);
      const sent = await contact(t, '/api/device/events', runningHeaders('0.2.0', 2), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ events: [makeEvent({ policyVersion: 2 })], dropped: 0 }) });
      expect(sent.status).toBe(200);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await b?.close();
  });

  it('shows which browsers run the new policy and which the old, and gives enrollment settings to copy', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.url });
    const page = await context.newPage();
    await page.goto(b.url);
    await signInAs(page, 'admin');
    await page.getByRole('link', { name: 'People and devices' }).click();
    await page.getByRole('heading', { name: 'People and devices' }).waitFor();

    await expect.poll(() => page.getByTestId('fleet-line').textContent()).toBe('2 of 5 browsers on policy v2; 0 without contact for 7 days or more.');
    expect(await page.getByRole('group', { name: 'Fleet summary' }).textContent()).toContain('Policy versions: v2: 2, v1: 2, not said: 1. Extension versions: 0.2.0: 2, 0.1.0: 2, not said: 1.');
    const row = (id: string) => page.locator(`tr[data-device="${id}"]`).textContent();
    expect(await row('laptop-1')).toMatch(/v2.*0\.2\.0/);
    expect(await row('laptop-3')).toMatch(/v1 \(behind\).*0\.1\.0/);
    expect(await row('device-under-test')).toMatch(/not said.*not said.*never/);
    // After 1 day nobody is stale yet, the never-heard device included (enrolled just now).
    await page.getByLabel('Stale after (days)').fill('1');
    await page.getByLabel('Stale after (days)').dispatchEvent('change');
    await expect.poll(() => page.getByTestId('fleet-line').textContent()).toBe('2 of 5 browsers on policy v2; 0 without contact for 1 day or more.');

    // A new enrollment token: its settings for every platform carry it and this server's address.
    const form = page.getByRole('form', { name: 'New enrollment token' });
    await form.getByLabel('Label').fill('all laptops');
    await form.getByRole('button', { name: 'New enrollment token' }).click();
    const token = (await page.locator('.secret code').textContent())!;
    expect(token).toMatch(/^bwe_/);
    const linux = JSON.parse((await page.locator('pre[data-platform="linux"]').textContent())!);
    expect(linux['3rdparty'].extensions.akalfehckapncpenmnigfcjlihoodmne).toEqual({ serverUrl: b.url, enrollmentToken: token });
    for (const platform of ['windows', 'macos', 'google-admin']) {
      const text = await page.locator(`pre[data-platform="${platform}"]`).textContent();
      expect(text).toContain(token);
      expect(text).toContain(b.url);
    }
    await page.getByRole('button', { name: 'Copy the macOS (configuration profile) settings' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`<key>enrollmentToken</key><string>${token}</string>`);
    await page.screenshot({ path: '.output/console-fleet.png', fullPage: true });
    await context.close();
  });
});
