import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, dialogText, guardedBrowser, HARMLESS, paste, PHI, PHI_VALUES, seen, waitForDialog } from './employee';
import type { Session } from './chromium';
import { DEFAULT_POLICY } from '../../src/core/policy';

/** The default policy, asking for a reason before PHI goes on (the dialog shows the box only where a rule asks for one). */
const POLICY = { ...DEFAULT_POLICY, version: 2, rules: DEFAULT_POLICY.rules.map((r) => (r.id === 'warn-phi' ? { ...r, requireJustification: true } : r)) };

const recent = (s: Session) => s.worker.evaluate(() => (globalThis as unknown as { bulwark: { recentDecisions(): Promise<Record<string, unknown>[]> } }).bulwark.recentDecisions());
const value = (page: Page, selector: string) => page.$eval(selector, (el) => ('value' in el ? (el as HTMLInputElement).value : (el as HTMLElement).innerText));

describe('the guard on plain fields and forms (real Chromium, default policy)', () => {
  const env = guardedBrowser();
  let page: Page;
  beforeEach(async () => {
    page = await env.session.context.newPage();
    await page.goto(env.site.url('forms.example.com', 'fields.html'));
  });
  afterEach(async () => {
    await page.close();
  });

  it('holds a paste of patient data: the page sees nothing, the dialog names what was found, masked', async () => {
    await paste(page, '#ta', PHI);
    const text = await waitForDialog(page);
    expect(text).toContain('Check before you share');
    expect(text).toMatch(/Social Security numbers/);
    expect(text).toMatch(/2••-••-••99/);
    for (const v of PHI_VALUES) expect(text).not.toContain(v);
    expect(await seen(page)).toEqual([]);
    await answer(page, { choose: 'cancel' });
    expect(await value(page, '#ta')).toBe('');
    expect(await seen(page)).toEqual([]);
    expect((await recent(env.session))[0]).toMatchObject({ channel: 'paste', host: 'forms.example.com', action: 'warn', rule: 'warn-phi', outcome: 'cancelled' });
  });

  it('lets a harmless paste through untouched once the guard is warm: the page gets the trusted event itself', async () => {
    // Focus in a field loads the decider; the first paste of a cold page is held and delivered (next test).
    await page.focus('#ta');
    await page.waitForTimeout(1500);
    await paste(page, '#ta', HARMLESS);
    await page.waitForFunction(() => (document.querySelector('#ta') as HTMLTextAreaElement).value.length > 0);
    expect(await value(page, '#ta')).toBe(HARMLESS);
    expect(await seen(page)).toContainEqual(expect.objectContaining({ type: 'paste', trusted: true, text: HARMLESS }));
    expect(await dialogText(page)).toBeUndefined();
  });

  it('delivers a harmless paste made before the guard was warm', async () => {
    await paste(page, '#ta', HARMLESS);
    await page.waitForFunction(() => (document.querySelector('#ta') as HTMLTextAreaElement).value.length > 0);
    expect(await value(page, '#ta')).toBe(HARMLESS);
    expect(await dialogText(page)).toBeUndefined();
  });

  it('holds text dropped on a field, and inserts it when the employee continues', async () => {
    const box = (await page.locator('#ta').boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const data = { items: [{ mimeType: 'text/plain', data: PHI }], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: box.x + 10, y: box.y + 10, data });
    await waitForDialog(page);
    expect(await value(page, '#ta')).toBe('');
    expect((await seen(page)).filter((e) => e.type === 'drop')).toEqual([]);
    await answer(page, { choose: 'continue' });
    await expect.poll(() => value(page, '#ta')).toBe(PHI);
  });

  it('redacts: the field receives the text with each identifier replaced by its type', async () => {
    await paste(page, '#ta', PHI);
    await answer(page, { choose: 'redact' });
    await expect.poll(() => value(page, '#ta')).toContain('[SSN]');
    const got = await value(page, '#ta');
    expect(got).toContain('SSN [SSN]');
    expect(got).toContain('admitted with diabetic ketoacidosis');
    for (const v of PHI_VALUES) expect(got).not.toContain(v);
    expect((await recent(env.session))[0]).toMatchObject({ outcome: 'redacted' });
  });

  for (const [where, selector] of [['an input', '#in'], ['a contenteditable', '#ce']] as const)
    it(`holds and then delivers a paste into ${where}`, async () => {
      await paste(page, selector, PHI);
      await waitForDialog(page);
      expect(await value(page, selector)).toBe('');
      await answer(page, { choose: 'continue' });
      await expect.poll(() => value(page, selector)).toBe(PHI);
    });

  it('guards a field inside an open shadow root', async () => {
    await page.locator('#shadow-host textarea').focus();
    await page.evaluate((t) => navigator.clipboard.writeText(t), PHI);
    await page.keyboard.press('Control+V');
    await waitForDialog(page);
    await answer(page, { choose: 'continue' });
    await expect.poll(() => page.locator('#shadow-host textarea').inputValue()).toBe(PHI);
  });

  it('guards a field inside a closed shadow root, and delivers into it', async () => {
    const sealed = (p: Page) => p.evaluate(() => (window as unknown as { sealed: HTMLTextAreaElement }).sealed.value);
    await page.evaluate(() => (window as unknown as { sealed: HTMLTextAreaElement }).sealed.focus());
    await page.evaluate((t) => navigator.clipboard.writeText(t), PHI);
    await page.keyboard.press('Control+V');
    await waitForDialog(page);
    expect(await sealed(page)).toBe('');
    await answer(page, { choose: 'continue' });
    await expect.poll(() => sealed(page)).toBe(PHI);
  });

  it('checks typed text when a form is submitted, and submits it only when the employee continues', async () => {
    await page.fill('#name', 'Maria Gonzalez');
    await page.fill('#notes', PHI);
    const before = env.site.received.length;
    await page.click('#submit');
    await waitForDialog(page);
    await answer(page, { choose: 'cancel' });
    expect(env.site.received.length).toBe(before);
    expect(page.url()).toContain('fields.html');
    await page.click('#submit');
    await answer(page, { choose: 'continue' });
    await page.waitForURL(/\/submit$/);
    expect(env.site.received.at(-1)).toMatchObject({ path: '/submit' });
  });

  it('lets a form of harmless text submit without a dialog', async () => {
    await page.fill('#notes', HARMLESS);
    await page.click('#submit');
    await page.waitForURL(/\/submit$/);
    expect(env.site.received.at(-1)?.body).toContain('stability');
  });
});

