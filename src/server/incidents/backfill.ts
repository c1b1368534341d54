import type { BulwarkEvent } from '../../core/events/event';
import type { Store } from '../store';
import { addIncidents } from '../store/incident-ingest';

const CHUNK = 1000;

/**
 * Opens the incidents of events stored before incidents existed (before migration 005): the events that need
 * review and belong to no incident yet, oldest first, a thousand at a time, each chunk in one transaction with its
 * incidents. An event already in an incident is skipped, so running it again adds nothing. Run it once, after the
 * upgrade (`npm run server -- backfill-incidents`); events arriving meanwhile get their incidents at ingest.
 * Answers how many events joined an incident.
 */
export async function backfillIncidents(store: Store, now = Date.now()): Promise<number> {
  let after = 0;
  let joined = 0;
  for (;;) {
    const r = await store.db.transaction(async (tx) => {
      const rows = await tx.query<{ seq: number; doc: string }>(
        'SELECT e.seq, e.doc FROM events e WHERE e.seq > ? AND NOT EXISTS (SELECT 1 FROM incident_events l WHERE l.event_id = e.id) ORDER BY e.seq LIMIT ?',
        [after, CHUNK],
      );
      const events = rows.map((row) => JSON.parse(row.doc) as BulwarkEvent);
      const seeds = await store.incidentSeeds(events);
      await addIncidents(tx, events.filter((e) => seeds.has(e.id)).map((e) => ({ id: e.id, timeMs: Date.parse(e.time) })), seeds, now);
      return { last: rows.at(-1)?.seq, count: rows.length, joined: seeds.size };
    });
    joined += r.joined;
    if (r.count < CHUNK || r.last === undefined) return joined;
    after = Number(r.last);
  }
}
