import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DecisionReport } from '../../../src/extension/messages';
import { BATCHING } from '../../../src/extension/background/send-schedule';

// A real HTTP server plays the backend's event endpoint; the extension is told an HTTPS URL and the test's
// fetch carries each request to this server. `down` makes it answer 503, as a backend under maintenance.
let received: { events: Record<string, unknown>[]; dropped: number }[] = [];
let down = false;
/** Every request that reached the server, taken or not; `answer` makes it say something else than 202. */
let requests = 0;
let answer: { status: number; headers?: Record<string, string> } | undefined;
let server: Server;
let local = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      requests++;
      if (down) return void res.writeHead(503).end();
      if (answer) return void res.writeHead(answer.status, answer.headers).end();
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
  // The batching timers run only when a test moves the clock: none fires into the next test.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  events = await import('../../../src/extension/background/events');
  received = [];
  down = false;
  requests = 0;
  answer = undefined;
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

const realFetch = globalThis.fetch;
const fetch = realFetch;
const sent = () => received.flatMap((r) => r.events);

describe('decision events', () => {
  it('are built, checked by the schema and delivered, with nothing raw in them', async () => {
    await fakeBrowser.storage.managed.set({ eventsUrl: 'https://events.ourpharma.example/v1/events', deviceId: 'LT-0042', user: 'j.doe@ourpharma.com' });
    await events.recordEvent(report());
    // recordEvent schedules a send a moment later; the alarm (or an administrator) sends at once.
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
    vi.setSystemTime(state.nextAttemptAt + 1);
    await events.flushEvents();
    expect(sent().map((e) => e.rule)).toEqual(['r1', 'r2', 'r3']);
    expect((await events.eventQueueState()).waiting).toBe(0);
  });
});

/** Waits for real I/O (the test server, IndexedDB) while the fake clock stands still. */
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setImmediate(r));
  }
}
/** Lets real I/O run a while, for a test that something did not happen. */
async function idle(ms = 200): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) await new Promise((r) => setImmediate(r));
}

describe('sending in batches', () => {
  beforeEach(() => fakeBrowser.storage.managed.set({ eventsUrl: 'https://events.ourpharma.example/v1/events' }));

  it('events made together go in one request, a quiet moment after the last one', async () => {
    for (const rule of ['r1', 'r2', 'r3']) await events.recordEvent(report({ rule }));
    await idle();
    expect(requests).toBe(0);
    await vi.advanceTimersByTimeAsync(BATCHING.quietMs);
    await until(() => received.length > 0);
    expect(received.map((r) => r.events.map((e) => e.rule))).toEqual([['r1', 'r2', 'r3']]);
  });

  it('a steady trickle of events waits no longer than the bound after the first', async () => {
    const step = BATCHING.quietMs - 100;
    let elapsed = 0;
    await events.recordEvent(report());
    while (elapsed + step < BATCHING.maxWaitMs) {
      await vi.advanceTimersByTimeAsync(step);
      elapsed += step;
      await events.recordEvent(report());
    }
    await idle();
    expect(requests).toBe(0);
    await vi.advanceTimersByTimeAsync(BATCHING.maxWaitMs - elapsed);
    await until(() => received.length > 0);
    expect(received).toHaveLength(1);
    expect(received[0]!.events.length).toBeGreaterThan(2);
  });

  it('a full batch goes at once, in one request', async () => {
    for (let i = 0; i < BATCHING.sendAtCount; i++) await events.recordEvent(report());
    await until(() => sent().length === BATCHING.sendAtCount);
    expect(requests).toBe(1);
  });

  it('a back-off ends with a send while the worker lives', async () => {
    answer = { status: 503, headers: { 'Retry-After': '10' } };
    await events.recordEvent(report());
    await vi.advanceTimersByTimeAsync(BATCHING.quietMs);
    await until(() => requests === 1);
    answer = undefined;
    await idle();
    await vi.advanceTimersByTimeAsync(10_000);
    await until(() => sent().length === 1);
  });
});

describe('backing off while the backend is away or busy', () => {
  beforeEach(() => fakeBrowser.storage.managed.set({ eventsUrl: 'https://events.ourpharma.example/v1/events' }));

  it('503 with Retry-After in seconds: no try before then, not even from a worker started again; a success resets', async () => {
    answer = { status: 503, headers: { 'Retry-After': '120' } };
    await events.recordEvent(report());
    await events.flushEvents();
    const state = await events.eventQueueState();
    expect(state).toMatchObject({ waiting: 1, failures: 1, nextAttemptAt: Date.now() + 120_000 });
    answer = undefined;
    // The service worker is stopped and started: its memory is gone, the next attempt's time is not.
    vi.clearAllTimers();
    vi.resetModules();
    events = await import('../../../src/extension/background/events');
    await events.flushEvents();
    vi.setSystemTime(Date.now() + 119_000);
    await events.flushEvents();
    expect(requests).toBe(1);
    vi.setSystemTime(Date.now() + 1_000);
    expect(await events.flushEvents()).toEqual({ sent: 1, waiting: 0 });
    expect(await events.eventQueueState()).toMatchObject({ failures: 0, nextAttemptAt: 0 });
  });

  it('429 with Retry-After as an HTTP date; a wait longer than the cap is capped', async () => {
    answer = { status: 429, headers: { 'Retry-After': new Date(Date.now() + 90_000).toUTCString() } };
    await events.recordEvent(report());
    await events.flushEvents();
    const wait = (await events.eventQueueState()).nextAttemptAt - Date.now();
    expect(wait).toBeGreaterThan(89_000);
    expect(wait).toBeLessThanOrEqual(90_000);
    answer = { status: 503, headers: { 'Retry-After': '86400' } };
    vi.setSystemTime(Date.now() + wait);
    await events.flushEvents();
    expect((await events.eventQueueState()).nextAttemptAt - Date.now()).toBe(5 * 60_000);
  });

  it('without Retry-After: exponential with jitter, never beyond the cap', async () => {
    down = true;
    await events.recordEvent(report());
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      await events.flushEvents();
      const { nextAttemptAt } = await events.eventQueueState();
      waits.push(nextAttemptAt - Date.now());
      vi.setSystemTime(nextAttemptAt);
    }
    expect(requests).toBe(12);
    for (const w of waits) expect(w > 0 && w <= 5 * 60_000).toBe(true);
    expect((await events.eventQueueState()).failures).toBe(12);
  });
});
