import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../server/harness';
import { callBackground, extensionId, launch, until, type Session } from './chromium';
import { answer, dialogText, PHI, waitForDialog } from './employee';
import { startSite, type Site } from './site';

/**
 * The third-party register decides in the browser: partners added in the console reach the device inside the
 * signed policy, and one rule blocks PHI mailed to a partner without a BAA while PHI to a partner with one goes.
 */
describe('the third-party register in real Chromium (real server)', () => {
  let site: Site;
  let b: TestBackend;
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    site = await startSite();
    b = await startBackend('sqlite');
    const partners = [
      { id: 'lakeside', name: 'Lakeside Clinic', kind: 'client', owner: 'qa@ourpharma.com', domains: ['lakeside-clinic.com'], agreements: [{ kind: 'baa', categories: ['phi'] }] },
      { id: 'vialco', name: 'Vialco', kind: 'supplier', owner: 'buyer@ourpharma.com', domains: ['vialco.de'], agreements: [{ kind: 'confidentiality', categories: ['ip', 'phi'] }] },
    ];
    for (const p of partners) expect((await b.call('/api/partners', { method: 'POST', as: 'policy_admin', json: p })).status).toBe(201);
    const policy = { internalDomains: ['ourpharma.com'], rules: [{ id: 'phi-without-baa', match: { categories: ['phi'], party: { is: 'uncovered', agreements: ['baa'] } }, action: 'block' }] };
    expect((await b.call('/api/policies', { method: 'POST', as: 'policy_admin', json: { policy, note: 'PHI only to partners with a BAA' } })).status).toBe(201);
    session = await launch(extensionId(), { serverUrl: b.url, enrollmentToken: b.enrollmentToken, user: 'carol@ourpharma.com' }, site.args);
    const version = (await b.server.store.currentPolicy())!.version;
    const taken = await until(
      async () => (await callBackground(session, 'refreshCentralPolicy'), (await callBackground(session, 'effectivePolicy')) as { source: string; policy: { version: number; partners?: unknown[] } }),
      (p) => p.source === 'central' && p.policy.version === version,
    );
    expect(taken.policy.partners).toHaveLength(2);
  }, 90_000);
  afterAll(async () => {
    await page?.close();
    await session?.close();
    await b?.close();
    await site?.close();
  });

  const mail = async (to: string) => {
    await page?.close();
    page = await session.context.newPage();
    await page.goto(site.url('mail.example.net', 'webmail.html'));
    await page.fill('#to', to);
    await page.fill('#subject', 'Referral');
    await page.fill('#body', PHI);
    await page.click('#send');
  };
  const sent = () => site.received.filter((r) => r.path === '/send');

  it('blocks PHI to a partner without a BAA (a confidentiality agreement is not one)', async () => {
    await mail('dr.weber@vialco.de');
    const text = await waitForDialog(page);
    expect(text).toContain("This can't be shared here");
    expect(text).toContain('Reference: phi-without-baa');
    await answer(page, { choose: 'cancel' });
    expect(sent()).toEqual([]);
  });

  it('lets PHI go to a partner with a BAA, at a subdomain of its domain, without a dialog', async () => {
    await mail('dr.smith@mail.lakeside-clinic.com');
    await expect.poll(() => sent().length, { timeout: 15_000 }).toBe(1);
    expect(await dialogText(page)).toBeUndefined();
  });
});
