import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DecisionReport } from '../../../src/extension/messages';

// A real HTTP server plays the backend's event endpoint; the extension is told an HTTPS URL and the test's
// fetch carries each request to this server. `down` makes it answer 503, as a backend under maintenance.
let received: { events: Record<string, unknown>[]; dropped: number }[] = [];
let down = false;
let server: Server;
let local = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      if (down) return void res.writeHead(503).end();
      received.push(JSON.parse(body));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const PLANTED = ['219-09-9999', '48213377', 'maria.gonzalez'];
const report = (over: Partial<DecisionReport> = {}): DecisionReport => ({
  channel: 'email-send',
  host: 'mail.google.com',
  action: 'warn',
  rule: 'warn-phi',
  outcome: 'sent',
  justification: 'Her SSN [SSN] is needed by the insurer',
  findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['2••-••-••99'], hashes: [] }],
  recipientDomains: ['partner-clinic.com'],
  ...over,
});

let events: typeof import('../../../src/extension/background/events');
beforeEach(async () => {
  fakeBrowser.reset();
  // WXT's fake browser has no manifest; the built extension's says this.
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Bulwark', version: '0.1.0' });
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  vi.stubGlobal('fetch', (_url: string, init: RequestInit) => fetch.call(globalThis, local, init));
  events = await import('../../../src/extension/background/events');
  received = [];
  down = false;
});

const realFetch = globalThis.fetch;
const fetch = realFetch;
const sent = () => received.flatMap((r) => r.events);

describe('decision events', () => {
  it('are built, checked by the schema and delivered, with nothing raw in them', async () => {
    await fakeBrowser.storage.managed.set({ eventsUrl: 'https://events.ourpharma.example/v1/events', deviceId: 'LT-0042', user: 'j.doe@ourpharma.com' });
    await events.recordEvent(report());
    // recordEvent starts a flush without waiting for it; a second flush waits for the running one.
    await events.flushEvents();
    expect(sent()).toHaveLength(1);
    expect(sent()[0]).toMatchObject({ device: { id: 'LT-0042', user: 'j.doe@ourpharma.com' }, channel: 'email-send', destination: { host: 'mail.google.com', categories: ['webmail'] }, recipientDomains: ['partner-clinic.com'], rule: 'warn-phi', outcome: 'sent' });
    for (const v of PLANTED) expect(JSON.stringify(received)).not.toContain(v);
  });

  it('refuses to store an event that carries a raw value', async () => {
    await events.recordEvent(report({ justification: 'Her SSN 219-09-9999 is needed', findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['219-09-9999'], hashes: [] }] }));
    expect((await events.eventQueueState()).waiting).toBe(0);
  });

  it('wait on the device while no events URL is set, and go once it is', async () => {
    for (let i = 0; i < 3; i++) await events.recordEvent(report());
    expect((await events.eventQueueState()).waiting).toBe(3);
    await fakeBrowser.storage.managed.set({ eventsUrl: 'https://events.ourpharma.example/v1/events' });
    expect(await events.flushEvents()).toEqual({ sent: 3, waiting: 0 });
  });

  it('survive a backend outage and arrive exactly once, in order, when it is back', async () => {
    await fakeBrowser.storage.managed.set({ eventsUrl: 'https://events.ourpharma.example/v1/events' });
    down = true;
    for (const rule of ['r1', 'r2', 'r3']) await events.recordEvent(report({ rule }));
    await events.flushEvents();
    expect(received).toEqual([]);
    const state = await events.eventQueueState();
    expect(state).toMatchObject({ waiting: 3 });
    expect(state.failures).toBeGreaterThan(0);
    down = false;
    // The backoff holds the next try back; time passes (as for the alarm) and the flush goes.
    vi.useFakeTimers({ now: state.nextAttemptAt + 1, toFake: ['Date'] });
    await events.flushEvents();
    vi.useRealTimers();
    expect(sent().map((e) => e.rule)).toEqual(['r1', 'r2', 'r3']);
    expect((await events.eventQueueState()).waiting).toBe(0);
  });
});
