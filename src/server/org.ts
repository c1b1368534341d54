import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { generateKeyPair, Policy, signPolicy, type PolicyInput } from '../core/policy';
import type { PublishedPolicy, Store } from './store';

/**
 * The organisation's keys, made on first start and kept in the store: the Ed25519 pair that signs policy (the
 * public half goes to browsers through enrollment or managed storage) and the HMAC key for keyed hashes of
 * findings (devices get it at enrollment; the same value hashes the same everywhere in the organisation).
 */
export interface OrgKeys {
  signingPublicKey: string;
  signingPrivateKey: string;
  hashKey: string;
}

export async function orgKeys(store: Store): Promise<OrgKeys> {
  const pair = await generateKeyPair();
  const signingPrivateKey = await store.settingOnce('policy.signingPrivateKey', pair.privateKey);
  const signingPublicKey = await store.settingOnce('policy.signingPublicKey', signingPrivateKey === pair.privateKey ? pair.publicKey : '');
  const hashKey = await store.settingOnce('events.hashKey', randomBytes(32).toString('base64'));
  return { signingPublicKey, signingPrivateKey, hashKey };
}

export interface PolicyError {
  path: string;
  message: string;
}

export function validatePolicy(input: unknown): { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] } {
  const r = Policy.safeParse(input);
  if (r.success) return { ok: true, policy: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: i.path.join('.') || '(document)', message: i.message })) };
}

/**
 * Publishes a policy as the next version: numbered by the server (a browser never goes back to a lower
 * number), signed, stored, and written to the audit trail with who did it.
 */
export async function publishPolicy(store: Store, keys: OrgKeys, input: unknown, actor: string, note: string, rolledBackFrom?: number): Promise<PublishedPolicy | { errors: PolicyError[] }> {
  const current = await store.currentPolicy();
  const version = (current?.version ?? 0) + 1;
  const checked = validatePolicy({ ...(input as PolicyInput), version });
  if (!checked.ok) return { errors: checked.errors };
  const doc = await signPolicy(checked.policy, keys.signingPrivateKey);
  const published: PublishedPolicy = { version, doc: { policy: doc.policy, signature: doc.signature }, publishedMs: Date.now(), publishedBy: actor, note };
  await store.publishPolicy(published);
  await store.appendAudit({ actor, action: rolledBackFrom ? 'policy.rollback' : 'policy.publish', target: `policy v${version}`, detail: { version, note, ...(rolledBackFrom ? { from: rolledBackFrom } : {}) } });
  return published;
}

export const NoteSchema = z.string().trim().max(500).default('');
