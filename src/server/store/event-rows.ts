import type { BulwarkEvent } from '../../core/events/event';

export interface StoredEvent {
  seq: number;
  receivedMs: number;
  event: BulwarkEvent;
}

/** The columns an event is read back from: the validated JSON it was stored as. */
export type EventRow = { seq: number; received_ms: number; doc: string };

export const toStored = (r: EventRow): StoredEvent => ({ seq: r.seq, receivedMs: r.received_ms, event: JSON.parse(r.doc) as BulwarkEvent });
