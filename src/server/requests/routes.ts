import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { FreeText, REQUEST_KINDS } from '../../core/events/event';
import { GrantedException } from '../../core/policy/grants';
import type { Env } from '../app';
import { issuesOf, problem, readJson, readQuery } from '../http';
import { republishWithRegister, type OrgKeys } from '../org';
import { allowed, type Permission, type Principal } from '../rights';
import type { Store } from '../store';
import { REQUEST_STATUSES, type StoredRequest } from '../store/requests';

export interface RequestRouteDeps {
  store: Store;
  keys: OrgKeys;
  authenticate: MiddlewareHandler<Env>;
  need: (permission: Permission) => MiddlewareHandler<Env>;
  /** Enrolled browsers only (and their rate limit). */
  device: MiddlewareHandler<Env>;
  actor: (c: Context<Env>) => string;
}

const DAY = 86_400_000;
/** A grant of the security team's own, without an asked scope (a false-positive report): for this long unless told. */
export const DEFAULT_GRANT_DAYS = 30;

/** The list's filters; empty ones count as absent. */
export const RequestQuery = z.preprocess(
  (q) => Object.fromEntries(Object.entries(q as Record<string, string>).filter(([, v]) => v !== '')),
  z.object({ status: z.enum(REQUEST_STATUSES, `one of ${REQUEST_STATUSES.join(', ')}`).optional(), kind: z.enum(REQUEST_KINDS, `one of ${REQUEST_KINDS.join(', ')}`).optional() }).strict(),
);

/**
 * A decision on a request. `grant` (approving only) widens or narrows what the employee asked: for everyone
 * instead of the requester, every host (true) or the event's host only (false), only the values found (their
 * keyed hashes) or not, and for how many days; what it does not say is as asked (a false-positive report: every
 * host, its values only, 30 days).
 */
