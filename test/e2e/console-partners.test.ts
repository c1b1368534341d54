import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHashKey, keyedHash, normaliseValue } from '../../src/core/events/hash';
import { fromBase64 } from '../../src/core/policy/signature';
import { verifyReport } from '../../src/server/reports';
import { makeEvent, startBackend, type TestBackend } from '../server/harness';
import { CHROMIUM } from './chromium';
import { signInAs } from './console-sign-in';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** The console's Third parties and Reports views in real Chromium against a real backend. */
describe('the console: third parties and reports', () => {
  let b: TestBackend;
  let browser: Browser;
  const SSN = '219-09-9999';
  const traced = crypto.randomUUID();
  beforeAll(async () => {
    b = await startBackend('sqlite');
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    await b.server.store.addEvents([
      makeEvent({ time: hourAgo, channel: 'email-send', destination: { host: 'mail.google.com', categories: ['webmail'] }, recipientDomains: ['gmail.com'], action: 'warn', outcome: 'sent' }),
      makeEvent({ time: hourAgo, channel: 'email-send', destination: { host: 'mail.google.com', categories: ['webmail'] }, recipientDomains: ['eu.acme-cro.com'], action: 'warn', outcome: 'sent' }),
    ]);
    const hash = await keyedHash(await importHashKey(fromBase64(b.server.keys.hashKey)), normaliseValue(SSN));
    await b.server.store.addEvents([makeEvent({ id: traced, time: hourAgo, destination: { host: 'claude.ai', categories: ['generative-ai'] }, findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['•••-••-••99'], hashes: [hash] }] })]);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await b?.close();
  });

  async function signIn(role: string, view = 'Third parties'): Promise<Page> {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(b.url);
    await signInAs(page, role);
    await page.getByRole('link', { name: view }).click();
    await page.getByRole('heading', { name: { Reports: 'Compliance reports', 'Find an identifier': 'Where did this data go?' }[view] ?? view }).waitFor();
    return page;
  }

  it('lists unknown parties first; a partner added in the form takes its events, and its expiring BAA is flagged', async () => {
    const page = await signIn('policy_admin');
    const unknown = page.getByRole('table', { name: 'Unknown external parties' });
    await expect.poll(() => unknown.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^eu\.acme-cro\.com1/), expect.stringMatching(/^gmail\.com1/), expect.stringMatching(/^claude\.ai1/)]);
    await page.getByRole('button', { name: 'Add a partner' }).click();
    const form = page.getByRole('form', { name: 'Add a partner' });
    await form.getByLabel('Id', { exact: true }).fill('acme-cro');
    await form.getByLabel('Name', { exact: true }).fill('Acme CRO');
    await form.getByRole('combobox', { name: /^Kind/ }).selectOption('cro');
    await form.getByLabel('Owner').fill('qa@ourpharma.com');
    await form.getByLabel('E-mail domains').fill('acme-cro.com');
    await form.getByLabel('Agreements', { exact: true }).fill(`baa phi ${inDays(10)}`);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Acme CRO saved/);
    await expect.poll(() => unknown.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => page.getByRole('table', { name: 'Partners' }).locator('tbody tr').first().textContent()).toMatch(/Acme CRO.*BAA \(phi\).*ends in 10 days/);
    await expect.poll(() => page.getByRole('list', { name: 'Agreements expired or ending within 30 days' }).textContent()).toContain(`Acme CRO: BAA ends on ${inDays(10)} (in 10 days)`);
    expect((await b.server.store.currentPolicy())!.doc.policy).toMatchObject({ partners: [{ id: 'acme-cro', domains: ['acme-cro.com'] }] });
  });

  it('imports a CSV file, and refuses a bad one naming its line', async () => {
    const page = await signIn('policy_admin');
    const csv = ['id,name,kind,owner,domains,hosts,agreement,categories,expires,reference', 'vialco,Vialco,supplier,buyer@ourpharma.com,vialco.de,,confidentiality,ip,,', 'bad,Bad,friend,x@ourpharma.com,bad.com,,,,,'].join('\n');
    await page.getByLabel('Import CSV').setInputFiles({ name: 'partners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/line 3: kind: /);
    await page.getByLabel('Import CSV').setInputFiles({ name: 'partners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.split('\n').slice(0, 2).join('\n')) });
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Imported: 1 added, 0 replaced/);
    await expect.poll(() => page.getByRole('table', { name: 'Partners' }).textContent()).toContain('Vialco');
    // Deleting asks first; Cancel keeps the partner.
    await page.getByRole('table', { name: 'Partners' }).getByRole('row', { name: /Vialco/ }).getByRole('button', { name: 'Delete' }).click();
    const question = page.getByRole('alertdialog');
    await expect.poll(() => question.textContent()).toMatch(/Delete Vialco\? Its domains count as unknown parties/);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => question.count()).toBe(0);
    expect((await b.server.store.partners.list()).map((p) => p.id)).toContain('vialco');

    const viewer = await signIn('viewer');
    await expect.poll(() => viewer.getByRole('table', { name: 'Partners' }).textContent()).toContain('Vialco');
    expect(await viewer.getByRole('button', { name: 'Add a partner' }).count()).toBe(0);
    expect(await viewer.getByLabel('Import CSV').count()).toBe(0);
  });

  it("lists the month's kept reports and downloads them signed, and makes one for any period", async () => {
    const page = await signIn('admin', 'Reports');
    const rows = page.getByRole('table', { name: 'Kept reports' }).locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    const pdfRow = rows.filter({ hasText: 'pdf' });
    const [kept] = await Promise.all([page.waitForEvent('download'), pdfRow.getByRole('link', { name: 'Download' }).click()]);
    expect(await verifyReport(readFileSync((await kept.path())!), b.server.keys)).toEqual({ ok: true });
    await page.getByRole('combobox', { name: /^Profile/ }).selectOption('hipaa');
    await page.getByRole('combobox', { name: /^Format/ }).selectOption('json');
    const [made] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Make and download' }).click()]);
    const report = JSON.parse(readFileSync((await made.path())!, 'utf8')) as { profile: { id: string }; summary: { total: number } };
    expect([report.profile.id, report.summary.total]).toEqual(['hipaa', 3]);
  });

  it('finds the events that carried an identifier for an analyst, and audits the search without the value', async () => {
    const page = await signIn('analyst', 'Find an identifier');
    await page.getByLabel(/^Identifier/).fill('219 09 9999');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('1 event carried it.');
    expect(await page.getByRole('table', { name: 'Events that carried it' }).locator('tbody tr').textContent()).toMatch(/claude\.ai.*unknown.*SSN/);
    expect(await page.locator(`a[href="#/events/${traced}"]`).count()).toBe(1);
    expect(await page.getByLabel(/^Identifier/).inputValue()).toBe('');
    const audit = JSON.stringify(await b.server.store.audit());
    expect(audit).toContain('identifier.search');
    expect(audit).not.toContain('9999');
  });
});
