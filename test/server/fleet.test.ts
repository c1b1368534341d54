import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { EXTENSION_VERSION_HEADER, POLICY_VERSION_HEADER } from '../../src/core/fleet/running';
import { newToken, tokenHash } from '../../src/server/secrets';
import { DATABASES, makeEvent, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const DAY = 86_400_000;

describe.each(DATABASES)('rollout: what each device runs, and the fleet, on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pg);
  });
  afterAll(() => b.close());

  /** A device enrolled straight in the store; its token. */
  const enroll = async (id: string) => {
    const token = newToken('bwd');
    await b.server.store.enrollDevice(id, tokenHash(token), `${id}@example.com`);
    return token;
  };
  const as = (token: string, running: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, ...running });
  const fetchPolicy = (token: string, running?: Record<string, string>) => fetch(`${b.url}/api/device/policy`, { headers: as(token, running) });
  const sendEvents = (token: string, running: Record<string, string>, dropped = 0) =>
    fetch(`${b.url}/api/device/events`, { method: 'POST', headers: { ...as(token, running), 'Content-Type': 'application/json' }, body: JSON.stringify({ events: [makeEvent()], dropped }) });
  const device = async (id: string) => (await (await b.call('/api/devices', { as: 'analyst' })).json()).devices.find((d: { id: string }) => d.id === id);
  const fleet = async (query = '') => (await b.call(`/api/fleet${query}`, { as: 'analyst' })).json();

  it('records the policy and extension versions a device says it runs, at policy fetches and event batches', async () => {
    const token = await enroll('laptop-versions');
    expect(await device('laptop-versions')).toMatchObject({ policyVersion: null, extensionVersion: null, lastSeenMs: null, droppedTotal: 0 });
    expect((await fetchPolicy(token, { [EXTENSION_VERSION_HEADER]: '0.1.0', [POLICY_VERSION_HEADER]: '1' })).status).toBe(200);
    const first = await device('laptop-versions');
    expect(first).toMatchObject({ policyVersion: 1, extensionVersion: '0.1.0' });
    expect(first.lastSeenMs).toBeGreaterThan(Date.now() - 60_000);
    // Within the minute, a change of version is written all the same (not held back like the last contact).
    expect((await sendEvents(token, { [EXTENSION_VERSION_HEADER]: '0.2.0', [POLICY_VERSION_HEADER]: '3' }, 4)).status).toBe(200);
    expect(await device('laptop-versions')).toMatchObject({ policyVersion: 3, extensionVersion: '0.2.0', droppedTotal: 4 });
    // An older extension says nothing: what is known stays; a value that is no version is ignored, the request served.
    expect((await sendEvents(token, {})).status).toBe(200);
    expect((await fetchPolicy(token, { [EXTENSION_VERSION_HEADER]: '<script>', [POLICY_VERSION_HEADER]: 'v9' })).status).toBe(200);
    expect(await device('laptop-versions')).toMatchObject({ policyVersion: 3, extensionVersion: '0.2.0' });
  });

  it('sums the fleet: how many run the published policy, which versions, how many went quiet', async () => {
    // A fleet of its own: revoke what the other test and the harness enrolled.
    for (const d of (await (await b.call('/api/devices', { as: 'admin' })).json()).devices) await b.call(`/api/devices/${d.id}`, { method: 'DELETE', as: 'admin' });
    const v1 = { [EXTENSION_VERSION_HEADER]: '0.1.0', [POLICY_VERSION_HEADER]: '1' };
    const tokens = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => enroll(`fleet-${n}`)));
    for (const t of tokens.slice(0, 4)) await fetchPolicy(t, v1);
    const published = await (await b.call('/api/policies', { method: 'POST', as: 'admin', json: { policy: { ...DEFAULT_POLICY, version: undefined }, note: 'v2' } })).json();
    expect(published.version).toBe(2);
    // Two pick it up (with a newer extension), two stay on v1, one has not been heard from in 10 days.
    for (const t of tokens.slice(0, 2)) await sendEvents(t, { [EXTENSION_VERSION_HEADER]: '0.2.0', [POLICY_VERSION_HEADER]: '2' });
    await b.server.store.deviceSeen('fleet-e', 0, { extensionVersion: '0.1.0', policyVersion: 1 }, Date.now() - 10 * DAY);

    const summary = await fleet();
    // The oracle: the same figures counted here from what each device was made to say.
    expect(summary).toEqual({
      policyVersion: 2,
      devices: 5,
      onCurrentPolicy: 2,
      stale: 1,
      staleDays: 7,
      policyVersions: [
        { version: 2, devices: 2 },
        { version: 1, devices: 3 },
      ],
      extensionVersions: [
        { version: '0.2.0', devices: 2 },
        { version: '0.1.0', devices: 3 },
      ],
    });
    expect((await fleet('?staleDays=30')).stale).toBe(0);
    expect((await b.call('/api/fleet?staleDays=0', { as: 'analyst' })).status).toBe(400);
    expect((await b.call('/api/fleet', { as: 'viewer' })).status).toBe(403);
  });
});
