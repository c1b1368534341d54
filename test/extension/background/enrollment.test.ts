import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DecisionReport } from '../../../src/extension/messages';
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
