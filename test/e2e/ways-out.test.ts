/**
 * The red-team matrix: every route an honest web app uses to carry what the employee typed, pasted or chose out
 * of the page (test/e2e/pages/ways-out.html), tried with patient data and with a harmless twin, in both of the
 * extension's modes: installed by policy (the network backstop blocks requests in the background) and installed
 * without that grant (the page-world hook is the only network guard). Under a block policy a route holds when the
 * guard tells the employee and nothing reaches the route's address; the twin must arrive without a dialog.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { policyInstalledArgs } from './chromium';
import { dialogText, guardedBrowser, HARMLESS, PHI } from './employee';

const POLICY = {
  version: 3,
  rules: [
    { id: 'block-phi', match: { categories: ['phi'] }, action: 'block' },
    { id: 'block-ssn', match: { entityTypes: ['SSN'] }, action: 'block' },
    { id: 'block-secrets', match: { categories: ['secret'] }, action: 'block' },
  ],
};

type Mode = 'policy-installed' | 'page-hook-only';

interface Case {
  name: string;
  /** The route's address on the test site (/out/<path>); the case's name when absent. */
  path?: string;
  /** What the employee and the app do with `text`. */
  act(page: Page, text: string): Promise<void>;
  /** The modes that claim this route (the README says what each covers); both when absent. */
  modes?: Mode[];
  /** The patient data and its harmless twin, when the case needs its own (look-alike text, split fields). */
  texts?: { held: string; twin: string };
  /** How long a held share may take to be decided (OCR reads an image in seconds). */
  decideMs?: number;
}

const fillAndClick = (box: string, button: string) => async (page: Page, text: string) => {
  await page.fill(box, text);
  await page.click(button);
};
const fillAndEnter = (box: string) => async (page: Page, text: string) => {
  await page.fill(box, text);
  await page.press(box, 'Enter');
};
const byScript = (route: string) => async (page: Page, text: string) => {
  await page.fill('#any-box', text);
  // The app does not wait for its request here: a held one waits for the employee's answer.
  await page.evaluate((r) => void (window as unknown as { routes: Record<string, () => unknown> }).routes[r]!(), route);
};
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
/** A record whose only identifier is written to look different to the engine than to the reader. */
const record = (ssn: string) => `Record: SSN ${ssn}, admitted with diabetic ketoacidosis.`;
const textFile = (name: string, head: string) => async (page: Page, text: string) => page.setInputFiles('#file', { name, mimeType: 'text/plain', buffer: Buffer.from(head + text) });
const SCREEN_HELD = 'Patient: Maria Gonzalez<br>SSN 219-09-9999, diagnosis: type 2 diabetes';
const SCREEN_TWIN = 'Packaging line review<br>moves to Friday afternoon';

