import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { ROLES, type Role } from '../../src/server/store';
import { makeEvent, startBackend, type TestBackend } from './harness';

type Who = 'anonymous' | 'device' | Role;
const PEOPLE: Role[] = [...ROLES];
const ANALYSTS: Role[] = ['analyst', 'admin'];
const POLICY_ADMINS: Role[] = ['policy_admin', 'admin'];
const ADMINS: Role[] = ['admin'];
let unique = 0;

/**
 * The rights table, written out by hand (not read from the server's own table): every endpoint, who may call
 * it. Every cell is a request: allowed callers must not get 401/403, everybody else must.
 */
const TABLE: Array<{ method: string; path: string; body?: () => unknown; allowed: Who[] }> = [
  { method: 'GET', path: '/api/device/policy', allowed: ['device'] },
  { method: 'POST', path: '/api/device/events', body: () => ({ events: [makeEvent()], dropped: 0 }), allowed: ['device'] },
  { method: 'GET', path: '/api/me', allowed: PEOPLE },
  { method: 'GET', path: '/api/events', allowed: PEOPLE },
  { method: 'GET', path: '/api/events/00000000-0000-4000-8000-000000000000', allowed: PEOPLE },
  { method: 'GET', path: '/api/stats', allowed: PEOPLE },
  { method: 'GET', path: '/api/views', allowed: PEOPLE },
  { method: 'POST', path: '/api/views', body: () => ({ name: 'mine', query: 'action=block' }), allowed: PEOPLE },
  { method: 'DELETE', path: '/api/views/9999', allowed: PEOPLE },
  { method: 'GET', path: '/api/policies', allowed: PEOPLE },
  { method: 'GET', path: '/api/policies/current', allowed: PEOPLE },
  { method: 'GET', path: '/api/incidents', allowed: PEOPLE },
  { method: 'GET', path: '/api/incidents/owners', allowed: PEOPLE },
  { method: 'GET', path: '/api/incidents/9999', allowed: PEOPLE },
  { method: 'PATCH', path: '/api/incidents/9999', body: () => ({ status: 'investigating' }), allowed: ANALYSTS },
  { method: 'POST', path: '/api/incidents/bulk', body: () => ({ ids: [9999], change: { status: 'resolved' } }), allowed: ANALYSTS },
  { method: 'POST', path: '/api/incidents/9999/comments', body: () => ({ text: 'rights test' }), allowed: ANALYSTS },
  { method: 'GET', path: '/api/export?format=csv', allowed: ANALYSTS },
  { method: 'GET', path: '/api/export?format=ocsf', allowed: ANALYSTS },
  { method: 'GET', path: '/api/insights', allowed: ANALYSTS },
  { method: 'GET', path: '/api/devices', allowed: ANALYSTS },
  { method: 'POST', path: '/api/policies/validate', body: () => ({ policy: DEFAULT_POLICY }), allowed: POLICY_ADMINS },
  { method: 'POST', path: '/api/policies/preview', body: () => ({ policy: DEFAULT_POLICY, text: 'SSN 219-09-9999' }), allowed: POLICY_ADMINS },
  { method: 'POST', path: '/api/policies', body: () => ({ policy: DEFAULT_POLICY, note: 'rights test' }), allowed: POLICY_ADMINS },
  { method: 'POST', path: '/api/policies/1/rollback', body: () => ({}), allowed: POLICY_ADMINS },
  { method: 'GET', path: '/api/device/protected-data', allowed: ['device'] },
  { method: 'GET', path: '/api/protected-data', allowed: PEOPLE },
  { method: 'POST', path: '/api/protected-data/tables', body: () => ({ id: 'rights', name: 'Rights', columns: [{ name: 'id', kind: 'id' }], csv: 'id\nE12345' }), allowed: POLICY_ADMINS },
  { method: 'POST', path: '/api/protected-data/documents', body: () => ({ set: 'rights', name: 'Rights', text: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty' }), allowed: POLICY_ADMINS },
  { method: 'DELETE', path: '/api/protected-data/tables/no-such-table', allowed: POLICY_ADMINS },
  { method: 'DELETE', path: '/api/protected-data/documents/no-such-set/no-such-document', allowed: POLICY_ADMINS },
  { method: 'GET', path: '/api/users', allowed: ADMINS },
  { method: 'POST', path: '/api/users', body: () => ({ name: `person${++unique}`, password: 'a long enough password', role: 'viewer' }), allowed: ADMINS },
  { method: 'PATCH', path: '/api/users/viewer', body: () => ({ role: 'viewer' }), allowed: ADMINS },
  { method: 'GET', path: '/api/tokens', allowed: ADMINS },
  { method: 'POST', path: '/api/tokens', body: () => ({ label: 'siem', role: 'viewer' }), allowed: ADMINS },
  { method: 'DELETE', path: '/api/tokens/9999', allowed: ADMINS },
  { method: 'GET', path: '/api/enrollment-tokens', allowed: ADMINS },
  { method: 'POST', path: '/api/enrollment-tokens', body: () => ({ label: 'fleet' }), allowed: ADMINS },
  { method: 'DELETE', path: '/api/enrollment-tokens/9999', allowed: ADMINS },
  { method: 'DELETE', path: '/api/devices/no-such-device', allowed: ADMINS },
  { method: 'GET', path: '/api/me/totp', allowed: PEOPLE },
  { method: 'POST', path: '/api/me/totp', body: () => ({}), allowed: PEOPLE },
  { method: 'DELETE', path: '/api/users/no-such-person/totp', allowed: ADMINS },
  { method: 'GET', path: '/api/audit', allowed: ADMINS },
  { method: 'GET', path: '/api/audit/verify', allowed: ADMINS },
  { method: 'GET', path: '/api/siem/status', allowed: ADMINS },
];

const EVERYONE: Who[] = ['anonymous', 'device', ...ROLES];

describe('rights: every role against every endpoint', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend('sqlite');
  });
  afterAll(() => b.close());

  for (const row of TABLE)
    for (const who of EVERYONE) {
      const allowed = row.allowed.includes(who);
      it(`${row.method} ${row.path} as ${who}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const r = await b.call(row.path, { method: row.method, as: who, json: row.body?.() ?? (row.method === 'GET' || row.method === 'DELETE' ? undefined : {}) });
        await r.body?.cancel();
        if (allowed) expect([401, 403]).not.toContain(r.status);
        else expect(r.status).toBe(who === 'anonymous' ? 401 : 403);
      });
    }

  it('an API token acts with its role, and stops working when revoked', async () => {
    const made = (await (await b.call('/api/tokens', { method: 'POST', as: 'admin', json: { label: 'reporting', role: 'analyst' } })).json()) as { id: number; token: string };
    const asToken = (path: string) => fetch(b.url + path, { headers: { Authorization: `Bearer ${made.token}` } });
    expect((await asToken('/api/export?format=csv')).status).toBe(200);
    expect((await asToken('/api/users')).status).toBe(403);
    expect((await b.call(`/api/tokens/${made.id}`, { method: 'DELETE', as: 'admin' })).status).toBe(200);
    expect((await asToken('/api/events')).status).toBe(401);
  });

  it('a session cookie does not carry a change made from another site', async () => {
    const r = await b.call('/api/enrollment-tokens', { method: 'POST', as: 'admin', json: { label: 'x' }, headers: { Origin: 'https://evil.example' } });
    expect(r.status).toBe(403);
  });

  it('logging out ends the session', async () => {
    const login = await b.call('/api/login', { method: 'POST', json: { name: 'viewer', password: 'correct horse battery staple' } });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${b.url}/api/me`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await fetch(`${b.url}/api/logout`, { method: 'POST', headers: { Cookie: cookie, Origin: b.url } })).status).toBe(200);
    expect((await fetch(`${b.url}/api/me`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('a wrong password is refused, and guessing is slowed down', async () => {
    const tries = [];
    for (let i = 0; i < 7; i++) tries.push((await b.call('/api/login', { method: 'POST', json: { name: 'analyst', password: `guess ${i}` } })).status);
    expect(tries.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(tries.slice(5)).toEqual([429, 429]);
  });
});
