import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { problem } from './http';

/** A route that takes more (or less) than the default: an exact path, or every path under a prefix ending in '/'. */
export interface BodyRule {
  path: string;
  maxBytes: number;
}

export const DEFAULT_BODY_BYTES = 64 * 1024;

/**
 * One body limit for every route: the default, or the rule for the request's path. A body over it is answered
 * 413 before it is read: at once when Content-Length says so, else as soon as the bytes counted pass the limit
 * (chunked bodies). The rest is not read, so the connection is closed.
 */
export function limitBodies(rules: readonly BodyRule[], defaultBytes = DEFAULT_BODY_BYTES): MiddlewareHandler {
  const limiter = (maxBytes: number) =>
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) => {
        c.header('Connection', 'close');
        return problem(c, 413, 'too-large', `A request to ${c.req.path} is at most ${size(maxBytes)}.`);
      },
    });
  const byRule = rules.map((r) => ({ ...r, limit: limiter(r.maxBytes) }));
  const fallback = limiter(defaultBytes);
  return (c, next) => {
    const path = c.req.path;
    const rule = byRule.find((r) => (r.path.endsWith('/') ? path.startsWith(r.path) : path === r.path));
    return (rule?.limit ?? fallback)(c, next);
  };
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`);
