import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DecisionReport } from '../../../src/extension/messages';
import { newToken, tokenHash } from '../../../src/server/secrets';
import { startBackend, type TestBackend } from '../../server/harness';

// The background against the real backend (SQLite): enrollment, the device token on every batch, revocation.
let b: TestBackend;
beforeAll(async () => {
  b = await startBackend('sqlite');
});
afterAll(() => b.close());

const report: DecisionReport = { channel: 'paste', host: 'chatgpt.com', action: 'block', rule: 'r', outcome: 'cancelled', findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['•••-••-••99'], hashes: [] }] };

let events: typeof import('../../../src/extension/background/events');
let enrollment: typeof import('../../../src/extension/background/enrollment');
beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Bulwark', version: '0.1.0' });
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  events = await import('../../../src/extension/background/events');
  enrollment = await import('../../../src/extension/background/enrollment');
});

const stored = async () => (await b.server.store.events({ device: (await enrollment.enrollment())?.deviceId ?? '-' }, 100)).events;

describe('enrollment with the backend', () => {
  it('enrolls once with the managed token and sends events with its own device token', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken, user: 'dora@ourpharma.example' });
    await events.recordEvent(report);
    await events.flushEvents();
    const held = await enrollment.enrollment();
    expect(held).toMatchObject({ serverUrl: b.url, deviceToken: expect.stringMatching(/^bwd_/) });
    expect((await stored()).map((s) => s.event.device)).toEqual([{ id: held!.deviceId, user: 'dora@ourpharma.example' }]);
  });

  it('tells the server which extension and central policy versions it runs, at policy fetches and event batches', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken, user: 'ola@ourpharma.example' });
    const policy = await import('../../../src/extension/background/policy');
    const device = async () => {
      const id = (await enrollment.enrollment())!.deviceId;
      return (await b.server.store.devices()).find((d) => d.id === id)!;
    };
    // The first fetch: the bundled policy is in force, so only the extension's version is told.
    expect(await policy.refreshCentralPolicy()).toMatchObject({ status: 'updated', version: 1 });
    expect(await device()).toMatchObject({ extensionVersion: '0.1.0', policyVersion: null });
    // The central policy v1 is in force now: the next batch says so.
    await events.recordEvent(report);
    await events.flushEvents();
    expect(await device()).toMatchObject({ extensionVersion: '0.1.0', policyVersion: 1 });
  });

  it('enrolls again when the device was revoked, and delivers what waited once', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken });
    await events.flushEvents();
    const first = (await enrollment.enrollment())!;
    expect((await b.call(`/api/devices/${first.deviceId}`, { method: 'DELETE', as: 'admin' })).status).toBe(200);
    await events.recordEvent(report);
    await events.flushEvents();
    const second = (await enrollment.enrollment())!;
    expect(second.deviceId).toBe(first.deviceId);
    expect(second.deviceToken).not.toBe(first.deviceToken);
    expect(await stored()).toHaveLength(1);
    expect((await events.eventQueueState()).waiting).toBe(0);
  });

  it('enrolls itself again, with its own token, when its user changes, so that its events stay verified', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken, user: 'hank@ourpharma.example' });
    await events.flushEvents();
    const first = (await enrollment.enrollment())!;
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken, user: 'ida@ourpharma.example' });
    await events.recordEvent(report);
    await events.flushEvents();
    const second = (await enrollment.enrollment())!;
    expect(second.deviceId).toBe(first.deviceId);
    expect(second.deviceToken).not.toBe(first.deviceToken);
    expect((await stored()).map((s) => s.event.device)).toEqual([{ id: first.deviceId, user: 'ida@ourpharma.example' }]);
    expect((await b.server.store.devices()).find((d) => d.id === first.deviceId)?.user).toBe('ida@ourpharma.example');
  });

  it('keeps its name through a revocation even when an older version enrolled it', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken });
    await events.flushEvents();
    const first = (await enrollment.enrollment())!;
    // An older version kept only the enrollment itself.
    await fakeBrowser.storage.local.remove('bulwark.enrolledDeviceId');
    await b.call(`/api/devices/${first.deviceId}`, { method: 'DELETE', as: 'admin' });
    await events.recordEvent(report);
    await events.flushEvents();
    expect((await enrollment.enrollment())!.deviceId).toBe(first.deviceId);
    expect(await stored()).toHaveLength(1);
  });

  it('cannot take over a live device by naming it: it enrolls under a name the server gives, and the real device keeps working', async () => {
    const realToken = newToken('bwd');
    expect(await b.server.store.enrollDevice('asset-4711', tokenHash(realToken), 'erin@ourpharma.example')).toBe(true);
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken, deviceId: 'asset-4711', user: 'mallory@ourpharma.example' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await events.recordEvent(report);
    await events.flushEvents();
    expect((await events.eventQueueState()).waiting).toBe(0);
    const held = (await enrollment.enrollment())!;
    expect(held.deviceId).not.toBe('asset-4711');
    expect(held.deviceId).toMatch(/^device-[0-9a-f-]{36}$/);
    expect(warn.mock.calls.flat().join('\n')).toMatch(/another enrolled device is named asset-4711; an administrator can revoke it/);
    warn.mockRestore();
    // The real asset-4711 still sends with its own token; its events keep its own user.
    const real = await fetch(`${b.url}/api/device/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${realToken}` }, body: JSON.stringify({ events: [] }) });
    expect(real.status).toBe(200);
    expect((await b.server.store.devices()).find((d) => d.id === 'asset-4711')).toMatchObject({ user: 'erin@ourpharma.example', revoked: false });
  });

  it('takes the name the administrator gives once the old device holding it was revoked (a replaced laptop)', async () => {
    const oldToken = newToken('bwd');
    await b.server.store.enrollDevice('asset-0815', tokenHash(oldToken), 'frank@ourpharma.example');
    expect((await b.call('/api/devices/asset-0815', { method: 'DELETE', as: 'admin' })).status).toBe(200);
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken, deviceId: 'asset-0815', user: 'frank@ourpharma.example' });
    await events.recordEvent(report);
    await events.flushEvents();
    expect((await enrollment.enrollment())!.deviceId).toBe('asset-0815');
    expect((await stored()).map((s) => s.event.device)).toEqual([{ id: 'asset-0815', user: 'frank@ourpharma.example' }]);
  });

  it("enrolls with the browser's signed-in profile as the user when managed settings name none", async () => {
    (fakeBrowser as unknown as { identity: unknown }).identity = { getProfileUserInfo: async () => ({ email: 'grace@ourpharma.example', id: '1' }) };
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken });
    await events.recordEvent(report);
    await events.flushEvents();
    expect((await stored()).map((s) => s.event.device.user)).toEqual(['grace@ourpharma.example']);
    delete (fakeBrowser as unknown as { identity?: unknown }).identity;
  });

  it('sets aside an event the backend refuses alone (an older version let a NUL through), and delivers the rest once', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken });
    await events.recordEvent(report);
    const { EventQueue } = await import('../../../src/extension/background/queue');
    const queue = await EventQueue.open<Record<string, unknown>>('bulwark-events');
    const [good] = await queue.peek();
    await queue.add({ ...good, id: crypto.randomUUID(), rule: 'r\u0000' });
    await events.recordEvent(report);
    await events.flushEvents();
    expect(await events.eventQueueState()).toMatchObject({ waiting: 0, refused: 1 });
    expect(await stored()).toHaveLength(2);
    await events.flushEvents();
    expect(await stored()).toHaveLength(2);
  });

  it('keeps events on the device when the enrollment token was revoked meanwhile', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: b.enrollmentToken });
    await events.flushEvents();
    const held = (await enrollment.enrollment())!;
    const tokens = (await (await b.call('/api/enrollment-tokens', { as: 'admin' })).json()).tokens as Array<{ id: number; label: string }>;
    for (const t of tokens) await b.call(`/api/enrollment-tokens/${t.id}`, { method: 'DELETE', as: 'admin' });
    await b.call(`/api/devices/${held.deviceId}`, { method: 'DELETE', as: 'admin' });
    await events.recordEvent(report);
    expect(await events.flushEvents()).toEqual({ sent: 0, waiting: 1 });
    expect(await enrollment.enrollment()).toBeUndefined();
  });

  it('does not enroll with a wrong token; events wait on the device', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: b.url, enrollmentToken: 'bwe_not-a-token-the-server-made' });
    await events.recordEvent(report);
    expect(await events.flushEvents()).toEqual({ sent: 0, waiting: 1 });
    expect(await enrollment.enrollment()).toBeUndefined();
  });
});
