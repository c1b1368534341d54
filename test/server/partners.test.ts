import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../../src/core/policy';
import type { Partner } from '../../src/core/policy/partners';
import type { ChainedAuditEntry } from '../../src/server/audit-chain';
import { registerFromCsv, registerToCsv } from '../../src/server/partners/csv';
import type { RegisterView } from '../../src/server/partners/resolve';
import { DATABASES, makeEvent, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

const ACME: Partner = {
  id: 'acme-cro',
  name: 'Acme CRO',
  kind: 'cro',
  owner: 'qa@bulwark-pharma.com',
  domains: ['acme-cro.com'],
  hosts: ['portal.acme-cro.net'],
  agreements: [
    { kind: 'baa', categories: ['phi'], expires: inDays(20), reference: 'QA-2025-114' },
    { kind: 'dpa', categories: ['pii', 'phi'], expires: inDays(400) },
  ],
};
const VIALCO: Partner = { id: 'vialco', name: 'Vialco, "GmbH"', kind: 'supplier', owner: 'buyer@bulwark-pharma.com', domains: ['vialco.de'], hosts: [], agreements: [] };

describe('the register as CSV', () => {
  it('round-trips, quotes included, one row per agreement', () => {
    const csv = registerToCsv([ACME, VIALCO]);
    expect(csv.split('\n')[0]).toBe('id,name,kind,owner,domains,hosts,agreement,categories,expires,reference');
    expect(csv.trim().split('\n')).toHaveLength(4);
    expect(registerFromCsv(csv)).toEqual({ ok: true, partners: [ACME, VIALCO] });
  });

  it('refuses a bad file with errors naming the line and the column', () => {
    const csv = registerToCsv([ACME, VIALCO]).replace('supplier', 'friend').replace(`baa,phi,${inDays(20)}`, `baa,phi,soon`);
    const r = registerFromCsv(csv);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([expect.stringMatching(/^line 2: expires: /), expect.stringMatching(/^line 4: kind: /)]);
    expect(registerFromCsv('id,name\nx,y\n')).toEqual({ ok: false, errors: [expect.stringMatching(/^line 1: the header lacks kind, owner, domains, hosts, agreement, categories, expires, reference/)] });
    expect(registerFromCsv('id,name\n"x,y\n').ok).toBe(false);
  });
});

describe.each(DATABASES)('the third-party register on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pg);
  });
  afterAll(() => b?.close());

  const view = async (): Promise<RegisterView> => (await b.call('/api/partners', { as: 'viewer' })).json() as Promise<RegisterView>;
  const devicePolicy = async () => ((await (await b.call('/api/device/policy', { as: 'device' })).json()) as { policy: Policy }).policy;

  it('adds, changes and removes partners, audited, and puts the register in the signed policy', async () => {
    // Without a register, policy has no `partners` key: browsers from before the register take it.
    expect(await devicePolicy()).not.toHaveProperty('partners');
    const before = (await devicePolicy()).version;
    expect((await b.call('/api/partners', { method: 'POST', as: 'viewer', json: ACME })).status).toBe(403);
    expect((await b.call('/api/partners', { method: 'POST', as: 'policy_admin', json: ACME })).status).toBe(201);
    expect((await b.call('/api/partners', { method: 'POST', as: 'policy_admin', json: ACME })).status).toBe(409);
    expect((await b.call('/api/partners', { method: 'POST', as: 'policy_admin', json: { ...VIALCO, kind: 'friend' } })).status).toBe(400);
    expect((await b.call('/api/partners', { method: 'POST', as: 'policy_admin', json: VIALCO })).status).toBe(201);
    const policy = await devicePolicy();
    expect(policy.version).toBe(before + 2);
    expect(policy.partners.map((p) => p.id)).toEqual(['acme-cro', 'vialco']);
    expect(policy.partners[0]).not.toHaveProperty('owner');
    const changed = { ...VIALCO, agreements: [{ kind: 'confidentiality' as const, categories: ['ip' as const] }] };
    expect((await b.call('/api/partners/vialco', { method: 'PUT', as: 'policy_admin', json: changed })).status).toBe(200);
    expect((await devicePolicy()).partners[1]!.agreements).toHaveLength(1);
    expect((await b.call('/api/partners/nobody', { method: 'DELETE', as: 'policy_admin' })).status).toBe(404);
    const audit = ((await (await b.call('/api/audit', { as: 'admin' })).json()) as { entries: ChainedAuditEntry[] }).entries;
    expect(audit.filter((e) => e.action.startsWith('partner.')).map((e) => [e.actor, e.action, e.target])).toEqual([
      ['policy_admin', 'partner.create', 'partner:acme-cro'],
      ['policy_admin', 'partner.create', 'partner:vialco'],
      ['policy_admin', 'partner.update', 'partner:vialco'],
    ]);
    expect(audit.at(-1)).toMatchObject({ action: 'policy.publish', detail: { note: 'Third-party register: Vialco, "GmbH" changed' } });
  });

  it('resolves destinations and recipients to partners, subdomains included, else lists unknown parties, with volumes by category', async () => {
    const events = [
      makeEvent({ channel: 'email-send', destination: { host: 'mail.google.com', categories: ['webmail'] }, recipientDomains: ['mail.acme-cro.com', 'gmail.com'], action: 'warn', outcome: 'sent', findings: [{ type: 'MRN', category: 'phi', count: 3, previews: [], hashes: [] }] }),
      makeEvent({ channel: 'file-upload', destination: { host: 'eu.portal.acme-cro.net', categories: ['unknown'] }, action: 'audit', outcome: 'sent', findings: [{ type: 'EMAIL', category: 'pii', count: 2, previews: [], hashes: [] }] }),
      makeEvent({ channel: 'email-send', destination: { host: 'mail.google.com', categories: ['webmail'] }, recipientDomains: ['vialco.de'], action: 'block', outcome: 'cancelled' }),
      makeEvent({ time: new Date(Date.now() - DAY).toISOString(), action: 'warn', outcome: 'sent' }),
      // An old event, outside the 90 days the view covers.
      makeEvent({ time: new Date(Date.now() - 200 * DAY).toISOString(), recipientDomains: ['acme-cro.com'], outcome: 'sent' }),
    ].map((e, i) => (i < 3 ? { ...e, time: new Date(Date.now() - (i + 2) * 3600_000).toISOString() } : e));
    expect(await (await b.call('/api/device/events', { method: 'POST', as: 'device', json: { events } })).json()).toMatchObject({ accepted: 5, expired: 0 });
    const v = await view();
    const acme = v.partners.find((p) => p.id === 'acme-cro')!;
    expect(acme.volume).toMatchObject({ events: 2, sent: 2, blocked: 0, received: { phi: 3, pii: 2, secret: 0, ip: 0 } });
    expect(v.partners.find((p) => p.id === 'vialco')!.volume).toMatchObject({ events: 1, sent: 0, blocked: 1, received: { phi: 0 } });
    expect(v.partners.map((p) => p.id)).toEqual(['acme-cro', 'vialco']);
    expect(v.unknown.map((u) => [u.party, u.volume.events, u.volume.received.phi])).toEqual([
      ['chatgpt.com', 1, 1],
      ['gmail.com', 1, 3],
    ].sort((a, b) => (b[2] as number) - (a[2] as number)));
    expect(v.expiring).toEqual([{ partner: 'acme-cro', name: 'Acme CRO', kind: 'baa', expires: inDays(20), standing: 'expiring', daysLeft: 20 }]);
    expect(acme.agreements.map((a) => a.standing)).toEqual(['expiring', 'in-force']);
  });

  it('imports and exports the register as CSV, and refuses a bad file whole, naming the line', async () => {
    const exported = await (await b.call('/api/partners/export', { as: 'viewer' })).text();
    const bad = exported.replace('acme-cro.com', 'acme cro@com');
    const refused = await b.call('/api/partners/import', { method: 'POST', as: 'policy_admin', body: bad, headers: { 'Content-Type': 'text/csv' } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toMatch(/^The file was not imported: line 2: domains: /);
    const more = `${exported}lapsed,Lapsed Labs,subcontractor,qa@bulwark-pharma.com,lapsed.com,,baa,phi,${inDays(-3)},\n`;
    const r = await b.call('/api/partners/import', { method: 'POST', as: 'policy_admin', body: more, headers: { 'Content-Type': 'text/csv' } });
    expect(await r.json()).toEqual({ created: ['lapsed'], updated: ['acme-cro', 'vialco'] });
    const again = registerFromCsv(await (await b.call('/api/partners/export', { as: 'viewer' })).text());
    expect(again.ok && again.partners.map((p) => p.id)).toEqual(['acme-cro', 'lapsed', 'vialco']);
    const imported = registerFromCsv(more);
    expect(again).toEqual({ ok: true, partners: imported.ok ? imported.partners.sort((x, y) => x.id.localeCompare(y.id)) : [] });
    expect((await view()).expiring.map((e) => [e.partner, e.standing])).toEqual([
      ['lapsed', 'expired'],
      ['acme-cro', 'expiring'],
    ]);
    expect((await devicePolicy()).partners.map((p) => p.id)).toEqual(['acme-cro', 'lapsed', 'vialco']);
  });
});