export const RequestDecision = z
  .object({
    status: z.enum(['approved', 'rejected']),
    answer: FreeText(500).pipe(z.string().trim()).optional().describe('A note to the employee (shown in the browser); it must not hold an identifier.'),
    grant: z
      .object({
        everyone: z.boolean().optional(),
        everyHost: z.boolean().optional(),
        theseValuesOnly: z.boolean().optional(),
        days: z.number('a number of days').int('a whole number of days').min(1, 'at least 1 day').max(90, 'at most 90 days').optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type RequestDecision = z.infer<typeof RequestDecision>;

/** What the employee's browser shows of a request: theirs only, and of a grant only its reach. */
export const DeviceRequest = z.object({
  id: z.string(),
  kind: z.enum(REQUEST_KINDS),
  status: z.enum(REQUEST_STATUSES),
  rule: z.string().nullable(),
  host: z.string(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().optional(),
  answer: z.string().optional(),
  grant: z.object({ expiresAt: z.iso.datetime(), host: z.string().optional(), everyone: z.boolean(), values: z.boolean() }).optional(),
});
export const DeviceRequests = z.object({ requests: z.array(DeviceRequest) });

const deviceView = (r: StoredRequest): z.infer<typeof DeviceRequest> => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  rule: r.rule,
  host: r.host,
  createdAt: new Date(r.createdMs).toISOString(),
  ...(r.decidedMs !== null ? { decidedAt: new Date(r.decidedMs).toISOString() } : {}),
  ...(r.answer ? { answer: r.answer } : {}),
  ...(r.grant
    ? { grant: { expiresAt: r.grant.grant.expiresAt, ...(r.grant.grant.host ? { host: r.grant.grant.host } : {}), everyone: r.grant.grant.user === undefined, values: r.grant.grant.hashes !== undefined } }
    : {}),
});

/** Why a request cannot be granted as it stands, for the console to say before anyone tries; undefined when it can. */
export function notGrantable(r: Pick<StoredRequest, 'kind' | 'rule'>): string | undefined {
  if (r.kind === 'exception' && !r.rule) return 'The event names no rule, so an exception would have to take out every rule: reject it, or change the policy instead.';
  return undefined;
}

type Made = { ok: true; grant: GrantedException } | { ok: false; status: 400 | 422; error: string; message: string; issues?: Array<{ path: string; message: string }> };

/**
 * The exception an approval makes: id = the request's, for the requester (unless for everyone), at the event's
 * host if asked (unless every host), for the event's rule, only the event's values if asked (their keyed
 * hashes), until now + days.
 */
export function grantOf(r: StoredRequest, wanted: NonNullable<RequestDecision['grant']>, now = Date.now()): Made {
  const refused = notGrantable(r);
  if (refused) return { ok: false, status: 422, error: 'no-rule', message: refused };
  const fp = r.kind === 'false-positive';
  // What the approver says goes (everyHost: false narrows to the event's host); unsaid, as asked (a report asks every host).
  const thisHostOnly = wanted.everyHost !== undefined ? !wanted.everyHost : fp ? false : (r.scope?.thisHostOnly ?? true);
  const values = wanted.theseValuesOnly ?? (fp ? true : r.scope?.theseValuesOnly ?? false);
  const days = wanted.days ?? r.scope?.days ?? DEFAULT_GRANT_DAYS;
  if (values && !r.hashes.length)
    return {
      ok: false,
      status: 400,
      error: 'no-values',
      message: 'The event carries no keyed hashes of its values, so a grant cannot name them: grant by rule and host instead (theseValuesOnly: false).',
      issues: [{ path: 'grant.theseValuesOnly', message: 'the event has no values to grant: grant by rule and host' }],
    };
  if (values && r.hashes.length > 100)
    return { ok: false, status: 400, error: 'too-many-values', message: `The event carries ${r.hashes.length} values, more than the 100 one grant can name: grant by rule and host instead.`, issues: [{ path: 'grant.theseValuesOnly', message: 'more than 100 values' }] };
  if (!wanted.everyone && !r.user)
    return { ok: false, status: 400, error: 'no-user', message: 'The request came from a browser enrolled without a user: a grant can only be for everyone (everyone: true).', issues: [{ path: 'grant.everyone', message: 'the requester has no user name' }] };
  const candidate = {
    id: r.id,
    ...(!wanted.everyone && r.user ? { user: r.user.trim().toLowerCase() } : {}),
    ...(thisHostOnly ? { host: r.host.toLowerCase() } : {}),
    ...(r.rule ? { rule: r.rule } : {}),
    ...(values ? { hashes: r.hashes } : {}),
    expiresAt: new Date(now + days * DAY).toISOString(),
  };
  const checked = GrantedException.safeParse(candidate);
  if (!checked.success) return { ok: false, status: 400, error: 'invalid-grant', message: 'This grant would not be a valid exception.', issues: issuesOf(checked.error).map((i) => ({ ...i, path: `grant.${i.path}` })) };
  return { ok: true, grant: checked.data };
}

/**
 * Employees' requests and the exceptions granted on them, mounted under /api:
 * - GET /requests?status&kind: open ones first, then the newest (incidents.read: a request is an item of the
 *   same review as an incident, about the same event, and shows what an incident shows; every console role reads it);
 * - POST /requests/:id/decision: approve (with a grant for an exception, optionally for a false positive) or
 *   reject, with a note to the employee. Deciding needs incidents.triage or policy.write (whoever triages, and whoever
 *   writes policy); a grant changes the policy and needs policy.write. Decided once: 409 after that.
 * - GET /exceptions: grants in force and those ended in the last 30 days (policy.read);
 * - DELETE /exceptions/:id: revoke a grant (policy.write);
 * - GET /device/requests: the requests of the device's user (or of the device without one), for its popup.
 * Every decision and revocation is audited; one that changes the grants in force publishes the policy again.
 */
export function requestRoutes(d: RequestRouteDeps): Hono<Env> {
  const { store, keys, authenticate, need, device, actor } = d;
  const app = new Hono<Env>();
  const republish = (c: Context<Env>, note: string) => republishWithRegister(store, keys, actor(c), note);

  app.get('/requests', authenticate, need('incidents.read'), async (c) => {
    const q = readQuery(c, RequestQuery);
    if (!q.ok) return q.response;
    const [requests, open] = await Promise.all([store.requests.list(q.value), store.requests.openCount()]);
    // eventId (the request's own id): the event it was made on, for links to it and, by its hashes, to others with the same values.
    return c.json({ requests: requests.map((r) => ({ ...r, eventId: r.id, notGrantable: notGrantable(r) ?? null })), open });
  });

  app.post('/requests/:id/decision', authenticate, async (c) => {
    const p = c.get('principal');
    if (!allowed(p, 'incidents.triage') && !allowed(p, 'policy.write')) return problem(c, 403, 'forbidden', 'This needs the incidents.triage or the policy.write permission.');
    const body = await readJson(c, RequestDecision);
    if (!body.ok) return body.response;
    const request = await store.requests.get(c.req.param('id'));
    if (!request) return problem(c, 404, 'not-found', 'No request has this id.');
    if (request.status !== 'open') return problem(c, 409, 'decided', `This request was ${request.status} already, by ${request.decidedBy ?? 'someone'}.`);
    const { status, answer, grant: wanted } = body.value;
    if (status === 'rejected' && wanted) return problem(c, 400, 'invalid', 'A rejection grants nothing.', [{ path: 'grant', message: 'only with status approved' }]);
    // An exception approved is always granted (as asked, unless told otherwise); a false positive only when told.
    const granting = status === 'approved' && (request.kind === 'exception' || wanted !== undefined);
    let grant: GrantedException | undefined;
    if (granting) {
      if (!allowed(p, 'policy.write')) return problem(c, 403, 'forbidden', 'A grant changes the policy: this needs the policy.write permission.');
      const made = grantOf(request, wanted ?? {});
      if (!made.ok) return problem(c, made.status, made.error, made.message, made.issues);
      grant = made.grant;
    }
    const decided = await store.requests.decide(request.id, { status, ...(answer ? { answer } : {}), ...(grant ? { grant } : {}) }, actor(c));
    if (decided === 'missing') return problem(c, 404, 'not-found', 'No request has this id.');
    if (decided === 'decided') return problem(c, 409, 'decided', 'Someone decided this request first.');
    if (grant) await republish(c, `Exception granted on request ${request.id}`);
    return c.json({ request: decided });
  });

  app.get('/exceptions', authenticate, need('policy.read'), async (c) => c.json({ exceptions: await store.requests.grants() }));

  app.delete('/exceptions/:id', authenticate, need('policy.write'), async (c) => {
    if (!(await store.requests.revoke(c.req.param('id'), actor(c)))) return problem(c, 404, 'not-found', 'No exception in force has this id.');
    await republish(c, `Exception ${c.req.param('id')} revoked`);
    return c.json({ ok: true });
  });

  app.get('/device/requests', authenticate, device, async (c) => {
    const p = c.get('principal') as Extract<Principal, { kind: 'device' }>;
    return c.json({ requests: (await store.requests.ofRequester(p.deviceId, p.user, 50)).map(deviceView) });
  });

  return app;
}
