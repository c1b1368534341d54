import { Hono } from 'hono';
import type { SqlDriver } from './store/driver';
import { schemaState } from './store/schema';
import { RETRY_AFTER_SECONDS } from './unavailable';

/** How long readiness waits for the database before it calls it unreachable (a probe has its own timeout). */
const DATABASE_CHECK_MS = 2_000;

/**
 * Probes for load balancers and orchestrators, without authentication and without anything secret in them:
 * - GET /healthz: the process runs and answers (a liveness probe; it never asks the database, so an outage
 *   of the database does not get the process restarted for nothing);
 * - GET /readyz: the database answers and no schema migration is pending (a readiness probe; while it says
 *   503 a load balancer sends requests to another instance).
 */
export function healthRoutes(db: SqlDriver): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ alive: true }));
  app.get('/readyz', async (c) => {
    const reachable = await withTimeout(db.query('SELECT 1'), DATABASE_CHECK_MS).then(
      () => true,
      () => false,
    );
    const pending = reachable ? (await schemaState(db)).pending : [];
    const ready = reachable && !pending.length;
    if (!ready) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json({ ready, checks: { database: reachable ? 'ok' : 'unreachable', migrations: !reachable ? 'unknown' : pending.length ? 'pending' : 'ok' }, ...(pending.length ? { pendingMigrations: pending } : {}) }, ready ? 200 : 503);
  });
  return app;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
