import browser from 'webextension-polyfill';
import { z } from 'zod';
import { readManagedSettings } from './policy';

const ENROLLMENT = 'bulwark.enrollment';
const DEVICE_KEY = 'bulwark.deviceId';
/** The name the server gave this device at its last enrollment: asked for again after a revocation. */
const ENROLLED_ID = 'bulwark.enrolledDeviceId';
const TIMEOUT_MS = 15_000;

/** What the backend gave this browser at enrollment; kept in local storage, which survives restarts. */
export const Enrollment = z.object({
  serverUrl: z.string(),
  deviceId: z.string(),
  deviceToken: z.string(),
  /** The organisation's key for keyed hashes of findings (base64). */
  hashKey: z.string(),
  /** The key that signs the organisation's policy, learnt over the enrollment's TLS connection. */
  policyPublicKey: z.string(),
  /** The user the device enrolled with (the server's answer does not carry it). */
  user: z.string().optional(),
});
export type Enrollment = z.infer<typeof Enrollment>;

export async function enrollment(): Promise<Enrollment | undefined> {
  const r = Enrollment.safeParse((await browser.storage.local.get(ENROLLMENT))[ENROLLMENT]);
  return r.success ? r.data : undefined;
}

/**
 * Enrolls this browser with the administrator's server (serverUrl + enrollmentToken in managed storage), once
 * per server. Without those settings, or while the server cannot be reached, there is no enrollment and the
 * events wait in the queue; the next flush tries again.
 */
export function ensureEnrolled(fetchFn: typeof fetch = fetch): Promise<Enrollment | undefined> {
  // The policy refresh and the event flush ask together at start: one enrollment, not two devices.
  inFlight ??= enroll(fetchFn).finally(() => (inFlight = undefined));
  return inFlight;
}

let inFlight: Promise<Enrollment | undefined> | undefined;

async function enroll(fetchFn: typeof fetch): Promise<Enrollment | undefined> {
  const { settings } = await readManagedSettings();
  if (!settings.serverUrl || !settings.enrollmentToken) return undefined;
  const serverUrl = settings.serverUrl.replace(/\/+$/, '');
  const user = settings.user ?? (await profileUser());
  const held = await enrollment();
  const renewing = held?.serverUrl === serverUrl ? held : undefined;
  if (renewing && renewing.user === user) return renewing;
  // The user changed (managed settings, the signed-in profile): the device enrolls itself again under its own
  // name, with its own token as proof, so that its events are its new user's, verified. Refused, the old holds.
  const post = (deviceId: string | undefined) =>
    fetchFn(`${serverUrl}/api/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(renewing ? { Authorization: `Bearer ${renewing.deviceToken}` } : {}) },
      body: JSON.stringify({ token: settings.enrollmentToken, deviceId, user }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  try {
    // The administrator's name for this device, else the name the server gave it last time (free again once
    // revoked), else a new one from the server. A name held by another live device is refused (409): next one.
    const remembered = (await browser.storage.local.get(ENROLLED_ID))[ENROLLED_ID];
    const names = renewing
      ? [renewing.deviceId]
      : [...new Set([settings.deviceId, typeof remembered === 'string' ? remembered : undefined].filter((n) => n !== undefined)), undefined];
    let asked = names[0];
    let response = await post(asked);
    for (const name of names.slice(1)) {
      if (response.status !== 409) break;
      console.warn(`[bulwark] enrollment with ${serverUrl}: another enrolled device is named ${asked}; an administrator can revoke it to free the name. Enrolling ${name ? `as ${name}` : 'under a name the server gives'}.`);
      asked = name;
      response = await post(name);
    }
    if (!response.ok) {
      console.warn(`[bulwark] enrollment with ${serverUrl} refused: HTTP ${response.status}`);
      return renewing;
    }
    const made = Enrollment.omit({ serverUrl: true, user: true }).safeParse(await response.json());
    if (!made.success) {
      console.warn(`[bulwark] enrollment with ${serverUrl}: the answer is not an enrollment`);
      return renewing;
    }
    const next: Enrollment = { ...made.data, serverUrl, user };
    await browser.storage.local.set({ [ENROLLMENT]: next, [ENROLLED_ID]: next.deviceId });
    return next;
  } catch (e) {
    console.warn(`[bulwark] enrollment with ${serverUrl} failed: ${(e as Error).message}`);
    return renewing;
  }
}

/** The browser's signed-in profile (Chromium, with the identity.email permission): who uses it, when managed settings do not say. */
async function profileUser(): Promise<string | undefined> {
  const identity = (browser as unknown as { identity?: { getProfileUserInfo?: (details: { accountStatus: 'ANY' }) => Promise<{ email?: string }> } }).identity;
  try {
    return (await identity?.getProfileUserInfo?.({ accountStatus: 'ANY' }))?.email || undefined;
  } catch {
    return undefined;
  }
}

/** The server no longer knows this token (the device was revoked): enroll again at the next chance. */
export async function forgetEnrollment(): Promise<void> {
  // Its name is kept: enrolling again asks for it (free again, since the administrator revoked it).
  const held = await enrollment();
  if (held) await browser.storage.local.set({ [ENROLLED_ID]: held.deviceId });
  await browser.storage.local.remove(ENROLLMENT);
}

/** A name for this device when the administrator gives none: made once, kept. */
export function localDeviceId(): Promise<string> {
  deviceIdMade ??= makeLocalDeviceId().catch((e) => {
    deviceIdMade = undefined;
    throw e;
  });
  return deviceIdMade;
}

let deviceIdMade: Promise<string> | undefined;

async function makeLocalDeviceId(): Promise<string> {
  const stored = (await browser.storage.local.get(DEVICE_KEY))[DEVICE_KEY];
  if (typeof stored === 'string') return stored;
  const made = `device-${crypto.randomUUID()}`;
  await browser.storage.local.set({ [DEVICE_KEY]: made });
  return made;
}
