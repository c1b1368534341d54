import { parsePolicy, type Policy } from './schema';
import { verifyPolicySignature } from './signature';

export type Rejection = { ok: false; reason: 'malformed' | 'unsigned' | 'bad-signature' | 'invalid' | 'stale' | 'rollback'; detail: string };
export type Acceptance = { ok: true; policy: Policy; unchanged: boolean };

/**
 * Decides whether a policy document from the central channel may replace the one a browser holds: it must be
 * a signed document, signed by the administrator's key, valid, not expired, and not older than the current
 * policy (no rollback: a replayed old document cannot loosen the rules). The reason for a refusal is meant for
 * the background's log and the events.
 */
export async function acceptSignedPolicy(doc: unknown, publicKey: string, current?: { version: number }, now = new Date()): Promise<Acceptance | Rejection> {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, reason: 'malformed', detail: 'the document is not a JSON object' };
  const { policy, signature } = doc as Record<string, unknown>;
  if (policy === undefined) return { ok: false, reason: 'malformed', detail: 'the document has no "policy"' };
  if (typeof signature !== 'string' || !signature) return { ok: false, reason: 'unsigned', detail: 'the document has no "signature"' };
  let valid: boolean;
  try {
    valid = await verifyPolicySignature(policy, signature, publicKey);
  } catch (e) {
    return { ok: false, reason: 'bad-signature', detail: `the signature could not be checked: ${(e as Error).message}` };
  }
  if (!valid) return { ok: false, reason: 'bad-signature', detail: 'the signature does not match the policy and the configured public key' };
  const parsed = parsePolicy(policy);
  if (!parsed.ok) return { ok: false, reason: 'invalid', detail: parsed.errors.join('; ') };
  const p = parsed.policy;
  if (p.expiresAt && new Date(p.expiresAt) <= now) return { ok: false, reason: 'stale', detail: `version ${p.version} expired at ${p.expiresAt}` };
  if (current && p.version < current.version) return { ok: false, reason: 'rollback', detail: `version ${p.version} is older than the current version ${current.version}` };
  return { ok: true, policy: p, unchanged: current?.version === p.version };
}
