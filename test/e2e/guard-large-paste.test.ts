import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { answer, guardedBrowser, paste, PHI, waitForDialog } from './employee';

const POLICY = { version: 3, rules: [{ id: 'warn-phi', match: { categories: ['phi'] }, action: 'warn', requireJustification: false }] };

/** Harmless prose, 2 MB of it, with the patient data in the middle of it. */
const FILLER = 'the team reviewed the plan and agreed to continue with the next steps after lunch. ';
const large = (): string => {
  const half = FILLER.repeat(Math.ceil(1024 * 1024 / FILLER.length));
  return `${half}\n${PHI}\n${half}`;
};

describe('a large paste is scanned in the extension frame, off the page main thread (real Chromium)', () => {
  const env = guardedBrowser({ policy: POLICY });
  let page: Page;
  afterEach(async () => {
    await page?.close();
  });

  const decide = async (text: string): Promise<{ dialog: string; ticks: number }> => {
    page = await env.session.context.newPage();
    await page.goto(env.site.url('chatgpt.com', 'chat.html'));
    // The page's own timer: it only ticks when the page's main thread is free between tasks.
    await page.evaluate(() => {
      const w = window as unknown as { ticks: number };
      w.ticks = 0;
      setInterval(() => w.ticks++, 0);
    });
    const ticks = () => page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    await paste(page, '#prompt', text);
    const before = await ticks();
    const dialog = await waitForDialog(page, 60_000);
    const during = (await ticks()) - before;
    await answer(page, { choose: 'cancel' });
    return { dialog, ticks: during };
  };

  it('warns about 2 MB with the patient data in it with the same findings as about the patient data alone, and the page keeps ticking meanwhile', async () => {
    const small = await decide(PHI);
    const big = await decide(large());
    expect(big.dialog).toBe(small.dialog);
    expect(big.dialog).toContain('Share anyway');
    // Scanned in slices on the page's own thread, the page's 0 ms timer gets about one turn a slice (45 turns
    // measured for these 2 MB with the frame turned off); scanned in the frame it runs freely (224 measured).
    expect(big.ticks).toBeGreaterThan(100);
  }, 120_000);
});
