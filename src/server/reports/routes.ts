import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Env } from '../app';
import { problem, readQuery } from '../http';
import type { OrgKeys } from '../org';
import type { Permission } from '../rights';
import type { Store } from '../store';
import { FORMATS, generateReport, PROFILES, type Format, type Profile } from '.';

export interface ReportRouteDeps {
  store: Store;
  keys: OrgKeys;
  authenticate: MiddlewareHandler<Env>;
  need: (permission: Permission) => MiddlewareHandler<Env>;
  actor: (c: Context<Env>) => string;
}

const TYPES: Record<Format, string> = { json: 'application/json', html: 'text/html; charset=utf-8', csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' };
const Day = z.iso.date('a day, YYYY-MM-DD');
export const Wanted = z
  .object({ from: Day, to: Day, profile: z.enum(Object.keys(PROFILES) as [Profile, ...Profile[]]), format: z.enum(FORMATS).default('pdf') })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'not before from' });

/** A signed file as a download (never shown in the console's origin). */
function download(c: Context, file: Uint8Array, r: { from: string; to: string; profile: string; format: string }) {
  c.header('Content-Type', TYPES[r.format as Format]);
  c.header('Content-Disposition', `attachment; filename="bulwark-${r.profile}-${r.from}-${r.to}.${r.format}"`);
  return c.body(Buffer.from(file));
}

/**
 * Compliance reports, mounted under /api (audit.read: whoever reads the audit trail):
 * - GET /reports: the reports kept (the monthly ones), the newest first;
 * - GET /reports/:id/file: one of them, as signed;
 * - GET /reports/generate?from&to&profile&format: a report made now, not kept.
 * Downloads and reports made are audit entries (`report.download`, `report.generate`).
 */
export function reportRoutes(d: ReportRouteDeps): Hono<Env> {
  const { store, keys, authenticate, need, actor } = d;
  const app = new Hono<Env>();

  app.get('/reports', authenticate, need('audit.read'), async (c) => c.json({ reports: await store.reports.list(), profiles: Object.keys(PROFILES), formats: FORMATS }));

  app.get('/reports/generate', authenticate, need('audit.read'), async (c) => {
    const q = readQuery(c, Wanted);
    if (!q.ok) return q.response;
    const file = await generateReport(store, keys, q.value);
    await store.appendAudit({ actor: actor(c), action: 'report.generate', target: `report ${q.value.profile} ${q.value.from}..${q.value.to}`, detail: { ...q.value, bytes: file.length } });
    return download(c, file, q.value);
  });

  app.get('/reports/:id/file', authenticate, need('audit.read'), async (c) => {
    const id = c.req.param('id');
    const kept = /^\d{1,15}$/.test(id) ? await store.reports.file(Number(id)) : undefined;
    if (!kept) return problem(c, 404, 'not-found', 'No report has this id.');
    await store.appendAudit({ actor: actor(c), action: 'report.download', target: `report ${kept.report.id}`, detail: { ...kept.report } });
    return download(c, kept.file, kept.report);
  });

  return app;
}
