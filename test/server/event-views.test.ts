import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulwarkEvent } from '../../src/core/events/event';
import { SORTS } from '../../src/server/event-filter';
import type { EventFilter, EventSort, Store } from '../../src/server/store';
import { DATABASES, freshStore, makeEvent, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const HASH = 'ab'.repeat(32);
const OTHER_HASH = 'cd'.repeat(32);
const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;

/** 240 events over users (one capitalised, some none), devices, hosts, rules, categories and two keyed hashes. */
function dataset(): BulwarkEvent[] {
  return Array.from({ length: 240 }, (_, i) => {
    const user = pick(['hanasato', 'hanako', 'bob', undefined, 'Hanami'], i);
    return makeEvent({
      device: { id: user === 'Hanami' ? 'kiosk' : pick(['pc1', 'pc2', 'pc3'], i), ...(user ? { user } : {}) },
      channel: pick(['paste', 'file-upload', 'email-send', 'prompt-submit'] as const, i * 3),
      destination: { host: pick(['chatgpt.com', 'claude.ai', 'dropbox.com'], i * 7), categories: [] },
      action: pick(['warn', 'block', 'audit', 'redact'] as const, i * 11),
      outcome: pick(['sent', 'cancelled', 'redacted'] as const, i),
      rule: pick(['warn-phi', 'block-secrets', undefined], Math.floor(i / 4)),
      findings: pick(
        [
          [{ type: 'SSN', category: 'phi', count: 1, previews: [], hashes: [HASH] }],
          [{ type: 'EMAIL', category: 'pii', count: 2, previews: [], hashes: [OTHER_HASH] }],
          [{ type: 'SECRET', category: 'secret', count: 1, previews: [], hashes: [] }],
          [{ type: 'SSN', category: 'pii', count: 1, previews: [], hashes: [OTHER_HASH, HASH] }],
        ] as BulwarkEvent['findings'][],
        i * 5,
      ),
    });
  });
}

/** What a filter should find, read off the events themselves. */
function matches(f: EventFilter, e: BulwarkEvent): boolean {
  const list = (v: string | readonly string[] | undefined) => (v === undefined ? undefined : typeof v === 'string' ? [v] : v);
  const text = (v: string | readonly string[] | undefined, actual: string | undefined) =>
    list(v)?.some((x) => (x.startsWith('=') ? actual === x.slice(1) : !!actual?.toLowerCase().includes(x.toLowerCase()))) ?? true;
  const exact = (v: string | readonly string[] | undefined, actual: string) => list(v)?.includes(actual) ?? true;
  return (
    text(f.user, e.device.user) &&
    text(f.device, e.device.id) &&
    text(f.host, e.destination.host) &&
    text(f.rule, e.rule) &&
    exact(f.channel, e.channel) &&
    exact(f.action, e.action) &&
    exact(f.outcome, e.outcome) &&
    (list(f.type)?.some((t) => e.findings.some((x) => x.type === t)) ?? true) &&
    (list(f.category)?.some((c) => e.findings.some((x) => x.category === c)) ?? true) &&
    (list(f.hash)?.some((h) => e.findings.some((x) => x.hashes.includes(h))) ?? true)
  );
}

const SORT_VALUE: Record<string, (e: BulwarkEvent) => string> = {
  user: (e) => e.device.user ?? '',
  device: (e) => e.device.id,
  host: (e) => e.destination.host,
  rule: (e) => e.rule ?? '',
  channel: (e) => e.channel,
  action: (e) => e.action,
  outcome: (e) => e.outcome,
};

/** The events in a sort's order: its key, then time, all one direction. */
function sorted(events: BulwarkEvent[], sort: EventSort): string[] {
  const by = sort.replace(/^-/, '');
  const key = (e: BulwarkEvent) => [by === 'time' ? '' : SORT_VALUE[by]!(e), e.time] as const;
  const out = [...events].sort((a, b) => {
    const [ka, ta] = key(a);
    const [kb, tb] = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : ta < tb ? -1 : ta > tb ? 1 : 0;
  });
  return (sort.startsWith('-') ? out.reverse() : out).map((e) => e.id);
}

async function all(s: Store, f: EventFilter, sort?: EventSort): Promise<string[]> {
  const got: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await s.events(f, 13, cursor, sort);
    got.push(...page.events.map((e) => e.event.id));
    cursor = page.next;
  } while (cursor);
  return got;
}

