import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { FreeText } from '../core/events/event';
import type { Env } from './app';
import { EventQuery } from './event-filter';
import { problem, queryValues, readJson } from './http';
import type { Permission } from './rights';
import type { Store } from './store';

export interface SavedViewRouteDeps {
  store: Store;
  authenticate: MiddlewareHandler<Env>;
  need: (permission: Permission) => MiddlewareHandler<Env>;
  /** Who asks: a view belongs to them. */
  actor: (c: Context<Env>) => string;
}

/** The events view's query string, as /api/events reads it (a page's cursor and size are not part of a view). */
const ViewQuery = z
  .string()
  .max(4000)
  .transform((s) => {
    const params = new URLSearchParams(s.replace(/^\?/, ''));
    params.delete('cursor');
    params.delete('limit');
    return params;
  })
  .refine((params) => EventQuery.safeParse(queryValues(Object.fromEntries([...params.keys()].map((k) => [k, params.getAll(k)])))).success, 'filters the events view understands')
  .transform((params) => params.toString());

/** A view's name is free text: like every text the backend keeps, it must not hold an identifier. */
export const SavedViewBody = z.object({ name: FreeText(100).pipe(z.string().trim().min(1, 'a name')), query: ViewQuery }).strict();

/** Saved views: each console user's own named filters of the events view; nobody sees another's. */
export function savedViewRoutes({ store, authenticate, need, actor: owner }: SavedViewRouteDeps) {
  const routes = new Hono<Env>();

  routes.get('/views', authenticate, need('events.read'), async (c) => c.json({ views: await store.savedViews(owner(c)) }));

  routes.post('/views', authenticate, need('events.read'), async (c) => {
    const body = await readJson(c, SavedViewBody);
    if (!body.ok) return body.response;
    return c.json(await store.saveView(owner(c), body.value.name, body.value.query), 201);
  });

  routes.delete('/views/:id', authenticate, need('events.read'), async (c) => {
    const id = c.req.param('id');
    return /^\d{1,15}$/.test(id) && (await store.deleteView(owner(c), Number(id))) ? c.json({ ok: true }) : problem(c, 404, 'not-found', 'You have no saved view with this id.');
  });

  return routes;
}
