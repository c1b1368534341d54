import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { summarize } from '../core/events/summary';
import { engineFor, evaluate } from '../core/policy';
import type { ExtractOptions } from '../core/extract';
import { DocumentUpload, ProtectedData, TableUpload } from './protected';
import { EnrollBody, EventBatch, ExportQuery, FleetQuery, ImpactBody, NewApiToken, NewEnrollmentToken, NewUser, PolicyDraft, PreviewBody, PublishBody, RollbackBody, StatsQuery, UserChange } from './api-schemas';
import { verifyChain } from './audit-chain';
import { limitBodies } from './body-limits';
import { EventQuery, filterOf } from './event-filter';
import { CSV_HEADER, csvRow, ocsfLine } from './export';
import { readRunning } from '../core/fleet/running';
import { fleetSummary } from '../core/fleet/summary';
import { healthRoutes } from './health';
import { policyImpact } from './impact';
import { incidentRoutes } from './incidents/routes';
import { openApiDocument } from './openapi';
import { savedViewRoutes } from './saved-views';
import { problem, readJson, readQuery } from './http';
import { readBatch } from './ingest';
import { coachingRoutes } from './coaching';
import { outliers, stats, type Outlier } from './insights';
import { partnerRoutes } from './partners/routes';
import { traceRoutes } from './partners/trace';
import { reportRoutes } from './reports/routes';
import { requestRoutes } from './requests/routes';
import { publishPolicy, validatePolicy, type OrgKeys } from './org';
import { SharedLimits } from './limits';
import { DEFAULT_SIGN_IN, LoginGuard, type SignInSettings } from './login-guard';
import { ProxyTrust } from './proxy';
import { ingestGate } from './ingest-gate';
import { allowed, permissionsOf, type Permission, type Principal } from './rights';
import type { SiemStatus } from './siem/forwarder';
import { SecondFactor } from './second-factor';
import { hashPassword, newToken, tokenHash } from './secrets';
import { signInRoutes } from './sign-in';
import { type PublishedPolicy, type Store, type User } from './store';
import { ownerOf, tokenRole } from './token-role';
import { databaseUnavailable, serviceUnavailable } from './unavailable';

export interface AppOptions {
  store: Store;
  keys: OrgKeys;
  /** The console's built files (index.html, console.js, console.css), served at /. */
  consoleFiles?: Map<string, { type: string; body: string }>;
  /** Set behind TLS (or a TLS proxy): the session cookie is then Secure (so it is with an https publicOrigin). */
  secureCookies?: boolean;
  /** The origin browsers use (https://bulwark.example.com); unset: the request's own, as trusted proxies report it. */
  publicOrigin?: string;
  /** Proxies (addresses, CIDR ranges) whose X-Forwarded-For/-Proto/-Host are believed. */
  trustedProxies?: readonly string[];
  signIn?: SignInSettings;
  /** Called after events were stored, so forwarders need not poll. */
  onEvents?: () => void;
  /** The SIEM destinations' delivery state (GET /api/siem/status). */
  siemStatus?: () => Promise<SiemStatus[]>;
  limits?: Partial<typeof DEFAULT_LIMITS>;
  /** Reads PDFs among documents registered for fingerprinting (pdf.js, which the platform supplies). */
  pdf?: ExtractOptions['pdf'];
}

export const DEFAULT_LIMITS = {
  eventBodyBytes: 1024 * 1024,
  eventsPerBatch: 1000,
  /** Event batches one instance handles at once; more are answered 503 + Retry-After (ingest-gate.ts). */
  ingestInFlight: 16,
  devicePerSecond: 5,
  deviceBurst: 20,
  sessionHours: 12,
};

const SESSION_COOKIE = 'bulwark_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const INSIGHTS_TTL_MS = 5 * 60_000;

export type Env = { Variables: { principal: Principal } };

/**
 * The backend's HTTP API: device enrollment, signed policy and event ingestion for browsers; sessions, events,
 * exports, insights, policy, people and the audit trail for the console. Every input is validated with zod;
 * every route says which permission it needs.
 */
