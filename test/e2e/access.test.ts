import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulwarkEvent } from '../../src/core/events/event';
import { makeEvent, startBackend, type TestBackend } from '../server/harness';
import { CHROMIUM } from './chromium';
import { signInAs } from './console-sign-in';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every view of the console, in real Chromium, light and dark: no serious or critical axe-core violation, every field labelled, and none scrolls sideways at 390 px. */
describe('the console for everyone', () => {
  let b: TestBackend;
  let browser: Browser;
  let views: Array<[string, string]>;

  beforeAll(async () => {
    b = await startBackend('sqlite');
    const now = Date.now();
    const actions: Array<Pick<BulwarkEvent, 'action' | 'outcome'>> = [
      { action: 'block', outcome: 'cancelled' },
      { action: 'warn', outcome: 'sent' },
      { action: 'redact', outcome: 'redacted' },
      { action: 'audit', outcome: 'sent' },
      { action: 'allow', outcome: 'sent' },
    ];
    const events = Array.from({ length: 40 }, (_, i) =>
      makeEvent({
        time: new Date(now - i * 3 * 3600_000).toISOString(),
        device: { id: `laptop-${i % 3}`, user: `user${i % 3}@example.com` },
        ...actions[i % actions.length]!,
        justification: i % 5 === 1 ? 'Sent to our own processor under contract' : undefined,
        findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['•••-••-••99'], hashes: ['ab'.repeat(32)] }],
      }),
    );
    await b.server.store.addEvents(events);
    // The fleet columns and summary (People and devices) with something in them.
    await b.server.store.deviceSeen(b.deviceId, 3, { policyVersion: 1, extensionVersion: '0.1.0' });
    // Employees' requests: open ones of both kinds, and one approved with a grant (the exceptions table).
    const asked = [
      makeEvent({ time: new Date(now - 3600_000).toISOString(), rule: 'warn-phi', action: 'warn', request: { kind: 'exception', reason: 'Monthly upload to the approved assistant', scope: { thisHostOnly: true, theseValuesOnly: true, days: 7 } }, findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['•••-••-••99'], hashes: ['cd'.repeat(32)] }] }),
      makeEvent({ time: new Date(now - 7200_000).toISOString(), rule: 'warn-phi', action: 'warn', request: { kind: 'false-positive', reason: 'A test number' } }),
      makeEvent({ time: new Date(now - 9000_000).toISOString(), rule: 'warn-phi', action: 'warn', request: { kind: 'exception', scope: { thisHostOnly: false, theseValuesOnly: false, days: 30 } } }),
    ];
    await b.server.store.addEvents(asked);
    await b.server.store.requests.decide(asked[2]!.id, { status: 'approved', answer: 'Granted for a month.', grant: { id: asked[2]!.id, user: 'alice@example.com', rule: 'warn-phi', expiresAt: new Date(now + 30 * 86_400_000).toISOString() } }, 'admin');
    const incident = (await b.server.store.incidents.list({})).incidents[0]!;
    views = [
      ['events', '#/events'],
      ['event', `#/events/${events[0]!.id}`],
      ['incidents', '#/incidents'],
      ['incident', `#/incidents/${incident.id}`],
      ['requests', '#/requests'],
      ['overview', '#/overview'],
      ['insights', '#/insights'],
      ['coaching', '#/coaching'],
      ['policy', '#/policy'],
      ['protected data', '#/protected'],
      ['third parties', '#/partners'],
      ['reports', '#/reports'],
      ['find an identifier', '#/trace'],
      ['admin', '#/admin'],
      ['account', '#/account'],
    ];
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await b?.close();
  });

  async function open(options: { colorScheme: 'light' | 'dark'; width: number }): Promise<Page> {
    const page = await (await browser.newContext({ colorScheme: options.colorScheme, viewport: { width: options.width, height: 800 } })).newPage();
    await page.goto(b.url);
    return page;
  }
  const signIn = async (page: Page) => {
    await signInAs(page, 'admin');
  };
  /** Shows a view and waits until it has loaded (its heading is there, "Loading…" is gone). */
  const show = async (page: Page, hash: string) => {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.locator('main h1').first().waitFor();
    await expect.poll(() => page.locator('main').textContent()).not.toContain('Loading…');
  };
  /** The serious and critical violations axe-core finds on the page, as "rule: target" lines. */
  const violations = async (page: Page) => {
    // Evaluated through the DevTools protocol: the console's CSP does not apply to it.
    await page.evaluate(AXE);
    const found = await page.evaluate(async () => {
      const run = (globalThis as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
      return (await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
    });
    return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  };

  /** Form fields with no label of their own (a <label>, aria-label or aria-labelledby; a placeholder is not one). */
  const unlabelled = (page: Page) =>
    page.locator('input, select, textarea').evaluateAll((fields) => fields.filter((f) => !(f as HTMLInputElement).labels?.length && !f.getAttribute('aria-label') && !f.getAttribute('aria-labelledby')).map((f) => `unlabelled: ${f.outerHTML.slice(0, 120)}`));

  for (const colorScheme of ['light', 'dark'] as const)
    it(`has no serious or critical axe-core violation on any view (${colorScheme})`, async () => {
      const page = await open({ colorScheme, width: 1280 });
      const found: Record<string, string[]> = { login: await violations(page) };
      await signIn(page);
      for (const [name, hash] of views) {
        await show(page, hash);
        found[name] = [...(await violations(page)), ...(await unlabelled(page))];
      }
      // axe-core reads text only: the chart's bars must stand 3:1 against the page as well (WCAG 1.4.11).
      await show(page, '#/overview');
      const bars = await page.evaluate(() => {
        const luminance = (color: string) => {
          const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => Number(c) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const page = luminance(getComputedStyle(document.body).backgroundColor);
        return Object.fromEntries(
          [...document.querySelectorAll('rect.bar')].map((bar) => {
            const fill = luminance(getComputedStyle(bar).fill);
            return [bar.getAttribute('class')!, Math.round(((Math.max(fill, page) + 0.05) / (Math.min(fill, page) + 0.05)) * 100) / 100];
          }),
        );
      });
      await page.context().close();
      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length))).toEqual({});
      expect(Object.keys(bars).sort()).toEqual(['bar allow', 'bar audit', 'bar block', 'bar redact', 'bar warn']);
      expect(Object.fromEntries(Object.entries(bars).filter(([, ratio]) => ratio < 3))).toEqual({});
    });

  it('lets every view be read at 390 px wide without scrolling sideways', async () => {
    const page = await open({ colorScheme: 'light', width: 390 });
    /** How wide the page is, and when it is too wide, the innermost elements that reach past the window (for the message). */
    const wide = () =>
      page.evaluate(() => {
        const width = document.documentElement.scrollWidth;
        if (width <= 390) return width;
        const past = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > 391 && ![...el.children].some((c) => c.getBoundingClientRect().right > 391));
        return `${width}: ${past.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}`).join(', ')}`;
      });
    const widths: Record<string, number | string> = { login: await wide() };
    await signIn(page);
    for (const [name, hash] of views) {
      await show(page, hash);
      widths[name] = await wide();
      if (name === 'events' || name === 'overview') await page.screenshot({ path: `.output/console-phone-${name}.png`, clip: { x: 0, y: 0, width: 390, height: 1400 }, fullPage: true });
    }
    await page.context().close();
    expect(Object.fromEntries(Object.entries(widths).filter(([, w]) => typeof w === 'string'))).toEqual({});
  });
});
