import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerConfig } from '../../src/server/config';
import { hashPassword, newToken, tokenHash } from '../../src/server/secrets';
import { startServer, type RunningServer } from '../../src/server/server';
import { base32Decode, hotp, stepAt } from '../../src/server/totp';
import { DATABASES, freshDatabase, PASSWORD, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

/** The test's requests come through 127.0.0.1, a trusted proxy: X-Forwarded-For says which client sent each. */
const SIGN_IN = { freeAttempts: 5, accountFreeAttempts: 10, addressFreeAttempts: 8, firstDelaySeconds: 1, maxDelaySeconds: 4 };
const CONFIG = { trustedProxies: ['127.0.0.1', '::1'], signIn: SIGN_IN };

const login = (url: string, name: string, password: string, from?: string, code?: string) =>
  fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(from ? { 'X-Forwarded-For': from } : {}) },
    body: JSON.stringify({ name, password, ...(code ? { code } : {}) }),
  });

/** How many delays of SIGN_IN (1 s, 2 s, 4 s, then 4 s each) have run out after `ms`. */
function delaysWithin(ms: number): number {
  let n = 0;
  for (let spent = 0, delay = SIGN_IN.firstDelaySeconds * 1000; spent + delay <= ms; n++, spent += delay, delay = Math.min(delay * 2, SIGN_IN.maxDelaySeconds * 1000));
  return n;
}