export function createApp(options: AppOptions): Hono<Env> {
  const { store, keys } = options;
  const protectedData = new ProtectedData(store, keys, options.pdf);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // Limits live in the database, so that every instance shares them.
  const shared = new SharedLimits(store.db);
  const deviceBucket = { perSecond: limits.devicePerSecond, burst: limits.deviceBurst };
  // Enrollment tokens are 256 random bits: this limit protects the database from floods, not the token from guessing.
  const enrollBucket = { perSecond: 20, burst: 100 };
  const proxies = new ProxyTrust(options.trustedProxies, options.publicOrigin);
  const clientAddress = (c: Context) => proxies.clientAddress(peerAddress(c), c.req.header('X-Forwarded-For'));
  /**
   * Why a change made with the session cookie is refused, or undefined. The browser sends Origin with every
   * POST, PUT, PATCH and DELETE (and Sec-Fetch-Site); a form or script on another site cannot make it ours.
   */
  const crossSite = (c: Context): string | undefined => {
    if (SAFE_METHODS.has(c.req.method)) return undefined;
    const expected = proxies.origin(c.req.url, peerAddress(c), { proto: c.req.header('X-Forwarded-Proto'), host: c.req.header('X-Forwarded-Host') });
    const origin = c.req.header('Origin');
    if (origin) return origin === expected ? undefined : `Changes are accepted from ${expected} only, not from ${origin.slice(0, 200)}.`;
    if (c.req.header('Sec-Fetch-Site') === 'same-origin') return undefined;
    return `A change made with the session cookie needs an Origin header (${expected}) or Sec-Fetch-Site: same-origin.`;
  };
  const guard = new LoginGuard(shared, (entry) => store.appendAudit(entry), options.signIn ?? DEFAULT_SIGN_IN);
  const app = new Hono<Env>();

  app.onError((err, c) => {
    // The database is away (restarting, failing over): 503 with Retry-After, so that clients keep what they sent.
    if (databaseUnavailable(err)) return serviceUnavailable(c, err);
    // The message may name a value from a request; the log gets the error's kind, code and place only.
    console.error(`[bulwark] ${c.req.method} ${c.req.path}: ${err.name}${(err as { code?: string }).code ? ` ${(err as { code?: string }).code}` : ''}`);
    return problem(c, 500, 'internal', 'The server could not answer this request.');
  });
  app.notFound((c) => problem(c, 404, 'not-found', 'There is nothing here.'));

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', c.res.headers.get('Cache-Control') ?? 'no-store');
  });

  app.route('/', healthRoutes(store.db));

  // The API's description is public: a SOAR integrator reads it before holding a token, and it shows shapes, no data.
  const apiDocument = openApiDocument();
  app.get('/api/openapi.json', (c) => c.json(apiDocument));

  // Every route has a body limit: 64 KB unless named here.
  app.use(
    '*',
    limitBodies([
      { path: '/api/enroll', maxBytes: 4096 },
      { path: '/api/login', maxBytes: 4096 },
      { path: '/api/me/', maxBytes: 4096 },
      { path: '/api/device/events', maxBytes: limits.eventBodyBytes },
      { path: '/api/policies', maxBytes: POLICY_BYTES },
      { path: '/api/policies/validate', maxBytes: POLICY_BYTES },
      { path: '/api/policies/preview', maxBytes: POLICY_BYTES },
      { path: '/api/protected-data/', maxBytes: 64 * 1024 * 1024 },
      { path: '/api/partners/import', maxBytes: 4 * 1024 * 1024 },
    ]),
  );

  /** Who is asking: a device token, an API token or a session cookie. */
  const authenticate = createMiddleware<Env>(async (c, next) => {
    const bearer = bearerOf(c);
    let principal: Principal | undefined;
    if (bearer?.startsWith('bwd_')) {
      const device = await store.deviceByToken(tokenHash(bearer));
      if (device) principal = { kind: 'device', deviceId: device.id, user: device.user };
    } else if (bearer?.startsWith('bwk_')) {
      const token = await store.apiToken(tokenHash(bearer));
      const role = token && tokenRole(token.role, token.creatorRole);
      if (token && role) principal = { kind: 'user', name: `token:${token.label}`, role, via: 'token', owner: token.createdBy };
    } else if (!bearer) {
      const session = getCookie(c, SESSION_COOKIE);
      const user = session ? await store.sessionUser(tokenHash(session)) : undefined;
      if (user) {
        // A cookie rides along with any request the browser makes: a change must say it comes from the console.
        const refused = crossSite(c);
        if (refused) return problem(c, 403, 'cross-site', refused);
        principal = { kind: 'user', name: user.name, role: user.role, via: 'session', sessionHash: tokenHash(session!) };
      }
    }
    if (!principal) return problem(c, 401, 'unauthenticated', 'Sign in, or send a valid token.');
    c.set('principal', principal);
    await next();
  });

  const need = (permission: Permission) =>
    createMiddleware<Env>(async (c, next) => {
      if (!allowed(c.get('principal'), permission)) return problem(c, 403, 'forbidden', `This needs the ${permission} permission.`);
      await next();
    });

  const device = createMiddleware<Env>(async (c, next) => {
    const p = c.get('principal');
    if (p.kind !== 'device') return problem(c, 403, 'forbidden', 'Only enrolled devices use this.');
    const taken = await shared.take(`device:${p.deviceId}`, deviceBucket);
    if (!taken.ok) {
      c.header('Retry-After', String(taken.retryAfter));
      return problem(c, 429, 'rate-limited', 'Too many requests from this device; try again later.');
    }
    await next();
  });

  const actor = (c: Context<Env>) => {
    const p = c.get('principal');
    return p.kind === 'user' ? p.name : `device:${p.deviceId}`;
  };

  // ---- browsers ----

  /**
   * Enrollment with the fleet's token. The server names the device, unless it asks for a name (an asset tag);
   * a name that belongs to a live device is only given again to that device (its own token as Bearer: the token
   * is rotated) or after an administrator revoked it: the fleet's token alone cannot take a device over.
   */
  app.post('/api/enroll', async (c) => {
    const taken = await shared.take(`enroll:${clientAddress(c)}`, enrollBucket);
    if (!taken.ok) {
      c.header('Retry-After', String(taken.retryAfter));
      return problem(c, 429, 'rate-limited', 'Too many enrollments; try again later.');
    }
    const body = await readJson(c, EnrollBody);
    if (!body.ok) return body.response;
    if (!(await store.enrollmentTokenValid(tokenHash(body.value.token)))) return problem(c, 401, 'unauthenticated', 'The enrollment token is unknown, expired or revoked.');
    const deviceId = body.value.deviceId ?? `device-${crypto.randomUUID()}`;
    const deviceToken = newToken('bwd');
    const proof = bearerOf(c);
    if (!(await store.enrollDevice(deviceId, tokenHash(deviceToken), body.value.user, proof && tokenHash(proof))))
      return problem(
        c,
        409,
        'device-exists',
        `A device is enrolled as ${deviceId} already. Only that device (with its own token) can enroll under this name again, or an administrator revokes ${deviceId} first (console: People and devices); enroll without a name to get a new one.`,
      );
    return c.json({ deviceId, deviceToken, hashKey: keys.hashKey, policyPublicKey: keys.signingPublicKey }, 201);
  });

  app.get('/api/device/policy', authenticate, device, async (c) => {
    const current = await store.currentPolicy();
    const p = c.get('principal') as Extract<Principal, { kind: 'device' }>;
    await store.deviceSeen(p.deviceId, 0, readRunning((name) => c.req.header(name)));
    if (!current) return problem(c, 404, 'no-policy', 'No policy has been published yet.');
    const etag = `"v${current.version}"`;
    c.header('ETag', etag);
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    return c.json(current.doc);
  });

  app.get('/api/device/protected-data', authenticate, device, async (c) => {
    const published = await protectedData.published();
    const etag = `"p${published.version}"`;
    c.header('ETag', etag);
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    return c.json(published.body);
  });

  app.post('/api/device/events', ingestGate(limits.ingestInFlight), authenticate, device, async (c) => {
    // Each event's text is checked by its schema: one bad event is refused alone.
    const body = await readJson(c, EventBatch, { perItem: true });
    if (!body.ok) return body.response;
    if (body.value.events.length > limits.eventsPerBatch) return problem(c, 413, 'too-large', `A batch holds at most ${limits.eventsPerBatch} events.`);
    const p = c.get('principal') as Extract<Principal, { kind: 'device' }>;
    const { valid, duplicates: known, rejected } = await readBatch(store, p, body.value.events);
    if (rejected.length) console.warn(`[bulwark] device ${p.deviceId}: ${rejected.length} event(s) refused by the schema at ${rejected.flatMap((r) => r.paths).slice(0, 5).join(', ')}`);
    const [{ inserted, duplicates, expired }] = await Promise.all([store.addEvents(valid), store.deviceSeen(p.deviceId, body.value.dropped, readRunning((name) => c.req.header(name)))]);
    if (expired) console.warn(`[bulwark] device ${p.deviceId}: ${expired} event(s) older than the retention not stored`);
    if (inserted) options.onEvents?.();
    return c.json({ accepted: inserted, duplicates: known + duplicates, expired, rejected });
  });

  // ---- people: sign in ----

  const startSession = async (c: Context<Env>, user: User) => {
    const token = newToken('bws');
    const maxAge = limits.sessionHours * 3600;
    await store.addSession(tokenHash(token), user.id, Date.now() + maxAge * 1000);
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: options.secureCookies || !!options.publicOrigin?.startsWith('https:'), path: '/', maxAge });
    return c.json({ name: user.name, role: user.role, permissions: permissionsOf(user.role) });
  };
  app.route('/api', signInRoutes({ store, guard, secondFactor: new SecondFactor(store.db), authenticate, clientAddress, startSession }));

  app.post('/api/logout', authenticate, async (c) => {
    const p = c.get('principal');
    if (p.kind === 'user' && p.sessionHash) await store.deleteSession(p.sessionHash);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.get('/api/me', authenticate, (c) => {
    const p = c.get('principal');
    if (p.kind !== 'user') return problem(c, 403, 'forbidden', 'Devices have no console.');
    return c.json({ name: p.name, role: p.role, permissions: permissionsOf(p.role) });
  });

  // ---- events ----

  app.get('/api/events', authenticate, need('events.read'), async (c) => {
    const q = readQuery(c, EventQuery);
    if (!q.ok) return q.response;
    const filter = filterOf(q.value);
    const page = await store.events(filter, q.value.limit, q.value.cursor, q.value.sort);
    // The first page says how many match in all (counting every page would cost as much each time).
    return c.json(q.value.cursor ? page : { ...page, ...(await store.countEvents(filter)) });
  });

  app.get('/api/events/:id', authenticate, need('events.read'), async (c) => {
    const found = await store.event(c.req.param('id'));
    return found ? c.json(found) : problem(c, 404, 'not-found', 'No event has this id.');
  });

  app.route('/api', incidentRoutes({ store, authenticate, need, actor }));
  app.route('/api', savedViewRoutes({ store, authenticate, need, actor }));
  app.route('/api', partnerRoutes({ store, keys, authenticate, need, actor }));
  app.route('/api', reportRoutes({ store, keys, authenticate, need, actor }));
  app.route('/api', coachingRoutes({ store, authenticate, need, actor }));
  app.route('/api', traceRoutes({ store, keys, authenticate, need, actor }));
  app.route('/api', requestRoutes({ store, keys, authenticate, need, device, actor }));

  app.get('/api/export', authenticate, need('events.export'), async (c) => {
    const q = readQuery(c, ExportQuery);
    if (!q.ok) return q.response;
    const { format } = q.value;
    const filter = filterOf(q.value as EventQuery);
    const who = actor(c);
    let cursor: string | undefined;
    let count = 0;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (format === 'csv') controller.enqueue(encoder.encode(CSV_HEADER));
      },
      async pull(controller) {
        const page = await store.events(filter, 1000, cursor, q.value.sort);
        const text = page.events.map((s) => (format === 'csv' ? csvRow(s.event) : ocsfLine(s.event))).join('');
        count += page.events.length;
        if (text) controller.enqueue(encoder.encode(text));
        cursor = page.next;
        if (!cursor) {
          await store.appendAudit({ actor: who, action: 'events.export', target: `${count} events`, detail: { format, filter: { ...filter }, count } });
          controller.close();
        }
      },
    });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    c.header('Content-Disposition', `attachment; filename="bulwark-events-${stamp}.${format === 'csv' ? 'csv' : 'ocsf.jsonl'}"`);
    return c.body(body);
  });

  app.get('/api/stats', authenticate, need('events.read'), async (c) => {
    const q = readQuery(c, StatsQuery);
    if (!q.ok) return q.response;
    const to = q.value.to ? Date.parse(q.value.to) : Date.now();
    const from = q.value.from ? Date.parse(q.value.from) : to - 29 * 86_400_000;
    return c.json(await stats(store, from, to));
  });

  // Baselines are over whole days: computed at most every five minutes, not on every visit.
  let insights: { at: number; outliers: Outlier[] } | undefined;
  app.get('/api/insights', authenticate, need('insights.read'), async (c) => {
    if (!insights || Date.now() - insights.at > INSIGHTS_TTL_MS) insights = { at: Date.now(), outliers: await outliers(store) };
    return c.json({ outliers: insights.outliers, computedAt: new Date(insights.at).toISOString() });
  });

  app.get('/api/devices', authenticate, need('devices.read'), async (c) => c.json({ devices: await store.devices() }));
  app.get('/api/fleet', authenticate, need('devices.read'), async (c) => {
    const query = readQuery(c, FleetQuery);
    if (!query.ok) return query.response;
    const [devices, current] = await Promise.all([store.devices(), store.currentPolicy()]);
    return c.json(fleetSummary(devices, current?.version ?? null, query.value.staleDays));
  });

  /** DELETE on something revocable: revoked and written to the audit trail, or 404 when there is no live one. */
  const revocable = (path: string, permission: Permission, action: string, missing: string, revoke: (id: string) => Promise<boolean>) =>
    app.delete(path, authenticate, need(permission), async (c) => {
      const id = c.req.param('id') ?? '';
      if (!(await revoke(id))) return problem(c, 404, 'not-found', missing);
      await store.appendAudit({ actor: actor(c), action, target: id, detail: {} });
      return c.json({ ok: true });
    });
  const numbered = (revoke: (id: number) => Promise<boolean>) => async (id: string) => /^\d{1,15}$/.test(id) && revoke(Number(id));

  revocable('/api/devices/:id', 'fleet.manage', 'device.revoke', 'No enrolled device has this id.', (id) => store.revokeDevice(id));

  // ---- protected data: exact-data tables and fingerprinted documents ----

  app.get('/api/protected-data', authenticate, need('policy.read'), async (c) => c.json(await protectedData.summary()));

  app.post('/api/protected-data/tables', authenticate, need('policy.write'), async (c) => {
    const body = await readJson(c, TableUpload);
    if (!body.ok) return body.response;
    const r = await protectedData.uploadTable(body.value, actor(c));
    return 'errors' in r ? c.json({ errors: r.errors }, 422) : c.json(r, 201);
  });
  app.post('/api/protected-data/documents', authenticate, need('policy.write'), async (c) => {
    const body = await readJson(c, DocumentUpload);
    if (!body.ok) return body.response;
    const r = await protectedData.addDocument(body.value, actor(c));
    return 'errors' in r ? c.json({ errors: r.errors }, 422) : c.json(r, 201);
  });
  app.delete('/api/protected-data/tables/:id', authenticate, need('policy.write'), async (c) =>
    (await protectedData.remove('table', '', c.req.param('id'), actor(c))) ? c.json({ ok: true }) : problem(c, 404, 'not-found', 'No table has this id.'),
  );
  app.delete('/api/protected-data/documents/:set/:id', authenticate, need('policy.write'), async (c) =>
    (await protectedData.remove('document', c.req.param('set'), c.req.param('id'), actor(c))) ? c.json({ ok: true }) : problem(c, 404, 'not-found', 'No document has this id in this set.'),
  );

  // ---- policy ----

  app.get('/api/policies', authenticate, need('policy.read'), async (c) => c.json({ policies: await store.policies(), publicKey: keys.signingPublicKey }));

  app.get('/api/policies/:version', authenticate, need('policy.read'), async (c) => {
    const version = c.req.param('version');
    const found = version === 'current' ? await store.currentPolicy() : /^\d{1,9}$/.test(version) ? await store.policy(Number(version)) : undefined;
    return found ? c.json(found) : problem(c, 404, 'not-found', 'No policy has this version.');
  });

  app.post('/api/policies/validate', authenticate, need('policy.write'), async (c) => {
    const body = await readJson(c, PolicyDraft);
    if (!body.ok) return body.response;
    const r = validatePolicy(body.value.policy);
    return c.json(r.ok ? { ok: true, errors: [] } : r);
  });

  app.post('/api/policies/preview', authenticate, need('policy.write'), async (c) => {
    const body = await readJson(c, PreviewBody);
    if (!body.ok) return body.response;
    const checked = validatePolicy(body.value.policy);
    if (!checked.ok) return c.json({ ok: false, errors: checked.errors }, 422);
    const { findings, labels } = engineFor(checked.policy).scan(body.value.text);
    const decision = evaluate(checked.policy, findings, { channel: body.value.channel, host: body.value.host, recipients: body.value.recipients });
    return c.json({ ok: true, decision, labels, findings: summarize(body.value.text, findings) });
  });

  app.post('/api/policies/impact', authenticate, need('policy.write'), async (c) => {
    const body = await readJson(c, ImpactBody);
    if (!body.ok) return body.response;
    const current = await store.currentPolicy();
    // Checked as publishing would number it, so that a draft that publishes is one that can be weighed.
    const checked = validatePolicy({ ...(body.value.policy as object), version: (current?.version ?? 0) + 1 });
    if (!checked.ok) return c.json({ ok: false, errors: checked.errors }, 422);
    const inForce = current ? validatePolicy(current.doc.policy) : undefined;
    if (!current || !inForce?.ok) return problem(c, 409, 'no-policy', 'No policy is in force to compare with.');
    return c.json({ ok: true, inForce: current.version, ...(await policyImpact(store, inForce.policy, checked.policy, body.value.days)) });
  });

  app.post('/api/policies', authenticate, need('policy.write'), async (c) => {
    const body = await readJson(c, PublishBody);
    if (!body.ok) return body.response;
    return published(c, await publishPolicy(store, keys, body.value.policy, actor(c), body.value.note));
  });

  app.post('/api/policies/:version/rollback', authenticate, need('policy.write'), async (c) => {
    const old = /^\d{1,9}$/.test(c.req.param('version')) ? await store.policy(Number(c.req.param('version'))) : undefined;
    if (!old) return problem(c, 404, 'not-found', 'No policy has this version.');
    const body = await readJson(c, RollbackBody);
    if (!body.ok) return body.response;
    return published(c, await publishPolicy(store, keys, old.doc.policy, actor(c), body.value.note || `Rolled back to version ${old.version}`, old.version));
  });

  // ---- people and fleet ----

  app.get('/api/users', authenticate, need('people.manage'), async (c) => c.json({ users: await store.users() }));

  app.post('/api/users', authenticate, need('people.manage'), async (c) => {
    const body = await readJson(c, NewUser);
    if (!body.ok) return body.response;
    if (await store.userByName(body.value.name)) return problem(c, 409, 'exists', 'Someone already has this name.');
    await store.addUser(body.value.name, await hashPassword(body.value.password), body.value.role);
    await store.appendAudit({ actor: actor(c), action: 'user.create', target: body.value.name, detail: { role: body.value.role } });
    return c.json({ name: body.value.name, role: body.value.role }, 201);
  });

  app.patch('/api/users/:name', authenticate, need('people.manage'), async (c) => {
    const name = c.req.param('name');
    const body = await readJson(c, UserChange);
    if (!body.ok) return body.response;
    const user = await store.userByName(name);
    if (!user) return problem(c, 404, 'not-found', 'Nobody has this name.');
    if (body.value.role && body.value.role !== 'admin' && user.role === 'admin' && (await store.users()).filter((u) => u.role === 'admin').length === 1)
      return problem(c, 409, 'last-admin', 'This is the last admin; make someone else admin first.');
    if (body.value.role) {
      await store.setRole(name, body.value.role);
      await store.appendAudit({ actor: actor(c), action: 'user.role', target: name, detail: { from: user.role, to: body.value.role } });
    }
    if (body.value.password) {
      await store.setPassword(name, await hashPassword(body.value.password));
      await store.appendAudit({ actor: actor(c), action: 'user.password', target: name, detail: {} });
    }
    return c.json({ name, role: body.value.role ?? user.role });
  });

  // effective_role: what the token may do now (bounded by its creator's role); null: it no longer works.
  app.get('/api/tokens', authenticate, need('people.manage'), async (c) =>
    c.json({ tokens: (await store.apiTokens()).map(({ creator_role, ...t }) => ({ ...t, effective_role: tokenRole(t.role, creator_role ?? undefined) ?? null })) }),
  );

  app.post('/api/tokens', authenticate, need('people.manage'), async (c) => {
    const body = await readJson(c, NewApiToken);
    if (!body.ok) return body.response;
    const token = newToken('bwk');
    // A token belongs to a person (a token made with a token belongs to that token's owner): its role follows theirs.
    const id = await store.addApiToken(tokenHash(token), body.value.label, body.value.role, ownerOf(c.get('principal') as Extract<Principal, { kind: 'user' }>));
    await store.appendAudit({ actor: actor(c), action: 'token.create', target: body.value.label, detail: { id, role: body.value.role } });
    return c.json({ id, token, ...body.value }, 201);
  });

  revocable('/api/tokens/:id', 'people.manage', 'token.revoke', 'No live token has this id.', numbered((id) => store.revokeApiToken(id)));

  app.get('/api/enrollment-tokens', authenticate, need('fleet.manage'), async (c) => c.json({ tokens: await store.enrollmentTokens() }));

  app.post('/api/enrollment-tokens', authenticate, need('fleet.manage'), async (c) => {
    const body = await readJson(c, NewEnrollmentToken);
    if (!body.ok) return body.response;
    const token = newToken('bwe');
    const expiresMs = Date.now() + body.value.days * 86_400_000;
    const id = await store.addEnrollmentToken(tokenHash(token), body.value.label, expiresMs);
    await store.appendAudit({ actor: actor(c), action: 'enrollment.create', target: body.value.label, detail: { id, days: body.value.days } });
    return c.json({ id, token, label: body.value.label, expiresMs }, 201);
  });

  revocable('/api/enrollment-tokens/:id', 'fleet.manage', 'enrollment.revoke', 'No live enrollment token has this id.', numbered((id) => store.revokeEnrollmentToken(id)));

  app.get('/api/audit', authenticate, need('audit.read'), async (c) => c.json({ entries: await store.audit() }));

  app.get('/api/audit/verify', authenticate, need('audit.read'), async (c) => c.json(verifyChain(await store.audit())));

  app.get('/api/siem/status', authenticate, need('fleet.manage'), async (c) => c.json({ destinations: (await options.siemStatus?.()) ?? [] }));

  // ---- the console ----

  app.get('*', (c) => {
    const files = options.consoleFiles;
    if (!files) return problem(c, 404, 'no-console', 'The console is not built: npm run build:console.');
    const file = files.get(c.req.path) ?? (c.req.path.startsWith('/api/') ? undefined : files.get('/index.html'));
    if (!file) return problem(c, 404, 'not-found', 'There is nothing here.');
    c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    c.header('X-Frame-Options', 'DENY');
    c.header('Content-Type', file.type);
    return c.body(file.body);
  });

  return app;
}

const POLICY_BYTES = 1024 * 1024;

/** The Bearer token of a request, if it carries one. */
const bearerOf = (c: Context): string | undefined => c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];

/** A publish's answer: 201 with the version, 422 with the policy's errors, 409 when another publisher was first. */
function published(c: Context, r: PublishedPolicy | { errors: Array<{ path: string; message: string }> } | { conflict: number }) {
  if ('errors' in r) return c.json({ ok: false, errors: r.errors }, 422);
  if ('conflict' in r) return problem(c, 409, 'conflict', `Someone published version ${r.conflict} first; reload and try again.`);
  return c.json(r, 201);
}

/** The TCP peer's address (a proxy's, when there is one). */
const peerAddress = (c: Context): string | undefined => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
