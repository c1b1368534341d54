import type { Context } from 'hono';
import { z } from 'zod';

/** One shape for every error the API answers: a code for programs, a sentence for people, where it was. */
export function problem(c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503, error: string, message: string, issues?: Array<{ path: string; message: string }>) {
  return c.json({ error, message, ...(issues ? { issues } : {}) }, status);
}

/** Reads and validates a JSON body; answers the error response when it is not JSON or not the right shape. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: problem(c, 400, 'malformed', 'The request body is not JSON.') };
  }
  const r = schema.safeParse(raw);
  if (!r.success) return { ok: false, response: problem(c, 400, 'invalid', 'The request does not have the expected shape.', issuesOf(r.error)) };
  return { ok: true, value: r.data };
}

export function readQuery<T extends z.ZodType>(c: Context, schema: T): { ok: true; value: z.infer<T> } | { ok: false; response: Response } {
  const r = schema.safeParse(c.req.query());
  if (!r.success) return { ok: false, response: problem(c, 400, 'invalid', 'The query does not have the expected shape.', issuesOf(r.error)) };
  return { ok: true, value: r.data };
}

export const issuesOf = (error: z.ZodError) => error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
