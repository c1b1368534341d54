import { z } from 'zod';
import { BRIDGE_TAG } from '../bridge-protocol';

/** What the content-script world accepts from the page world: bounded, typed, nothing else. */
export const BridgeRequestSchema = z
  .object({
    tag: z.literal(BRIDGE_TAG),
    id: z.string().max(64),
    kind: z.enum(['upload', 'file-input']),
    url: z.string().max(4096).pipe(z.url({ protocol: /^https?$/ })),
    parts: z
      .array(z.union([z.object({ file: z.instanceof(Blob) }).strict(), z.object({ field: z.string().max(256), value: z.string().max(1024 * 1024) }).strict()]))
      .min(1)
      .max(100),
  })
  .strict();
