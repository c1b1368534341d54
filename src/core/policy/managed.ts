import { z } from 'zod';
import { Policy } from './schema';

/**
 * What an administrator sets through enterprise browser policy (chrome.storage.managed). The managed-storage
 * schema in public/ is generated from this (npm run managed-schema) and a test fails when they drift.
 */
export const ManagedSettings = z
  .object({
    policy: Policy.optional().describe('A complete Bulwark policy. When set, it wins over the central channel and the default.'),
    policyUrl: z.url({ protocol: /^https$/ }).optional().describe('Where the background fetches the signed central policy (HTTPS).'),
    policyPublicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of a 32-byte Ed25519 public key').optional().describe('The Ed25519 public key that signs the central policy (base64, from npm run policy -- keygen).'),
    refreshMinutes: z.number().int().min(5).max(1440).default(60).describe('How often the central policy is fetched again, in minutes.'),
    eventsUrl: z.url({ protocol: /^https$/ }).optional().describe('Where the background sends decision events in batches (HTTPS). Unset: events wait on the device, within the queue bound.'),
    deviceId: z.string().min(1).max(128).optional().describe("This device's name (for example the asset tag). With a server, a name another live device holds is refused and the server gives one; unset, the server names the device (without a server, the extension makes one up once)."),
    user: z.string().min(1).max(256).optional().describe("Who uses this browser, in events (for example ${user_email} in the Google Admin console); unset, the browser's signed-in profile, on Chromium. An event naming anyone else is marked unverified."),
    serverUrl: z
      .url({ protocol: /^https?$/ })
      .refine((u) => u.startsWith('https:') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/?$/.test(u), 'HTTPS (plain HTTP only on this computer, for a trial)')
      .optional()
      .describe('The Bulwark backend (npm start prints it). With enrollmentToken, the browser enrolls there and then sends events to it and reads policy from it.'),
    enrollmentToken: z.string().regex(/^bwe_[A-Za-z0-9_-]{20,}$/, 'an enrollment token from the console (bwe_...)').optional().describe('Enrolls this browser with serverUrl (People and devices page of the console). The same token serves a whole fleet.'),
  })
  .strict();

export type ManagedSettings = z.infer<typeof ManagedSettings>;

/** Keys that Chrome's managed-storage schema understands; zod validates everything else in the extension. */
const CHROME_SCHEMA_KEYS = new Set(['type', 'title', 'description', 'properties', 'additionalProperties', 'items', 'enum']);

type JsonSchema = { [key: string]: unknown };

/**
 * Chrome validates managed storage against a JSON Schema (draft 03) subset: every node has exactly one `type`,
 * the top level is an object without additionalProperties. Patterns are left to zod (Chrome checks them with
 * RE2, which lacks look-arounds), and so are bounds, required keys and defaults.
 */
export function chromeManagedSchema(): JsonSchema {
  const raw = z.toJSONSchema(ManagedSettings, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return simplify(raw);
}

function simplify(node: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  const union = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  if (union) {
    // zod's optional and nullable unions: keep the first typed branch.
    const typed = union.find((b) => b.type && b.type !== 'null');
    return typed ? simplify({ ...typed, description: node.description ?? typed.description }) : { type: 'string' };
  }
  for (const [k, v] of Object.entries(node)) {
    if (!CHROME_SCHEMA_KEYS.has(k)) continue;
    if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v as Record<string, JsonSchema>).map(([p, s]) => [p, simplify(s)]));
    else if (k === 'items') out.items = simplify(v as JsonSchema);
    // A map (a rule's messages by language): Chrome reads additionalProperties below the top level.
    else if (k === 'additionalProperties') {
      if (typeof v === 'object') out.additionalProperties = simplify(v as JsonSchema);
    }
    else out[k] = v;
  }
  if (!out.type) out.type = out.properties ? 'object' : 'string';
  return out;
}
