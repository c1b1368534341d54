import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { BulwarkEvent } from '../core/events/event';
import { summarize } from '../core/events/summary';
import { CHANNELS, engineFor, evaluate } from '../core/policy';
import type { ExtractOptions } from '../core/extract';
import { DocumentUpload, ProtectedData, TableUpload } from './protected';
import { verifyChain } from './audit-chain';
import { EventQuery, filterOf } from './event-filter';
import { CSV_HEADER, csvRow, ocsfLine } from './export';
import { problem, readJson, readQuery } from './http';
import { outliers, stats, type Outlier } from './insights';
import { NoteSchema, publishPolicy, validatePolicy, type OrgKeys } from './org';
import { ingestGate } from './ingest-gate';
import { RateLimiter } from './rate-limit';
import { allowed, permissionsOf, type Permission, type Principal } from './rights';
import { hashPassword, newToken, PASSWORD_RULE, passwordAcceptable, tokenHash, verifyPassword } from './secrets';
import { ROLES, type Store } from './store';

export interface AppOptions {
  store: Store;
  keys: OrgKeys;
  /** The console's built files (index.html, console.js, console.css), served at /. */
  consoleFiles?: Map<string, { type: string; body: string }>;
  /** Set behind TLS (or a TLS proxy): the session cookie is then Secure. */
  secureCookies?: boolean;
  /** Called after events were stored, so forwarders need not poll. */
  onEvents?: () => void;
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
const INSIGHTS_TTL_MS = 5 * 60_000;
const ROLE = z.enum(ROLES);
const NAME = z.string().trim().min(1).max(128).regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ -');

type Env = { Variables: { principal: Principal } };

/**
 * The backend's HTTP API: device enrollment, signed policy and event ingestion for browsers; sessions, events,
 * exports, insights, policy, people and the audit trail for the console. Every input is validated with zod;
 * every route says which permission it needs.
 */
export function createApp(options: AppOptions): Hono<Env> {
  const { store, keys } = options;
  const protectedData = new ProtectedData(store, keys, options.pdf);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const deviceLimiter = new RateLimiter(limits.devicePerSecond, limits.deviceBurst);
  // Enrollment tokens are 256 random bits: this limit protects the database from floods, not the token from guessing.
  const enrollLimiter = new RateLimiter(20, 100);
  const loginLimiter = new RateLimiter(5 / 60, 5);
  const app = new Hono<Env>();

  app.onError((err, c) => {
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

  /** Who is asking: a device token, an API token or a session cookie. */
  const authenticate = createMiddleware<Env>(async (c, next) => {
    const bearer = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    let principal: Principal | undefined;
    if (bearer?.startsWith('bwd_')) {
      const device = await store.deviceByToken(tokenHash(bearer));
      if (device) principal = { kind: 'device', deviceId: device.id, user: device.user };
    } else if (bearer?.startsWith('bwk_')) {
      const token = await store.apiToken(tokenHash(bearer));
      if (token) principal = { kind: 'user', name: `token:${token.label}`, role: token.role, via: 'token' };
    } else if (!bearer) {
      const session = getCookie(c, SESSION_COOKIE);
      const user = session ? await store.sessionUser(tokenHash(session)) : undefined;
      if (user) {
        // A cookie rides along with any request the browser makes: refuse changes that come from another site.
        const origin = c.req.header('Origin');
        if (c.req.method !== 'GET' && origin && origin !== new URL(c.req.url).origin) return problem(c, 403, 'cross-site', 'Requests from other sites are refused.');
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
    const wait = deviceLimiter.take(p.deviceId);
    if (wait) {
      c.header('Retry-After', String(wait));
      return problem(c, 429, 'rate-limited', 'Too many requests from this device; try again later.');
    }
    await next();
  });

  const actor = (c: Context<Env>) => {
    const p = c.get('principal');
    return p.kind === 'user' ? p.name : `device:${p.deviceId}`;
  };

  // ---- browsers ----

  app.post('/api/enroll', limitBody(4096, 'An enrollment request is small.'), async (c) => {
    const wait = enrollLimiter.take(remoteAddress(c));
    if (wait) return problem(c, 429, 'rate-limited', 'Too many enrollments; try again later.');
    const body = await readJson(
      c,
      z.object({ token: z.string().min(1).max(200), deviceId: z.string().trim().min(1).max(128).optional(), user: z.string().trim().min(1).max(256).optional() }).strict(),
    );
    if (!body.ok) return body.response;
    if (!(await store.enrollmentTokenValid(tokenHash(body.value.token)))) return problem(c, 401, 'unauthenticated', 'The enrollment token is unknown, expired or revoked.');
    const deviceId = body.value.deviceId ?? `device-${crypto.randomUUID()}`;
    const deviceToken = newToken('bwd');
    await store.enrollDevice(deviceId, tokenHash(deviceToken), body.value.user);
    return c.json({ deviceId, deviceToken, hashKey: keys.hashKey, policyPublicKey: keys.signingPublicKey }, 201);
  });

  app.get('/api/device/policy', authenticate, device, async (c) => {
    const current = await store.currentPolicy();
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

  app.post(
    '/api/device/events',
    ingestGate(limits.ingestInFlight),
    limitBody(limits.eventBodyBytes, `A batch is at most ${limits.eventBodyBytes} bytes.`),
    authenticate,
    device,
    async (c) => {
      const body = await readJson(c, z.object({ events: z.array(z.unknown()), dropped: z.number().int().min(0).default(0) }).strict());
      if (!body.ok) return body.response;
      if (body.value.events.length > limits.eventsPerBatch) return problem(c, 413, 'too-large', `A batch holds at most ${limits.eventsPerBatch} events.`);
      const p = c.get('principal') as Extract<Principal, { kind: 'device' }>;
      const valid: BulwarkEvent[] = [];
      const rejected: Array<{ index: number; paths: string[] }> = [];
      body.value.events.forEach((raw, index) => {
        const r = BulwarkEvent.safeParse(raw);
        // The token says which device this is; an event cannot speak for another one.
        if (r.success) valid.push({ ...r.data, device: { id: p.deviceId, user: r.data.device.user ?? p.user ?? undefined } });
        else rejected.push({ index, paths: [...new Set(r.error.issues.map((i) => i.path.join('.')))] });
      });
      if (rejected.length) console.warn(`[bulwark] device ${p.deviceId}: ${rejected.length} event(s) refused by the schema at ${rejected.flatMap((r) => r.paths).slice(0, 5).join(', ')}`);
      const [{ inserted, duplicates, expired }] = await Promise.all([store.addEvents(valid), store.deviceSeen(p.deviceId, body.value.dropped)]);
      if (expired) console.warn(`[bulwark] device ${p.deviceId}: ${expired} event(s) older than the retention not stored`);
      if (inserted) options.onEvents?.();
      return c.json({ accepted: inserted, duplicates, expired, rejected });
    },
  );

  // ---- people: sign in ----

  app.post('/api/login', limitBody(4096, 'A sign-in request is small.'), async (c) => {
    const body = await readJson(c, z.object({ name: z.string().min(1).max(128), password: z.string().min(1).max(1024) }).strict());
    if (!body.ok) return body.response;
    // Failed attempts are counted per account: five, then one a minute.
    const account = body.value.name.toLowerCase();
    const wait = loginLimiter.waiting(account);
    if (wait) {
      c.header('Retry-After', String(wait));
      return problem(c, 429, 'rate-limited', 'Too many attempts for this account; wait a minute.');
    }
    const user = await store.userByName(body.value.name);
    // Hash even for an unknown name, so the answer's timing does not tell which names exist.
    const ok = user ? await verifyPassword(body.value.password, user.passwordHash) : await verifyPassword(body.value.password, DUMMY_HASH).then(() => false);
    if (!user || !ok) {
      loginLimiter.take(account);
      return problem(c, 401, 'unauthenticated', 'The name or the password is wrong.');
    }
    const token = newToken('bws');
    const maxAge = limits.sessionHours * 3600;
    await store.addSession(tokenHash(token), user.id, Date.now() + maxAge * 1000);
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: options.secureCookies ?? false, path: '/', maxAge });
    return c.json({ name: user.name, role: user.role, permissions: permissionsOf(user.role) });
  });

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
    return c.json(await store.events(filterOf(q.value), q.value.limit, q.value.cursor));
  });

  app.get('/api/events/:id', authenticate, need('events.read'), async (c) => {
    const found = await store.event(c.req.param('id'));
    return found ? c.json(found) : problem(c, 404, 'not-found', 'No event has this id.');
  });

  app.get('/api/export', authenticate, need('events.export'), async (c) => {
    const q = readQuery(c, EventQuery.and(z.object({ format: z.enum(['csv', 'ocsf']).default('csv') })));
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
        const page = await store.events(filter, 1000, cursor);
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
    const q = readQuery(c, z.object({ from: z.iso.datetime().or(z.iso.date()).optional(), to: z.iso.datetime().or(z.iso.date()).optional() }));
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

  const UPLOAD_BODY = limitBody(64 * 1024 * 1024, 'An upload is at most 64 MB.');
  app.post('/api/protected-data/tables', UPLOAD_BODY, authenticate, need('policy.write'), async (c) => {
    const body = await readJson(c, TableUpload);
    if (!body.ok) return body.response;
    const r = await protectedData.uploadTable(body.value, actor(c));
    return 'errors' in r ? c.json({ errors: r.errors }, 422) : c.json(r, 201);
  });
  app.post('/api/protected-data/documents', UPLOAD_BODY, authenticate, need('policy.write'), async (c) => {
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

  const POLICY_BODY = limitBody(1024 * 1024, 'A policy is at most 1 MB.');

  app.post('/api/policies/validate', POLICY_BODY, authenticate, need('policy.write'), async (c) => {
    const body = await readJson(c, z.object({ policy: z.unknown() }).strict());
    if (!body.ok) return body.response;
    const r = validatePolicy(body.value.policy);
    return c.json(r.ok ? { ok: true, errors: [] } : r);
  });

  app.post('/api/policies/preview', POLICY_BODY, authenticate, need('policy.write'), async (c) => {
    const body = await readJson(
      c,
      z
        .object({
          policy: z.unknown(),
          text: z.string().max(100_000),
          channel: z.enum(CHANNELS).default('paste'),
          host: z.string().trim().toLowerCase().min(1).max(253).default('chatgpt.com'),
          recipients: z.array(z.string().max(320)).max(100).optional(),
        })
        .strict(),
    );
    if (!body.ok) return body.response;
    const checked = validatePolicy(body.value.policy);
    if (!checked.ok) return c.json({ ok: false, errors: checked.errors }, 422);
    const { findings, labels } = engineFor(checked.policy).scan(body.value.text);
    const decision = evaluate(checked.policy, findings, { channel: body.value.channel, host: body.value.host, recipients: body.value.recipients });
    return c.json({ ok: true, decision, labels, findings: summarize(body.value.text, findings) });
  });

  app.post('/api/policies', POLICY_BODY, authenticate, need('policy.write'), async (c) => {
    const body = await readJson(c, z.object({ policy: z.record(z.string(), z.unknown()), note: NoteSchema }).strict());
    if (!body.ok) return body.response;
    const r = await publishPolicy(store, keys, body.value.policy, actor(c), body.value.note);
    return 'errors' in r ? c.json({ ok: false, errors: r.errors }, 422) : c.json(r, 201);
  });

  app.post('/api/policies/:version/rollback', authenticate, need('policy.write'), async (c) => {
    const old = /^\d{1,9}$/.test(c.req.param('version')) ? await store.policy(Number(c.req.param('version'))) : undefined;
    if (!old) return problem(c, 404, 'not-found', 'No policy has this version.');
    const body = await readJson(c, z.object({ note: NoteSchema }).strict());
    if (!body.ok) return body.response;
    const r = await publishPolicy(store, keys, old.doc.policy, actor(c), body.value.note || `Rolled back to version ${old.version}`, old.version);
    return 'errors' in r ? c.json({ ok: false, errors: r.errors }, 422) : c.json(r, 201);
  });

  // ---- people and fleet ----

  app.get('/api/users', authenticate, need('people.manage'), async (c) => c.json({ users: await store.users() }));

  app.post('/api/users', authenticate, need('people.manage'), async (c) => {
    const body = await readJson(c, z.object({ name: NAME, password: z.string().max(1024).refine(passwordAcceptable, PASSWORD_RULE), role: ROLE }).strict());
    if (!body.ok) return body.response;
    if (await store.userByName(body.value.name)) return problem(c, 409, 'exists', 'Someone already has this name.');
    await store.addUser(body.value.name, await hashPassword(body.value.password), body.value.role);
    await store.appendAudit({ actor: actor(c), action: 'user.create', target: body.value.name, detail: { role: body.value.role } });
    return c.json({ name: body.value.name, role: body.value.role }, 201);
  });

  app.patch('/api/users/:name', authenticate, need('people.manage'), async (c) => {
    const name = c.req.param('name');
    const body = await readJson(c, z.object({ role: ROLE.optional(), password: z.string().max(1024).refine(passwordAcceptable, PASSWORD_RULE).optional() }).strict());
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

  app.get('/api/tokens', authenticate, need('people.manage'), async (c) => c.json({ tokens: await store.apiTokens() }));

  app.post('/api/tokens', authenticate, need('people.manage'), async (c) => {
    const body = await readJson(c, z.object({ label: z.string().trim().min(1).max(100), role: ROLE }).strict());
    if (!body.ok) return body.response;
    const token = newToken('bwk');
    const id = await store.addApiToken(tokenHash(token), body.value.label, body.value.role, actor(c));
    await store.appendAudit({ actor: actor(c), action: 'token.create', target: body.value.label, detail: { id, role: body.value.role } });
    return c.json({ id, token, ...body.value }, 201);
  });

  revocable('/api/tokens/:id', 'people.manage', 'token.revoke', 'No live token has this id.', numbered((id) => store.revokeApiToken(id)));

  app.get('/api/enrollment-tokens', authenticate, need('fleet.manage'), async (c) => c.json({ tokens: await store.enrollmentTokens() }));

  app.post('/api/enrollment-tokens', authenticate, need('fleet.manage'), async (c) => {
    const body = await readJson(c, z.object({ label: z.string().trim().min(1).max(100), days: z.number().int().min(1).max(3650).default(365) }).strict());
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

/**
 * A body-size limit that answers 413 in the API's shape. The rest of the body is not read, so the connection
 * cannot carry another request: it is closed.
 */
function limitBody(maxSize: number, message: string) {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      c.header('Connection', 'close');
      return problem(c, 413, 'too-large', message);
    },
  });
}

/** The peer's address (behind a proxy, the proxy's: then every enrollment shares one budget). */
const remoteAddress = (c: Context): string => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';

/** A real scrypt hash of nothing anybody knows, for unknown names. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
