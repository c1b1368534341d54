import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAuditEntry } from '../../src/server/audit-chain';
import { makeEvent, startBackend, type TestBackend } from '../server/harness';
import { CHROMIUM } from './chromium';
import { signInAs } from './console-sign-in';

/** An analyst triages incidents in the console, in real Chromium against a real backend (SQLite). */
describe('incidents in the console', () => {
  let b: TestBackend;
  let browser: Browser;

  beforeAll(async () => {
    b = await startBackend('sqlite');
    const now = Date.now();
    // Four days of blocked pastes by one person: four incidents, two events each.
    await b.server.store.addEvents(Array.from({ length: 8 }, (_, i) => makeEvent({ time: new Date(now - Math.floor(i / 2) * 86_400_000 - (i % 2) * 60_000).toISOString() })));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await b?.close();
  });

  /** Form fields on the page that have no label (a <label>, aria-label or aria-labelledby): there should be none. */
  const unlabelled = (page: Page) =>
    page.locator('input, select, textarea').evaluateAll((fields) => fields.filter((f) => !(f as HTMLInputElement).labels?.length && !f.getAttribute('aria-label') && !f.getAttribute('aria-labelledby')).map((f) => f.outerHTML));

  it('lets an analyst bulk-change incidents to investigating, assign one, comment, and close it as a false positive, all in the audit trail', async () => {
    const page = await browser.newPage();
    await page.goto(b.url);
    await signInAs(page, 'analyst');
    await page.getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('heading', { name: 'Incidents' }).waitFor();
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.first().textContent()).toMatch(/high.*New.*nobody.*block-phi-to-ai.*alice@example\.com.*2/);

    const ids = (await b.server.store.incidents.list({})).incidents.map((i) => i.id);
    for (const id of ids.slice(0, 3)) await page.getByLabel(`Select incident ${id}`).check();
    const bar = page.getByRole('form', { name: 'Change the selected incidents' });
    await expect.poll(() => bar.textContent()).toContain('3 selected');
    expect(await unlabelled(page)).toEqual([]);
    await page.screenshot({ path: '.output/console-incidents.png', fullPage: true });
    await bar.getByRole('button', { name: 'Apply to selected' }).click();
    await expect.poll(() => bar.textContent()).toMatch(/choose a status or an owner/);
    await bar.getByLabel('New status').selectOption('investigating');
    await bar.getByRole('button', { name: 'Apply to selected' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Set status Investigating on 3 incidents?');
    await dialog.getByRole('button', { name: 'Change 3 incidents' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Changed 3 incidents/);
    // The list shows new incidents: one is left.
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('form', { name: 'Filters' }).getByLabel('Status').selectOption('investigating');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => rows.count()).toBe(3);

    const id = ids[0]!;
    await page.getByRole('link', { name: `#${id}`, exact: true }).click();
    await page.getByRole('heading', { name: new RegExp(`Incident #${id}: block-phi-to-ai`) }).waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    const triage = page.getByRole('form', { name: 'Triage' });
    expect(await unlabelled(page)).toEqual([]);
    await triage.getByLabel('Owner').selectOption('analyst');
    await triage.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByLabel('About this incident').textContent()).toContain('Owneranalyst');

    const commenting = page.getByRole('form', { name: 'Add a comment' });
    await commenting.getByLabel('Comment').fill('The patient SSN 219-09-9999 was in it');
    await commenting.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => commenting.textContent()).toContain('free text must not hold an identifier: redact it first');
    expect(await commenting.getByLabel('Comment').getAttribute('aria-invalid')).toBe('true');
    await commenting.getByLabel('Comment').fill('Asked the employee: the file came from the training system.');
    await commenting.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Comments' }).textContent()).toContain('analyst');
    expect(await page.getByRole('list', { name: 'Comments' }).textContent()).toContain('the file came from the training system');

    await triage.getByLabel('Status').selectOption('false_positive');
    await triage.getByLabel('Verdict').fill('Training data, no real patient');
    await triage.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Close as false positive' }).click();
    await expect.poll(() => page.getByLabel('About this incident').textContent()).toContain('StatusFalse positive');

    const history = page.getByRole('table', { name: 'History' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(5);
    const [opened, ...lines] = await history.locator('tbody tr').allTextContents();
    expect(opened).toContain('opened by its first event that needed review');
    expect(lines[0]).toMatch(/analyst.*status new → investigating \(with 2 more\)/);
    expect(lines[1]).toMatch(/analyst.*owner nobody → analyst/);
    expect(lines[2]).toMatch(/analyst.*commented: Asked the employee/);
    expect(lines[3]).toMatch(/analyst.*status investigating → false positive; verdict none → Training data, no real patient/);
    expect(lines.join(' ')).not.toContain('219-09-9999');
    await page.screenshot({ path: '.output/console-incident.png', fullPage: true });

    // The organisation's audit trail (an admin's) has the same four entries, unbroken.
    const trail = (await (await b.call('/api/audit', { as: 'admin' })).json()) as { entries: ChainedAuditEntry[] };
    expect(trail.entries.filter((e) => e.target === `incident:${id}`).map((e) => [e.actor, e.action])).toEqual([
      ['analyst', 'incident.change'],
      ['analyst', 'incident.change'],
      ['analyst', 'incident.comment'],
      ['analyst', 'incident.change'],
    ]);
    expect(trail.entries.filter((e) => e.action === 'incident.change' && e.detail.bulk === 3)).toHaveLength(3);
    expect((await (await b.call('/api/audit/verify', { as: 'admin' })).json()).ok).toBe(true);

    // An event of the incident leads back to it.
    await page.locator('table').first().getByRole('link').first().click();
    await page.getByRole('heading', { name: /block · paste to chatgpt\.com/ }).waitFor();
    await page.getByRole('link', { name: `incident #${id}` }).click();
    await page.getByRole('heading', { name: new RegExp(`Incident #${id}:`) }).waitFor();
    await page.close();
  });
});
