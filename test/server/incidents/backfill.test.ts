import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillIncidents } from '../../../src/server/incidents/backfill';
import type { Store } from '../../../src/server/store';
import { insertEventChunk } from '../../../src/server/store/ingest';
import { DATABASES, freshStore, makeEvent } from '../harness';
import { startPostgres, type TestPostgres } from '../postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

describe.each(DATABASES)('opening the incidents of events stored before incidents existed, on %s', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind, pg));
  });
  afterAll(() => dispose());

  it('groups them as ingest would, once however often it runs, beside events that got theirs at ingest', async () => {
    const device = { id: 'laptop-old', user: 'old@example.com' };
    const at = (day: number, hour: number) => `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
    // Stored the way a database before migration 005 holds them: events without incidents (more than one chunk).
    const old = Array.from({ length: 1203 }, (_, i) => makeEvent({ device, time: at(1 + (i % 3), i % 24) }));
    const audited = makeEvent({ device, time: at(1, 5), rule: 'audit-pii', action: 'audit', outcome: 'sent' });
    for (let i = 0; i < old.length; i += 500) await insertEventChunk(store.db, old.slice(i, i + 500), Date.now());
    await insertEventChunk(store.db, [audited], Date.now());
    // And one day's events that arrived after the upgrade.
    await store.addEvents([makeEvent({ device, time: at(3, 12) }), makeEvent({ device, time: at(4, 12) })]);

    expect(await backfillIncidents(store)).toBe(1203);
    const counts = async () => (await store.incidents.list({ user: 'old@example.com' })).incidents.map((i) => [i.day, i.eventCount]);
    expect(await counts()).toEqual([
      ['2026-10-04', 1],
      ['2026-10-03', 402],
      ['2026-10-02', 401],
      ['2026-10-01', 401],
    ]);
    expect(await backfillIncidents(store)).toBe(0);
    expect(await counts()).toEqual([
      ['2026-10-04', 1],
      ['2026-10-03', 402],
      ['2026-10-02', 401],
      ['2026-10-01', 401],
    ]);
    const first = (await store.incidents.list({ user: 'old@example.com' })).incidents.at(-1)!;
    expect((await store.incidents.events(first.id, 1000)).map((e) => e.event.id)).not.toContain(audited.id);
  });
});
