import { describe, expect, it } from 'vitest';
import { answer, guardedBrowser, paste, PHI, waitForDialog } from './employee';

describe("the dialog speaks the browser's language (real Chromium in German)", () => {
  const env = guardedBrowser({}, ['--lang=de']);

  it('shows the German messages of public/_locales/de', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.site.url('forms.example.com', 'fields.html'));
    await paste(page, '#ta', PHI);
    const text = await waitForDialog(page);
    expect(text).toContain('Bitte prüfen, bevor Sie teilen');
    expect(text).toContain('Abbrechen');
    await answer(page, { choose: 'cancel' });
    expect(await page.inputValue('#ta')).toBe('');
  });
});
