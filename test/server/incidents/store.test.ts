import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../src/server/audit-chain';
import type { Store } from '../../../src/server/store';
import { DATABASES, freshStore, makeEvent } from '../harness';
import { startPostgres, type TestPostgres } from '../postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const DAY = '2026-11-05';
const at = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`;
const gmail = { host: 'mail.google.com', categories: ['webmail' as const] };
const bob = { id: 'laptop-bob', user: 'bob@example.com' };

describe.each(DATABASES)('incidents made at ingest on %s', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind, pg));
  });
  afterAll(() => dispose());

  const incidentsOf = async (user: string) => (await store.incidents.list({ user })).incidents;

  it('groups the events of one user, rule and UTC day into one incident, and leaves out what needs no review', async () => {
    const user = { id: 'laptop-1', user: 'grouped@example.com' };
    await store.addEvents([
      makeEvent({ device: user, time: at('09:00'), destination: gmail }),
      makeEvent({ device: user, time: at('17:30'), destination: { host: 'chatgpt.com', categories: ['generative-ai'] } }),
      makeEvent({ device: user, time: at('23:59') }),
      makeEvent({ device: user, time: `2026-11-06T00:00:00.000Z` }),
      makeEvent({ device: user, time: at('10:00'), rule: 'warn-secrets', action: 'warn', outcome: 'sent' }),
      makeEvent({ device: user, time: at('11:00'), rule: 'audit-pii', action: 'audit', outcome: 'sent' }),
      makeEvent({ device: user, time: at('12:00'), rule: 'warn-secrets', action: 'warn', outcome: 'cancelled' }),
    ]);
    const found = await incidentsOf('grouped@example.com');
    expect(found.map((i) => [i.day, i.rule, i.eventCount, i.status])).toEqual([
      ['2026-11-06', 'block-phi-to-ai', 1, 'new'],
      ['2026-11-05', 'block-phi-to-ai', 3, 'new'],
      ['2026-11-05', 'warn-secrets', 1, 'new'],
    ]);
    const day = found[1]!;
    // The gravest of its events: SSN (health data) to an AI assistant.
    expect(day.severity).toBe('high');
    expect([day.firstEventMs, day.lastEventMs]).toEqual([Date.parse(at('09:00')), Date.parse(at('23:59'))]);
    expect((await store.incidents.events(day.id)).map((e) => e.event.time)).toEqual([at('09:00'), at('17:30'), at('23:59')]);
  });

  it('counts a re-sent event once, even when two copies of a batch arrive together', async () => {
    const device = { id: 'laptop-2', user: 'resent@example.com' };
    const batch = [makeEvent({ device, time: at('08:00') }), makeEvent({ device, time: at('08:05') })];
    await store.addEvents(batch);
    await store.addEvents(batch);
    const racing = [makeEvent({ device, time: at('08:10') }), makeEvent({ device, time: at('08:15') })];
    await Promise.all([store.addEvents(racing), store.addEvents(racing), store.addEvents([...racing, ...batch])]);
    const [incident, ...more] = await incidentsOf('resent@example.com');
    expect(more).toEqual([]);
    expect(incident!.eventCount).toBe(4);
    expect(await store.incidents.events(incident!.id)).toHaveLength(4);
  });

  it('stores events and their incident in one transaction: when the incident cannot be written, neither is the event', async () => {
    const refuse =
      kind === 'sqlite'
        ? [`CREATE TRIGGER refuse_incidents BEFORE INSERT ON incidents BEGIN SELECT RAISE(ABORT, 'no incidents today'); END`]
        : [
            `CREATE FUNCTION refuse_incidents() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no incidents today'; END $$`,
            `CREATE TRIGGER refuse_incidents BEFORE INSERT ON incidents FOR EACH ROW EXECUTE FUNCTION refuse_incidents()`,
          ];
    for (const s of refuse) await store.db.run(s);
    const device = { id: 'laptop-3', user: 'atomic@example.com' };
    const blocked = makeEvent({ device, time: at('07:00') });
    const before = await store.eventCount();
    await expect(store.addEvents([blocked, makeEvent({ device, time: at('07:01'), rule: 'audit-pii', action: 'audit', outcome: 'sent' })])).rejects.toThrow(/no incidents today/);
    expect(await store.eventCount()).toBe(before);
    expect(await store.event(blocked.id)).toBeUndefined();
    await store.db.run(kind === 'sqlite' ? 'DROP TRIGGER refuse_incidents' : 'DROP TRIGGER refuse_incidents ON incidents');
    await store.addEvents([blocked]);
    expect((await incidentsOf('atomic@example.com')).map((i) => i.eventCount)).toEqual([1]);
  });

  it("follows the published rule's incident and severity options", async () => {
    const policy = {
      version: 41,
      rules: [
        { id: 'audit-source', match: { categories: ['ip'] }, action: 'audit', incident: true, severity: 'critical' },
        { id: 'block-quietly', match: { categories: ['pii'] }, action: 'block', incident: false },
      ],
    };
    await store.publishPolicy({ version: 41, doc: { policy, signature: '' }, publishedMs: Date.now(), publishedBy: 'test', note: '' });
    const device = { id: 'laptop-4', user: 'options@example.com' };
    await store.addEvents([
      makeEvent({ device, time: at('06:00'), policyVersion: 41, rule: 'audit-source', action: 'audit', outcome: 'sent', destination: gmail }),
      makeEvent({ device, time: at('06:01'), policyVersion: 41, rule: 'block-quietly' }),
      // The same rule id under a version the server never published: the default applies.
      makeEvent({ device, time: at('06:02'), policyVersion: 40, rule: 'block-quietly', destination: gmail }),
    ]);
    expect((await incidentsOf('options@example.com')).map((i) => [i.rule, i.severity])).toEqual([
      ['block-quietly', 'medium'],
      ['audit-source', 'critical'],
    ]);
  });

  it('lets bulk changes and batches of events on the same incidents run together, each counted once', async () => {
    const device = { id: 'laptop-6', user: 'busy@example.com' };
    const dayOf = (d: number) => `2026-09-${String(d + 10).padStart(2, '0')}T12:00:00.000Z`;
    await store.addEvents(Array.from({ length: 6 }, (_, d) => makeEvent({ device, time: dayOf(d), destination: gmail })));
    const ids = (await incidentsOf('busy@example.com')).map((i) => i.id);
    const batch = () => Array.from({ length: 6 }, (_, d) => makeEvent({ device, time: dayOf(5 - d), destination: gmail }));
    await Promise.all([
      ...Array.from({ length: 4 }, () => store.addEvents(batch())),
      store.incidents.change(ids, { status: 'investigating' }, 'analyst'),
      store.incidents.change(ids.toReversed(), { owner: 'admin' }, 'admin'),
    ]);
    const after = await incidentsOf('busy@example.com');
    expect(after.map((i) => [i.eventCount, i.status, i.owner])).toEqual(ids.map(() => [5, 'investigating', 'admin']));
  });

  it('lists with filters, paging and totals per status', async () => {
    const device = { id: 'laptop-5', user: 'listed@example.com' };
    await store.addEvents(Array.from({ length: 5 }, (_, i) => makeEvent({ device, time: `2026-10-0${i + 1}T12:00:00.000Z`, destination: gmail })));
    const all = await store.incidents.list({ user: 'listed@example.com' }, 2, 0);
    expect(all.total).toBe(5);
    expect(all.incidents.map((i) => i.day)).toEqual(['2026-10-05', '2026-10-04']);
    expect((await store.incidents.list({ user: 'listed@example.com' }, 2, 4)).incidents.map((i) => i.day)).toEqual(['2026-10-01']);
    await store.incidents.change([all.incidents[0]!.id], { status: 'investigating', owner: 'analyst' }, 'analyst');
    const investigating = await store.incidents.list({ user: 'listed@example.com', status: 'investigating' });
    expect(investigating.total).toBe(1);
    expect(investigating.byStatus).toMatchObject({ new: 4, investigating: 1, resolved: 0 });
    expect((await store.incidents.list({ user: 'listed@example.com', owner: 'analyst' })).total).toBe(1);
    expect((await store.incidents.list({ user: 'listed@example.com', severity: 'medium' })).total).toBe(5);
    expect((await store.incidents.list({ user: 'listed@example.com', severity: 'high' })).total).toBe(0);
    expect((await store.incidents.list({ user: 'listed@example.com', rule: 'no-such-rule' })).total).toBe(0);
  });

  it('writes each change with its audit entry, leaves what is already so alone, and changes nothing when an id is unknown', async () => {
    await store.addEvents([makeEvent({ device: bob, time: at('13:00'), destination: gmail }), makeEvent({ device: bob, time: at('13:00'), rule: 'other-rule', destination: gmail })]);
    const found = await incidentsOf('bob@example.com');
    const [a, b] = [found.find((i) => i.rule === 'block-phi-to-ai'), found.find((i) => i.rule === 'other-rule')];
    const changed = await store.incidents.change([a!.id, b!.id], { status: 'investigating' }, 'analyst');
    expect(changed.incidents.map((i) => i.status)).toEqual(['investigating', 'investigating']);
    expect((await store.incidents.change([a!.id, 999_999], { status: 'resolved' }, 'analyst')).missing).toEqual([999_999]);
    expect((await store.incidents.get(a!.id))!.status).toBe('investigating');
    await store.incidents.change([a!.id], { status: 'investigating' }, 'analyst');
    await store.incidents.change([a!.id], { severity: 'low', verdict: 'Test data only', owner: 'analyst' }, 'admin');
    const comment = await store.incidents.comment(a!.id, 'analyst', 'Asked the employee what the file was');
    expect(await store.incidents.comment(999_999, 'analyst', 'lost')).toBeUndefined();
    expect(await store.incidents.comments(a!.id)).toEqual([comment]);
    const history = await store.incidents.history(a!.id);
    expect(history.map((h) => [h.actor, h.action, h.detail])).toEqual([
      ['analyst', 'incident.change', { from: { status: 'new' }, to: { status: 'investigating' }, bulk: 2 }],
      ['admin', 'incident.change', { from: { owner: null, severity: 'medium', verdict: null }, to: { owner: 'analyst', severity: 'low', verdict: 'Test data only' } }],
      ['analyst', 'incident.comment', { comment: comment!.id, text: 'Asked the employee what the file was' }],
    ]);
    expect(verifyChain(await store.audit()).ok).toBe(true);
    // Set by hand: a graver event the same day no longer raises it.
    await store.addEvents([makeEvent({ device: bob, time: at('14:00'), destination: { host: 'chatgpt.com', categories: ['generative-ai'] } })]);
    expect(await store.incidents.get(a!.id)).toMatchObject({ severity: 'low', severityByHand: true, eventCount: 2, status: 'investigating' });
  });
});
