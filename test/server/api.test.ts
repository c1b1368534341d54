import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptSignedPolicy, DEFAULT_POLICY } from '../../src/core/policy';
import { DATABASES, makeEvent, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

/** Values a test plants in what devices send; none may reach a stored row. */
const PLANTED = ['219-09-9999', 'Maria Gonzalez-Ruiz', 'maria.gonzalez@clinic-example.org', 'AKIAIOSFODNN7EXAMPLE'];

describe.each(DATABASES)('the API on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pg);
  });
  afterAll(() => b.close());

  const send = (body: unknown, token?: string) =>
    fetch(`${b.url}/api/device/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? b.deviceToken}` }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('takes a batch, and the same batch again stores nothing new (a device re-sends after a lost answer)', async () => {
    const batch = Array.from({ length: 25 }, () => makeEvent({ device: { id: 'claims-to-be-another-device' } }));
    const first = await (await send({ events: batch, dropped: 0 })).json();
    expect(first).toEqual({ accepted: 25, duplicates: 0, expired: 0, rejected: [] });
    const second = await (await send({ events: batch, dropped: 0 })).json();
    expect(second).toEqual({ accepted: 0, duplicates: 25, expired: 0, rejected: [] });
    const stored = await b.server.store.event(batch[0]!.id);
    // The token says which device sent it, whatever the event claims.
    expect(stored?.event.device.id).toBe(b.deviceId);
  });

  it('refuses events that carry raw values, keeps the rest, and no planted value reaches any row of any table', async () => {
    const clean = makeEvent();
    const leaking = [
      makeEvent({ findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['219-09-9999'], hashes: [] }] }),
      makeEvent({ justification: 'Patient Maria Gonzalez-Ruiz, SSN 219-09-9999, needs this' }),
      makeEvent({ file: { name: 'maria.gonzalez@clinic-example.org.csv', type: 'text/csv', size: 10 } }),
      makeEvent({ recipientDomains: ['maria.gonzalez@clinic-example.org'] }),
      { ...makeEvent(), secret: 'AKIAIOSFODNN7EXAMPLE' },
    ];
    const r = await (await send({ events: [clean, ...leaking], dropped: 0 })).json();
    expect(r.accepted).toBe(1);
    expect(r.rejected.map((x: { index: number }) => x.index)).toEqual([1, 2, 3, 4, 5]);
    expect(JSON.stringify(r)).not.toMatch(/219-09|Gonzalez|AKIA/);
    const db = b.server.store.db;
    const tables = (await db.query<{ name: string }>(
      kind === 'sqlite' ? "SELECT name FROM sqlite_master WHERE type = 'table'" : "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
    )).map((t) => t.name);
    expect(tables).toContain('events');
    for (const table of tables) {
      const dump = JSON.stringify(await db.query(`SELECT * FROM ${table}`));
      for (const value of PLANTED) expect(dump, `${table} holds a planted value`).not.toContain(value);
    }
  });

  it('answers malformed and oversized batches with a clear error', async () => {
    const notJson = await send('{"events": [');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toBe('malformed');
    expect((await send({ events: 'many' })).status).toBe(400);
    expect((await send({ events: Array.from({ length: 1001 }, () => ({})) })).status).toBe(413);
    expect((await send({ events: [{ pad: 'x'.repeat(1.1 * 1024 * 1024) }] })).status).toBe(413);
  });

  it('adds up what a device could not keep, and refuses a revoked device', async () => {
    await send({ events: [makeEvent()], dropped: 7 });
    const devices = (await (await b.call('/api/devices', { as: 'admin' })).json()).devices;
    expect(devices.find((d: { id: string }) => d.id === b.deviceId).droppedTotal).toBeGreaterThanOrEqual(7);
  });

  it('enrolls a browser with an enrollment token, which then reads the signed policy with its own token', async () => {
    const refused = await b.call('/api/enroll', { method: 'POST', json: { token: 'bwe_wrong' } });
    expect(refused.status).toBe(401);
    const enrolled = await (await b.call('/api/enroll', { method: 'POST', json: { token: b.enrollmentToken, deviceId: 'laptop-42', user: 'bob@example.com' } })).json();
    expect(enrolled).toMatchObject({ deviceId: 'laptop-42', deviceToken: expect.stringMatching(/^bwd_/), hashKey: expect.any(String), policyPublicKey: expect.any(String) });
    const policy = await fetch(`${b.url}/api/device/policy`, { headers: { Authorization: `Bearer ${enrolled.deviceToken}` } });
    expect(policy.status).toBe(200);
    const etag = policy.headers.get('ETag')!;
    const accepted = await acceptSignedPolicy(await policy.json(), enrolled.policyPublicKey);
    expect(accepted).toMatchObject({ ok: true });
    const again = await fetch(`${b.url}/api/device/policy`, { headers: { Authorization: `Bearer ${enrolled.deviceToken}`, 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    // Revoked: the token stops working; events wait on the device until it enrolls again.
    expect((await b.call('/api/devices/laptop-42', { method: 'DELETE', as: 'admin' })).status).toBe(200);
    expect((await send({ events: [makeEvent()] }, enrolled.deviceToken)).status).toBe(401);
  });

  it('publishes policy as signed numbered versions, shows errors at their path, and rolls back by publishing anew', async () => {
    const bad = await b.call('/api/policies', { method: 'POST', as: 'policy_admin', json: { policy: { ...DEFAULT_POLICY, rules: [{ id: 'x', action: 'explode' }] } } });
    expect(bad.status).toBe(422);
    const errors = (await bad.json()).errors as Array<{ path: string }>;
    expect(errors.some((e) => e.path.startsWith('rules.0'))).toBe(true);
    const before = (await (await b.call('/api/policies/current', { as: 'viewer' })).json()).version as number;
    const stricter = { ...DEFAULT_POLICY, rules: DEFAULT_POLICY.rules.map((r) => ({ ...r, action: 'block' as const, requireJustification: false })) };
    const published = await (await b.call('/api/policies', { method: 'POST', as: 'policy_admin', json: { policy: stricter, note: 'block everything' } })).json();
    expect(published.version).toBe(before + 1);
    const rolled = await (await b.call(`/api/policies/${before}/rollback`, { method: 'POST', as: 'admin', json: {} })).json();
    expect(rolled.version).toBe(before + 2);
    expect({ ...rolled.doc.policy, version: 0 }).toEqual({ ...(await (await b.call(`/api/policies/${before}`, { as: 'viewer' })).json()).doc.policy, version: 0 });
    const trail = (await (await b.call('/api/audit', { as: 'admin' })).json()).entries as Array<{ action: string; actor: string }>;
    expect(trail.slice(-2).map((e) => [e.action, e.actor])).toEqual([
      ['policy.publish', 'policy_admin'],
      ['policy.rollback', 'admin'],
    ]);
    expect(await (await b.call('/api/audit/verify', { as: 'admin' })).json()).toMatchObject({ ok: true });
  });

  it('previews a draft policy on sample text without showing the values', async () => {
    const r = await (await b.call('/api/policies/preview', { method: 'POST', as: 'policy_admin', json: { policy: DEFAULT_POLICY, text: 'Patient SSN 219-09-9999, diagnosis diabetes', host: 'chatgpt.com' } })).json();
    expect(r.decision.action).toMatch(/warn|block/);
    expect(r.findings.map((f: { type: string }) => f.type)).toContain('SSN');
    expect(JSON.stringify(r)).not.toContain('219-09-9999');
  });

  it('exports the filtered view as CSV and OCSF, and writes the export into the audit trail', async () => {
    await send({ events: [makeEvent({ channel: 'email-send', justification: '=HYPERLINK("http://x")' })] });
    const csv = await (await b.call('/api/export?format=csv&channel=email-send', { as: 'analyst' })).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^time,id,user,device,channel/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    const ocsf = (await (await b.call('/api/export?format=ocsf', { as: 'analyst' })).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(ocsf.length).toBeGreaterThan(20);
    expect(ocsf.every((o) => o.class_uid === 2006)).toBe(true);
    const trail = (await (await b.call('/api/audit', { as: 'admin' })).json()).entries as Array<{ action: string; detail: { count: number; format: string } }>;
    expect(trail.filter((e) => e.action === 'events.export').map((e) => [e.detail.format, e.detail.count])).toEqual([
      ['csv', 1],
      ['ocsf', ocsf.length],
    ]);
  });

  it('answers bad filters with the parameter at fault', async () => {
    const r = await b.call('/api/events?action=explode&from=yesterday', { as: 'viewer' });
    expect(r.status).toBe(400);
    expect((await r.json()).issues.map((i: { path: string }) => i.path).sort()).toEqual(['action', 'from']);
  });

  it('slows a device that floods the endpoint', async () => {
    const statuses = await Promise.all(Array.from({ length: 40 }, () => send({ events: [] }).then((r) => [r.status, r.headers.get('Retry-After')])));
    expect(statuses.filter(([s]) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.find(([s]) => s === 429)![1]).toMatch(/^\d+$/);
  });
});
