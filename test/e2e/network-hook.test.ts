import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, dialogText, guardedBrowser, HARMLESS, PHI, PHI_VALUES, waitForDialog } from './employee';
import type { Received } from './site';

/**
 * The page-world hook without the network backstop (no policy grant: an unpacked or store install), where it
 * is the only network guard: every route a page can send text by (test/e2e/pages/network.html), with patient
 * data under a blocking and a warning policy, and a harmless twin that must arrive untouched without a dialog.
 */
const BLOCK = { version: 3, rules: [{ id: 'block-phi', match: { categories: ['phi'] }, action: 'block' }] };
const WARN = { version: 3, rules: [{ id: 'warn-phi', match: { categories: ['phi'] }, action: 'warn', requireJustification: false }] };

/** Routes that send at once and answer later (fetch, XHR), or answer at once (beacons, sockets). */
const ROUTES = [
  'fetch-string', 'fetch-request', 'fetch-request-form', 'fetch-url-params', 'fetch-json-blob', 'fetch-array-buffer', 'fetch-typed-array',
  'fetch-data-view', 'fetch-form-data', 'fetch-escaped-json', 'fetch-stream', 'fetch-query', 'fetch-cross-realm-form', 'fetch-cross-realm-buffer',
  'fetch-child-frame', 'fetch-frames-index', 'xhr-string', 'xhr-form-data', 'xhr-buffer', 'xhr-query', 'beacon-string', 'beacon-blob',
  'beacon-form-data', 'beacon-url-params', 'ws-string', 'ws-blob', 'ws-buffer', 'form-submit', 'form-request-submit', 'form-button-click',
];
/** Routes that cannot wait (a synchronous XHR, a socket's constructor): refused at once, asked, and the app's retry goes through. */
const RETRIED = ['xhr-sync', 'ws-query', 'event-source'];

function routeEnv(managed: Record<string, unknown>) {
  const env = guardedBrowser({ policy: managed });
  let page: Page;
  beforeEach(async () => {
    env.site.received.length = 0;
    page = await env.session.context.newPage();
    await page.goto(env.site.url('notes.example.com', 'network.html'));
    // The employee is at work in the page (the decider is loaded): a harmless request goes first.
    await page.focus('#notes');
    await page.evaluate(() => fetch('/collect/warm', { method: 'POST', body: 'ready' }));
  });
  afterEach(async () => {
    await page.close();
  });
  const arrived = (route: string): Received[] =>
    env.site.received.filter((r) => r.path === `/collect/${route}` || (r.path === '/ws' && r.body.startsWith(`${route}|`)));
  const run = (route: string, text: string) => page.evaluate(([r, t]) => (window as unknown as { run(r: string, t: string): Promise<string> }).run(r!, t!), [route, text]);
  return { env, page: () => page, arrived, run };
}

/** What arrived, decoded as the test site's reader would read it. */
const readable = (r: Received): string => {
  const decoded = (() => {
    try {
      return decodeURIComponent(r.body.replace(/\+/g, ' '));
    } catch {
      return r.body;
    }
  })();
  return decoded.startsWith('{"note":"\\u') ? (JSON.parse(decoded) as { note: string }).note : decoded;
};

describe('the page-world hook under a blocking policy: nothing with patient data arrives (real Chromium)', () => {
  const { page, arrived, run } = routeEnv(BLOCK);

  for (const route of [...ROUTES, ...RETRIED])
    it(`${route}: held, the dialog says so, and nothing arrives`, async () => {
      const outcome = run(route, PHI);
      expect(await waitForDialog(page())).toContain("This can't be shared here");
      await answer(page(), { choose: 'cancel' });
      const said = await outcome;
      if (route.startsWith('fetch')) expect(said).toMatch(/^TypeError: Failed to fetch: the (request|upload) was stopped by Bulwark/);
      if (route === 'xhr-sync') expect(said).toMatch(/^NetworkError/);
      if (route === 'ws-query' || route === 'event-source') expect(said).toMatch(/^SecurityError/);
      if (route.startsWith('beacon')) expect(said).toBe('true'); // a beacon answers at once; it is never sent
      await page().waitForTimeout(300);
      expect(arrived(route)).toEqual([]);
    });

  it('an app that retries a refused request is refused again without a second dialog', async () => {
    const first = run('fetch-string', PHI);
    await answer(page(), { choose: 'cancel' });
    await first;
    expect(await run('fetch-string', PHI)).toMatch(/stopped by Bulwark/);
    expect(await dialogText(page())).toBeUndefined();
    expect(arrived('fetch-string')).toEqual([]);
  });
});