describe.each(DATABASES)('events that travel, on %s', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const events = dataset();
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind, pg));
    await store.addEvents(events);
  });
  afterAll(() => dispose());

  it('matches part of a user, device, destination or rule whatever the case, the whole value after "=", several values of one filter as any of them, and counts the matches', async () => {
    const filters: EventFilter[] = [
      { user: 'hana' },
      { user: 'HANA' },
      { user: '=hanako' },
      { user: ['sato', 'bob'] },
      { device: 'pc' },
      { host: ['claude', 'dropbox'] },
      { rule: 'PHI' },
      { user: 'hana', rule: 'secrets', action: ['warn', 'block'] },
      { channel: ['paste', 'email-send'], outcome: 'sent' },
      { category: 'phi' },
      { category: ['secret', 'phi'], user: 'hana' },
      { hash: HASH },
      { hash: [OTHER_HASH], type: 'EMAIL' },
      { type: ['SECRET', 'EMAIL'] },
      { type: 'SSN', category: 'pii' },
    ];
    for (const f of filters) {
      const want = events.filter((e) => matches(f, e));
      expect(want.length, JSON.stringify(f)).toBeGreaterThan(0);
      expect(want.length, JSON.stringify(f)).toBeLessThan(events.length);
      expect(await all(store, f), JSON.stringify(f)).toEqual(sorted(want, '-time'));
      expect(await store.countEvents(f), JSON.stringify(f)).toEqual({ total: want.length, capped: false });
    }
    // Neither "%" nor "_" is a wildcard: they are looked for as they are.
    expect(await all(store, { user: '%' })).toEqual([]);
    expect(await all(store, { user: 'han_' })).toEqual([]);
    expect((await store.countEvents({})).total).toBe(events.length);
  });

  it('sorts by every column both ways and pages through the sorted events without gaps or repeats', async () => {
    // Lower-case values only, so that every collation orders them as JavaScript does.
    const f: EventFilter = { device: 'pc' };
    const want = events.filter((e) => matches(f, e));
    for (const sort of SORTS) expect(await all(store, f, sort), sort).toEqual(sorted(want, sort));
    // A cursor made for one sort is not read as another's.
    const first = await store.events(f, 5, undefined, 'user');
    expect((await store.events(f, 5, first.next, '-time')).events[0]!.event.id).toBe(sorted(want, '-time')[0]);
  });
});

describe.each(DATABASES)('the events API and saved views on %s', (kind) => {
  let b: TestBackend;
  const events = dataset();
  beforeAll(async () => {
    b = await startBackend(kind, pg);
    await b.server.store.addEvents(events);
  });
  afterAll(() => b?.close());

  const get = async (path: string, as: 'analyst' | 'viewer' = 'analyst') => {
    const r = await b.call(path, { as });
    return { status: r.status, body: await r.json() };
  };

  it('takes repeated parameters as several values, sorts, and says how many match on the first page', async () => {
    const f: EventFilter = { user: ['hana', 'bob'], category: 'phi' };
    const want = sorted(events.filter((e) => matches(f, e)), 'user');
    const first = await get('/api/events?user=hana&user=bob&category=phi&sort=user&limit=10');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: want.length, capped: false });
    expect(first.body.events.map((e: { event: BulwarkEvent }) => e.event.id)).toEqual(want.slice(0, 10));
    const second = await get(`/api/events?user=hana&user=bob&category=phi&sort=user&limit=10&cursor=${first.body.next}`);
    expect(second.body.events.map((e: { event: BulwarkEvent }) => e.event.id)).toEqual(want.slice(10, 20));
    expect(second.body.total).toBeUndefined();
    expect((await get(`/api/events?hash=${HASH}&limit=500`)).body.events).toHaveLength(events.filter((e) => matches({ hash: HASH }, e)).length);
    for (const bad of ['category=health', 'sort=score', 'hash=abc', 'action=block&action=explode'])
      expect((await get(`/api/events?${bad}`)).status, bad).toBe(400);
  });

  it('keeps each person’s saved views their own', async () => {
    const saved = await b.call('/api/views', { as: 'analyst', method: 'POST', json: { name: 'PHI, team H', query: '?user=hana&category=phi&sort=-time&cursor=abc' } });
    expect(saved.status).toBe(201);
    const view = await saved.json();
    expect(view).toMatchObject({ name: 'PHI, team H', query: 'user=hana&category=phi&sort=-time' });
    // Saved again under the same name: replaced, not doubled.
    await b.call('/api/views', { as: 'analyst', method: 'POST', json: { name: 'PHI, team H', query: 'user=hana&category=phi' } });
    expect((await get('/api/views')).body.views).toEqual([expect.objectContaining({ id: view.id, name: 'PHI, team H', query: 'user=hana&category=phi' })]);
    expect((await get('/api/views', 'viewer')).body.views).toEqual([]);
    expect((await b.call(`/api/views/${view.id}`, { as: 'viewer', method: 'DELETE' })).status).toBe(404);
    const refused = await b.call('/api/views', { as: 'viewer', method: 'POST', json: { name: 'broken', query: 'category=health' } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).issues).toEqual([{ path: 'query', message: 'filters the events view understands' }]);
    const named = await b.call('/api/views', { as: 'viewer', method: 'POST', json: { name: 'SSN 219-09-9999', query: 'category=phi' } });
    expect(named.status).toBe(400);
    expect((await named.json()).issues).toEqual([{ path: 'name', message: 'free text must not hold an identifier: redact it first' }]);
    expect((await b.call(`/api/views/${view.id}`, { as: 'analyst', method: 'DELETE' })).status).toBe(200);
    expect((await get('/api/views')).body.views).toEqual([]);
  });
});
