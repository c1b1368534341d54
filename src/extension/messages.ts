import { z } from 'zod';
import { Policy } from '../core/policy';

/** Messages from content scripts (and pages of the extension) to the background. The receiver validates each. */
export const ToBackground = z.discriminatedUnion('type', [z.object({ type: z.literal('get-policy') }).strict()]);
export type ToBackground = z.infer<typeof ToBackground>;

/** The background's answer to get-policy: the policy in force and where it came from. */
export const PolicyAnswer = z.object({ policy: Policy, source: z.enum(['managed', 'central', 'default']) });
export type PolicyAnswer = z.infer<typeof PolicyAnswer>;
