import { z } from 'zod';
import { ENTITY_TYPES } from '../core/detect/types';
import { ACTIONS, CHANNELS } from '../core/policy';
import type { EventFilter } from './store';

const time = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'a date or time (ISO 8601)')
  .transform((s) => Date.parse(s));
const text = z.string().trim().min(1).max(256);

/** The console's filters, as query parameters; empty ones count as absent. */
export const EventQuery = z.preprocess(
  (q) => Object.fromEntries(Object.entries(q as Record<string, string>).filter(([, v]) => v !== '')),
  z
    .object({
      from: time.optional(),
      to: time.optional(),
      user: text.optional(),
      device: text.optional(),
      host: text.transform((h) => h.toLowerCase()).optional(),
      channel: z.enum(CHANNELS).optional(),
      type: z.enum(ENTITY_TYPES).optional(),
      rule: text.optional(),
      action: z.enum(ACTIONS).optional(),
      outcome: z.enum(['sent', 'redacted', 'cancelled']).optional(),
      cursor: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a cursor from a previous page').optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    })
    .strict(),
);

export type EventQuery = z.infer<typeof EventQuery>;

export function filterOf(q: EventQuery): EventFilter {
  const { cursor: _c, limit: _l, ...filter } = q;
  return filter;
}
