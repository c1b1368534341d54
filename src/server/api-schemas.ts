import { z } from 'zod';
import { PlainText } from '../core/events/event';
import { CHANNELS } from '../core/policy';
import { EventQuery } from './event-filter';
import { NoteSchema } from './org';
import { PASSWORD_RULE, passwordAcceptable } from './secrets';
import { ROLES } from './store';

/**
 * The bodies and queries app.ts's routes read, by name: the handlers validate with them and the API document
 * (openapi.ts) describes them, so the two cannot drift apart.
 */

const ROLE = z.enum(ROLES);
const NAME = z.string().trim().min(1).max(128).regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ -');
const NEW_PASSWORD = z.string().max(1024).refine(passwordAcceptable, PASSWORD_RULE);
const LABEL = z.string().trim().min(1).max(100);

export const EnrollBody = z
  .object({ token: z.string().min(1).max(200), deviceId: PlainText(128).pipe(z.string().trim().min(1)).optional(), user: PlainText(256).pipe(z.string().trim().min(1)).optional() })
  .strict();
/** Each event is checked by its own schema (BulwarkEvent): one bad event is refused alone. */
export const EventBatch = z.object({ events: z.array(z.unknown()), dropped: z.number().int().min(0).default(0) }).strict();
export const ExportQuery = EventQuery.and(z.object({ format: z.enum(['csv', 'ocsf']).default('csv') }));
export const StatsQuery = z.object({ from: z.iso.datetime().or(z.iso.date()).optional(), to: z.iso.datetime().or(z.iso.date()).optional() });
/** The fleet summary: devices with no contact for this many days are stale. */
export const FleetQuery = z.object({ staleDays: z.coerce.number().int().min(1).max(365).default(7) });
export const PolicyDraft = z.object({ policy: z.unknown() }).strict();
/** A draft's impact: evaluated over the stored events of the last `days` days beside the policy in force. */
export const ImpactBody = z.object({ policy: z.unknown(), days: z.number().int().min(1).max(90).default(30) }).strict();
export const PreviewBody = z
  .object({
    policy: z.unknown(),
    text: z.string().max(100_000),
    channel: z.enum(CHANNELS).default('paste'),
    host: z.string().trim().toLowerCase().min(1).max(253).default('chatgpt.com'),
    recipients: z.array(z.string().max(320)).max(100).optional(),
  })
  .strict();
export const PublishBody = z.object({ policy: z.record(z.string(), z.unknown()), note: NoteSchema }).strict();
export const RollbackBody = z.object({ note: NoteSchema }).strict();
export const NewUser = z.object({ name: NAME, password: NEW_PASSWORD, role: ROLE }).strict();
export const UserChange = z.object({ role: ROLE.optional(), password: NEW_PASSWORD.optional() }).strict();
export const NewApiToken = z.object({ label: LABEL, role: ROLE }).strict();
export const NewEnrollmentToken = z.object({ label: LABEL, days: z.number().int().min(1).max(3650).default(365) }).strict();
