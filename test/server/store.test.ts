import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulwarkEvent } from '../../src/core/events/event';
import { verifyChain } from '../../src/server/audit-chain';
import { outliers, stats } from '../../src/server/insights';
import type { EventFilter, Store } from '../../src/server/store';
import { DATABASES, freshStore, makeEvent } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

describe.each(DATABASES)('the store on %s', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind, pg));
  });
  afterAll(() => dispose());

  it('stores an event once, however often it is sent', async () => {
    const batch = [makeEvent(), makeEvent(), makeEvent()];
    expect(await store.addEvents(batch)).toEqual({ inserted: 3, duplicates: 0, expired: 0 });
    expect(await store.addEvents([...batch, makeEvent()])).toEqual({ inserted: 1, duplicates: 3, expired: 0 });
    // The same batch twice at the same time (two retries racing): still once.
    const again = [makeEvent(), makeEvent()];
    const results = await Promise.all([store.addEvents(again), store.addEvents(again)]);
    expect(results.map((r) => r.inserted).sort()).toEqual([0, 2]);
    expect(await store.eventCount()).toBe(6);
    expect((await store.event(batch[1]!.id))?.event).toEqual(batch[1]);
  });

  it('counts a numbered setting up once per change, however many change it at once (the protected-data version)', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => store.incrementSetting('test.counter')));
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await store.setting('test.counter')).toBe('20');
  });

  it('pages through events newest first without gaps or repeats, even while new ones arrive', async () => {
    const { store: s, dispose: d } = await freshStore(kind, pg);
    try {
      const events = Array.from({ length: 120 }, () => makeEvent());
      await s.addEvents(events);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await s.events({}, 50, cursor);
        seen.push(...page.events.map((e) => e.event.id));
        cursor = page.next;
        await s.addEvents([makeEvent({ time: new Date(Date.UTC(2027, 0, 1) + seen.length).toISOString() })]);
      } while (cursor);
      expect(seen).toEqual(events.map((e) => e.id).reverse());
    } finally {
      await d();
    }
  });

  it('filters by every field exactly as a plain reading of the events would', async () => {
    const { store: s, dispose: d } = await freshStore(kind, pg);
    try {
      const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
      const events: BulwarkEvent[] = Array.from({ length: 300 }, (_, i) =>
        makeEvent({
          device: { id: pick(['d1', 'd2', 'd3'], i), user: pick(['ann', 'bob', undefined], Math.floor(i / 2)) },
          channel: pick(['paste', 'file-upload', 'email-send', 'prompt-submit'] as const, i * 3),
          destination: { host: pick(['chatgpt.com', 'mail.google.com', 'dropbox.com'], i * 5), categories: [] },
          action: pick(['warn', 'block', 'audit', 'redact'] as const, i * 11),
          outcome: pick(['sent', 'cancelled', 'redacted'] as const, i),
          rule: pick(['r1', 'r2', undefined], Math.floor(i / 3)),
          findings: pick(
            [
              [{ type: 'SSN', category: 'phi', count: 1, previews: [], hashes: [] }],
              [{ type: 'EMAIL', category: 'pii', count: 2, previews: [], hashes: [] }, { type: 'PERSON', category: 'pii', count: 1, previews: [], hashes: [] }],
              [],
            ] as BulwarkEvent['findings'][],
            i * 17,
          ),
        }),
      );
      await s.addEvents(events);
      const times = events.map((e) => Date.parse(e.time)).sort((a, b) => a - b);
      const filters: EventFilter[] = [
        { user: 'ann' },
        { device: 'd2' },
        { host: 'dropbox.com' },
        { channel: 'email-send' },
        { type: 'PERSON' },
        { type: 'SSN', action: 'block' },
        { rule: 'r2', outcome: 'sent' },
        { action: 'redact', host: 'chatgpt.com' },
        { from: times[50], to: times[120] },
        { type: 'EMAIL', from: times[100], user: 'bob' },
      ];
      const oracle = (f: EventFilter, e: BulwarkEvent) =>
        (f.user === undefined || e.device.user === f.user) &&
        (f.device === undefined || e.device.id === f.device) &&
        (f.host === undefined || e.destination.host === f.host) &&
        (f.channel === undefined || e.channel === f.channel) &&
        (f.type === undefined || e.findings.some((x) => x.type === f.type)) &&
        (f.rule === undefined || e.rule === f.rule) &&
        (f.action === undefined || e.action === f.action) &&
        (f.outcome === undefined || e.outcome === f.outcome) &&
        (f.from === undefined || Date.parse(e.time) >= f.from) &&
        (f.to === undefined || Date.parse(e.time) < f.to);
      for (const f of filters) {
        const got: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await s.events(f, 37, cursor);
          got.push(...page.events.map((e) => e.event.id));
          cursor = page.next;
        } while (cursor);
        const want = events.filter((e) => oracle(f, e)).map((e) => e.id).reverse();
        expect(want.length, JSON.stringify(f)).toBeGreaterThan(0);
        expect(got, JSON.stringify(f)).toEqual(want);
      }
      // The charts' daily counts add up to the events stored.
      const st = await stats(s, times[0]!, times.at(-1)!);
      const total = st.byDay.reduce((n, d) => n + Object.entries(d).reduce((m, [k, v]) => (k === 'day' ? m : m + (v as number)), 0), 0);
      expect(total).toBe(300);
      expect(st.topHosts.map((h) => h.n).reduce((a, b) => a + b)).toBe(300);
    } finally {
      await d();
    }
  });

  it('keeps the audit trail as a hash chain that concurrent writers cannot fork', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.appendAudit({ actor: 'admin', action: 'policy.publish', target: `policy v${i}`, detail: { i } })));
    const trail = await store.audit();
    expect(trail.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(verifyChain(trail)).toMatchObject({ ok: true, entries: 10 });
  });

  it('refuses to change or delete an audit entry, and the chain shows it when someone goes round that', async () => {
    await expect(store.db.run("UPDATE audit SET actor = 'mallory' WHERE seq = 2")).rejects.toThrow(/append-only/);
    await expect(store.db.run('DELETE FROM audit WHERE seq = 3')).rejects.toThrow(/append-only/);
    // A database administrator disables the guard and edits history:
    if (kind === 'sqlite') await store.db.run('DROP TRIGGER audit_no_update');
    else await store.db.run('ALTER TABLE audit DISABLE TRIGGER audit_no_change');
    await store.db.run("UPDATE audit SET actor = 'mallory' WHERE seq = 2");
    expect(verifyChain(await store.audit())).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('finds the people (and devices without one) whose warned and blocked volume jumped away from their own baseline, each once', async () => {
    const { store: s, dispose: d } = await freshStore(kind, pg);
    try {
      const now = Date.UTC(2026, 10, 25, 12);
      const events: BulwarkEvent[] = [];
      for (let day = 34; day >= 0; day--) {
        const time = new Date(now - day * 86_400_000).toISOString();
        const add = (user: string, n: number, action: BulwarkEvent['action'] = 'warn') => {
          for (let i = 0; i < n; i++) events.push(makeEvent({ time, device: { id: `pc-${user}`, user }, action }));
        };
        add('steady', 3);
        add('busy-but-usual', 10 + (day % 2));
        add('spiking', day < 7 ? 9 : 1);
        add('audited-only', day < 7 ? 20 : 0, 'audit');
        // A shared kiosk, enrolled without a user: it is listed as a device.
        for (let i = 0; i < (day < 7 ? 8 : 1); i++) events.push(makeEvent({ time, device: { id: 'kiosk' }, action: 'block' }));
      }
      // The people's devices are enrolled with their users: each person is listed once, not again as their device.
      for (const user of ['steady', 'busy-but-usual', 'spiking', 'audited-only']) await s.enrollDevice(`pc-${user}`, `token-${user}`, user);
      await s.addEvents(events);
      const found = await outliers(s, now);
      expect(found.map((o) => o.key).sort()).toEqual(['kiosk', 'spiking']);
      expect(found.find((o) => o.key === 'kiosk')).toMatchObject({ kind: 'device' });
      expect(found.find((o) => o.key === 'spiking')).toMatchObject({ kind: 'user', baseline: 1, recent: 9 });
      expect(found.map((o) => o.key)).not.toContain('steady');
      expect(found.map((o) => o.key)).not.toContain('busy-but-usual');
      expect(found.map((o) => o.key)).not.toContain('audited-only');
    } finally {
      await d();
    }
  });

  it('keeps the first value of a setting (two servers starting together make one key)', async () => {
    const [a, b] = await Promise.all([store.settingOnce('k', 'first'), store.settingOnce('k', 'second')]);
    expect(a).toBe(b);
  });

  it('forgets a session when it expires', async () => {
    const user = await store.addUser(`u-${kind}`, 'hash', 'viewer');
    await store.addSession('live', user.id, Date.now() + 60_000);
    await store.addSession('dead', user.id, Date.now() - 1);
    expect((await store.sessionUser('live'))?.name).toBe(`u-${kind}`);
    expect(await store.sessionUser('dead')).toBeUndefined();
  });
});
