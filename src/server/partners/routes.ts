import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { Partner } from '../../core/policy/partners';
import type { Env } from '../app';
import { problem, readJson, readQuery, unstorableAt } from '../http';
import { republishWithRegister, type OrgKeys } from '../org';
import type { Permission } from '../rights';
import type { Store } from '../store';
import { registerFromCsv, registerToCsv } from './csv';
import { registerView } from './resolve';

export interface PartnerRouteDeps {
  store: Store;
  keys: OrgKeys;
  authenticate: MiddlewareHandler<Env>;
  need: (permission: Permission) => MiddlewareHandler<Env>;
  actor: (c: Context<Env>) => string;
}

const DAY = 86_400_000;
export const Period = z
  .object({ from: z.iso.date('a day, YYYY-MM-DD').optional(), to: z.iso.date('a day, YYYY-MM-DD').optional() })
  .strict();

/**
 * The third-party register, mounted under /api:
 * - GET /partners?from&to: partners with what they received (the last 90 days unless given; `to` inclusive),
 *   unknown external parties, and agreements expired or expiring within 30 days;
 * - GET /partners/export: the register as CSV (src/server/partners/csv.ts);
 * - POST /partners (a partner), PUT /partners/:id, DELETE /partners/:id;
 * - POST /partners/import (text/csv): adds or replaces the partners of the file, all or none; 400 with errors by line.
 * Reading needs policy.read, changes policy.write; every change is in the audit trail and publishes the policy in
 * force again with the new register, so that browsers decide with it.
 */
export function partnerRoutes(d: PartnerRouteDeps): Hono<Env> {
  const { store, keys, authenticate, need, actor } = d;
  const app = new Hono<Env>();
  const changed = (c: Context<Env>, note: string) => republishWithRegister(store, keys, actor(c), `Third-party register: ${note}`);

  app.get('/partners', authenticate, need('policy.read'), async (c) => {
    const q = readQuery(c, Period);
    if (!q.ok) return q.response;
    const to = q.value.to ? Date.parse(q.value.to) + DAY : Date.now();
    const from = q.value.from ? Date.parse(q.value.from) : to - 90 * DAY;
    return c.json(await registerView(store, from, to));
  });

  app.get('/partners/export', authenticate, need('policy.read'), async (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="bulwark-partners.csv"');
    return c.body(registerToCsv(await store.partners.list()));
  });

  app.post('/partners', authenticate, need('policy.write'), async (c) => {
    const body = await readJson(c, Partner);
    if (!body.ok) return body.response;
    if (await store.partners.get(body.value.id)) return problem(c, 409, 'exists', `A partner has the id ${body.value.id} already.`);
    await store.partners.put([body.value], actor(c), 'create');
    await changed(c, `${body.value.name} added`);
    return c.json(body.value, 201);
  });

  app.put('/partners/:id', authenticate, need('policy.write'), async (c) => {
    const body = await readJson(c, Partner);
    if (!body.ok) return body.response;
    if (body.value.id !== c.req.param('id')) return problem(c, 400, 'invalid', 'The id in the body is not the one in the path.', [{ path: 'id', message: 'must be the id of the path' }]);
    if (!(await store.partners.get(body.value.id))) return problem(c, 404, 'not-found', 'No partner has this id.');
    await store.partners.put([body.value], actor(c), 'update');
    await changed(c, `${body.value.name} changed`);
    return c.json(body.value);
  });

  app.delete('/partners/:id', authenticate, need('policy.write'), async (c) => {
    if (!(await store.partners.remove(c.req.param('id'), actor(c)))) return problem(c, 404, 'not-found', 'No partner has this id.');
    await changed(c, `${c.req.param('id')} removed`);
    return c.json({ ok: true });
  });

  app.post('/partners/import', authenticate, need('policy.write'), async (c) => {
    const text = await c.req.text();
    if (unstorableAt(text) !== undefined) return problem(c, 400, 'invalid-csv', 'The file holds a NUL character or a lone surrogate.');
    const r = registerFromCsv(text);
    if (!r.ok) return problem(c, 400, 'invalid-csv', `The file was not imported: ${r.errors[0]}`, r.errors.slice(0, 50).map((message) => ({ path: 'csv', message })));
    const done = await store.partners.put(r.partners, actor(c), 'import');
    await changed(c, `${r.partners.length} partners imported`);
    return c.json(done);
  });

  return app;
}
