import browser from 'webextension-polyfill';
import { verifyPolicySignature } from '../../core/policy';
import { decodeProtectedData } from '../../core/protect/bundle';
import { ensureEnrolled } from './enrollment';
import { readManagedSettings } from './policy';

/**
 * The organisation's protected data (exact-data tables, document fingerprints), fetched from the enrolled
 * server beside the policy, checked (signature, shape, a version never lower than the one held) and kept in
 * local storage, where the deciders in pages read it. A refusal or an outage keeps the last good copy.
 */
export const PROTECTED_DATA = 'bulwark.protectedData';
const FETCH_TIMEOUT_MS = 60_000;

export interface StoredProtectedData {
  version: number;
  etag?: string;
  /** The published JSON, as signed. */
  data: unknown;
}

export type ProtectedDataResult = { status: 'not-enrolled' } | { status: 'updated' | 'unchanged'; version: number } | { status: 'unreachable' | 'rejected'; detail: string };

export async function refreshProtectedData(fetchFn: typeof fetch = fetch): Promise<ProtectedDataResult> {
  const enrolled = await ensureEnrolled(fetchFn);
  if (!enrolled) return { status: 'not-enrolled' };
  const publicKey = (await readManagedSettings()).settings.policyPublicKey ?? enrolled.policyPublicKey;
  const held = (await browser.storage.local.get(PROTECTED_DATA))[PROTECTED_DATA] as StoredProtectedData | undefined;
  let response: Response;
  try {
    response = await fetchFn(`${enrolled.serverUrl}/api/device/protected-data`, {
      headers: { Authorization: `Bearer ${enrolled.deviceToken}`, ...(held?.etag ? { 'If-None-Match': held.etag } : {}) },
      cache: 'no-store',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (e) {
    return warn({ status: 'unreachable', detail: (e as Error).message });
  }
  if (response.status === 304 && held) return { status: 'unchanged', version: held.version };
  if (!response.ok) return warn({ status: 'unreachable', detail: `HTTP ${response.status}` });
  try {
    const body = (await response.json()) as { data?: unknown; signature?: unknown };
    if (typeof body.signature !== 'string' || !(await verifyPolicySignature(body.data, body.signature, publicKey))) return warn({ status: 'rejected', detail: 'bad signature' });
    const { version } = decodeProtectedData(body.data);
    if (held && version < held.version) return warn({ status: 'rejected', detail: `version ${version} is older than the ${held.version} held` });
    await browser.storage.local.set({ [PROTECTED_DATA]: { version, etag: response.headers.get('ETag') ?? undefined, data: body.data } satisfies StoredProtectedData });
    return { status: held?.version === version ? 'unchanged' : 'updated', version };
  } catch (e) {
    return warn({ status: 'rejected', detail: (e as Error).message });
  }
}

function warn(r: ProtectedDataResult): ProtectedDataResult {
  console.warn(`[bulwark] protected data ${r.status}${'detail' in r ? `: ${r.detail}` : ''}`);
  return r;
}
