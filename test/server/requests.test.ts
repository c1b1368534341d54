import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHashKey, keyedHash, normaliseValue } from '../../src/core/events/hash';
import type { BulwarkEvent, EmployeeRequest } from '../../src/core/events/event';
import { acceptSignedPolicy, engineFor, evaluate, type Policy } from '../../src/core/policy';
import { fromBase64 } from '../../src/core/policy/signature';
import type { ChainedAuditEntry } from '../../src/server/audit-chain';
import type { StoredGrant, StoredRequest } from '../../src/server/store/requests';
import { DATABASES, makeEvent, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const DAY = 86_400_000;
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
/** Health context and an SSN: the default policy's warn-phi warns. (Test values, never real people.) */
const TEXT = 'Patient diagnosed with diabetes, SSN 219-09-9999, please review.';
const OTHER_TEXT = 'Patient diagnosed with diabetes, SSN 078-05-1120, please review.';

describe.each(DATABASES)("employees' requests on %s", (kind) => {
  let b: TestBackend;
  let bobToken: string;
  let hashKey: CryptoKey;
  beforeAll(async () => {
    b = await startBackend(kind, pg);
    // Bob's browser enrolls as browsers do.
    const r = await fetch(`${b.url}/api/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: b.enrollmentToken, user: BOB }) });
    expect(r.status).toBe(201);
    bobToken = (await r.json()).deviceToken;
    hashKey = await importHashKey(fromBase64(b.server.keys.hashKey));
  });
  afterAll(() => b?.close());

  /** A browser's request; answered 429 (this test asks faster than a browser does), it waits as told and asks again, as browsers do. */
  const asDevice = async (token: string, path: string, init: RequestInit = {}): Promise<Response> => {
    for (;;) {
      const r = await fetch(b.url + path, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });
      if (r.status !== 429) return r;
      await new Promise((resolve) => setTimeout(resolve, Number(r.headers.get('Retry-After') ?? 1) * 1000));
    }
  };
  const send = async (token: string, events: BulwarkEvent[]) => (await asDevice(token, '/api/device/events', { method: 'POST', body: JSON.stringify({ events }) })).json();
  /** The policy as a browser takes it: fetched with its token, the signature checked against the enrolled key. */
  const devicePolicy = async (token = b.deviceToken): Promise<Policy> => {
    const accepted = await acceptSignedPolicy(await (await asDevice(token, '/api/device/policy')).json(), b.server.keys.signingPublicKey);
    if (!accepted.ok) throw new Error(`the browser refused the policy: ${accepted.reason}`);
    return accepted.policy;
  };
  const list = async (query = ''): Promise<{ requests: Array<StoredRequest & { notGrantable: string | null }>; open: number }> => (await b.call(`/api/requests${query}`, { as: 'viewer' })).json();
  const decide = (id: string, json: unknown, as: 'analyst' | 'policy_admin' | 'viewer' | 'admin' = 'policy_admin') => b.call(`/api/requests/${id}/decision`, { method: 'POST', as, json });
  const audit = async () => ((await (await b.call('/api/audit', { as: 'admin' })).json()) as { entries: ChainedAuditEntry[] }).entries;
  const hashOf = (value: string) => keyedHash(hashKey, normaliseValue(value));
  /** The decision a browser enrolled for `user` makes on `text` at `host` with this policy (value hashes as browsers compute them). */
  const decideIn = async (policy: Policy, text: string, user: string, host = 'chatgpt.com') => {
    const { findings } = engineFor(policy).scan(text);
    const hashes = new Map(await Promise.all(findings.map(async (f) => [f.start, await hashOf(text.slice(f.start, f.end))] as const)));
    return evaluate(policy, findings, { channel: 'paste', host, user, valueHash: (f) => hashes.get(f.start) });
  };
  const ssnEvent = async (request: EmployeeRequest | undefined, overrides: Partial<BulwarkEvent> = {}) =>
    makeEvent({
      time: new Date(Date.now() - 60_000).toISOString(),
      rule: 'warn-phi',
      action: 'warn',
      findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['•••-••-••99'], hashes: [await hashOf('219-09-9999')] }],
      ...(request ? { request } : {}),
      ...overrides,
    });

  const ids: Record<string, string> = {};

  it('makes a request of each event that carries one, on ingest, once, for the verified user', async () => {
    const exception = await ssnEvent({ kind: 'exception', reason: 'Monthly upload to the approved assistant', scope: { thisHostOnly: true, theseValuesOnly: false, days: 7 } }, { findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['•••-••-••99'], hashes: [] }] });
    const values = await ssnEvent({ kind: 'exception', scope: { thisHostOnly: true, theseValuesOnly: true, days: 14 } });
    // The device claims another person: the request is the enrolled user's.
    const falsePositive = await ssnEvent({ kind: 'false-positive', reason: 'This is a test number' }, { device: { id: 'device-under-test', user: 'mallory@example.com' } });
    const noRule = await ssnEvent({ kind: 'exception', scope: { thisHostOnly: false, theseValuesOnly: false, days: 3 } }, { rule: undefined, action: 'audit' });
    const noHashes = await ssnEvent({ kind: 'exception', scope: { thisHostOnly: true, theseValuesOnly: true, days: 3 } }, { findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['•••-••-••99'], hashes: [] }] });
    const plain = await ssnEvent(undefined);
    Object.assign(ids, { exception: exception.id, values: values.id, falsePositive: falsePositive.id, noRule: noRule.id, noHashes: noHashes.id });
    expect(await send(b.deviceToken, [exception, values, falsePositive, noRule, noHashes, plain])).toMatchObject({ accepted: 6, rejected: [] });
    const fromBob = await ssnEvent({ kind: 'exception', scope: { thisHostOnly: true, theseValuesOnly: false, days: 30 } }, { device: { id: 'whatever', user: BOB } });
    ids.bob = fromBob.id;
    expect(await send(bobToken, [fromBob])).toMatchObject({ accepted: 1 });
    // Sent again (a lost answer): nothing new, in a batch of its own and beside a new event.
    expect(await send(b.deviceToken, [exception])).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await b.server.store.addEvents([exception, falsePositive])).toMatchObject({ inserted: 0, duplicates: 2 });

    const all = await list();
    expect(all.open).toBe(6);
    expect(all.requests.every((r) => (r as unknown as { eventId: string }).eventId === r.id)).toBe(true);
    expect(all.requests.map((r) => r.id).sort()).toEqual(Object.values(ids).sort());
    const got = all.requests.find((r) => r.id === ids.exception)!;
    expect(got).toMatchObject({ kind: 'exception', status: 'open', user: ALICE, deviceId: 'device-under-test', rule: 'warn-phi', host: 'chatgpt.com', channel: 'paste', action: 'warn', types: ['SSN'], hashes: [], reason: 'Monthly upload to the approved assistant', scope: { thisHostOnly: true, theseValuesOnly: false, days: 7 }, decidedMs: null, grant: null, notGrantable: null });
    expect(got.createdMs).toBe(Date.parse(exception.time));
    expect(all.requests.find((r) => r.id === ids.values)!.hashes).toEqual([await hashOf('219-09-9999')]);
    expect(all.requests.find((r) => r.id === ids.falsePositive)).toMatchObject({ kind: 'false-positive', user: ALICE, scope: null });
    expect(all.requests.find((r) => r.id === ids.bob)).toMatchObject({ user: BOB });
    expect(all.requests.find((r) => r.id === ids.noRule)!.notGrantable).toMatch(/names no rule/);
    expect((await list('?kind=false-positive')).requests.map((r) => r.id)).toEqual([ids.falsePositive]);
    expect((await list('?status=rejected')).requests).toEqual([]);
    expect((await b.call('/api/requests?status=maybe', { as: 'viewer' })).status).toBe(400);
    expect((await b.call('/api/requests', { as: 'anonymous' })).status).toBe(401);
  });

  it('approves an exception as asked: the signed policy holds the exact grant, the requester passes, another user is still warned', async () => {
    const before = await devicePolicy();
    expect(before.exceptions.granted).toEqual([]);
    expect((await decide(ids.exception!, { status: 'approved' }, 'viewer')).status).toBe(403);
    // An analyst triages, but a grant changes the policy.
    expect((await decide(ids.exception!, { status: 'approved' }, 'analyst')).status).toBe(403);
    const t0 = Date.now();
    const r = await decide(ids.exception!, { status: 'approved', answer: 'Approved for this month.' });
    expect(r.status).toBe(200);
    const { request } = (await r.json()) as { request: StoredRequest };
    expect(request).toMatchObject({ status: 'approved', decidedBy: 'policy_admin', answer: 'Approved for this month.', grant: { id: ids.exception, state: 'in-force', createdBy: 'policy_admin' } });

    const policy = await devicePolicy();
    expect(policy.version).toBe(before.version + 1);
    expect(policy.exceptions.granted).toEqual([{ id: ids.exception, user: ALICE, host: 'chatgpt.com', rule: 'warn-phi', expiresAt: expect.any(String) }]);
    const expires = Date.parse(policy.exceptions.granted[0]!.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(t0 + 7 * DAY);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * DAY);
    // Bob's browser gets the same policy (there is one), and the grant is not his.
    expect((await devicePolicy(bobToken)).version).toBe(policy.version);

    const alice = await decideIn(policy, TEXT, ALICE);
    expect(alice.action).toBe('audit');
    expect(alice.exceptions).toEqual([ids.exception]);
    expect((await decideIn(policy, TEXT, BOB)).action).toBe('warn');
    expect((await decideIn(policy, TEXT, ALICE, 'claude.ai')).action).toBe('warn');
    expect((await decideIn(before, TEXT, ALICE)).action).toBe('warn');

    // Decided once: a second decision changes nothing.
    expect((await decide(ids.exception!, { status: 'rejected' })).status).toBe(409);
    expect((await decide(ids.exception!, { status: 'approved' }, 'admin')).status).toBe(409);
    expect((await devicePolicy()).version).toBe(policy.version);
    expect((await decide('no-such-request', { status: 'rejected' })).status).toBe(404);
    const entry = (await audit()).filter((e) => e.action === 'request.approve');
    expect(entry).toHaveLength(1);
    expect(entry[0]).toMatchObject({ actor: 'policy_admin', target: `request:${ids.exception}`, detail: { grant: { id: ids.exception, user: ALICE, rule: 'warn-phi' }, answer: 'Approved for this month.' } });
  });

  it('grants the values found only, when asked: that value passes, another one of the same type does not', async () => {
    expect((await decide(ids.values!, { status: 'approved', grant: { days: 2 } })).status).toBe(200);
    const policy = await devicePolicy();
    const grant = policy.exceptions.granted.find((g) => g.id === ids.values)!;
    expect(grant).toEqual({ id: ids.values, user: ALICE, host: 'chatgpt.com', rule: 'warn-phi', hashes: [await hashOf('219-09-9999')], expiresAt: expect.any(String) });
    expect(Date.parse(grant.expiresAt)).toBeLessThanOrEqual(Date.now() + 2 * DAY);
    const passed = await decideIn({ ...policy, exceptions: { ...policy.exceptions, granted: [grant] } }, TEXT, ALICE);
    expect(passed).toMatchObject({ action: 'audit', exceptions: [ids.values] });
    expect((await decideIn({ ...policy, exceptions: { ...policy.exceptions, granted: [grant] } }, OTHER_TEXT, ALICE)).action).toBe('warn');
  });

  it('refuses a values-only grant for an event without values, and any grant for an event without a rule, leaving them open', async () => {
    const version = (await devicePolicy()).version;
    const r = await decide(ids.noHashes!, { status: 'approved' });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body).toMatchObject({ error: 'no-values', issues: [{ path: 'grant.theseValuesOnly' }] });
    expect(body.message).toMatch(/grant by rule and host/);
    expect((await decide(ids.noRule!, { status: 'approved' })).status).toBe(422);
    expect((await list('?status=open')).requests.map((r) => r.id)).toEqual(expect.arrayContaining([ids.noHashes, ids.noRule]));
    // By rule and host it can be granted.
    expect((await decide(ids.noHashes!, { status: 'approved', grant: { theseValuesOnly: false, days: 1 } })).status).toBe(200);
    expect((await devicePolicy()).exceptions.granted.find((g) => g.id === ids.noHashes)).toEqual({ id: ids.noHashes, user: ALICE, host: 'chatgpt.com', rule: 'warn-phi', expiresAt: expect.any(String) });
    expect((await devicePolicy()).version).toBe(version + 1);
    expect((await decide(ids.noRule!, { status: 'rejected', answer: 'Ask for the rule to change instead.' }, 'analyst')).status).toBe(200);
  });

  it('widens a grant to everyone and every host when the approver says so', async () => {
    expect((await decide(ids.bob!, { status: 'approved', grant: { everyone: true, everyHost: true, days: 3 } }, 'admin')).status).toBe(200);
    const policy = await devicePolicy();
    expect(policy.exceptions.granted.find((g) => g.id === ids.bob)).toEqual({ id: ids.bob, rule: 'warn-phi', expiresAt: expect.any(String) });
    const only = { ...policy, exceptions: { ...policy.exceptions, granted: policy.exceptions.granted.filter((g) => g.id === ids.bob) } };
    expect((await decideIn(only, TEXT, 'carol@example.com', 'claude.ai')).action).toBe('audit');
  });

  it('rejects a false positive with a note, and refuses a note that holds an identifier', async () => {
    const version = (await devicePolicy()).version;
    const bad = await decide(ids.falsePositive!, { status: 'rejected', answer: 'The number 219-09-9999 is a real SSN.' }, 'analyst');
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.issues).toEqual([{ path: 'answer', message: expect.stringMatching(/identifier/) }]);
    expect(JSON.stringify(problem)).not.toContain('219-09-9999');
    expect((await list('?status=open')).requests.map((r) => r.id)).toContain(ids.falsePositive);
    expect((await decide(ids.falsePositive!, { status: 'rejected', grant: { days: 3 } }, 'analyst')).status).toBe(400);
    const ok = await decide(ids.falsePositive!, { status: 'rejected', answer: 'It is a real number: remove it before sharing.' }, 'analyst');
    expect(ok.status).toBe(200);
    expect((await ok.json()).request).toMatchObject({ status: 'rejected', decidedBy: 'analyst', answer: 'It is a real number: remove it before sharing.', grant: null });
    // No grant, no new policy.
    expect((await devicePolicy()).version).toBe(version);
    expect((await audit()).find((e) => e.action === 'request.reject' && e.target === `request:${ids.falsePositive}`)).toMatchObject({ actor: 'analyst' });
  });

  it('approves a false positive with a grant of its values', async () => {
    const fp = await ssnEvent({ kind: 'false-positive' });
    await send(b.deviceToken, [fp]);
    expect((await decide(fp.id, { status: 'approved', grant: {} }, 'analyst')).status).toBe(403);
    expect((await decide(fp.id, { status: 'approved', answer: 'Right, a test number.', grant: {} })).status).toBe(200);
    expect((await devicePolicy()).exceptions.granted.find((g) => g.id === fp.id)).toEqual({ id: fp.id, user: ALICE, rule: 'warn-phi', hashes: [await hashOf('219-09-9999')], expiresAt: expect.any(String) });
    // Narrowed by the approver to the event's host.
    const narrow = await ssnEvent({ kind: 'false-positive' });
    await send(b.deviceToken, [narrow]);
    expect((await decide(narrow.id, { status: 'approved', grant: { everyHost: false } })).status).toBe(200);
    expect((await devicePolicy()).exceptions.granted.find((g) => g.id === narrow.id)).toMatchObject({ host: 'chatgpt.com', hashes: [await hashOf('219-09-9999')] });
    // Approved without a grant: nothing published.
    const plain = await ssnEvent({ kind: 'false-positive' });
    await send(b.deviceToken, [plain]);
    const version = (await devicePolicy()).version;
    expect((await decide(plain.id, { status: 'approved' }, 'analyst')).status).toBe(200);
    expect((await devicePolicy()).version).toBe(version);
  });

  it("answers a browser with its user's requests only", async () => {
    const mine = (await (await asDevice(b.deviceToken, '/api/device/requests')).json()) as { requests: Array<Record<string, unknown>> };
    const all = await list();
    expect(mine.requests.map((r) => r.id).sort()).toEqual(all.requests.filter((r) => r.user === ALICE).map((r) => r.id).sort());
    expect(mine.requests.map((r) => r.id)).not.toContain(ids.bob);
    const exception = mine.requests.find((r) => r.id === ids.exception)!;
    expect(exception).toEqual({ id: ids.exception, kind: 'exception', status: 'approved', rule: 'warn-phi', host: 'chatgpt.com', createdAt: expect.any(String), decidedAt: expect.any(String), answer: 'Approved for this month.', grant: { expiresAt: expect.any(String), host: 'chatgpt.com', everyone: false, values: false } });
    expect(mine.requests.find((r) => r.id === ids.values)!.grant).toMatchObject({ values: true });
    expect(mine.requests.find((r) => r.id === ids.falsePositive)).toMatchObject({ status: 'rejected', answer: 'It is a real number: remove it before sharing.' });
    expect(mine.requests.find((r) => r.id === ids.falsePositive)).not.toHaveProperty('grant');
    // Nothing of the security team's side: no reason, hashes, deciders or devices.
    expect(JSON.stringify(mine)).not.toMatch(/policy_admin|hashes|device-under-test|Monthly upload/);
    const bobs = (await (await asDevice(bobToken, '/api/device/requests')).json()) as { requests: Array<Record<string, unknown>> };
    expect(bobs.requests).toEqual([expect.objectContaining({ id: ids.bob, status: 'approved', grant: { expiresAt: expect.any(String), everyone: true, values: false } })]);
    // People are not devices, devices are not people.
    expect((await b.call('/api/device/requests', { as: 'admin' })).status).toBe(403);
    expect((await asDevice(b.deviceToken, '/api/requests')).status).toBe(403);
  });

  it('keeps the requests of a browser enrolled without a user to that browser, and grants them only for everyone', async () => {
    const r = await fetch(`${b.url}/api/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: b.enrollmentToken }) });
    const kiosk = (await r.json()) as { deviceToken: string; deviceId: string };
    // It claims to be Alice: kept as an unverified claim, and the request is nobody's but the kiosk's.
    const asked = await ssnEvent({ kind: 'exception', scope: { thisHostOnly: true, theseValuesOnly: false, days: 5 } }, { device: { id: 'x', user: ALICE } });
    expect(await send(kiosk.deviceToken, [asked])).toMatchObject({ accepted: 1 });
    expect((await list()).requests.find((x) => x.id === asked.id)).toMatchObject({ user: null, deviceId: kiosk.deviceId });
    const kiosks = (await (await asDevice(kiosk.deviceToken, '/api/device/requests')).json()) as { requests: Array<{ id: string }> };
    expect(kiosks.requests.map((x) => x.id)).toEqual([asked.id]);
    const alices = (await (await asDevice(b.deviceToken, '/api/device/requests')).json()) as { requests: Array<{ id: string }> };
    expect(alices.requests.map((x) => x.id)).not.toContain(asked.id);
    const refused = await decide(asked.id, { status: 'approved' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'no-user', issues: [{ path: 'grant.everyone' }] });
    expect((await decide(asked.id, { status: 'approved', grant: { everyone: true } })).status).toBe(200);
    expect((await devicePolicy()).exceptions.granted.find((g) => g.id === asked.id)).toEqual({ id: asked.id, host: 'chatgpt.com', rule: 'warn-phi', expiresAt: expect.any(String) });
  });

  it('lets one of two deciders racing win; the other hears 409 and nothing of theirs is kept', async () => {
    const asked = await ssnEvent({ kind: 'false-positive' });
    await send(b.deviceToken, [asked]);
    const answers = await Promise.all([decide(asked.id, { status: 'rejected', answer: 'First.' }, 'analyst'), decide(asked.id, { status: 'approved', answer: 'Second.' }, 'admin')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const kept = (await list()).requests.find((x) => x.id === asked.id)!;
    const winner = answers[0]!.status === 200 ? { status: 'rejected', answer: 'First.' } : { status: 'approved', answer: 'Second.' };
    expect(kept).toMatchObject(winner);
    expect((await audit()).filter((e) => e.target === `request:${asked.id}`)).toHaveLength(1);
  });

  it('revokes a grant: audited, published again without it, and not twice', async () => {
    const version = (await devicePolicy()).version;
    expect((await b.call(`/api/exceptions/${ids.exception}`, { method: 'DELETE', as: 'analyst' })).status).toBe(403);
    expect((await b.call(`/api/exceptions/${ids.exception}`, { method: 'DELETE', as: 'policy_admin' })).status).toBe(200);
    const policy = await devicePolicy();
    expect(policy.version).toBe(version + 1);
    expect(policy.exceptions.granted.map((g) => g.id)).not.toContain(ids.exception);
    expect(policy.exceptions.granted.map((g) => g.id)).toContain(ids.values);
    expect((await decideIn(policy, TEXT, ALICE)).exceptions ?? []).not.toContain(ids.exception);
    expect((await b.call(`/api/exceptions/${ids.exception}`, { method: 'DELETE', as: 'policy_admin' })).status).toBe(404);
    const { exceptions } = (await (await b.call('/api/exceptions', { as: 'viewer' })).json()) as { exceptions: StoredGrant[] };
    expect(exceptions.find((g) => g.id === ids.exception)).toMatchObject({ state: 'revoked', revokedBy: 'policy_admin' });
    expect(exceptions.find((g) => g.id === ids.values)).toMatchObject({ state: 'in-force' });
    expect((await audit()).filter((e) => e.action === 'exception.revoke').map((e) => [e.actor, e.target])).toEqual([['policy_admin', `exception:${ids.exception}`]]);
    // A publish from the console's editor starts from the policy in force: the revoked grant does not come back.
    const current = (await (await b.call('/api/policies/current', { as: 'admin' })).json()) as { doc: { policy: Policy } };
    const stale = { ...current.doc.policy, exceptions: { ...current.doc.policy.exceptions, granted: [...current.doc.policy.exceptions.granted, { id: ids.exception, user: ALICE, rule: 'warn-phi', expiresAt: new Date(Date.now() + DAY).toISOString() }] } };
    expect((await b.call('/api/policies', { method: 'POST', as: 'policy_admin', json: { policy: stale, note: 'edited' } })).status).toBe(201);
    expect((await devicePolicy()).exceptions.granted.map((g) => g.id)).not.toContain(ids.exception);
  });

  it('publishes no expired grant, and no `granted` key when none is in force', async () => {
    const late = await ssnEvent({ kind: 'exception', scope: { thisHostOnly: true, theseValuesOnly: false, days: 1 } });
    await send(b.deviceToken, [late]);
    // A grant that ended a minute ago (made as if a day and a minute had passed since).
    const ended = new Date(Date.now() - 60_000).toISOString();
    const r = await b.server.store.requests.decide(late.id, { status: 'approved', grant: { id: late.id, user: ALICE, host: 'chatgpt.com', rule: 'warn-phi', expiresAt: ended } }, 'policy_admin');
    expect(r).toMatchObject({ grant: { state: 'expired' } });
    const current = (await (await b.call('/api/policies/current', { as: 'admin' })).json()) as { doc: { policy: Policy } };
    expect((await b.call('/api/policies', { method: 'POST', as: 'policy_admin', json: { policy: current.doc.policy, note: 'again' } })).status).toBe(201);
    expect((await devicePolicy()).exceptions.granted.map((g) => g.id)).not.toContain(late.id);
    const { exceptions } = (await (await b.call('/api/exceptions', { as: 'viewer' })).json()) as { exceptions: StoredGrant[] };
    expect(exceptions.find((g) => g.id === late.id)).toMatchObject({ state: 'expired' });
    // Revoke everything left: the policy then has no `granted` key at all (browsers with a strict schema take it).
    for (const g of exceptions.filter((x) => x.state === 'in-force')) expect((await b.call(`/api/exceptions/${g.id}`, { method: 'DELETE', as: 'admin' })).status).toBe(200);
    const raw = (await (await asDevice(b.deviceToken, '/api/device/policy')).json()) as { policy: { exceptions: Record<string, unknown> } };
    expect(raw.policy.exceptions).not.toHaveProperty('granted');
  });
});
