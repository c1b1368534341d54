import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, startBackend, type TestBackend } from '../server/harness';
import { CHROMIUM } from './chromium';
import { signInAs } from './console-sign-in';

const DAY = 86_400_000;
const PHI = [{ type: 'SSN' as const, category: 'phi' as const, count: 1, previews: ['•••-••-••99'], hashes: [] }];

/** A policy admin weighs a draft against the last 30 days of events, then publishes it with confirmation (real Chromium, SQLite). */
describe('policy with confidence', () => {
  let b: TestBackend;
  let browser: Browser;

  beforeAll(async () => {
    b = await startBackend('sqlite');
    const warned = (user: string, daysAgo: number) => makeEvent({ time: new Date(Date.now() - daysAgo * DAY).toISOString(), device: { id: 'device-under-test', user }, findings: PHI, rule: 'warn-phi', action: 'warn', outcome: 'sent' });
    // PHI pasted into ChatGPT: hana 3 times, ivan once; and one paste 45 days ago, outside the window.
    await b.server.store.addEvents([warned('hana@example.com', 1), warned('hana@example.com', 2), warned('hana@example.com', 3), warned('ivan@example.com', 4), warned('old@example.com', 45)]);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await b?.close();
  });

  it('shows what a draft would change and for whom, and publishes it only when confirmed', async () => {
    const page = await browser.newPage();
    await page.goto(b.url);
    await signInAs(page, 'policy_admin');
    await page.getByRole('link', { name: 'Policy' }).click();
    const editor = page.getByLabel('Draft (JSON)');
    await expect.poll(() => editor.inputValue()).toContain('"warn-phi"');
    // The draft: PHI into AI assistants is blocked, before warn-phi.
    const draft = JSON.parse(await editor.inputValue());
    draft.rules.unshift({ id: 'block-phi-to-ai', description: 'PHI into AI assistants.', match: { categories: ['phi'], destinations: ['generative-ai'] }, action: 'block' });
    await editor.fill(JSON.stringify(draft, null, 2));
    const beside = page.getByRole('region', { name: 'Beside version 1 in force' });
    await expect.poll(() => beside.getByRole('list', { name: 'Rules changed' }).textContent()).toBe('added rule block-phi-to-ai');

    await page.getByRole('button', { name: 'See the impact on the last 30 days' }).click();
    const impact = page.getByRole('status', { name: 'Impact of the draft' });
    await expect.poll(() => impact.textContent()).toContain('Of 4 events in the last 30 days, the draft would decide 4 otherwise.');
    const rows = impact.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toBe('warn warn-phiblock block-phi-to-ai4hana@example.com (3), ivan@example.com (1)');
    expect(await impact.getByRole('link', { name: 'hana@example.com' }).getAttribute('href')).toBe('#/events?user=%3Dhana%40example.com');
    await page.screenshot({ path: '.output/console-policy-impact.png', fullPage: true });

    // Publishing asks first, with the impact in the question; Cancel publishes nothing.
    await page.getByLabel('Note').fill('block PHI into AI assistants');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Publish this draft as version 2? Browsers take it at their next refresh. Over the last 30 days it would have decided 4 of 4 events otherwise.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await b.server.store.currentPolicy())!.version).toBe(1);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Publish version 2' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Published version 2/);
    const published = (await b.server.store.currentPolicy())!.doc.policy as { version: number; rules: Array<{ id: string }> };
    expect([published.version, published.rules[0]!.id]).toEqual([2, 'block-phi-to-ai']);

    // The history says which rule changed; rolling back asks too.
    await page.getByRole('row', { name: /^2 / }).getByRole('button', { name: 'Changes' }).click();
    await expect.poll(() => page.locator('figure').getByRole('list', { name: 'Rules changed' }).textContent()).toBe('added rule block-phi-to-ai');
    await page.getByRole('row', { name: /^1 / }).getByRole('button', { name: 'Roll back to this' }).click();
    expect(await page.getByRole('alertdialog').textContent()).toContain('Roll back to version 1? It is published again as version 3');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Roll back to version 1' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Version 1 published again as version 3/);
    await page.getByRole('row', { name: /^3 / }).getByRole('button', { name: 'Changes' }).click();
    await expect.poll(() => page.locator('figure').getByRole('list', { name: 'Rules changed' }).textContent()).toBe('removed rule block-phi-to-ai');

    // The rule editor and the JSON, both ways.
    const rules = page.getByRole('form', { name: 'Rule editor' });
    const edited = () => editor.inputValue().then((t) => (JSON.parse(t) as { rules: Array<{ id: string; action: string; description?: string; match: { destinations?: string[] } }> }).rules.find((r) => r.id === 'warn-phi')!);
    await rules.getByRole('combobox', { name: /^Rule to edit/ }).selectOption({ label: 'warn-phi' });
    await rules.getByRole('combobox', { name: /^Action/ }).selectOption('block');
    await rules.getByRole('group', { name: 'Destinations' }).getByLabel('generative-ai', { exact: true }).check();
    await expect.poll(async () => [(await edited()).action, (await edited()).match.destinations]).toEqual(['block', ['generative-ai']]);
    await expect.poll(() => page.getByRole('region', { name: 'Beside version 3 in force' }).getByRole('list', { name: 'Rules changed' }).textContent()).toBe(
      'changed rule warn-phi: match.destinations: (none) → ["generative-ai"]; action: "warn" → "block"',
    );
    await editor.fill((await editor.inputValue()).replace('Health information with a patient identifier.', 'Changed in the JSON.'));
    await expect.poll(() => rules.getByLabel('Description').inputValue()).toBe('Changed in the JSON.');
    expect(await rules.getByRole('combobox', { name: /^Action/ }).inputValue()).toBe('block');
  });
});
