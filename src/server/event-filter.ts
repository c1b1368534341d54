import { z } from 'zod';
import { ENTITY_TYPES } from '../core/detect/types';
import { FINDING_CATEGORIES, OUTCOMES } from '../core/events/event';
import { ACTIONS, CHANNELS } from '../core/policy';
import { SORT_KEYS, type EventFilter, type EventSort } from './store';

export const SORTS = SORT_KEYS.flatMap((k) => [k, `-${k}`]) as EventSort[];

const time = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'a date or time (ISO 8601)')
  .transform((s) => Date.parse(s));
const text = z.string().trim().min(1).max(256);
/** A parameter given once or repeated (?user=ann&user=bob): always a list. */
const many = <T extends z.ZodType>(one: T) =>
  z
    .union([one, z.array(one).max(20)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as Array<z.output<T>>)
    .optional();

/**
 * The events view's filters, as query parameters (repeat one for several values); empty ones count as absent.
 * user, device, host and rule match a part of the value whatever the case, or the whole value after a "=".
 */
export const EventQuery = z.preprocess(
  (q) => Object.fromEntries(Object.entries(q as Record<string, string | string[]>).map(([k, v]) => [k, Array.isArray(v) ? v.filter((x) => x !== '') : v]).filter(([, v]) => v !== undefined && v.length !== 0)),
  z
    .object({
      from: time.optional(),
      to: time.optional(),
      user: many(text),
      device: many(text),
      host: many(text.transform((h) => h.toLowerCase())),
      rule: many(text),
      channel: many(z.enum(CHANNELS)),
      type: many(z.enum(ENTITY_TYPES)),
      category: many(z.enum(FINDING_CATEGORIES)),
      action: many(z.enum(ACTIONS)),
      outcome: many(z.enum(OUTCOMES)),
      hash: many(z.string().regex(/^[0-9a-f]{64}$/, 'a keyed hash: 64 hex digits')),
      sort: z.enum(SORTS).default('-time'),
      cursor: z.string().regex(/^[A-Za-z0-9_-]{1,512}$/, 'a cursor from a previous page').optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    })
    .strict(),
);

export type EventQuery = z.infer<typeof EventQuery>;

export function filterOf(q: EventQuery): EventFilter {
  const { cursor: _c, limit: _l, sort: _s, ...filter } = q;
  return filter;
}
