import type { Frame, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, guardedBrowser, PHI, waitForDialog } from './employee';

const hasGuardUi = (f: Page | Frame) => f.evaluate(() => document.querySelector('bulwark-guard') !== null);

async function pasteInFrame(page: Page, frame: Frame, text: string) {
  await frame.focus('textarea');
  // As an employee does, the paste comes a moment after the click: a rewritten frame's guard is back by then.
  await page.waitForTimeout(300);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

describe('the guard in every frame and across single-page navigation (real Chromium)', () => {
  const env = guardedBrowser();
  let page: Page;
  beforeEach(async () => {
    page = await env.session.context.newPage();
    await page.goto(env.site.url('portal.example.com', 'frames.html'));
    await expect.poll(() => page.frames().find((f) => f.url().includes('other.example'))?.url() ?? '').toContain('fields.html');
  });
  afterEach(async () => {
    await page.close();
  });

  for (const which of ['srcdoc', 'blank'] as const)
    it(`holds a paste in a ${which === 'srcdoc' ? 'srcdoc' : 'script-written about:blank'} frame and shows the dialog in the page`, async () => {
      const frame = (await (await page.$(`#${which}`))!.contentFrame())!;
      await pasteInFrame(page, frame, PHI);
      expect(await waitForDialog(page)).toContain('Your paste to portal.example.com.');
      expect(await frame.$eval('textarea', (t) => (t as HTMLTextAreaElement).value)).toBe('');
      await answer(page, { choose: 'continue' });
      await expect.poll(() => frame.$eval('textarea', (t) => (t as HTMLTextAreaElement).value)).toBe(PHI);
    });

  it('holds a paste in a frame of another origin, with the dialog in that frame', async () => {
    const frame = page.frames().find((f) => f.url().includes('other.example'))!;
    await pasteInFrame(page, frame, PHI);
    await expect.poll(() => hasGuardUi(frame)).toBe(true);
    expect(await frame.$eval('textarea', (t) => (t as HTMLTextAreaElement).value)).toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => hasGuardUi(frame)).toBe(false);
    expect(await frame.$eval('textarea', (t) => (t as HTMLTextAreaElement).value)).toBe('');
  });

  it('keeps guarding after single-page navigation', async () => {
    await page.evaluate(() => history.pushState({}, '', '/app/next-view'));
    const frame = (await (await page.$('#srcdoc'))!.contentFrame())!;
    await pasteInFrame(page, frame, PHI);
    await waitForDialog(page);
    await answer(page, { choose: 'cancel' });
    expect(await frame.$eval('textarea', (t) => (t as HTMLTextAreaElement).value)).toBe('');
  });
});
