import { z } from 'zod';

export const REQUEST_KINDS = ['false-positive', 'exception'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
/** The longest exception an employee can ask for, in days (the security team can grant a different one). */
export const MAX_EXCEPTION_DAYS = 90;

/** For an exception: the event's host only or every host, the values found only or all the rule finds, how long. */
export const RequestScope = z
  .object({
    thisHostOnly: z.boolean(),
    theseValuesOnly: z.boolean(),
    days: z.number().int().min(1).max(MAX_EXCEPTION_DAYS),
  })
  .strict();

/**
 * What the employee asked from the dialog, carried by the event of that decision: "this isn't sensitive" (a
 * false-positive report) or an exception to the event's rule for themself, with its scope. Built over the text
 * type of the reason: the event's refuses identifiers (FreeText), the guard's message only bounds the length
 * (the background redacts it). Kept apart from event.ts so that the guard's messages need no engine.
 */
export const employeeRequest = <T extends z.ZodType<string>>(reason: T) =>
  z
    .object({ kind: z.enum(REQUEST_KINDS), reason: reason.optional(), scope: RequestScope.optional().describe('For an exception: what is asked for.') })
    .strict()
    .refine((r) => r.kind === 'false-positive' || r.scope !== undefined, 'an exception request says what it asks for (scope)');
