import { z } from 'zod';
import { BRIDGE_TAG, MAX_PARTS, MAX_TEXT } from '../bridge-protocol';

const Url = z.string().max(4096).pipe(z.url({ protocol: /^(https?|wss?)$/ }));
const TextPart = z.union([
  z.object({ body: z.string().max(MAX_TEXT), type: z.string().max(256) }).strict(),
  z.object({ field: z.string().max(256), value: z.string().max(MAX_TEXT) }).strict(),
]);

/** What the content-script world accepts from the page world: bounded, typed, nothing else. */
export const BridgeRequestSchema = z
  .object({
    tag: z.literal(BRIDGE_TAG),
    id: z.string().max(64),
    kind: z.enum(['upload', 'file-input', 'paste', 'form']),
    url: Url,
    parts: z.array(z.union([z.object({ file: z.instanceof(Blob) }).strict(), TextPart])).max(MAX_PARTS),
  })
  .strict()
  .refine((r) => r.kind === 'form' || r.parts.length > 0, 'a request without parts');

/** The detail of the synchronous path's event (JSON text from the page world). */
export const RequestNowSchema = z
  .object({ id: z.string().max(64), url: Url, parts: z.array(TextPart).max(MAX_PARTS), files: z.boolean() })
  .strict();
