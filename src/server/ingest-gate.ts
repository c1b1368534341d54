import { createMiddleware } from 'hono/factory';
import { problem } from './http';

/**
 * At most `limit` event batches in flight in this instance; the next one is answered 503 with Retry-After
 * before its body is read. Devices keep their queue and send again later, so nothing is lost, and an instance
 * that receives more than it can store stays quick for the console instead of queueing every request behind a
 * backlog of batches (the database pool serves both in arrival order).
 */
export function ingestGate(limit: number, retryAfterSeconds = 1) {
  let inFlight = 0;
  return createMiddleware(async (c, next) => {
    if (inFlight >= limit) {
      c.header('Retry-After', String(retryAfterSeconds));
      return problem(c, 503, 'busy', 'This server is busy storing events; send them again later.');
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  });
}