/** Tries until the answer is not 429 (the delay is over), within a deadline. */
async function afterDelay(attempt: () => Promise<Response>): Promise<Response> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const r = await attempt();
    if (r.status !== 429 || Date.now() > deadline) return r;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.each(DATABASES)('sign-in protection on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pg, { config: CONFIG });
  });
  afterAll(() => b.close());

  const throttles = async () =>
    ((await (await b.call('/api/audit', { as: 'admin' })).json()).entries as Array<{ action: string; target: string; detail: { scope: string; address: string } }>).filter((e) => e.action === 'login.throttled');

  it('60 concurrent wrong guesses: only the free ones are checked, one alert, and the right password works after the delay', async () => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(b.url, 'analyst', `guess ${i}`, '203.0.113.7')));
    const checked = answers.filter((r) => r.status === 401).length;
    // The free ones, plus one more for each delay (1 s, 2 s, 4 s ...) that ran out while the 60 were answered.
    expect(checked).toBeGreaterThanOrEqual(SIGN_IN.freeAttempts);
    expect(checked).toBeLessThanOrEqual(SIGN_IN.freeAttempts + delaysWithin(Date.now() - started));
    expect(answers.filter((r) => r.status === 429)).toHaveLength(60 - checked);
    expect(answers.find((r) => r.status === 429)!.headers.get('Retry-After')).toMatch(/^[1-9]\d*$/);
    const alerts = (await throttles()).filter((e) => e.target === 'analyst');
    expect(alerts.map((e) => e.detail)).toEqual([{ scope: 'account+address', address: '203.0.113.7', attempts: 5, retryAfterSeconds: 1 }]);
    expect(JSON.stringify(alerts)).not.toContain('guess');
    expect((await afterDelay(() => login(b.url, 'analyst', PASSWORD, '203.0.113.7'))).status).toBe(200);
    // The success cleared that pair: the next typo is checked at once.
    expect((await login(b.url, 'analyst', 'typo', '203.0.113.7')).status).toBe(401);
  });

  it('guesses from other addresses slow the account down for new addresses, never for the admin at a known one', async () => {
    const statuses: number[] = [];
    for (let a = 1; a <= 3; a++) for (let i = 0; i < 5; i++) statuses.push((await login(b.url, 'admin', `guess ${i}`, `198.51.100.${a}`)).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN.accountFreeAttempts);
    // The harness signed the admin in from 127.0.0.1: that pair is known, and only its own count decides there.
    expect((await login(b.url, 'admin', PASSWORD)).status).toBe(200);
    expect((await login(b.url, 'admin', PASSWORD, '192.0.2.50')).status).toBe(429);
    const alerts = (await throttles()).filter((e) => e.target === 'admin');
    // One for the account; one for each attacking address that used up its own free attempts on it.
    expect(alerts.filter((e) => e.detail.scope === 'account')).toHaveLength(1);
    expect(alerts.filter((e) => e.detail.scope === 'account+address').map((e) => e.detail.address)).toEqual(['198.51.100.1', '198.51.100.2', '198.51.100.3']);
    // A delay, not a lock: the new address gets in once it is over.
    expect((await afterDelay(() => login(b.url, 'admin', PASSWORD, '192.0.2.50'))).status).toBe(200);
  });

  it('guesses spread over many accounts from one address are slowed down too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(b.url, `nobody-${i}`, 'guess', '203.0.113.99')).status);
    expect(statuses).toEqual([...Array(SIGN_IN.addressFreeAttempts).fill(401), ...Array(12 - SIGN_IN.addressFreeAttempts).fill(429)]);
    expect((await throttles()).filter((e) => e.detail.address === '203.0.113.99').map((e) => e.detail.scope)).toEqual(['address']);
  });

  it('X-Forwarded-For is ignored from a peer that is not a trusted proxy', async () => {
    const plain = await startBackend(kind, pg, { config: { signIn: SIGN_IN } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await login(plain.url, 'viewer', `guess ${i}`, `198.51.100.${100 + i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    } finally {
      await plain.close();
    }
  });

  it('TOTP: set up with a first code, then needed at sign-in, each code used once; turned off with password and code', async () => {
    const totp = (path: string, json?: unknown, as: 'policy_admin' | 'viewer' = 'policy_admin') => b.call(`/api/me/totp${path}`, { method: json === undefined ? 'GET' : 'POST', as, json });
    expect(await (await totp('')).json()).toEqual({ enabled: false });
    const begun = (await (await totp('', {})).json()) as { secret: string; uri: string };
    expect(begun.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begun.uri).toBe(`otpauth://totp/Bulwark:policy_admin?secret=${begun.secret}&issuer=Bulwark&algorithm=SHA1&digits=6&period=30`);
    const key = base32Decode(begun.secret);
    const step = stepAt(Date.now());
    expect((await totp('/confirm', { code: hotp(key, step + 5) })).status).toBe(422);
    expect(await (await totp('/confirm', { code: hotp(key, step) })).json()).toEqual({ enabled: true });

    const noCode = await login(b.url, 'policy_admin', PASSWORD);
    expect([noCode.status, (await noCode.json()).error]).toEqual([401, 'totp-required']);
    const replayed = await login(b.url, 'policy_admin', PASSWORD, undefined, hotp(key, step));
    expect([replayed.status, (await replayed.json()).error]).toEqual([401, 'totp-wrong']);
    expect((await login(b.url, 'policy_admin', 'wrong password', undefined, hotp(key, step + 1))).status).toBe(401);
    expect((await login(b.url, 'policy_admin', PASSWORD, undefined, hotp(key, step + 1))).status).toBe(200);
    expect((await login(b.url, 'policy_admin', PASSWORD, undefined, hotp(key, step + 1))).status).toBe(401);

    // Another account turns it on and off itself: the password and an unused code.
    const viewer = (await (await totp('', {}, 'viewer')).json()) as { secret: string };
    const viewerKey = base32Decode(viewer.secret);
    const viewerStep = stepAt(Date.now());
    expect((await totp('/confirm', { code: hotp(viewerKey, viewerStep) }, 'viewer')).status).toBe(200);
    expect((await totp('/disable', { password: 'wrong password', code: hotp(viewerKey, viewerStep + 1) }, 'viewer')).status).toBe(401);
    expect(await (await totp('/disable', { password: PASSWORD, code: hotp(viewerKey, viewerStep + 1) }, 'viewer')).json()).toEqual({ enabled: false });
    expect((await login(b.url, 'viewer', PASSWORD)).status).toBe(200);

    // An admin turns it off for someone who lost the phone.
    expect((await b.call('/api/users/policy_admin/totp', { method: 'DELETE', as: 'analyst' })).status).toBe(403);
    expect((await b.call('/api/users/policy_admin/totp', { method: 'DELETE', as: 'admin' })).status).toBe(200);
    expect((await login(b.url, 'policy_admin', PASSWORD)).status).toBe(200);

    const trail = ((await (await b.call('/api/audit', { as: 'admin' })).json()).entries as Array<{ actor: string; action: string; target: string; detail: object }>).filter((e) => e.action.startsWith('totp.'));
    expect(trail.map((e) => [e.actor, e.action, e.target])).toEqual([
      ['policy_admin', 'totp.begin', 'policy_admin'],
      ['policy_admin', 'totp.enable', 'policy_admin'],
      ['viewer', 'totp.begin', 'viewer'],
      ['viewer', 'totp.enable', 'viewer'],
      ['viewer', 'totp.disable', 'viewer'],
      ['admin', 'totp.reset', 'policy_admin'],
    ]);
    expect(JSON.stringify(trail)).not.toContain(begun.secret);
  });

  it('a sign-in request is small', async () => {
    const r = await fetch(`${b.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'admin', password: 'x'.repeat(10_000) }) });
    expect(r.status).toBe(413);
  });

  it('a token cannot manage a second factor; a device has none', async () => {
    expect((await b.call('/api/me/totp', { method: 'POST', as: 'device', json: {} })).status).toBe(403);
  });
});

describe('two instances on one PostgreSQL', () => {
  let servers: RunningServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close().catch(() => undefined);
  });

  it('share the sign-in count and the device limit', async () => {
    // Delays long enough that no guess of the 60 can wait one out.
    const config = ServerConfig.parse({ port: 0, postgresUrl: await freshDatabase(pg), signIn: { ...SIGN_IN, firstDelaySeconds: 600 }, ingestInFlight: 1000 });
    // (ingestInFlight: the ingestion gate stays out of this count of the device limit.)
    servers = await Promise.all([startServer(config), startServer(config)]);
    await servers[0]!.store.addUser('ann', await hashPassword(PASSWORD), 'admin');
    const guesses = await Promise.all(Array.from({ length: 60 }, (_, i) => login(servers[i % 2]!.url, 'ann', `guess ${i}`)));
    expect(guesses.map((r) => r.status).filter((s) => s !== 429)).toEqual(Array(SIGN_IN.freeAttempts).fill(401));
    expect(guesses.filter((r) => r.status === 429)).toHaveLength(60 - SIGN_IN.freeAttempts);

    const deviceToken = newToken('bwd');
    await servers[0]!.store.enrollDevice('d1', tokenHash(deviceToken), 'ann');
    const started = Date.now();
    const sent = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        fetch(`${servers[i % 2]!.url}/api/device/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${deviceToken}` }, body: '{"events":[]}' }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const accepted = sent.filter((r) => r.status === 200).length;
    // The burst (20) plus what refills at 5 per second while they ran: per-process buckets would let 40 through.
    expect(accepted).toBeGreaterThanOrEqual(20);
    expect(accepted).toBeLessThanOrEqual(20 + Math.ceil(seconds * 5) + 1);
    expect(sent.filter((r) => r.status === 429)).toHaveLength(60 - accepted);
  });
});
