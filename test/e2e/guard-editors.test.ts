import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { answer, guardedBrowser, HARMLESS, PHI, PHI_VALUES, seen, waitForDialog } from './employee';

const EDITORS = ['prosemirror', 'quill', 'lexical', 'ckeditor', 'tinymce', 'roosterjs'] as const;

type WithEditor = { editor: { text(): string; undo(): void } };
const editorText = (page: Page) => page.evaluate(() => (window as unknown as WithEditor).editor.text());
const undo = (page: Page) => page.evaluate(() => (window as unknown as WithEditor).editor.undo());

/** The element the employee types in: TinyMCE's is the body of its iframe. */
async function focusEditor(page: Page, name: string) {
  if (name === 'tinymce') {
    const frame = page.frameLocator('iframe').first();
    await frame.locator('body').focus();
    return;
  }
  await page.locator('[contenteditable="true"]').first().click();
}

async function pasteInEditor(page: Page, name: string, text: string) {
  await focusEditor(page, name);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

describe('the guard in real rich editors (real Chromium, default policy)', () => {
  const env = guardedBrowser();
  let page: Page;
  afterEach(async () => {
    await page?.close();
  });

  const open = async (name: string) => {
    page = await env.session.context.newPage();
    await page.goto(env.site.url('docs.example.com', `editor.html?e=${name}`));
    await page.waitForFunction(() => (window as unknown as { editorReady?: boolean }).editorReady === true);
  };

  for (const name of EDITORS) {
    it(`${name}: a held paste reaches the editor's model after "share anyway", and the editor's undo takes it back`, async () => {
      await open(name);
      await pasteInEditor(page, name, PHI);
      await waitForDialog(page);
      expect(await editorText(page)).toBe('');
      expect((await seen(page)).filter((e) => e.type === 'paste')).toEqual([]);
      await answer(page, { choose: 'continue' });
      await expect.poll(() => editorText(page)).toContain(PHI);
      await undo(page);
      await expect.poll(() => editorText(page)).not.toContain(PHI_VALUES[0]);
    });

    it(`${name}: a harmless paste goes straight in`, async () => {
      await open(name);
      await focusEditor(page, name);
      await page.waitForTimeout(1500);
      await pasteInEditor(page, name, HARMLESS);
      await expect.poll(() => editorText(page)).toContain(HARMLESS);
    });
  }

  it('an editor inside a shadow root: held, then delivered to its model', async () => {
    await open('prosemirror&shadow=open');
    await pasteInEditor(page, 'prosemirror', PHI);
    await answer(page, { choose: 'continue' });
    await expect.poll(() => editorText(page)).toContain(PHI);
  });

  it('a redacted paste puts the redacted text into the editor', async () => {
    await open('prosemirror');
    await pasteInEditor(page, 'prosemirror', PHI);
    await answer(page, { choose: 'redact' });
    await expect.poll(() => editorText(page)).toContain('[SSN]');
    for (const v of PHI_VALUES) expect(await editorText(page)).not.toContain(v);
  });
});
