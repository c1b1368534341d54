import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { INCIDENT_STATUSES } from '../../core/events/incident';
import { BulkIncidentChange, IncidentChange, IncidentComment } from '../../core/events/incident-change';
import { SEVERITIES } from '../../core/policy/schema';
import type { Env } from '../app';
import { problem, readJson, readQuery } from '../http';
import { allowed, type Permission } from '../rights';
import type { Store } from '../store';

export interface IncidentRouteDeps {
  store: Store;
  authenticate: MiddlewareHandler<Env>;
  need: (permission: Permission) => MiddlewareHandler<Env>;
  /** Who made the request, as the audit trail names them. */
  actor: (c: Context<Env>) => string;
}

const text = z.string().trim().min(1).max(256);

/** The list's filters and page, as query parameters; empty ones count as absent. */
export const IncidentQuery = z.preprocess(
  (q) => Object.fromEntries(Object.entries(q as Record<string, string>).filter(([, v]) => v !== '')),
  z
    .object({
      status: z.enum(INCIDENT_STATUSES, `one of ${INCIDENT_STATUSES.join(', ')}`).optional(),
      severity: z.enum(SEVERITIES, `one of ${SEVERITIES.join(', ')}`).optional(),
      owner: text.optional(),
      rule: text.optional(),
      user: text.optional(),
      event: z.uuid('an event id').optional(),
      limit: z.coerce.number('a number').int('a whole number').min(1, 'at least 1').max(500, 'at most 500').default(50),
      offset: z.coerce.number('a number').int('a whole number').min(0, '0 or more').max(1_000_000, 'at most 1000000').default(0),
    })
    .strict(),
);

const ID = /^\d{1,15}$/;
const NO_INCIDENT = 'No incident has this id.';

/**
 * The security team's incidents, mounted under /api:
 * - GET /incidents?status&severity&owner&rule&user&event&limit&offset: a page, the most recent activity first, with the
 *   total and the totals per status;
 * - GET /incidents/owners: who may own an incident (people who may triage);
 * - GET /incidents/:id: the incident with its events, comments and history (its audit entries);
 * - PATCH /incidents/:id {status?, owner?, severity?, verdict?}: one change;
 * - POST /incidents/bulk {ids, change}: the same change to many, all or none;
 * - POST /incidents/:id/comments {text}: a comment.
 * Reading needs incidents.read, the rest incidents.triage; every change is in the audit trail.
 */
export function incidentRoutes(d: IncidentRouteDeps): Hono<Env> {
  const { store, authenticate, need, actor } = d;
  const app = new Hono<Env>();

  /** A 400 naming the owner when nobody of that name may triage; undefined when the owner is fine (or not changed). */
  const badOwner = async (c: Context<Env>, owner: string | null | undefined) => {
    if (owner === undefined || owner === null) return undefined;
    const user = await store.userByName(owner);
    if (user && allowed({ kind: 'user', name: user.name, role: user.role, via: 'session' }, 'incidents.triage')) return undefined;
    const message = user ? `${owner} may not triage incidents (an analyst or an admin may)` : `nobody called ${owner} uses the console`;
    return problem(c, 400, 'invalid', 'The owner cannot take incidents.', [{ path: 'owner', message }]);
  };

  app.get('/incidents', authenticate, need('incidents.read'), async (c) => {
    const q = readQuery(c, IncidentQuery);
    if (!q.ok) return q.response;
    const { limit, offset, ...filter } = q.value;
    return c.json({ ...(await store.incidents.list(filter, limit, offset)), limit, offset });
  });

  app.get('/incidents/owners', authenticate, need('incidents.read'), async (c) =>
    c.json({ owners: (await store.users()).filter((u) => allowed({ kind: 'user', name: u.name, role: u.role, via: 'session' }, 'incidents.triage')).map((u) => u.name) }),
  );

  app.get('/incidents/:id', authenticate, need('incidents.read'), async (c) => {
    const id = c.req.param('id');
    const incident = ID.test(id) ? await store.incidents.get(Number(id)) : undefined;
    if (!incident) return problem(c, 404, 'not-found', NO_INCIDENT);
    const [events, comments, history] = await Promise.all([store.incidents.events(incident.id), store.incidents.comments(incident.id), store.incidents.history(incident.id)]);
    return c.json({ incident, events, comments, history });
  });

  app.patch('/incidents/:id', authenticate, need('incidents.triage'), async (c) => {
    const id = c.req.param('id');
    if (!ID.test(id)) return problem(c, 404, 'not-found', NO_INCIDENT);
    const body = await readJson(c, IncidentChange);
    if (!body.ok) return body.response;
    const refused = await badOwner(c, body.value.owner);
    if (refused) return refused;
    const r = await store.incidents.change([Number(id)], body.value, actor(c));
    return r.missing.length ? problem(c, 404, 'not-found', NO_INCIDENT) : c.json({ incident: r.incidents[0] });
  });

  app.post('/incidents/bulk', authenticate, need('incidents.triage'), async (c) => {
    const body = await readJson(c, BulkIncidentChange);
    if (!body.ok) return body.response;
    const refused = await badOwner(c, body.value.change.owner);
    if (refused) return refused;
    const r = await store.incidents.change(body.value.ids, body.value.change, actor(c));
    if (r.missing.length) return problem(c, 404, 'not-found', `No incident has the id ${r.missing.slice(0, 20).join(', ')}; nothing was changed.`, r.missing.slice(0, 20).map((m) => ({ path: 'ids', message: `${m} is no incident` })));
    return c.json({ incidents: r.incidents });
  });

  app.post('/incidents/:id/comments', authenticate, need('incidents.triage'), async (c) => {
    const id = c.req.param('id');
    if (!ID.test(id)) return problem(c, 404, 'not-found', NO_INCIDENT);
    const body = await readJson(c, IncidentComment);
    if (!body.ok) return body.response;
    const comment = await store.incidents.comment(Number(id), actor(c), body.value.text);
    return comment ? c.json(comment, 201) : problem(c, 404, 'not-found', NO_INCIDENT);
  });

  return app;
}
