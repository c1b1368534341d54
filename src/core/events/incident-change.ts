import { z } from 'zod';
import { SEVERITIES } from '../policy/schema';
import { FreeText } from './event';
import { INCIDENT_STATUSES } from './incident';

/** A console user's name, as the people routes accept it. */
const OwnerName = z.string().trim().min(1, 'a name').max(128, 'at most 128 characters');

/**
 * One change to one or many incidents: any of status, owner (a console user; null: nobody), severity and verdict
 * (null clears it). The verdict is what the team concluded; like every text an event or a comment holds, it must
 * not hold an identifier.
 */
export const IncidentChange = z
  .object({
    status: z.enum(INCIDENT_STATUSES, `one of ${INCIDENT_STATUSES.join(', ')}`).optional(),
    owner: OwnerName.nullable().optional(),
    severity: z.enum(SEVERITIES, `one of ${SEVERITIES.join(', ')}`).optional(),
    verdict: FreeText(500).pipe(z.string().trim().min(1, 'a verdict, or null to clear it')).nullable().optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'say what to change: status, owner, severity or verdict');
export type IncidentChange = z.infer<typeof IncidentChange>;

/** Many incidents, one change. */
export const BulkIncidentChange = z
  .object({
    ids: z.array(z.number().int().min(1), 'incident ids (numbers)').min(1, 'at least one incident').max(500, 'at most 500 incidents at once'),
    change: IncidentChange,
  })
  .strict();

export const IncidentComment = z
  .object({ text: FreeText(2000).pipe(z.string().trim().min(1, 'write something')) })
  .strict();