const CASES: Case[] = [
  // Typed text sent by a gesture the guard does not know by name, or from where it does not look.
  { name: 'save-form', act: fillAndClick('#save-form-box', 'text=Save') },
  { name: 'post', act: fillAndClick('#post-box', '#post-btn') },
  { name: 'comment', act: fillAndClick('#comment-box', '#comment-btn') },
  { name: 'icon', act: fillAndClick('#icon-box', '#icon-btn') },
  { name: 'div', act: fillAndClick('#div-box', '#div-btn') },
  { name: 'pointer', act: fillAndClick('#pointer-box', '#pointer-btn') },
  { name: 'mouse', act: fillAndClick('#mouse-box', '#mouse-btn') },
  { name: 'notes', act: fillAndEnter('#notes-box') },
  { name: 'de', act: fillAndEnter('#de-box') },
  { name: 'senden', act: fillAndClick('#senden-box', '#senden-btn') },
  {
    name: 'frame',
    act: async (page, text) => {
      await page.frameLocator('#editor-frame').locator('#ed').fill(text);
      await page.click('#frame-btn');
    },
  },
  {
    name: 'shadow',
    act: async (page, text) => {
      await page.evaluate(() => (document.getElementById('shadow-composer') as unknown as { focusInner(): void }).focusInner());
      await page.keyboard.insertText(text);
      await page.click('#shadow-btn');
    },
  },
  { name: 'detached-form', act: fillAndClick('#detached-box', '#detached-form button') },
  { name: 'hidden-form', act: fillAndClick('#hidden-box', '#hidden-btn') },
  { name: 'search-near', act: fillAndClick('#search-near-box', '#search-near-btn') },
  // Typed text that leaves with no gesture at all.
  { name: 'autosave', act: (page, text) => page.fill('#autosave-box', text) },
  { name: 'suggest', act: (page, text) => page.fill('#suggest-box', text) },
  // The app's own requests, by every API and body type.
  { name: 'beacon', act: byScript('beacon') },
  { name: 'websocket', path: 'ws', act: byScript('websocket') },
  { name: 'request', act: byScript('request') },
  { name: 'array-buffer', act: byScript('array-buffer') },
  { name: 'typed-array', act: byScript('typed-array') },
  { name: 'xhr-string', act: byScript('xhr-string') },
  { name: 'url-query', act: byScript('url-query') },
  { name: 'image-query', act: byScript('image-query'), modes: ['policy-installed'] },
  { name: 'foreign-formdata', act: byScript('foreign-formdata') },
  { name: 'form-submit', act: byScript('form-submit') },
  { name: 'worker', act: byScript('worker'), modes: ['policy-installed'] },
  { name: 'service-worker', act: byScript('service-worker'), modes: ['policy-installed'] },
  // The clipboard read by the page itself.
  {
    name: 'clipboard',
    act: async (page, text) => {
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await page.click('#import-btn');
    },
  },
  // Disguised files and text in images.
  { name: 'gif-magic-text', path: 'file', act: textFile('notes.txt', 'GIF89a\n') },
  { name: 'bmi-note', path: 'file', act: textFile('bmi.txt', 'BMI 31.2, ') },
  {
    name: 'screenshot',
    path: 'file',
    texts: { held: SCREEN_HELD, twin: SCREEN_TWIN },
    decideMs: 60_000,
    act: async (page, html) => {
      const painter = await page.context().newPage();
      await painter.setViewportSize({ width: 900, height: 200 });
      await painter.setContent(`<body style="background:#fff;margin:24px;font:32px/1.4 Arial,sans-serif;color:#000">${html}</body>`);
      const png = await painter.screenshot({ type: 'png' });
      await painter.close();
      await page.setInputFiles('#file', { name: 'record.png', mimeType: 'image/png', buffer: png });
    },
  },
  // Look-alike text: what the employee reads is patient data, whatever its characters.
  { name: 'full-width', path: 'post', texts: { held: record(fullWidth('219-09-9999')), twin: fullWidth(HARMLESS) }, act: fillAndClick('#post-box', '#post-btn') },
  { name: 'spaced-digits', path: 'post', texts: { held: record('2 1 9 0 9 9 9 9 9'), twin: 'Pick 1 2 3 or 4 for the lot planning on Thursday.' }, act: fillAndClick('#post-box', '#post-btn') },
  { name: 'format-characters', path: 'post', texts: { held: record('219\u2062-09\u200e-99\u202a99'), twin: HARMLESS.replace('lot', 'l\u2062ot') }, act: fillAndClick('#post-box', '#post-btn') },
  { name: 'base64', act: byScript('base64') },
  {
    name: 'split-fields',
    path: 'split',
    // Not 219-09-9999: a known sample number scores under the rule's threshold without a context word.
    texts: { held: '536 22 8841', twin: '12 34 56' },
    act: async (page, text) => {
      const [a, b, c] = text.split(' ');
      await page.fill('#ssn-a', a!);
      await page.fill('#ssn-b', b!);
      await page.fill('#ssn-c', c!);
      await page.click('#ssn-btn');
    },
  },
];

/** Whether a record of the test site belongs to this case's route. */
const ofRoute = (c: Case) => (r: { path: string; body: string }) => (c.path === 'ws' ? r.path === '/ws' && r.body.startsWith(`${c.name} `) : r.path === `/out/${c.path ?? c.name}`);

const MODES: { mode: Mode; args: () => string[] }[] = [
  { mode: 'policy-installed', args: policyInstalledArgs },
  { mode: 'page-hook-only', args: () => [] },
];

for (const { mode, args } of MODES) {
  describe(`every way out of a page, ${mode} (real Chromium, red-team matrix)`, () => {
    const env = guardedBrowser({ policy: POLICY }, args());
    const results: string[] = [];
    afterAll(() => console.log(`ways out (${mode}):\n${results.join('\n')}`));

    const attempt = async (c: Case, text: string) => {
      env.site.received.length = 0;
      const page = await env.session.context.newPage();
      await page.goto(env.site.url('app.example.com', 'ways-out.html'));
      await c.act(page, text);
      return page;
    };

    for (const c of CASES.filter((k) => !k.modes || k.modes.includes(mode))) {
      it(`${c.name}: patient data is held, its harmless twin arrives untouched`, async () => {
        const { held, twin } = c.texts ?? { held: PHI, twin: HARMLESS };
        let page = await attempt(c, held);
        const told = await expect.poll(() => dialogText(page), { timeout: c.decideMs ?? 10_000 }).toBeTruthy().then(() => true, () => false);
        await page.waitForTimeout(500);
        const leaked = env.site.received.filter(ofRoute(c)).length;
        await page.close();

        page = await attempt(c, twin);
        const arrived = await expect.poll(() => env.site.received.filter(ofRoute(c)).length, { timeout: c.decideMs ?? 10_000 }).toBeGreaterThan(0).then(() => true, () => false);
        const twinAsked = (await dialogText(page)) !== undefined;
        await page.close();

        results.push(`${told && !leaked ? 'held' : 'THROUGH'}  ${arrived && !twinAsked ? 'twin ok' : 'FALSE BLOCK'}  ${c.name}`);
        expect({ told, leaked, arrived, twinAsked }).toEqual({ told: true, leaked: 0, arrived: true, twinAsked: false });
      }, 150_000);
    }
  });
}
