import type { Context } from 'hono';
import { problem } from './http';

/** What a device or a console waits before it asks again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

// Node's socket errors: the database refused, dropped or never answered the connection.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-03 (admin shutdown, crash shutdown, cannot
// connect now: starting up or shutting down), 53300 (too many connections).
const POSTGRES_CODES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
// SQLite: the file is locked past the busy timeout, or the disk failed or filled.
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|PROTOCOL)/;
// node-postgres says these in words only (no code): the pool timed out, or the connection ended under a query.
const PG_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection timeout|not queryable|Client was closed|Cannot use a pool after calling end/i;

/**
 * Whether an error means "the database is away for now" (answer 503 and let the client retry), as opposed to
 * a fault in the request or the code (500). Looks through causes and the parts of an AggregateError (a host
 * name with two addresses fails with one per address).
 */
export function databaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || POSTGRES_CODES.test(code) || SQLITE_CODES.test(code)) return true;
  if (!code && typeof e.message === 'string' && PG_MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => databaseUnavailable(x, depth + 1))) return true;
  return databaseUnavailable(e.cause, depth + 1);
}

let lastLogMs = 0;

/** The answer while the database is away: 503, Retry-After, the API's error shape. The client keeps what it sent. */
export function serviceUnavailable(c: Context, error: unknown): Response {
  // One line every ten seconds during an outage, not one per request; the code only (messages may name hosts).
  if (Date.now() - lastLogMs > 10_000) {
    lastLogMs = Date.now();
    console.error(`[bulwark] the database is unavailable (${codeOf(error)}): answering 503 with Retry-After`);
  }
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  return problem(c, 503, 'unavailable', 'The database is not reachable for now; nothing was stored. Try again later.');
}

const codeOf = (error: unknown): string => {
  const e = error as { code?: unknown; name?: unknown } | undefined;
  return typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'error';
};
