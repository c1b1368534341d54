import type { Context } from 'hono';
import { z } from 'zod';

/** One shape for every error the API answers: a code for programs, a sentence for people, where it was. */
export function problem(c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503, error: string, message: string, issues?: Array<{ path: string; message: string }>) {
  return c.json({ error, message, ...(issues ? { issues } : {}) }, status);
}

/**
 * Reads and validates a JSON body; answers the error response when it is not JSON or not the right shape, or
 * holds text no database can store (a NUL, a lone surrogate) anywhere. `perItem`: the schema checks text item
 * by item itself (a batch of events: one bad event must not refuse the others).
 */
export async function readJson<T extends z.ZodType>(c: Context, schema: T, options: { perItem?: boolean } = {}): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: problem(c, 400, 'malformed', 'The request body is not JSON.') };
  }
  const bad = options.perItem ? undefined : unstorableAt(raw);
  if (bad !== undefined) return { ok: false, response: problem(c, 400, 'invalid', 'The request holds a NUL character or a lone surrogate.', [{ path: bad || '(body)', message: UNSTORABLE_MESSAGE }]) };
  const r = schema.safeParse(raw);
  if (!r.success) return { ok: false, response: problem(c, 400, 'invalid', 'The request does not have the expected shape.', issuesOf(r.error)) };
  return { ok: true, value: r.data };
}

/** Validates the query parameters; one given more than once reaches the schema as a list of its values. */
export function readQuery<T extends z.ZodType>(c: Context, schema: T): { ok: true; value: z.infer<T> } | { ok: false; response: Response } {
  const query = queryValues(c.req.queries());
  const bad = unstorableAt(query);
  if (bad !== undefined) return { ok: false, response: problem(c, 400, 'invalid', 'The query holds a NUL character or a lone surrogate.', [{ path: bad, message: UNSTORABLE_MESSAGE }]) };
  const r = schema.safeParse(query);
  if (!r.success) return { ok: false, response: problem(c, 400, 'invalid', 'The query does not have the expected shape.', issuesOf(r.error)) };
  return { ok: true, value: r.data };
}

/** Query parameters as a schema reads them: a value, or a list of them for a parameter given more than once. */
export const queryValues = (q: Record<string, string[]>): Record<string, string | string[]> => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));

export const issuesOf = (error: z.ZodError) => error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));

const UNSTORABLE = /\u0000|\p{Cs}/u;
const UNSTORABLE_MESSAGE = 'no NUL characters or lone surrogates';

/** The path of the first string (or key) in a JSON value that holds what no database stores as text. */
export function unstorableAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return path || '(body)';
    const found = unstorableAt(inner, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
