import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenRole } from '../../src/server/token-role';
import { DATABASES, makeEvent, PASSWORD, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

describe.each(DATABASES)('device and user identity on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pg);
  });
  afterAll(() => b.close());

  const enroll = (body: Record<string, unknown>, deviceToken?: string) =>
    fetch(`${b.url}/api/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(deviceToken ? { Authorization: `Bearer ${deviceToken}` } : {}) },
      body: JSON.stringify({ token: b.enrollmentToken, ...body }),
    });
  const send = (token: string, events: unknown[]) =>
    fetch(`${b.url}/api/device/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ events }) });

  it('names a device itself when it asks for no name', async () => {
    const a = await (await enroll({})).json();
    const c = await (await enroll({})).json();
    expect(a.deviceId).toMatch(/^device-[0-9a-f-]{36}$/);
    expect(c.deviceId).not.toBe(a.deviceId);
  });

  it('refuses to give a live device name to the holder of the fleet token alone; the real device keeps working', async () => {
    const taken = await enroll({ deviceId: b.deviceId, user: 'mallory@example.com' });
    expect(taken.status).toBe(409);
    const problem = await taken.json();
    expect(problem.error).toBe('device-exists');
    expect(problem.message).toContain(`enrolled as ${b.deviceId} already`);
    expect(problem.message).toMatch(/its own token|revokes/);
    // Another device's token is no proof either.
    const other = await (await enroll({})).json();
    expect((await enroll({ deviceId: b.deviceId }, other.deviceToken)).status).toBe(409);
    expect((await send(b.deviceToken, [makeEvent()])).status).toBe(200);
    expect((await b.server.store.devices()).find((d) => d.id === b.deviceId)?.user).toBe('alice@example.com');
  });

  it('re-enrolls a device that shows its own token, with a new token (the old one stops)', async () => {
    const first = await (await enroll({ deviceId: 'laptop-rotate', user: 'carol@example.com' })).json();
    const again = await enroll({ deviceId: 'laptop-rotate', user: 'carol@example.com' }, first.deviceToken);
    expect(again.status).toBe(201);
    const second = await again.json();
    expect(second.deviceId).toBe('laptop-rotate');
    expect(second.deviceToken).not.toBe(first.deviceToken);
    expect((await send(first.deviceToken, [])).status).toBe(401);
    expect((await send(second.deviceToken, [])).status).toBe(200);
  });

  it('gives the name of a revoked device to a new enrollment (a replaced laptop keeps its asset tag)', async () => {
    const old = await (await enroll({ deviceId: 'asset-1234', user: 'dan@example.com' })).json();
    expect((await enroll({ deviceId: 'asset-1234' })).status).toBe(409);
    expect((await b.call('/api/devices/asset-1234', { method: 'DELETE', as: 'admin' })).status).toBe(200);
    const replaced = await enroll({ deviceId: 'asset-1234', user: 'dan@example.com' });
    expect(replaced.status).toBe(201);
    expect((await send((await replaced.json()).deviceToken, [])).status).toBe(200);
    expect((await send(old.deviceToken, [])).status).toBe(401);
  });

  it('lets exactly one of many enrollments racing for one new name win', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => enroll({ deviceId: 'laptop-race' }).then((r) => r.status)));
    expect(answers.filter((s) => s === 201)).toHaveLength(1);
    expect(answers.filter((s) => s === 409)).toHaveLength(7);
  });

  it("stores the device's enrolled user; another claim is kept beside it, marked unverified, and filters see the verified one", async () => {
    const same = makeEvent({ device: { id: 'x', user: 'alice@example.com' } });
    const none = makeEvent({ device: { id: 'x' } });
    const other = makeEvent({ device: { id: 'x', user: 'bob@example.com' } });
    // What a device says of verification is not taken.
    const forged = makeEvent({ device: { id: 'x', user: 'alice@example.com', claimedUser: 'nobody', userVerified: false } });
    expect(await (await send(b.deviceToken, [same, none, other, forged])).json()).toMatchObject({ accepted: 4, rejected: [] });
    const device = async (id: string) => (await (await b.call(`/api/events/${id}`, { as: 'viewer' })).json()).event.device;
    expect(await device(same.id)).toEqual({ id: b.deviceId, user: 'alice@example.com' });
    expect(await device(none.id)).toEqual({ id: b.deviceId, user: 'alice@example.com' });
    expect(await device(other.id)).toEqual({ id: b.deviceId, user: 'alice@example.com', userVerified: false, claimedUser: 'bob@example.com' });
    expect(await device(forged.id)).toEqual({ id: b.deviceId, user: 'alice@example.com' });
    const byUser = async (user: string) => ((await (await b.call(`/api/events?user=${encodeURIComponent(user)}&limit=500`, { as: 'viewer' })).json()).events as Array<{ event: { id: string } }>).map((e) => e.event.id);
    expect(await byUser('bob@example.com')).toEqual([]);
    expect(await byUser('alice@example.com')).toEqual(expect.arrayContaining([same.id, none.id, other.id]));
  });

  it('marks every claim of a device enrolled without a user as unverified, and files it under no user', async () => {
    const anon = await (await enroll({})).json();
    const e = makeEvent({ device: { id: 'x', user: 'eve@example.com' } });
    await send(anon.deviceToken, [e]);
    expect((await b.server.store.event(e.id))?.event.device).toEqual({ id: anon.deviceId, userVerified: false, claimedUser: 'eve@example.com' });
    expect((await b.server.store.events({ user: 'eve@example.com' })).events).toEqual([]);
  });

  it("makes an API token follow its creator's role: demoted, the token stops; promoted again, it works", async () => {
    expect((await b.call('/api/users', { method: 'POST', as: 'admin', json: { name: 'tina', password: PASSWORD, role: 'admin' } })).status).toBe(201);
    const login = await b.call('/api/login', { method: 'POST', json: { name: 'tina', password: PASSWORD } });
    const tina = login.headers.get('set-cookie')!.split(';')[0]!;
    const made = await (await fetch(`${b.url}/api/tokens`, { method: 'POST', headers: { Cookie: tina, Origin: b.url, 'Content-Type': 'application/json' }, body: JSON.stringify({ label: 'siem-export', role: 'admin' }) })).json();
    const asToken = (path: string, init: RequestInit = {}) => fetch(b.url + path, { ...init, headers: { Authorization: `Bearer ${made.token}`, 'Content-Type': 'application/json' } });
    // A token made with this token belongs to tina too.
    const child = await (await asToken('/api/tokens', { method: 'POST', body: JSON.stringify({ label: 'child', role: 'analyst' }) })).json();
    const asChild = (path: string) => fetch(b.url + path, { headers: { Authorization: `Bearer ${child.token}` } });
    expect((await asToken('/api/users')).status).toBe(200);
    expect((await asChild('/api/export?format=csv')).status).toBe(200);

    expect((await b.call('/api/users/tina', { method: 'PATCH', as: 'admin', json: { role: 'analyst' } })).status).toBe(200);
    expect((await asToken('/api/users')).status).toBe(401);
    expect((await asToken('/api/events')).status).toBe(401);
    expect((await asChild('/api/events')).status).toBe(401);
    const listed = (await (await b.call('/api/tokens', { as: 'admin' })).json()).tokens as Array<{ id: number; created_by: string; effective_role: string | null }>;
    expect(listed.filter((t) => t.id === made.id || t.id === child.id)).toEqual([
      expect.objectContaining({ created_by: 'tina', effective_role: null }),
      expect.objectContaining({ created_by: 'tina', effective_role: null }),
    ]);

    expect((await b.call('/api/users/tina', { method: 'PATCH', as: 'admin', json: { role: 'admin' } })).status).toBe(200);
    expect((await asToken('/api/users')).status).toBe(200);
    expect((await asChild('/api/events')).status).toBe(200);
  });
});

describe('the role of an API token', () => {
  it('is the lower of its own and its creator\'s, and none when the creator may not make tokens or is gone', () => {
    expect(tokenRole('admin', 'admin')).toBe('admin');
    expect(tokenRole('analyst', 'admin')).toBe('analyst');
    expect(tokenRole('viewer', 'admin')).toBe('viewer');
    for (const creator of ['viewer', 'analyst', 'policy_admin'] as const) expect(tokenRole('viewer', creator)).toBeUndefined();
    expect(tokenRole('admin', undefined)).toBeUndefined();
  });
});
