import { auditHash, GENESIS_HASH, type AuditEntry, type ChainedAuditEntry } from '../audit-chain';
import type { SqlDriver } from './driver';

/**
 * Appends an entry to the hash chain inside the caller's transaction, so that a change and its entry commit
 * together; appends are serialised (PostgreSQL: an advisory lock; SQLite: one writer) so that two never share a
 * predecessor.
 */
export async function appendAuditIn(tx: SqlDriver, entry: Omit<AuditEntry, 'seq' | 'timeMs'>): Promise<ChainedAuditEntry> {
  if (tx.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7412)');
  const [last] = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  const full: AuditEntry = { ...entry, seq: (last?.seq ?? 0) + 1, timeMs: Date.now() };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditHash(prevHash, full);
  await tx.run('INSERT INTO audit (seq, time_ms, actor, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    full.seq,
    full.timeMs,
    full.actor,
    full.action,
    full.target,
    JSON.stringify(full.detail),
    prevHash,
    hash,
  ]);
  return { ...full, prevHash, hash };
}

/** The whole trail in order, or the entries about one target (an incident's history). */
export async function readAudit(db: SqlDriver, target?: string): Promise<ChainedAuditEntry[]> {
  const rows = await db.query<AuditRow>(target === undefined ? 'SELECT * FROM audit ORDER BY seq' : 'SELECT * FROM audit WHERE target = ? ORDER BY seq', target === undefined ? [] : [target]);
  return rows.map((r) => ({
    seq: r.seq,
    timeMs: r.time_ms,
    actor: r.actor,
    action: r.action,
    target: r.target,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

type AuditRow = { seq: number; time_ms: number; actor: string; action: string; target: string; detail: string; prev_hash: string; hash: string };
