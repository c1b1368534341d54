import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionId, launch, until, type Session } from './chromium';
import { answer, paste, PHI, PHI_VALUES } from './employee';
import { startSite, type Site } from './site';

type Bulwark = { eventQueueState(): Promise<{ waiting: number; failures: number }>; flushEvents(): Promise<{ sent: number; waiting: number }> };
const call = <K extends keyof Bulwark>(worker: Session['worker'], name: K) => worker.evaluate((n) => (globalThis as unknown as { bulwark: Record<string, () => Promise<unknown>> }).bulwark[n]!(), name) as ReturnType<Bulwark[K]>;

/**
 * Stops the extension's service worker as the browser does when it is idle, then wakes it with the popup (as
 * any event would): a mark left on the old instance's global is gone from the new one.
 */
async function restartServiceWorker(session: Session, page: Page): Promise<Session['worker']> {
  await session.worker.evaluate(() => ((globalThis as { stopMark?: number }).stopMark = 1));
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; targetId: string; url: string }[] };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId()));
  await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
  await cdp.detach();
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${extensionId()}/popup.html`);
  // Playwright keeps one handle for the worker's target across the restart.
  const mark = () => Promise.race([session.worker.evaluate(() => (globalThis as { stopMark?: number }).stopMark), new Promise((r) => setTimeout(() => r('no answer'), 2_000))]);
  expect(await until(mark, (m) => m === undefined)).toBeUndefined();
  return session.worker;
}

describe('decision events survive a backend outage, a stopped service worker and a browser restart (real Chromium)', () => {
  let site: Site;
  let profile: string;
  beforeAll(async () => {
    site = await startSite();
    profile = mkdtempSync(join(tmpdir(), 'bulwark-profile-'));
  });
  afterAll(async () => {
    await site?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('an event made while the backend is down is kept when the service worker is stopped, and delivered once', async () => {
    const managed = { eventsUrl: site.url('events.ourpharma.example', 'v2/events') };
    site.down = true;
    const session = await launch(extensionId(), managed, site.args);
    try {
      await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await session.context.newPage();
      await page.goto(site.url('forms.example.com', 'fields.html'));
      await paste(page, '#ta', PHI);
      await answer(page, { choose: 'cancel' });
      await until(() => call(session.worker, 'eventQueueState'), (s) => s.waiting === 1 && s.failures > 0);
      const worker = await restartServiceWorker(session, page);
      site.down = false;
      await until(() => call(worker, 'flushEvents'), (r) => r.waiting === 0);
      const events = site.received.filter((r) => r.path === '/v2/events');
      expect(events).toHaveLength(1);
      expect((JSON.parse(events[0]!.body) as { events: unknown[] }).events).toHaveLength(1);
    } finally {
      await session.close();
    }
  });

  it('an event made while the backend is down is kept through a restart and delivered once, without values', async () => {
    const managed = { eventsUrl: site.url('events.ourpharma.example', 'v1/events') };
    site.down = true;
    const first = await launch(extensionId(), managed, site.args, profile);
    await first.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await first.context.newPage();
    await page.goto(site.url('forms.example.com', 'fields.html'));
    await paste(page, '#ta', PHI);
    await answer(page, { choose: 'cancel' });
    const waiting = await until(() => call(first.worker, 'eventQueueState'), (s) => s.waiting === 1 && s.failures > 0);
    expect(waiting).toMatchObject({ waiting: 1 });
    await first.close();

    site.down = false;
    const second = await launch(extensionId(), managed, site.args, profile);
    try {
      // The first try after the outage waits for its backoff; the alarm or the next event would send it too.
      await until(() => call(second.worker, 'flushEvents'), (r) => r.waiting === 0);
      const events = site.received.filter((r) => r.path === '/v1/events');
      expect(events).toHaveLength(1);
      const body = JSON.parse(events[0]!.body) as { events: Record<string, unknown>[] };
      expect(body.events).toHaveLength(1);
      expect(body.events[0]).toMatchObject({ channel: 'paste', destination: { host: 'forms.example.com' }, rule: 'warn-phi', outcome: 'cancelled' });
      for (const v of PHI_VALUES) expect(events[0]!.body).not.toContain(v);
    } finally {
      await second.close();
    }
  });
});