describe('a justification where the rule asks for one (real Chromium)', () => {
  const env = guardedBrowser({ policy: POLICY });
  let page: Page;
  beforeEach(async () => {
    page = await env.session.context.newPage();
    await page.goto(env.site.url('forms.example.com', 'fields.html'));
  });
  afterEach(async () => {
    await page.close();
  });

  it('continues after a warning with a justification: the text arrives whole, native undo removes it', async () => {
    await page.fill('#ta', 'Before: ');
    await paste(page, '#ta', PHI);
    await answer(page, { choose: 'continue', justification: 'Referral to the treating clinic' });
    await expect.poll(() => value(page, '#ta')).toBe(`Before: ${PHI}`);
    expect(await seen(page)).toContainEqual(expect.objectContaining({ type: 'paste', text: PHI }));
    await page.keyboard.press('Control+Z');
    expect(await value(page, '#ta')).toBe('Before: ');
    const decisions = await recent(env.session);
    expect(decisions[0]).toMatchObject({ outcome: 'sent', justification: 'Referral to the treating clinic' });
    for (const v of PHI_VALUES) expect(JSON.stringify(decisions)).not.toContain(v);
  });

  it('keeps the words of a justification but not the values typed in it', async () => {
    await paste(page, '#ta', PHI);
    await answer(page, { choose: 'continue', justification: 'Her SSN 219-09-9999 is needed by the insurer' });
    await expect.poll(async () => (await recent(env.session)).find((d) => d.justification)?.justification).toBe('Her SSN [SSN] is needed by the insurer');
  });
});
