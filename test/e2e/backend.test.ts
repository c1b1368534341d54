import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { publishPolicy } from '../../src/server/org';
import { startBackend, type TestBackend } from '../server/harness';
import { callBackground, extensionId, launch, until, type Session } from './chromium';
import { answer, paste, PHI, PHI_VALUES } from './employee';
import { startSite, type Site } from './site';

const call = callBackground;

/**
 * The whole way: a browser enrolled by managed settings reads the organisation's signed policy from the real
 * backend, and a decision reaches the backend's database as an event with keyed hashes and no raw value.
 */
describe('an enrolled browser and the backend (real Chromium, real server)', () => {
  let site: Site;
  let b: TestBackend;
  let session: Session;
  beforeAll(async () => {
    site = await startSite();
    b = await startBackend('sqlite');
    // A policy that blocks PHI pastes to forms.example.com, so the test can tell it from the bundled default.
    await publishPolicy(b.server.store, b.server.keys, { ...DEFAULT_POLICY, rules: [{ id: 'org-blocks-phi', action: 'block', match: { categories: ['phi'] } }] }, 'admin', 'strict');
    session = await launch(extensionId(), { serverUrl: b.url, enrollmentToken: b.enrollmentToken, user: 'carol@ourpharma.example' }, site.args);
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterAll(async () => {
    await session?.close();
    await b?.close();
    await site?.close();
  });

  it('enrolls, takes the published policy, and sends the decision with keyed hashes and without the values', async () => {
    const answerOf = await until(
      async () => (await call(session, 'refreshCentralPolicy'), (await call(session, 'effectivePolicy')) as { source: string; policy: { version: number } }),
      (p) => p.source === 'central',
    );
    expect(answerOf.policy.version).toBe((await b.server.store.currentPolicy())!.version);
    const devices = await b.server.store.devices();
    expect(devices.map((d) => d.user)).toContain('carol@ourpharma.example');

    const page = await session.context.newPage();
    await page.goto(site.url('forms.example.com', 'fields.html'));
    await paste(page, '#ta', PHI);
    await answer(page, { choose: 'cancel' });
    await until(async () => (await call(session, 'flushEvents'), b.server.store.eventCount()), (n) => n === 1);
    const { events } = await b.server.store.events({}, 10);
    const e = events[0]!.event;
    expect(e).toMatchObject({ rule: 'org-blocks-phi', action: 'block', outcome: 'cancelled', device: { user: 'carol@ourpharma.example' } });
    expect(e.device.id).toBe(devices.find((d) => d.user === 'carol@ourpharma.example')!.id);
    const ssn = e.findings.find((f) => f.type === 'SSN')!;
    expect(ssn.hashes).toHaveLength(1);
    expect(ssn.hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    const row = JSON.stringify(await b.server.store.db.query('SELECT * FROM events'));
    for (const v of PHI_VALUES) expect(row).not.toContain(v);
  });
});
