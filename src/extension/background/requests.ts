import browser from 'webextension-polyfill';
import { z } from 'zod';
import { REQUEST_KINDS } from '../../core/events/request';
import { enrollment } from './enrollment';
import { runningNow } from './policy';

const HELD = 'bulwark.requests';
const TIMEOUT_MS = 10_000;

/** One of the employee's requests as the server answers it (GET /api/device/requests): no one else's. */
export const MyRequest = z.object({
  id: z.string(),
  kind: z.enum(REQUEST_KINDS),
  status: z.enum(['open', 'approved', 'rejected']),
  rule: z.string().optional().nullable(),
  host: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().optional().nullable(),
  answer: z.string().optional().nullable(),
  grant: z.object({ expiresAt: z.string(), host: z.string().optional().nullable(), everyone: z.boolean(), values: z.boolean() }).optional().nullable(),
});
export type MyRequest = z.infer<typeof MyRequest>;

export interface MyRequests {
  requests: MyRequest[];
  /** When the server last answered; undefined when it never has. */
  fetchedAt?: string;
  /** The server could not be reached now: what is shown is what it said at fetchedAt. */
  stale: boolean;
}

/**
 * The employee's requests to the security team and their answers, for the popup: asked from the enrolled server
 * with the device's token; while it cannot be reached, the last answer kept in local storage. Nothing without
 * an enrollment (there is nobody to ask).
 */
export async function myRequests(fetchFn: typeof fetch = fetch): Promise<MyRequests | undefined> {
  const enrolled = await enrollment();
  if (!enrolled) return undefined;
  const held = Held.safeParse((await browser.storage.local.get(HELD))[HELD]);
  try {
    const response = await fetchFn(`${enrolled.serverUrl}/api/device/requests`, {
      headers: { Authorization: `Bearer ${enrolled.deviceToken}`, ...(await runningNow()) },
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = Answer.safeParse(response.ok ? await response.json() : undefined);
    if (!body.success) throw new Error(`the server answered ${response.status}`);
    const fresh = { requests: body.data.requests, fetchedAt: new Date().toISOString() };
    await browser.storage.local.set({ [HELD]: fresh });
    return { ...fresh, stale: false };
  } catch {
    return { requests: held.success ? held.data.requests : [], fetchedAt: held.success ? held.data.fetchedAt : undefined, stale: true };
  }
}

const Answer = z.object({ requests: z.array(MyRequest).max(200) });
const Held = z.object({ requests: z.array(MyRequest), fetchedAt: z.string() });
