import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulwarkEvent } from '../../src/core/events/event';
import { makeEvent, startBackend, type TestBackend } from '../server/harness';
import { CHROMIUM } from './chromium';
import { signInAs } from './console-sign-in';

const HASH = 'ab'.repeat(32);

/** An analyst's filters live in the address: shareable, kept by reload, back and forward; users, devices and hashes are links. */
describe('events that travel, in the console', () => {
  let b: TestBackend;
  let browser: Browser;
  const events: BulwarkEvent[] = [];

  beforeAll(async () => {
    b = await startBackend('sqlite');
    const now = Date.now();
    const add = (n: number, user: string, category: 'phi' | 'pii' | 'secret', extra: Partial<BulwarkEvent> = {}) => {
      for (let i = 0; i < n; i++)
        events.push(
          makeEvent({
            time: new Date(now - (events.length + 1) * 60_000).toISOString(),
            device: { id: `pc-${user.split('@')[0]}`, user },
            findings: [{ type: category === 'secret' ? 'SECRET' : 'SSN', category, count: 1, previews: [], hashes: i === 0 ? [HASH] : [] }],
            ...extra,
          }),
        );
    };
    add(3, 'hana.sato@example.com', 'phi');
    add(2, 'hana.sato@example.com', 'pii');
    add(2, 'hanako@example.com', 'secret', { action: 'warn', outcome: 'sent', rule: 'warn-secrets', justification: 'Rotating the key today' });
    add(4, 'bob@example.com', 'phi');
    await b.server.store.addEvents(events);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await b?.close();
  });

  async function signIn(page: Page): Promise<void> {
    await signInAs(page, 'analyst');
  }

  /** The ids of the events listed, in order. */
  const listed = (page: Page) => page.locator('tbody tr td:first-child a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.replace('#/events/', '')));
  const ids = (pick: (e: BulwarkEvent) => boolean) => events.filter(pick).map((e) => e.id);
  const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));

  it('puts filters and sorting in the address, keeps them through reload, back and forward, and shows the same events from a shared link', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(b.url);
    await signIn(page);
    await expect.poll(() => listed(page)).toHaveLength(events.length);
    expect(await page.locator('.total').textContent()).toBe('11 events');

    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByRole('textbox', { name: 'User' }).fill('HANA');
    await filters.getByLabel('Category').selectOption(['phi', 'secret']);
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => hash(page)).toBe('#/events?user=HANA&category=phi&category=secret');
    const hanas = ids((e) => e.device.user!.startsWith('hana') && e.findings[0]!.category !== 'pii');
    await expect.poll(() => listed(page)).toEqual(hanas);
    expect(await page.locator('.total').textContent()).toBe('5 events');
    // The overridden warning stands out, with its justification and the category of what was found.
    const overridden = page.locator('tbody tr.overridden');
    expect(await overridden.count()).toBe(2);
    expect(await overridden.first().textContent()).toMatch(/SECRET ×1 \(secret\).*warn.*overridden.*sent.*Rotating the key today/);

    await page.getByRole('link', { name: 'User', exact: true }).click();
    await expect.poll(() => hash(page)).toBe('#/events?user=HANA&category=phi&category=secret&sort=user');
    const byUser = [...ids((e) => e.device.user === 'hana.sato@example.com' && e.findings[0]!.category === 'phi')].reverse();
    const sortedByUser = [...byUser, ...[...ids((e) => e.device.user === 'hanako@example.com')].reverse()];
    await expect.poll(() => listed(page)).toEqual(sortedByUser);
    expect(await page.getByRole('columnheader', { name: 'User' }).getAttribute('aria-sort')).toBe('ascending');

    await page.reload();
    await page.getByRole('heading', { name: 'Events', exact: true }).waitFor();
    await expect.poll(() => listed(page)).toEqual(sortedByUser);
    expect(await filters.getByRole('textbox', { name: 'User' }).inputValue()).toBe('HANA');

    await page.goBack();
    await expect.poll(() => hash(page)).toBe('#/events?user=HANA&category=phi&category=secret');
    await expect.poll(() => listed(page)).toEqual(hanas);
    await page.goBack();
    await expect.poll(() => listed(page)).toHaveLength(events.length);
    await page.goForward();
    await expect.poll(() => listed(page)).toEqual(hanas);
    await page.goForward();
    await expect.poll(() => listed(page)).toEqual(sortedByUser);

    // A colleague opens the link in a browser of their own: after signing in, the same events.
    const shared = page.url();
    const colleague = await (await browser.newContext()).newPage();
    await colleague.goto(shared);
    await signIn(colleague);
    await expect.poll(() => listed(colleague)).toEqual(sortedByUser);
    expect(await colleague.getByRole('form', { name: 'Filters' }).getByLabel('Category').evaluate((s) => [...(s as HTMLSelectElement).selectedOptions].map((o) => o.value))).toEqual(['phi', 'secret']);

    // The view saved under a name is the analyst's, a click away.
    await page.getByLabel('Name of this view').fill('Team H: PHI and secrets');
    await page.getByRole('button', { name: 'Save this view' }).click();
    await page.getByRole('link', { name: 'Team H: PHI and secrets' }).waitFor();
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect.poll(() => listed(page)).toHaveLength(events.length);
    await page.getByRole('link', { name: 'Team H: PHI and secrets' }).click();
    await expect.poll(() => listed(page)).toEqual(sortedByUser);
    await colleague.context().close();
    await page.context().close();
  });

  it('leads from a user to their events, and from a keyed hash in an event to the other events with that value', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${b.url}/#/events?category=phi`);
    await signIn(page);
    await expect.poll(() => listed(page)).toHaveLength(7);
    // "hana" would also find hanako: a user's link asks for exactly that user.
    await page.getByRole('link', { name: 'bob@example.com' }).first().click();
    await expect.poll(() => hash(page)).toBe('#/events?user==bob@example.com');
    await expect.poll(() => listed(page)).toEqual(ids((e) => e.device.user === 'bob@example.com'));

    const first = events.find((e) => e.device.user === 'bob@example.com')!;
    await page.locator(`a[href="#/events/${first.id}"]`).click();
    await page.getByRole('heading', { name: /block · paste to chatgpt\.com/ }).waitFor();
    await page.getByRole('link', { name: `Other events with the value hashed ${HASH.slice(0, 12)}` }).click();
    await expect.poll(() => hash(page)).toBe(`#/events?hash=${HASH}`);
    await expect.poll(() => listed(page)).toEqual(ids((e) => e.findings[0]!.hashes.includes(HASH)));
    expect(await listed(page)).toHaveLength(4);
    await page.context().close();
  });
});
