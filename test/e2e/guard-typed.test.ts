/**
 * Typed text that leaves without a gesture the guard knows by name: the field watcher knows what each field
 * holds before anything sends it, a marker tells the employee early, and the general send rule holds any
 * activation of a composer that holds what policy would stop. Each class has a harmless twin that must arrive
 * untouched, with no marker and no dialog.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, dialogText, guardedBrowser, HARMLESS, PHI, seen, waitForDialog } from './employee';

const POLICY = { version: 7, rules: [{ id: 'warn-phi', match: { categories: ['phi'] }, action: 'warn', requireJustification: false }] };
const MARKER_NAME = 'Contains patient data: your organization will ask before this is sent';

interface AXNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
}

/** The guard's markers as a screen reader finds them: buttons with the marker's name (and whether they take focus). */
async function markers(page: Page): Promise<{ name: string; focusable: boolean }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return nodes
      .filter((n) => !n.ignored && n.role?.value === 'button' && n.name?.value.startsWith('Contains '))
      .map((n) => ({ name: n.name!.value, focusable: n.properties?.some((p) => p.name === 'focusable' && p.value.value === true) ?? false }));
  } finally {
    await cdp.detach();
  }
}

describe('typed text that leaves without a recognised gesture (real Chromium, managed policy)', () => {
  const env = guardedBrowser({ policy: POLICY });
  let page: Page;
  const sent = (path: string) => env.site.received.filter((r) => r.path === path);
  beforeEach(() => {
    env.site.received.length = 0;
  });
  afterEach(async () => {
    await page?.close();
  });
  const open = async (file: string) => {
    page = await env.session.context.newPage();
    await page.goto(env.site.url('app.example.com', file));
  };
  /** Patient data is held: a dialog, Cancel, nothing reaches the site. Its harmless twin arrives untouched. */
  const heldAndTwin = async (field: string, gesture: () => Promise<unknown>, path: string) => {
    await page.fill(field, PHI);
    await gesture();
    await waitForDialog(page);
    await answer(page, { choose: 'cancel' });
    await page.waitForTimeout(200);
    expect(sent(`/${path}`)).toEqual([]);
    await page.fill(field, HARMLESS);
    await gesture();
    await expect.poll(() => sent(`/${path}`).length).toBe(1);
    expect(sent(`/${path}`)[0]!.body).toBe(HARMLESS);
    expect(await dialogText(page)).toBeUndefined();
  };

  describe('buttons the guard does not know by name', () => {
    beforeEach(() => open('typed.html'));
    it('"Save"', () => heldAndTwin('#save-text', () => page.click('#save-btn'), 'save'));
    it('"Add a comment"', () => heldAndTwin('#comment-text', () => page.click('#comment-btn'), 'comment'));
    it('an icon-only button', () => heldAndTwin('#icon-text', () => page.click('#icon-btn'), 'icon'));
    it('a clickable <div>', () => heldAndTwin('#div-text', () => page.click('#div-icon'), 'div'));
    it('"Senden"', () => heldAndTwin('#senden-text', () => page.click('#senden-btn'), 'senden'));
    it('a composer whose nearest container also holds an empty search box', () => heldAndTwin('#sc-text', () => page.click('#sc-btn'), 'search-composer'));
  });

  describe('apps that act before the click, or on keys', () => {
    beforeEach(() => open('typed.html'));
    it('on pointerdown', () => heldAndTwin('#pointer-text', () => page.click('#pointer-btn'), 'pointer'));
    it('on mousedown', () => heldAndTwin('#mousedown-text', () => page.click('#mousedown-btn'), 'mousedown'));
    it('on keyup of Enter in a field labelled "Notes"', () => heldAndTwin('#notes-text', () => page.press('#notes-text', 'Enter'), 'notes'));
    it('on Enter in "Nachricht schreiben…"', () => heldAndTwin('#nachricht-text', () => page.press('#nachricht-text', 'Enter'), 'nachricht'));

    it('after "share anyway", the app gets the gesture it acts on, once', async () => {
      // Values shared after a warning are not asked about again on this page: each send carries a new one.
      for (const [field, act, path, text] of [
        ['#pointer-text', () => page.click('#pointer-btn'), 'pointer', PHI],
        ['#notes-text', () => page.press('#notes-text', 'Enter'), 'notes', PHI.replace('219-09-9999', '219-09-9988')],
      ] as const) {
        await page.fill(field, text);
        await act();
        await answer(page, { choose: 'continue' });
        await expect.poll(() => sent(`/${path}`).length).toBe(1);
        expect(sent(`/${path}`)[0]!.body).toBe(text);
      }
    });

    it('formatting buttons and links never ask, whatever the composer holds', async () => {
      await page.fill('#icon-text', PHI);
      await page.click('#bold-btn');
      await expect.poll(async () => (await seen(page)).filter((e) => e.type === 'bold').length).toBe(1);
      expect(await dialogText(page)).toBeUndefined();
      await page.click('#nav');
      await page.waitForURL(/fields\.html$/);
    });
  });

  describe('fields the send button cannot see from where it stands', () => {
    beforeEach(() => open('typed-outside.html'));
    it('an editor in a same-origin frame, its Send button in the page', async () => {
      const frame = page.frameLocator('#frame');
      const fill = async (text: string) => {
        await frame.locator('#editor').fill(text);
      };
      await fill(PHI);
      await page.click('#frame-btn');
      await waitForDialog(page);
      await answer(page, { choose: 'cancel' });
      expect(sent('/frame')).toEqual([]);
      await fill(HARMLESS);
      await page.click('#frame-btn');
      await expect.poll(() => sent('/frame').length).toBe(1);
      expect(sent('/frame')[0]!.body).toBe(HARMLESS);
    });

    it('an editor in a closed shadow root, its Send button outside', async () => {
      const fill = async (text: string) => {
        await page.evaluate(() => (window as unknown as { sealedText: HTMLTextAreaElement }).sealedText.focus());
        await page.keyboard.press('Control+A');
        await page.keyboard.insertText(text);
      };
      await fill(PHI);
      await page.click('#sealed-btn');
      await waitForDialog(page);
      await answer(page, { choose: 'cancel' });
      expect(sent('/sealed')).toEqual([]);
      await fill(HARMLESS);
      await page.click('#sealed-btn');
      await expect.poll(() => sent('/sealed').length).toBe(1);
    });

    it('a <textarea form="id"> outside its form', () => heldAndTwin('#attr-text', () => page.click('#attr-btn'), 'form-attr'));

    it('a hidden input filled by script from an editor outside the form', async () => {
      await page.fill('#mirror-editor', PHI);
      await page.click('#mirror-btn');
      await waitForDialog(page);
      await answer(page, { choose: 'cancel' });
      expect(sent('/mirror')).toEqual([]);
      await page.fill('#mirror-editor', HARMLESS);
      await page.click('#mirror-btn');
      await expect.poll(() => sent('/mirror').length).toBe(1);
      expect(sent('/mirror')[0]!.body).toBe(HARMLESS);
    });
  });

  describe('the marker', () => {
    beforeEach(() => open('typed.html'));
    it('appears at a field that holds patient data, named and focusable; goes when the content goes', async () => {
      await page.fill('#save-text', PHI);
      await expect.poll(() => markers(page), { timeout: 5000 }).toEqual([{ name: MARKER_NAME, focusable: true }]);
      await page.fill('#save-text', HARMLESS);
      await expect.poll(() => markers(page), { timeout: 5000 }).toEqual([]);
    });

    it('shows nothing for harmless text, and never covers the field', async () => {
      await page.fill('#icon-text', HARMLESS);
      await page.waitForTimeout(800);
      expect(await markers(page)).toEqual([]);
      await page.fill('#icon-text', PHI);
      await expect.poll(async () => (await markers(page)).length).toBe(1);
      const field = (await page.locator('#icon-text').boundingBox())!;
      const badge = (await page.locator('bulwark-marker').boundingBox())!;
      const overlaps = badge.x < field.x + field.width && field.x < badge.x + badge.width && badge.y < field.y + field.height && field.y < badge.y + badge.height;
      expect(overlaps).toBe(false);
      // The page's own clicks on the field still reach it.
      await page.click('#icon-text');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('icon-text');
    });

    it('goes when the page clears the field after sending, without an input event', async () => {
      await page.fill('#icon-text', PHI);
      await expect.poll(async () => (await markers(page)).length).toBe(1);
      await page.evaluate(() => ((document.getElementById('icon-text') as HTMLTextAreaElement).value = ''));
      await expect.poll(() => markers(page), { timeout: 5000 }).toEqual([]);
    });
  });
});