describe('the page-world hook under a warning policy: the dialog, then it arrives once (real Chromium)', () => {
  const { env, page, arrived, run } = routeEnv(WARN);

  for (const route of ROUTES)
    it(`${route}: asked about, sent once after "share anyway"`, async () => {
      const outcome = run(route, PHI);
      expect(await waitForDialog(page())).toContain('Social Security number');
      expect(arrived(route)).toEqual([]);
      await answer(page(), { choose: 'continue' });
      await outcome;
      await expect.poll(() => arrived(route).length).toBe(1);
      await page().waitForTimeout(300);
      expect(arrived(route).length).toBe(1);
      expect(readable(arrived(route)[0]!)).toContain(route.startsWith('ws') || route.endsWith('stream') ? '219-09-9999' : 'SSN 219-09-9999');
    });

  for (const route of RETRIED)
    it(`${route}: refused at once, asked about, and the app's retry goes through after "share anyway"`, async () => {
      const outcome = run(route, PHI);
      await waitForDialog(page());
      await answer(page(), { choose: 'continue' });
      expect(await outcome).toMatch(/^(NetworkError|SecurityError)/);
      expect(await run(route, PHI)).toBe('sent');
      await expect.poll(() => arrived(route).length).toBe(1);
      expect(await dialogText(page())).toBeUndefined();
    });

  it('harmless text on every route arrives untouched, inside the call, without a dialog', async () => {
    for (const route of [...ROUTES, ...RETRIED]) {
      const said = await run(route, HARMLESS);
      expect(said, route).toBe(route.startsWith('beacon') ? 'true' : 'sent');
      await expect.poll(() => arrived(route).length, { message: route }).toBe(1);
      if (route !== 'ws-query') expect(readable(arrived(route)[0]!), route).toContain(HARMLESS);
    }
    expect(await dialogText(page())).toBeUndefined();
  });

  it('the record of a request sent after a warning holds no patient values', async () => {
    const outcome = run('beacon-string', PHI);
    await answer(page(), { choose: 'continue' });
    await outcome;
    await expect.poll(() => arrived('beacon-string').length).toBe(1);
    const decisions = await env.session.worker.evaluate(() => (globalThis as unknown as { bulwark: { recentDecisions(): Promise<unknown> } }).bulwark.recentDecisions());
    expect(JSON.stringify(decisions)).toContain('web-request');
    for (const v of PHI_VALUES) expect(JSON.stringify(decisions)).not.toContain(v);
  });
});

describe('clipboard reads by the page: it gets the text only after the decision (real Chromium)', () => {
  const env = guardedBrowser({ policy: WARN });
  let page: Page;
  beforeEach(async () => {
    page = await env.session.context.newPage();
    await page.goto(env.site.url('notes.example.com', 'network.html'));
  });
  afterEach(async () => {
    await page.close();
  });
  const read = (how: 'readText' | 'read', text: string) =>
    page.evaluate(
      async ([h, t]) => {
        await navigator.clipboard.writeText(t!);
        return (window as unknown as { readClipboard(h: string): Promise<string> }).readClipboard(h!);
      },
      [how, text],
    );

  for (const how of ['readText', 'read'] as const) {
    it(`${how}(): patient data is held; Cancel rejects with NotAllowedError, "share anyway" gives the text`, async () => {
      const refused = read(how, PHI);
      const text = await waitForDialog(page);
      expect(text).toContain('Your paste to notes.example.com.');
      await answer(page, { choose: 'cancel' });
      expect(await refused).toMatch(/^NotAllowedError: Reading the clipboard was stopped by Bulwark/);
      const given = read(how, PHI);
      await answer(page, { choose: 'continue' });
      expect(await given).toBe(PHI);
    });

    it(`${how}(): harmless text is given without a dialog`, async () => {
      expect(await read(how, HARMLESS)).toBe(HARMLESS);
      expect(await dialogText(page)).toBeUndefined();
    });
  }

  it('readText(): "remove sensitive values" gives the page the redacted text', async () => {
    const given = read('readText', PHI);
    await answer(page, { choose: 'redact' });
    const text = await given;
    for (const v of PHI_VALUES) expect(text).not.toContain(v);
    expect(text).toContain('[SSN]');
  });
});
