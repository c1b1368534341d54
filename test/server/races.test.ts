import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, generateKeyPair, signPolicy, verifyPolicySignature } from '../../src/core/policy';
import { orgKeys } from '../../src/server/org';
import { PostgresDriver } from '../../src/server/store/postgres';
import { Store } from '../../src/server/store';
import { DATABASES, freshDatabase, freshStore, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

describe('instances starting together on an empty database', () => {
  it('always agree on one whole signing pair (20 rounds of 4 instances)', async () => {
    for (let round = 0; round < 20; round++) {
      const url = await freshDatabase(pg);
      // Each instance has its own connection pool, as separate processes would.
      const instances = await Promise.all(Array.from({ length: 4 }, async () => Store.open(await PostgresDriver.open(url))));
      try {
        const keys = await Promise.all(instances.map((s) => orgKeys(s)));
        const first = keys[0]!;
        expect(first.signingPublicKey, `round ${round}`).not.toBe('');
        expect(first.signingPrivateKey, `round ${round}`).not.toBe('');
        for (const k of keys) expect(k, `round ${round}`).toEqual(first);
        // What one instance signs, browsers verify with the public key every other instance hands out.
        const signed = await signPolicy({ ...DEFAULT_POLICY, version: round + 1 }, keys[1]!.signingPrivateKey);
        expect(await verifyPolicySignature(signed.policy, signed.signature, keys[3]!.signingPublicKey)).toBe(true);
        // And a later start reads the same pair.
        expect(await orgKeys(instances[2]!)).toEqual(first);
      } finally {
        await Promise.all(instances.map((s) => s.close()));
      }
    }
  });

  it('still reads the pair of a database made before it was one setting, and mends an empty public half', async () => {
    const { store, dispose } = await freshStore('sqlite');
    try {
      const old = await generateKeyPair();
      await store.setSetting('policy.signingPrivateKey', old.privateKey);
      await store.setSetting('policy.signingPublicKey', '');
      const keys = await orgKeys(store);
      expect(keys).toMatchObject({ signingPrivateKey: old.privateKey, signingPublicKey: old.publicKey });
      await store.setSetting('policy.signingPublicKey', old.publicKey);
      expect(await orgKeys(store)).toEqual(keys);
      expect(await store.setting('policy.signingKeyPair')).toBeUndefined();
    } finally {
      await dispose();
    }
  });
});

describe.each(DATABASES)('concurrent policy publishes on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pg);
  });
  afterAll(() => b.close());

  it('answer 201 or 409 (never 500), number the winners without gaps, and keep the audit trail whole', async () => {
    const before = (await (await b.call('/api/policies/current', { as: 'viewer' })).json()).version as number;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        b.call('/api/policies', { method: 'POST', as: i % 2 ? 'admin' : 'policy_admin', json: { policy: DEFAULT_POLICY, note: `publisher ${i}` } }).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status === 409);
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const l of lost) expect(l.body).toMatchObject({ error: 'conflict', message: expect.stringMatching(/^Someone published version \d+ first; reload and try again\.$/) });
    const versions = won.map((w) => w.body.version as number).sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: won.length }, (_, i) => before + 1 + i));
    const listed = (await (await b.call('/api/policies', { as: 'viewer' })).json()).policies as Array<{ version: number; note: string }>;
    expect(listed.filter((p) => p.version > before).map((p) => p.version).sort((x, y) => x - y)).toEqual(versions);
    // One audit entry per version stored, none for the losers, and the chain verifies.
    const trail = (await (await b.call('/api/audit', { as: 'admin' })).json()).entries as Array<{ action: string; detail: { version: number; note: string } }>;
    const published = trail.filter((e) => e.action === 'policy.publish' && e.detail.version > before);
    expect(published.map((e) => e.detail.version).sort((x, y) => x - y)).toEqual(versions);
    for (const w of won) expect(published.find((e) => e.detail.version === w.body.version)?.detail.note).toBe(w.body.note);
    expect(await (await b.call('/api/audit/verify', { as: 'admin' })).json()).toMatchObject({ ok: true });
    // A publisher that reloads after a conflict gets the next number.
    const retry = await b.call('/api/policies', { method: 'POST', as: 'policy_admin', json: { policy: DEFAULT_POLICY, note: 'after reload' } });
    expect((await retry.json()).version).toBe(before + won.length + 1);
  });
});
