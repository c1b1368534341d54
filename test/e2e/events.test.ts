import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionId, launch, until, type Session } from './chromium';
import { answer, paste, PHI, PHI_VALUES } from './employee';
import { startSite, type Site } from './site';

type Bulwark = { eventQueueState(): Promise<{ waiting: number; failures: number }>; flushEvents(): Promise<{ sent: number; waiting: number }> };
const call = <K extends keyof Bulwark>(s: Session, name: K) => s.worker.evaluate((n) => (globalThis as unknown as { bulwark: Record<string, () => Promise<unknown>> }).bulwark[n]!(), name) as ReturnType<Bulwark[K]>;

describe('decision events survive a backend outage and a browser restart (real Chromium)', () => {
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

  it('an event made while the backend is down is kept through a restart and delivered once, without values', async () => {
    const managed = { eventsUrl: site.url('events.ourpharma.example', 'v1/events') };
    site.down = true;
    const first = await launch(extensionId(), managed, site.args, profile);
    await first.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await first.context.newPage();
    await page.goto(site.url('forms.example.com', 'fields.html'));
    await paste(page, '#ta', PHI);
    await answer(page, { choose: 'cancel' });
    const waiting = await until(() => call(first, 'eventQueueState'), (s) => s.waiting === 1 && s.failures > 0);
    expect(waiting).toMatchObject({ waiting: 1 });
    await first.close();

    site.down = false;
    const second = await launch(extensionId(), managed, site.args, profile);
    try {
      // The first try after the outage waits for its backoff; the alarm or the next event would send it too.
      await until(() => call(second, 'flushEvents'), (r) => r.waiting === 0);
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
