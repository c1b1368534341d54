import { normaliseValue } from '../../../core/events/hash';
import { sipHashString, sipKey, sipOut, type SipKey } from '../../../core/protect/siphash';

/**
 * Consents and allowances are kept as SipHash values of "type, value" under a key of this browser session
 * (never the values): synchronous, so that the request listener can check them while the request waits. The
 * content guard gets the key with the policy and hashes what the employee chose to share the same way.
 */
export function consentHash(key: SipKey, type: string, normalisedValue: string): string {
  sipHashString(key, `${type}\u0000${normalisedValue}`);
  return sipOut[1]!.toString(16).padStart(8, '0') + sipOut[0]!.toString(16).padStart(8, '0');
}

/** A found value as the hash takes it ("219 09 9999" and "219-09-9999" are one value). */
export const valueHash = (key: SipKey, type: string, value: string): string => consentHash(key, type, normaliseValue(value));

export function newSessionKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(16));
}

export const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
export const fromBase64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
export { sipKey, type SipKey };
