import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, stepAt } from '../../src/server/totp';
import { startBackend, type TestBackend } from '../server/harness';
import { startTlsProxy, type TlsProxy } from '../server/tls-proxy';
import { CHROMIUM } from './chromium';
import { signInAs } from './console-sign-in';

/**
 * The console in real Chromium behind a TLS-terminating proxy (the backend with secureCookies and the proxy
 * trusted): its changes carry the https origin and are accepted; an admin turns on the TOTP second factor
 * and signs in again with a code.
 */
describe('the console behind a TLS proxy', () => {
  let b: TestBackend;
  let proxy: TlsProxy;
  let browser: Browser;

  beforeAll(async () => {
    b = await startBackend('sqlite', undefined, { config: { trustedProxies: ['127.0.0.1'], secureCookies: true } });
    proxy = await startTlsProxy(b.url);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--ignore-certificate-errors', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await b?.close();
  });

  async function signIn(page: Page, code?: () => string): Promise<void> {
    await page.goto(proxy.url);
    await signInAs(page, 'admin', code);
  }

  it('makes changes through the proxy, turns on two-step sign-in, and signs in with a code', async () => {
    // Someone guesses the viewer's password: the admin sees the alert among the sign-in alerts.
    for (let i = 0; i < 5; i++) await fetch(`${b.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'viewer', password: `guess ${i}` }) });
    const page = await (await browser.newContext()).newPage();
    await signIn(page);
    await page.goto(`${proxy.url}/#/admin`);
    await expect.poll(() => page.getByRole('table', { name: 'Sign-in alerts' }).textContent()).toMatch(/viewer\s*this account from this address\s*127\.0\.0\.1\s*5/);
    await page.getByPlaceholder('label (for example: all laptops)').fill('laptops');
    await page.getByRole('button', { name: 'New enrollment token' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/bwe_/);

    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const secret = (await page.locator('section code').textContent())!;
    const key = base32Decode(secret);
    const step = stepAt(Date.now());
    await page.getByLabel('First code').fill(hotp(key, step));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^On/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    // The code of the step after the one used to confirm: never the same code twice.
    await signIn(page, () => hotp(key, Math.max(step + 1, stepAt(Date.now()))));
    const trail = ((await (await b.call('/api/audit', { as: 'admin' })).json()).entries as Array<{ action: string }>).map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['enrollment.create', 'totp.begin', 'totp.enable']));
  });
});
