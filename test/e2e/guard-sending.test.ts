import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, dialogText, guardedBrowser, HARMLESS, paste, PHI, PHI_VALUES, SECRET, seen, waitForDialog } from './employee';

/** The company's policy for these tests: patient data may go to internal addresses only. */
const POLICY = {
  version: 7,
  internalDomains: ['ourpharma.com'],
  rules: [
    { id: 'secrets-to-ai', match: { categories: ['secret'], destinations: ['generative-ai'] }, action: 'block', message: 'Keys and passwords never go into AI tools.' },
    { id: 'phi-outside', match: { categories: ['phi'], recipients: 'external' }, action: 'block' },
    { id: 'warn-phi', match: { categories: ['phi'] }, action: 'warn', requireJustification: false },
  ],
};

describe('the guard when typed text is sent: prompts, chat and webmail (real Chromium, managed policy)', () => {
  const env = guardedBrowser({ policy: POLICY });
  let page: Page;
  const sent = (path: string) => env.site.received.filter((r) => r.path === path);
  beforeEach(() => {
    env.site.received.length = 0;
  });
  afterEach(async () => {
    await page?.close();
  });
  const open = async (host: string, file: string) => {
    page = await env.session.context.newPage();
    await page.goto(env.site.url(host, file));
  };

  it('blocks a typed secret sent with Enter to an AI assistant: only Cancel is offered, nothing is sent', async () => {
    await open('chatgpt.com', 'chat.html');
    await page.fill('#prompt', `Why does this fail? ${SECRET}`);
    await page.press('#prompt', 'Enter');
    const text = await waitForDialog(page);
    expect(text).toContain("This can't be shared here");
    expect(text).toContain('Keys and passwords never go into AI tools.');
    expect(text).not.toContain('Share anyway');
    expect(text).not.toContain('ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUy');
    await answer(page, { choose: 'cancel' });
    expect(sent('/chat')).toEqual([]);
    expect(await page.inputValue('#prompt')).toContain('Why does this fail?');
  });

  it('sends a harmless prompt on Enter and on the send button without a dialog', async () => {
    await open('chatgpt.com', 'chat.html');
    await page.fill('#prompt', HARMLESS);
    await page.press('#prompt', 'Enter');
    await expect.poll(() => sent('/chat').length).toBe(1);
    await page.fill('#prompt', 'And a second question.');
    await page.click('#send');
    await expect.poll(() => sent('/chat').length).toBe(2);
    expect(await dialogText(page)).toBeUndefined();
  });

  it('a prompt with patient data is sent once after "share anyway", by the route the employee used', async () => {
    await open('chatgpt.com', 'chat.html');
    await page.fill('#prompt', PHI);
    await page.click('#send');
    await answer(page, { choose: 'continue' });
    await expect.poll(() => sent('/chat').length).toBe(1);
    expect(sent('/chat')[0]!.body).toContain('219-09-9999');
  });

  it('redacts a prompt before it is sent', async () => {
    await open('chatgpt.com', 'chat.html');
    await page.fill('#prompt', PHI);
    await page.press('#prompt', 'Enter');
    await answer(page, { choose: 'redact' });
    await expect.poll(() => sent('/chat').length).toBe(1);
    for (const v of PHI_VALUES) expect(sent('/chat')[0]!.body).not.toContain(v);
    expect(sent('/chat')[0]!.body).toContain('[SSN]');
  });

  it('does not ask twice: a value the employee already chose to paste is not questioned again at send', async () => {
    await open('chatgpt.com', 'chat.html');
    await paste(page, '#prompt', PHI);
    await answer(page, { choose: 'continue' });
    await expect.poll(() => page.inputValue('#prompt')).toBe(PHI);
    await page.press('#prompt', 'Enter');
    await expect.poll(() => sent('/chat').length).toBe(1);
    expect(await dialogText(page)).toBeUndefined();
  });

  it('webmail (generic adapter): patient data to an external recipient is blocked, to an internal one it warns', async () => {
    await open('mail.example.net', 'webmail.html');
    await page.fill('#to', 'dr.smith@partner-clinic.com');
    await page.fill('#subject', 'Referral');
    await page.fill('#body', PHI);
    await page.click('#send');
    const text = await waitForDialog(page);
    expect(text).toContain("This can't be shared here");
    expect(text).toContain('Your email to mail.example.net.');
    await answer(page, { choose: 'cancel' });
    expect(sent('/send')).toEqual([]);
    await page.fill('#to', 'qa.lead@ourpharma.com');
    await page.click('#send');
    expect(await waitForDialog(page)).toContain('Check before you share');
    await answer(page, { choose: 'continue' });
    await expect.poll(() => sent('/send').length).toBe(1);
  });

  it('Gmail: recipients from the compose chips, Ctrl+Enter checked, plain Enter in the body is a new line', async () => {
    await open('mail.google.com', 'gmail.html');
    await page.click('#body');
    await page.keyboard.type('Hello Dr Smith,');
    await page.keyboard.press('Enter');
    expect(await dialogText(page)).toBeUndefined();
    await page.keyboard.type(PHI);
    await page.keyboard.press('Control+Enter');
    const text = await waitForDialog(page);
    expect(text).toContain('Your email to mail.google.com.');
    expect(text).toContain("This can't be shared here");
    await answer(page, { choose: 'cancel' });
    expect(sent('/send')).toEqual([]);
    expect((await seen(page)).filter((e) => e.type === 'sent')).toEqual([]);
  });

  it('Outlook on the web: an external recipient from the persona chip blocks patient data on Send', async () => {
    await open('outlook.office.com', 'outlook.html');
    await page.fill('#subject', 'Results');
    await page.fill('#body', PHI);
    await page.click('#send');
    const text = await waitForDialog(page);
    expect(text).toContain("This can't be shared here");
    expect(text).toContain('Reference: phi-outside');
    await answer(page, { choose: 'cancel' });
    expect(sent('/send')).toEqual([]);
  });

  it('Gmail: a harmless mail is sent by its Send button', async () => {
    await open('mail.google.com', 'gmail.html');
    await page.fill('#body', HARMLESS);
    await page.click('#send');
    await expect.poll(() => sent('/send').length).toBe(1);
  });
});
