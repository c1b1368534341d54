import { BulwarkEvent } from '../core/events/event';
import type { Store } from './store';

/** The device a batch came from, as its token says. */
export interface Sender {
  deviceId: string;
  /** The user enrolled with the device, if any. */
  user: string | null;
}

export interface ReadBatch {
  /** Events that passed the schema and were not stored before, attributed to the sender. */
  valid: BulwarkEvent[];
  /** Events whose id is stored already (a device re-sends after a lost answer): answered without a schema check. */
  duplicates: number;
  /** Events the schema refused, by index in the batch, with the paths at fault (never the values). */
  rejected: Array<{ index: number; paths: string[] }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a batch event by event. Ids stored already are looked up first, in one query, so a re-sent batch
 * costs a lookup instead of the schema check (the free-text scan is the expensive part); only a well-formed
 * UUID string is taken as an id.
 */
export async function readBatch(store: Store, sender: Sender, raw: readonly unknown[]): Promise<ReadBatch> {
  const idOf = (e: unknown) => {
    const id = e && typeof e === 'object' ? (e as { id?: unknown }).id : undefined;
    return typeof id === 'string' && UUID.test(id) ? id : undefined;
  };
  const ids = [...new Set(raw.map(idOf).filter((id): id is string => id !== undefined))];
  const stored = await store.storedEventIds(ids);
  const out: ReadBatch = { valid: [], duplicates: 0, rejected: [] };
  raw.forEach((e, index) => {
    const id = idOf(e);
    if (id !== undefined && stored.has(id)) {
      out.duplicates++;
      return;
    }
    const r = BulwarkEvent.safeParse(e);
    if (r.success) out.valid.push(attribute(r.data, sender));
    else out.rejected.push({ index, paths: [...new Set(r.error.issues.map((i) => i.path.join('.')))] });
  });
  return out;
}

/**
 * The token says which device this is, and the device's enrolled user is the event's user: an event cannot speak
 * for another device or another person. A claim that differs (or a claim from a device enrolled without a user)
 * is kept beside it, marked unverified; filters and counts by user only ever see the verified one.
 */
export function attribute(e: BulwarkEvent, sender: Sender): BulwarkEvent {
  const user = sender.user ?? undefined;
  // What a device says of userVerified or claimedUser is not taken: only its user claim.
  const claimed = e.device.user;
  const unverified = claimed !== undefined && claimed !== user;
  return { ...e, device: { id: sender.deviceId, ...(user !== undefined ? { user } : {}), ...(unverified ? { userVerified: false as const, claimedUser: claimed } : {}) } };
}
