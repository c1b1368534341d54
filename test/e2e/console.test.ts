import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, startBackend, type TestBackend } from '../server/harness';
import { CHROMIUM } from './chromium';
import { signInAs } from './console-sign-in';

/** The security team's console in real Chromium against a real backend (SQLite): sign in, filter, open, export, edit policy. */
describe('the console', () => {
  let b: TestBackend;
  let browser: Browser;
  const blockedId = crypto.randomUUID();

  beforeAll(async () => {
    b = await startBackend('sqlite');
    const now = Date.now();
    await b.server.store.addEvents([
      ...Array.from({ length: 60 }, (_, i) => makeEvent({ time: new Date(now - (i + 10) * 60_000).toISOString(), action: 'warn', outcome: 'sent', rule: 'warn-pii', findings: [{ type: 'EMAIL', category: 'pii', count: 2, previews: ['j•••@•••.com'], hashes: [] }] })),
      makeEvent({
        id: blockedId,
        time: new Date(now - 60_000).toISOString(),
        // What the server stores when a device names someone other than its enrolled user.
        device: { id: 'device-under-test', user: 'alice@example.com', userVerified: false, claimedUser: 'mallory@example.com' },
        destination: { host: 'claude.ai', categories: ['generative-ai'] },
        justification: 'Needed for the deviation report',
        findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['•••-••-••99'], hashes: [] }],
      }),
    ]);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await b?.close();
  });

  async function signIn(role: string): Promise<Page> {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(b.url);
    await signInAs(page, role);
    return page;
  }

  it('refuses a wrong password and says so', async () => {
    const page = await browser.newPage();
    await page.goto(b.url);
    await page.getByLabel('Name').fill('analyst');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/name or the password is wrong/);
    await page.close();
  });

  it('lets an analyst filter, page, open an event with its masked findings, and export the view', async () => {
    const page = await signIn('analyst');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Older' }).click();
    await expect.poll(() => rows.count()).toBe(11);
    await page.getByRole('button', { name: 'Newer' }).click();
    await page.getByLabel('Decision').selectOption('block');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('claude.ai');
    expect(await rows.first().textContent()).toContain('alice@example.com (claimed mallory@example.com, unverified)');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\r\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(blockedId);

    await rows.first().getByRole('link').first().click();
    await page.getByRole('heading', { name: /block · paste to claude\.ai/ }).waitFor();
    const detail = await page.locator('main').textContent();
    expect(detail).toContain('•••-••-••99');
    expect(detail).toContain('Needed for the deviation report');
    expect(detail).toContain('Claimed user (unverified)mallory@example.com');
    await page.screenshot({ path: '.output/console-event.png' });
    // Analysts read policy but cannot change it.
    await page.getByRole('link', { name: 'Policy' }).click();
    expect(await page.getByLabel('Policy in force (JSON)').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
  });

  it('lets a policy admin see a mistake at its path, preview the draft and publish it', async () => {
    const page = await signIn('policy_admin');
    await page.getByRole('link', { name: 'Policy' }).click();
    const editor = page.getByLabel('Draft (JSON)');
    await expect.poll(() => editor.inputValue()).toContain('"rules"');
    const good = await editor.inputValue();
    await editor.fill(good.replace(/"action": "warn"/, '"action": "explode"'));
    // Named by the rule, with its line, which puts the caret there.
    const problems = page.getByRole('list', { name: 'Problems in the draft' });
    await expect.poll(() => problems.textContent()).toMatch(/^rule [a-z-]+: action: .*line \d+$/);
    const line = Number((await problems.textContent())!.match(/line (\d+)$/)![1]);
    await problems.getByRole('button', { name: `line ${line}` }).click();
    const caretLine = await editor.evaluate((a: HTMLTextAreaElement) => a.value.slice(0, a.selectionStart).split('\n').length);
    expect(caretLine).toBe(line);
    expect((await editor.inputValue()).split('\n')[line - 1]).toContain('"action": "explode"');
    expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await editor.fill(good);
    await expect.poll(() => page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(false);
    await page.getByLabel('Sample text').fill('Patient SSN 219-09-9999 was admitted with pneumonia');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('.preview');
    await expect.poll(() => preview.textContent()).toMatch(/SSN ×1/);
    expect(await preview.textContent()).not.toContain('219-09-9999');
    await page.getByLabel('Note').fill('same rules, from the console');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Publish version 2' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Published version 2/);
    await page.screenshot({ path: '.output/console-policy.png', fullPage: true });
  });

  it('lets a policy admin upload a table and register a document, which a viewer sees and cannot change', async () => {
    const page = await signIn('policy_admin');
    await page.getByRole('link', { name: 'Protected data' }).click();
    const upload = page.getByRole('form', { name: 'Upload a table' });
    await upload.getByLabel('Id').fill('employees');
    await upload.getByLabel('Name').fill('Employees');
    const csv = ['Employee,Badge,Started', 'Ana Lima,E10442,2019-04-01', 'Tomas Berg,E20931,2021-09-15'].join('\n');
    await upload.getByLabel('CSV file with a header row').setInputFiles({ name: 'employees.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload.getByLabel('Column Employee').selectOption('text');
    await upload.getByLabel('Column Badge').selectOption('id');
    await upload.getByLabel('Found together (optional)').fill('Employee + Badge; Badge');
    await upload.getByRole('button', { name: 'Hash and upload' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Table hashed: 2 rows, 4 values/);
    await expect.poll(() => page.getByRole('row', { name: /employees/ }).textContent()).toMatch(/Employee \+ Badge; Badge/);

    const register = page.getByRole('form', { name: 'Register a document' });
    await register.getByLabel('Set id').fill('sops');
    await register.getByLabel('Set name').fill('Standard operating procedures');
    const sop = Array.from({ length: 120 }, (_, i) => `step ${i} rinse the vessel with purified water and record the conductivity reading`).join('. ');
    await register.getByLabel('File (Word, PDF, text, …)').setInputFiles({ name: 'SOP-017.txt', mimeType: 'text/plain', buffer: Buffer.from(sop) });
    await register.getByRole('button', { name: 'Fingerprint and register' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Document fingerprinted/);
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'SOP-017.txt' }).count()).toBe(1);

    const viewer = await signIn('viewer');
    await viewer.getByRole('link', { name: 'Protected data' }).click();
    await expect.poll(() => viewer.getByRole('row', { name: /employees/ }).count()).toBe(1);
    expect(await viewer.getByRole('form', { name: 'Upload a table' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    // Deleting asks first; Cancel keeps the document, yes deletes it.
    const sopItem = page.getByRole('listitem').filter({ hasText: 'SOP-017.txt' });
    await sopItem.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Delete SOP-017.txt?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await sopItem.count()).toBe(1);
    await sopItem.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete SOP-017.txt' }).click();
    await expect.poll(() => sopItem.count()).toBe(0);
  });

  it('shows the overview charts and the audit trail verification to an admin', async () => {
    const page = await signIn('admin');
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('img', { name: 'Decisions per day, by action' }).waitFor();
    expect(await page.locator('rect.bar.warn').count()).toBeGreaterThan(0);
    // A value axis, and a range to choose: the last 7 days have 7 days of bars.
    expect(await page.locator('svg text.axis').first().textContent()).toBe('0');
    await page.getByLabel('Range').selectOption('7');
    await page.getByRole('heading', { name: 'Overview: the last 7 days' }).waitFor();
    await expect.poll(() => page.locator('svg g title').count()).toBe(7);
    await page.getByText('The numbers, day by day').click();
    expect(await page.getByRole('table', { name: 'Decisions per day' }).textContent()).toMatch(/warn/);
    await page.getByRole('link', { name: 'People and devices' }).click();
    await page.getByRole('button', { name: 'Verify the audit trail' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Intact: \d+ entries/);
  });

  it('says what is wrong with a field beside it, copies a new token, and lists and filters the audit trail', async () => {
    const page = await signIn('admin');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.url });
    await page.getByRole('link', { name: 'People and devices' }).click();
    const person = page.getByRole('form', { name: 'Add a person' });
    await person.getByLabel('Name').fill('newcomer');
    await person.getByLabel('Password').fill('short');
    await person.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => person.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(await person.locator('#person-password-error').textContent()).toBe('at least 12 characters');
    expect(await page.locator('main').textContent()).not.toContain('expected shape');

    const token = page.getByRole('form', { name: 'New API token' });
    await token.getByLabel('Label').fill('soar');
    await token.getByRole('button', { name: 'New API token' }).click();
    const shown = page.locator('.secret code');
    await shown.waitFor();
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await shown.textContent());

    const trail = page.getByRole('table', { name: 'Audit trail' });
    await expect.poll(() => trail.textContent()).toContain('token.create');
    await page.getByLabel('Filter the trail (who, what, on what)').fill('token.create');
    await expect.poll(() => trail.locator('tbody tr').count()).toBe(1);
    expect(await trail.locator('tbody tr').textContent()).toMatch(/admin.*token\.create.*soar/);
  });
});
