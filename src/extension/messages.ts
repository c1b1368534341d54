import { z } from 'zod';

/** Messages from content scripts (and pages of the extension) to the background. The receiver validates each. */
export const ToBackground = z.discriminatedUnion('type', [z.object({ type: z.literal('get-policy') }).strict()]);
export type ToBackground = z.infer<typeof ToBackground>;
