import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { generateKeyPair, Policy, publicKeyOf, signPolicy, type PolicyInput } from '../core/policy';
import type { GrantedException } from '../core/policy/grants';
import { forPolicy } from '../core/policy/partners';
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

/** The signing pair as one setting: written whole by the first instance, so that no instance sees half of it. */
const KEY_PAIR = 'policy.signingKeyPair';
const KeyPair = z.object({ publicKey: z.string().min(1), privateKey: z.string().min(1) });

export async function orgKeys(store: Store): Promise<OrgKeys> {
  const { publicKey: signingPublicKey, privateKey: signingPrivateKey } = await signingKeys(store);
  const hashKey = await store.settingOnce('events.hashKey', randomBytes(32).toString('base64'));
  return { signingPublicKey, signingPrivateKey, hashKey };
}

/**
 * The organisation's signing pair. Databases made before the pair was one setting keep theirs in two
 * (policy.signingPrivateKey, policy.signingPublicKey); two instances starting together could leave the public
 * half empty there, so that half is derived from the private one.
 */
async function signingKeys(store: Store): Promise<z.infer<typeof KeyPair>> {
  const oldPrivate = await store.setting('policy.signingPrivateKey');
  if (oldPrivate) return { privateKey: oldPrivate, publicKey: (await store.setting('policy.signingPublicKey')) || (await publicKeyOf(oldPrivate)) };
  return KeyPair.parse(JSON.parse(await store.settingOnce(KEY_PAIR, JSON.stringify(await generateKeyPair()))));
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
 * number), with the third-party register in force (`partners`: the register, not the document, says who they
 * are) and the exceptions granted in force (`exceptions.granted`, grantsFor), signed, stored, and written to the audit trail with who did it. When another publisher took that
 * number first, nothing is stored and the answer says so.
 */
export async function publishPolicy(
  store: Store,
  keys: OrgKeys,
  input: unknown,
  actor: string,
  note: string,
  rolledBackFrom?: number,
): Promise<PublishedPolicy | { errors: PolicyError[] } | { conflict: number }> {
  const current = await store.currentPolicy();
  const version = (current?.version ?? 0) + 1;
  const partners = (await store.partners.list()).map(forPolicy);
  const granted = await grantsFor(store, input);
  const exceptions = { ...((input as PolicyInput | undefined)?.exceptions ?? {}), granted };
  const checked = validatePolicy({ ...(input as PolicyInput), version, partners, exceptions });
  if (!checked.ok) return { errors: checked.errors };
  // Without a register, no `partners` key; without grants, no `granted` key: browsers of versions before them
  // (a strict schema) take the policy.
  const { partners: _none, ...withoutRegister } = checked.policy;
  const { granted: _noGrants, ...exceptionsWithoutGrants } = checked.policy.exceptions;
  const shaped = { ...(partners.length ? checked.policy : withoutRegister), exceptions: granted.length ? checked.policy.exceptions : exceptionsWithoutGrants };
  const doc = await signPolicy(shaped as Policy, keys.signingPrivateKey);
  const published: PublishedPolicy = { version, doc: { policy: doc.policy, signature: doc.signature }, publishedMs: Date.now(), publishedBy: actor, note };
  // Two publishers racing for the same number: the first one's version stands, the other hears so (and nothing of its goes in the audit trail).
  if (!(await store.publishPolicy(published))) return { conflict: version };
  await store.appendAudit({ actor, action: rolledBackFrom ? 'policy.rollback' : 'policy.publish', target: `policy v${version}`, detail: { version, note, ...(rolledBackFrom ? { from: rolledBackFrom } : {}) } });
  return published;
}

/**
 * The exceptions a published policy carries: the grants in force (src/server/store/requests.ts), and those of the
 * document that the server never granted (written into the policy by hand; unless expired). A grant the server
 * made is the table's to say: once revoked or expired it drops out at the next publish, even though the policy in
 * force (which a republish starts from) still lists it. No timer republishes when a grant expires: browsers
 * check expiresAt themselves (src/core/policy/grants.ts), so an expired grant is not honoured anyway.
 */
async function grantsFor(store: Store, input: unknown, now = Date.now()): Promise<GrantedException[]> {
  const inForce = await store.requests.grantsInForce(now);
  const drafted = (input as { exceptions?: { granted?: unknown } } | undefined)?.exceptions?.granted;
  if (!Array.isArray(drafted) || !drafted.length) return inForce;
  const known = await store.requests.grantIds();
  const own = drafted.filter((g) => !known.has((g as { id?: string } | null)?.id ?? '') && !(Date.parse((g as { expiresAt?: string } | null)?.expiresAt ?? '') <= now));
  return [...inForce, ...(own as GrantedException[])];
}

export const NoteSchema = z.string().trim().max(500).default('');

/**
 * Publishes the policy in force again with the register and the grants as they are now, so that browsers get a
 * change of either inside the signed policy. Nothing when no policy was ever published (the first one will carry it).
 */
export async function republishWithRegister(store: Store, keys: OrgKeys, actor: string, note: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await store.currentPolicy();
    if (!current) return;
    const r = await publishPolicy(store, keys, current.doc.policy, actor, note);
    if ('errors' in r) throw new Error(`the policy in force does not take the register: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    if (!('conflict' in r)) return;
  }
  throw new Error('the policy could not be published again with the register: other publishers kept coming first');
}
