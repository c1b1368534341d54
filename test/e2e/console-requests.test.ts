import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulwarkEvent } from '../../src/core/events/event';
import { importHashKey, keyedHash, normaliseValue } from '../../src/core/events/hash';
import { acceptSignedPolicy, type Policy } from '../../src/core/policy';
import { fromBase64 } from '../../src/core/policy/signature';
import { makeEvent, startBackend, type TestBackend } from '../server/harness';
import { CHROMIUM } from './chromium';
import { signInAs } from './console-sign-in';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical axe-core violations of the page as it is now (the open form included). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
    return (await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** The console's Requests view in real Chromium against a real backend: requests arrive as browsers send them. */
describe("the console: employees' requests", () => {
  let b: TestBackend;
  let browser: Browser;
  let exception: BulwarkEvent, falsePositive: BulwarkEvent;
  beforeAll(async () => {
    b = await startBackend('sqlite');
    const hash = await keyedHash(await importHashKey(fromBase64(b.server.keys.hashKey)), normaliseValue('219-09-9999'));
    const findings = [{ type: 'SSN' as const, category: 'phi' as const, count: 1, previews: ['•••-••-••99'], hashes: [hash] }];
    exception = makeEvent({ time: new Date(Date.now() - 3600_000).toISOString(), rule: 'warn-phi', action: 'warn', findings, request: { kind: 'exception', reason: 'Monthly upload to the approved assistant', scope: { thisHostOnly: true, theseValuesOnly: false, days: 7 } } });
    falsePositive = makeEvent({ time: new Date(Date.now() - 1800_000).toISOString(), rule: 'warn-phi', action: 'warn', findings, request: { kind: 'false-positive', reason: 'It is a test number' } });
    const sent = await fetch(`${b.url}/api/device/events`, { method: 'POST', headers: { Authorization: `Bearer ${b.deviceToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ events: [exception, falsePositive] }) });
    expect(await sent.json()).toMatchObject({ accepted: 2 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await b?.close();
  });

  const devicePolicy = async (): Promise<Policy> => {
    const r = await fetch(`${b.url}/api/device/policy`, { headers: { Authorization: `Bearer ${b.deviceToken}` } });
    const accepted = await acceptSignedPolicy(await r.json(), b.server.keys.signingPublicKey);
    if (!accepted.ok) throw new Error(accepted.reason);
    return accepted.policy;
  };

  async function signIn(role: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(b.url);
    await signInAs(page, role);
    await page.getByRole('link', { name: 'Requests' }).click();
    await page.getByRole('heading', { name: "Employees' requests" }).waitFor();
    return page;
  }

  it('an admin approves an exception as asked: the policy version goes up with the grant', async () => {
    const before = await devicePolicy();
    const page = await signIn('admin');
    const card = page.getByRole('article', { name: "Exception: alice@example.com" });
    await expect.poll(() => card.textContent()).toMatch(/warn-phi.*chatgpt\.com.*SSN.*Monthly upload to the approved assistant.*at chatgpt\.com only.*for 7 days/);
    expect(await card.getByRole('link', { name: 'the event' }).getAttribute('href')).toBe(`#/events/${exception.id}`);
    expect(await card.getByRole('link', { name: 'other events with this value' }).getAttribute('href')).toBe(`#/events?hash=${exception.findings[0]!.hashes[0]}`);
    await card.getByRole('button', { name: 'Approve…' }).click();
    const form = page.getByRole('form', { name: 'Approve the request of alice@example.com' });
    expect(await form.getByLabel(/At every host/).isChecked()).toBe(false);
    // The open form is accessible, and fits a phone.
    expect(await violations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await form.getByLabel('Days').inputValue()).toBe('7');
    // A note holding an identifier is refused, at its field, and nothing is published.
    await form.getByLabel('Note to the employee').fill('Approved: SSN 219-09-9999 is fine.');
    await form.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Grant and publish' }).click();
    await expect.poll(() => form.locator('.field-error').textContent()).toMatch(/identifier/);
    expect(await violations(page)).toEqual([]);
    expect(await form.getByLabel('Note to the employee').getAttribute('aria-invalid')).toBe('true');
    expect((await devicePolicy()).version).toBe(before.version);
    await form.getByLabel('Note to the employee').fill('Approved for this month.');
    await form.getByRole('button', { name: 'Approve' }).click();
    const question = page.getByRole('alertdialog');
    await expect.poll(() => question.textContent()).toMatch(/Grant an exception for alice@example\.com, at chatgpt\.com, rule warn-phi, all values, for 7 days\? The policy is published again/);
    await question.getByRole('button', { name: 'Grant and publish' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Approved: the exception is in the policy/);

    const after = await devicePolicy();
    expect(after.version).toBe(before.version + 1);
    expect(after.exceptions.granted).toEqual([{ id: exception.id, user: 'alice@example.com', host: 'chatgpt.com', rule: 'warn-phi', expiresAt: expect.any(String) }]);
    await expect.poll(() => page.getByRole('table', { name: 'Exceptions granted' }).textContent()).toMatch(/for alice@example\.com, at chatgpt\.com, rule warn-phi, all values.*in force.*admin/);
    await expect.poll(() => page.getByRole('table', { name: 'Decided requests' }).textContent()).toMatch(/Exception.*approved by admin.*Approved for this month\./);
    expect(await page.getByRole('article').count()).toBe(1);
  });

  it('an analyst rejects a false-positive report with a note; the employee gets it and the policy stays', async () => {
    const before = await devicePolicy();
    const page = await signIn('analyst');
    const card = page.getByRole('article', { name: "This isn't sensitive: alice@example.com" });
    await card.getByRole('button', { name: 'Reject…' }).click();
    const form = page.getByRole('form', { name: 'Reject the request of alice@example.com' });
    await form.getByLabel('Note to the employee').fill('It is a real number: remove it before sharing.');
    await form.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Rejected; alice@example\.com sees the answer/);
    await expect.poll(() => page.getByRole('article').count()).toBe(0);
    await expect.poll(() => page.getByRole('table', { name: 'Decided requests' }).textContent()).toMatch(/This isn't sensitive.*rejected by analyst.*It is a real number/);
    // An analyst may not grant: no Revoke for them.
    expect(await page.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
    expect((await devicePolicy()).version).toBe(before.version);
    // The event says what was asked, and leads to the Requests view; so does its row among the events.
    await page.evaluate((id) => (location.hash = `#/events/${id}`), falsePositive.id);
    await expect.poll(() => page.locator('main dl').textContent()).toMatch(/Employee askedThis isn't sensitive: It is a test number \(Requests\)/);
    await page.evaluate(() => (location.hash = '#/events'));
    await expect.poll(() => page.getByRole('link', { name: "asked: This isn't sensitive" }).count()).toBe(1);
    await page.getByRole('link', { name: 'asked: Exception' }).click();
    await page.getByRole('heading', { name: "Employees' requests" }).waitFor();
    const mine = await (await fetch(`${b.url}/api/device/requests`, { headers: { Authorization: `Bearer ${b.deviceToken}` } })).json();
    expect(mine.requests.find((r: { id: string }) => r.id === falsePositive.id)).toMatchObject({ status: 'rejected', answer: 'It is a real number: remove it before sharing.' });
  });

  it('a policy admin revokes the grant, after confirming: published again without it', async () => {
    const before = await devicePolicy();
    const page = await signIn('policy_admin');
    await page.getByRole('button', { name: /^Revoke the exception for alice@example\.com/ }).click();
    const question = page.getByRole('alertdialog');
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect((await devicePolicy()).version).toBe(before.version);
    await page.getByRole('button', { name: /^Revoke the exception for alice@example\.com/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke and publish' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Exceptions granted' }).textContent()).toMatch(/revoked by policy_admin/);
    const after = await devicePolicy();
    expect(after.version).toBe(before.version + 1);
    expect(after.exceptions.granted).toEqual([]);
  });
});
