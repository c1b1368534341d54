import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/policy';

/**
 * The audit trail is a hash chain: each entry's hash covers its content and the previous entry's hash, so
 * changing, removing or reordering any entry breaks every hash after it. The database refuses updates and
 * deletes as well (triggers); the chain is what lets an inspector check that nobody went round them.
 */
export interface AuditEntry {
  seq: number;
  timeMs: number;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

export interface ChainedAuditEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(prevHash: string, entry: AuditEntry): string {
  const { seq, timeMs, actor, action, target, detail } = entry;
  return createHash('sha256').update(`${prevHash}\n${canonicalJson({ seq, timeMs, actor, action, target, detail })}`).digest('hex');
}

export type ChainCheck = { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Checks a whole trail, in order: numbering without gaps, each link, each hash. */
export function verifyChain(entries: Iterable<ChainedAuditEntry>): ChainCheck {
  let prev = GENESIS_HASH;
  let n = 0;
  for (const e of entries) {
    n++;
    if (e.seq !== n) return { ok: false, entries: n - 1, brokenAt: n, reason: `entry ${n} is numbered ${e.seq}: an entry is missing or out of order` };
    if (e.prevHash !== prev) return { ok: false, entries: n - 1, brokenAt: n, reason: `entry ${n} does not link to entry ${n - 1}` };
    if (auditHash(prev, e) !== e.hash) return { ok: false, entries: n - 1, brokenAt: n, reason: `entry ${n} was changed after it was written` };
    prev = e.hash;
  }
  return { ok: true, entries: n, head: prev };
}
