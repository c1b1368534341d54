import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionId, launch, type Session } from './chromium';
import { answer, paste, PHI, waitForDialog } from './employee';
import { startSite, type Site } from './site';

describe("the dialog speaks the browser's language (real Chromium in German)", () => {
  let site: Site;
  let session: Session;
  beforeAll(async () => {
    site = await startSite();
    session = await launch(extensionId(), {}, [...site.args, '--lang=de']);
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('shows the German messages of public/_locales/de', async () => {
    const page = await session.context.newPage();
    await page.goto(site.url('forms.example.com', 'fields.html'));
    await paste(page, '#ta', PHI);
    const text = await waitForDialog(page);
    expect(text).toContain('Bitte prüfen, bevor Sie teilen');
    expect(text).toContain('Abbrechen');
    await answer(page, { choose: 'cancel' });
    expect(await page.inputValue('#ta')).toBe('');
  });
});
