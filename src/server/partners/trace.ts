import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { importHashKey, keyedHash, normaliseValue } from '../../core/events/hash';
import { partnerOf } from '../../core/policy/partners';
import { fromBase64 } from '../../core/policy/signature';
import type { Env } from '../app';
import { readJson } from '../http';
import type { OrgKeys } from '../org';
import type { Permission } from '../rights';
import type { Store } from '../store';
import { partiesOf } from './resolve';

export interface TraceRouteDeps {
  store: Store;
  keys: OrgKeys;
  authenticate: MiddlewareHandler<Env>;
  need: (permission: Permission) => MiddlewareHandler<Env>;
  actor: (c: Context<Env>) => string;
}

const MAX_EVENTS = 1000;

/**
 * "Where did this person's data go?", mounted under /api: POST /identifier-search {value} (identifiers.search)
 * answers the events that carried the value, with their destinations and partners. The server computes the
 * value's keyed hash as devices do (normalised, HMAC under the organisation's key) and keeps nothing of it: the
 * value is in no log, no error and no audit entry (`identifier.search` records who searched and how many events
 * were found). A POST body, so that the value is in no URL either.
 */
/** What the console sends: the identifier, which the server hashes and forgets. */
export const IdentifierSearch = z.object({ value: z.string().trim().min(1, 'the identifier to look for').max(256, 'at most 256 characters') }).strict();

export function traceRoutes(d: TraceRouteDeps): Hono<Env> {
  const { store, keys, authenticate, need, actor } = d;
  const app = new Hono<Env>();
  const key = importHashKey(fromBase64(keys.hashKey));

  app.post('/identifier-search', authenticate, need('identifiers.search'), async (c) => {
    const body = await readJson(c, IdentifierSearch);
    if (!body.ok) return body.response;
    const hash = await keyedHash(await key, normaliseValue(body.value.value));
    const { events: found } = await store.events({ hash: [hash] }, MAX_EVENTS);
    const register = await store.partners.list();
    const internal = ((await store.currentPolicy())?.doc.policy as { internalDomains?: string[] } | undefined)?.internalDomains ?? [];
    const events = found.map(({ event: e }) => {
      const parties = partiesOf(e, internal);
      return {
        id: e.id,
        time: e.time,
        user: e.device.user ?? null,
        channel: e.channel,
        destination: e.destination.host,
        recipientDomains: e.recipientDomains,
        parties,
        partners: [...new Set(parties.map((p) => partnerOf(register, p)).filter((p) => p !== undefined))].map((p) => ({ id: p.id, name: p.name })),
        types: e.findings.filter((f) => f.hashes.includes(hash)).map((f) => f.type),
        rule: e.rule ?? null,
        action: e.action,
        outcome: e.outcome,
      };
    });
    await store.appendAudit({ actor: actor(c), action: 'identifier.search', target: 'events', detail: { found: events.length } });
    return c.json({ events, truncated: events.length === MAX_EVENTS });
  });

  return app;
}
