import { describe, expect, it } from 'vitest';
import { acceptSignedPolicy, canonicalJson, DEFAULT_POLICY, generateKeyPair, signPolicy, verifyPolicySignature } from '../../../src/core/policy';

const keys = await generateKeyPair();
const other = await generateKeyPair();
const v = (version: number, extra: object = {}) => ({ ...DEFAULT_POLICY, version, ...extra });

describe('policy signatures', () => {
  it('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: 'x' }] })).toBe('{"a":[{"b":"x","d":2}],"b":1}');
  });

  it('verifies a signed policy, however it is re-formatted, and refuses any change', async () => {
    const signed = await signPolicy(v(7), keys.privateKey);
    expect(await verifyPolicySignature(signed.policy, signed.signature, keys.publicKey)).toBe(true);
    const reformatted = JSON.parse(JSON.stringify(signed.policy, null, 2));
    expect(await verifyPolicySignature(reformatted, signed.signature, keys.publicKey)).toBe(true);
    const tampered = { ...(signed.policy as object), rules: [] };
    expect(await verifyPolicySignature(tampered, signed.signature, keys.publicKey)).toBe(false);
    expect(await verifyPolicySignature(signed.policy, signed.signature, other.publicKey)).toBe(false);
  });

  it('refuses a public key of the wrong size with a clear error', async () => {
    await expect(verifyPolicySignature({}, 'AAAA', 'AAAA')).rejects.toThrow(/32 bytes/);
  });
});

describe('accepting a policy from the central channel', () => {
  it('accepts a newer signed policy and says when nothing changed', async () => {
    const doc = await signPolicy(v(5), keys.privateKey);
    expect(await acceptSignedPolicy(doc, keys.publicKey, { version: 4 })).toMatchObject({ ok: true, unchanged: false, policy: { version: 5 } });
    expect(await acceptSignedPolicy(doc, keys.publicKey, { version: 5 })).toMatchObject({ ok: true, unchanged: true });
    expect(await acceptSignedPolicy(doc, keys.publicKey)).toMatchObject({ ok: true });
  });

  it('refuses, with a reason: malformed, unsigned, tampered, foreign key, invalid, expired, rolled back', async () => {
    const good = await signPolicy(v(5), keys.privateKey);
    const cases: [unknown, string, string][] = [
      ['not an object', keys.publicKey, 'malformed'],
      [{ signature: good.signature }, keys.publicKey, 'malformed'],
      [{ policy: good.policy }, keys.publicKey, 'unsigned'],
      [{ policy: v(6), signature: good.signature }, keys.publicKey, 'bad-signature'],
      [good, other.publicKey, 'bad-signature'],
      [{ policy: good.policy, signature: '%%%' }, keys.publicKey, 'bad-signature'],
      [await signPolicy({ version: 0, rules: 'no' }, keys.privateKey), keys.publicKey, 'invalid'],
      [await signPolicy(v(9, { expiresAt: '2020-01-01T00:00:00Z' }), keys.privateKey), keys.publicKey, 'stale'],
      [await signPolicy(v(3), keys.privateKey), keys.publicKey, 'rollback'],
    ];
    for (const [doc, key, reason] of cases) {
      const r = await acceptSignedPolicy(doc, key, { version: 4 });
      expect(r, reason).toMatchObject({ ok: false, reason });
      if (!r.ok) expect(r.detail.length).toBeGreaterThan(10);
    }
  });

  it('names the fields of an invalid policy', async () => {
    const r = await acceptSignedPolicy(await signPolicy({ version: 2, rules: [{ id: 'X', match: {}, action: 'explode' }] }, keys.privateKey), keys.publicKey);
    expect(r.ok ? '' : r.detail).toMatch(/rules\[0\]\.id: .*; rules\[0\]\.action: /);
  });
});
