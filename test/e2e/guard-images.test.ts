import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { png } from '../core/extract/image-fixtures';
import { answer, dialogText, HARMLESS, PHI, seen, uploadPage, waitForDialog } from './employee';

/** OCR's first image loads its model in the file-reader frame: seconds, not milliseconds. A fresh browser's
 * first file also loads the decider and the frame: waits for an upload are generous. */
const OCR_MS = 60_000;

/** A screenshot as an employee takes one: Chromium itself renders the page and captures it. */
async function screenshot(context: BrowserContext, html: string): Promise<Buffer> {
  const painter = await context.newPage();
  await painter.setViewportSize({ width: 900, height: 260 });
  await painter.setContent(html);
  const png = await painter.screenshot({ type: 'png' });
  await painter.close();
  return png;
}

const RECORD_PAGE = `<body style="background:#fff;margin:24px;font:30px/1.4 Arial,sans-serif;color:#111">
  <h3 style="margin:0 0 8px">Patient record</h3>Name: Maria Gonzalez<br>SSN 219-09-9999, diagnosis: type 2 diabetes</body>`;
const NO_TEXT_PAGE = '<body style="margin:0;background:linear-gradient(90deg,#2a6,#46c)"><div style="margin:60px;width:200px;height:120px;border-radius:24px;background:#fc3"></div></body>';

const file = (name: string, mimeType: string, body: string | Buffer) => ({ name, mimeType, buffer: typeof body === 'string' ? Buffer.from(body) : body });

describe('files by structure, images read by OCR when bound outside the organisation (the default policy, real Chromium)', () => {
  const { env, page, uploads } = uploadPage();

  it.each([
    ['a text file that starts "GIF89a"', file('banner.gif', 'image/gif', `GIF89a banner retired; handover notes follow.\n${PHI}\n`)],
    ['an honest note that starts "BMI 31.2"', file('vitals.txt', 'text/plain', `BMI 31.2, blood pressure 150/95.\n${PHI}\n`)],
  ])('reads %s as the text it is and stops the patient data in it', async (_kind, f) => {
    await page().setInputFiles('#file', f);
    const text = await waitForDialog(page());
    expect(text).toContain('Social Security numbers');
    await answer(page(), { choose: 'cancel' });
    expect(uploads()).toEqual([]);
  });

  it('lets the harmless twin of a note that starts "BMI" through untouched', async () => {
    await page().setInputFiles('#file', file('cohort.txt', 'text/plain', `BMI 24.1 for the cohort average. ${HARMLESS}\n`));
    await expect.poll(() => uploads().length, { timeout: 15_000 }).toBe(1);
    expect(uploads()[0]!.body).toContain('BMI 24.1 for the cohort average.');
    expect(await dialogText(page())).toBeUndefined();
  });

  it('reads a screenshot of a patient record by OCR and stops it', async () => {
    await page().setInputFiles('#file', file('record.png', 'image/png', await screenshot(env.session.context, RECORD_PAGE)));
    const text = await waitForDialog(page(), OCR_MS);
    expect(text).toContain('Social Security numbers');
    await answer(page(), { choose: 'cancel' });
    expect(uploads()).toEqual([]);
  });

  it('reads a screenshot pasted into the page by OCR and holds the paste', async () => {
    const shot = await screenshot(env.session.context, RECORD_PAGE);
    await page().evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })]);
      const box = Object.assign(document.createElement('div'), { id: 'box', contentEditable: 'true' });
      document.body.append(box);
    }, shot.toString('base64'));
    await page().focus('#box');
    await page().keyboard.press('Control+V');
    const text = await waitForDialog(page(), OCR_MS);
    expect(text).toContain('Social Security numbers');
    await answer(page(), { choose: 'cancel' });
    expect((await seen(page())).filter((e) => e.type === 'paste')).toEqual([]);
  });

  it('lets an image without text through, read and found clean', async () => {
    const png = await screenshot(env.session.context, NO_TEXT_PAGE);
    await page().setInputFiles('#file', file('logo.png', 'image/png', png));
    await expect.poll(() => uploads().length, { timeout: OCR_MS }).toBe(1);
    expect(await dialogText(page())).toBeUndefined();
  });
});

describe('an image bound inside the organisation is not read (real Chromium)', () => {
  const { env, page, uploads } = uploadPage({ policy: { ...DEFAULT_POLICY, version: 20, internalDomains: ['example.com'] } });

  it('lets a screenshot to a host under internalDomains through without OCR', async () => {
    await page().setInputFiles('#file', file('record.png', 'image/png', await screenshot(env.session.context, RECORD_PAGE)));
    await expect.poll(() => uploads().length, { timeout: 15_000 }).toBe(1);
    expect(await dialogText(page())).toBeUndefined();
  });

  it('holds a PNG whose chunks are sound but whose pixels do not decode: the frame decodes images for real', async () => {
    const bytes = png(16, 16);
    const idat = Buffer.from(bytes).indexOf('IDAT') + 4;
    bytes.fill(0x55, idat, idat + 8);
    await page().setInputFiles('#file', file('chart.png', 'image/png', Buffer.from(bytes)));
    const text = await waitForDialog(page());
    expect(text).toContain('chart.png');
    await answer(page(), { choose: 'cancel' });
    expect(uploads()).toEqual([]);
  });
});

describe('an image bound outside that is not read falls to the failure mode (real Chromium)', () => {
  describe('readImages never, failures closed (the default)', () => {
    const { env, page, uploads } = uploadPage({ policy: { ...DEFAULT_POLICY, version: 21, readImages: 'never' } });

    it('holds the image as content that could not be scanned and names it', async () => {
      await page().setInputFiles('#file', file('logo.png', 'image/png', await screenshot(env.session.context, NO_TEXT_PAGE)));
      const text = await waitForDialog(page());
      expect(text).toContain('logo.png');
      await answer(page(), { choose: 'cancel' });
      expect(uploads()).toEqual([]);
    });
  });

  describe('readImages never, failures.image open', () => {
    const { env, page, uploads } = uploadPage({ policy: { ...DEFAULT_POLICY, version: 22, readImages: 'never', failures: { image: 'open' } } });

    it('lets the image through (and records it), as before images were read', async () => {
      await page().setInputFiles('#file', file('record.png', 'image/png', await screenshot(env.session.context, RECORD_PAGE)));
      await expect.poll(() => uploads().length, { timeout: 15_000 }).toBe(1);
      expect(await dialogText(page())).toBeUndefined();
    });
  });
});
