import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHashKey, keyedHash, normaliseValue } from '../../src/core/events/hash';
import { BulwarkEvent } from '../../src/core/events/event';
import { engineFor, evaluate, Policy } from '../../src/core/policy';
import { fromBase64 } from '../../src/core/policy/signature';
import { decodeProtectedData, protectedDataDetectors, protectedDataKey } from '../../src/core/protect/bundle';
import { coaching } from '../../src/server/coaching';
import { DEMO_MRN, ensureDemo } from '../../src/server/demo';
import { orgKeys } from '../../src/server/org';
import { registerView } from '../../src/server/partners/resolve';
import { ProtectedData } from '../../src/server/protected';
import { freshStore } from './harness';

/** What `npm start` sets up: a demonstration whose events pass the schema and whose protected data catches a pasted row. */
describe('the demonstration organisation', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-demo-'));
  beforeAll(async () => {
    store = await freshStore('sqlite');
  });
  afterAll(async () => {
    await store.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores valid events, a policy with rules on its protected data, and a table and procedure that catch a paste', async () => {
    const keys = await orgKeys(store.store);
    const login = await ensureDemo(store.store, keys, dir);
    expect(login.enrollmentToken).toMatch(/^bwe_/);
    const { events } = await store.store.events({}, 500);
    expect(events.length).toBeGreaterThan(100);
    for (const e of events) expect(BulwarkEvent.safeParse(e.event).error?.issues ?? []).toEqual([]);
    const policy = Policy.parse((await store.store.currentPolicy())!.doc.policy);
    const published = await new ProtectedData(store.store, keys).published();
    const detectors = protectedDataDetectors(decodeProtectedData(published.body.data), await protectedDataKey(await importHashKey(fromBase64(keys.hashKey))));
    const engine = engineFor(policy, { key: published, detectors });
    const decide = (text: string) => evaluate(policy, engine.scan(text).findings, { channel: 'paste', host: 'chatgpt.com' });
    expect(decide('Re: Aiko Tanaka, born 02/29/1988, results attached').rule).toBe('demo-patient-records');
    expect(decide('Remove the chopper and impeller, soak both in the alkaline detergent at sixty degrees for twenty minutes, then rinse with purified water').rule).toBe('demo-procedures');
    expect(decide('The canteen opens at noon on Friday.').action).toBe('allow');
    // Its people are in two teams, one trained within the coaching view's default twelve weeks.
    const today = new Date().toISOString().slice(0, 10);
    const { teams } = await coaching(store.store, new Date(Date.now() - 83 * 86_400_000).toISOString().slice(0, 10), today);
    expect(teams.map((t) => t.team).sort()).toEqual(['Formulation', 'Quality control']);
    expect(teams.find((t) => t.team === 'Formulation')!.training?.warningsPerWeekBefore).not.toBeNull();
  });

  it("decides its events by the demo policy's rules, and has incidents of those rules in every state", async () => {
    const policy = Policy.parse((await store.store.currentPolicy())!.doc.policy);
    const rules = new Map(policy.rules.map((r) => [r.id, r]));
    const { events } = await store.store.events({}, 5000);
    for (const { event: e } of events) {
      expect(rules.get(e.rule!)?.action, `${e.rule} decides ${e.action}`).toBe(e.action);
      if (e.outcome === 'sent' && rules.get(e.rule!)!.requireJustification) expect(e.justification).toBeDefined();
    }
    const { incidents, byStatus } = await store.store.incidents.list({}, 500);
    for (const i of incidents) expect(rules.has(i.rule), i.rule).toBe(true);
    for (const n of Object.values(byStatus)) expect(n).toBeGreaterThan(0);
    // The patient table's rule states its severity.
    expect(new Set(incidents.filter((i) => i.rule === 'demo-patient-records').map((i) => i.severity))).toEqual(new Set(['critical']));
    // The register: in the signed policy, its rule decides PHI mailed to the supplier without a BAA, the clinic's BAA is flagged.
    expect(policy.partners.map((p) => p.id)).toEqual(['northwind-cro', 'partner-clinic', 'vialco']);
    expect(events.filter((s) => s.event.recipientDomains.includes('vialco.de') && s.event.findings.some((f) => f.category === 'phi')).map((s) => s.event.rule)).toContain('demo-phi-without-baa');
    const view = await registerView(store.store, Date.now() - 40 * 86_400_000, Date.now());
    expect(view.expiring.map((e) => [e.partner, e.kind, e.standing])).toEqual([['partner-clinic', 'baa', 'expiring']]);
    expect(view.partners.find((p) => p.id === 'partner-clinic')!.volume.received.phi).toBeGreaterThan(0);
    expect(view.unknown.map((u) => u.party)).toContain('gmail.com');
    // Find an identifier: the demo patient's MRN is carried (as a keyed hash) by the demo's MRN findings.
    const key = await importHashKey(fromBase64((await orgKeys(store.store)).hashKey));
    const { events: carried } = await store.store.events({ hash: [await keyedHash(key, normaliseValue(DEMO_MRN))] }, 1000);
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.length).toBe(events.filter((s) => s.event.findings.some((f) => f.type === 'MRN')).length);
    // Employees' requests: open ones of both kinds, one exception granted (in the signed policy), one report rejected.
    const requests = await store.store.requests.list();
    expect(requests.filter((r) => r.status === 'open').map((r) => r.kind).sort()).toEqual(['exception', 'false-positive']);
    const granted = requests.find((r) => r.status === 'approved')!;
    expect(granted).toMatchObject({ kind: 'exception', grant: { state: 'in-force' } });
    expect(policy.exceptions.granted).toEqual([granted.grant!.grant]);
    expect(requests.find((r) => r.status === 'rejected')).toMatchObject({ kind: 'false-positive', answer: expect.any(String) });
    for (const r of requests) expect(rules.has(r.rule!), r.rule!).toBe(true);
    const investigating = incidents.find((i) => i.status === 'investigating')!;
    expect(investigating.owner).toBe('admin');
    expect((await store.store.incidents.history(investigating.id)).map((h) => h.actor)).toContain('admin');
  });
});
