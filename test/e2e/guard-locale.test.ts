import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { extensionId, until } from './chromium';
import { answer, guardedBrowser, paste, PHI, PHI_VALUES, waitForDialog } from './employee';

/** A managed policy whose rule speaks German and English: Chrome's schema must keep the map. */
const MANAGED = {
  policy: {
    version: 3,
    rules: [{ id: 'warn-phi', match: { categories: ['phi'] }, action: 'warn', message: 'Check with the privacy office first.', messages: { de: 'Bitte zuerst mit dem Datenschutz klären.', fr: 'Voyez d’abord avec la protection des données.' } }],
  },
};

describe("the dialog speaks the browser's language (real Chromium in German)", () => {
  const env = guardedBrowser(MANAGED, ['--lang=de']);
  const value = (page: Page) => page.inputValue('#ta');

  it("shows the German messages of public/_locales/de and the rule's German message", async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.site.url('forms.example.com', 'fields.html'));
    await paste(page, '#ta', PHI);
    const text = await waitForDialog(page);
    expect(text).toContain('Bitte prüfen, bevor Sie teilen');
    expect(text).toContain('Abbrechen');
    expect(text).toContain('Bitte zuerst mit dem Datenschutz klären.');
    await answer(page, { choose: 'cancel' });
    expect(await value(page)).toBe('');
    await page.close();
  });

  it('redacts with German labels', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.site.url('forms.example.com', 'fields.html'));
    await paste(page, '#ta', PHI);
    // The dialog opens on Cancel ("Abbrechen"); the next control is the German redact button.
    expect(await waitForDialog(page)).toContain('Sensible Werte entfernen und teilen');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => value(page)).toContain('[SOZIALVERSICHERUNGSNUMMER]');
    const got = await value(page);
    expect(got).toContain('Patient [NAME]');
    for (const v of PHI_VALUES) expect(got).not.toContain(v);
    await page.close();
  });

  it('the popup says who sets the rules, in German, with its recent decisions', async () => {
    const page = await env.session.context.newPage();
    await page.goto(`chrome-extension://${extensionId()}/popup.html`);
    await until(() => page.textContent('[data-testid=source]'), (t) => t === 'Von Ihrer Organisation verwaltet');
    expect(await page.getAttribute('html', 'lang')).toMatch(/^de/);
    expect(await page.textContent('h2')).toBe('Letzte Entscheidungen');
    expect(await page.textContent('body')).toContain('ohne die sensiblen Werte geteilt');
    await page.close();
  });
});
