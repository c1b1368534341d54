import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

/**
 * Keyed hashes of found values: HMAC-SHA256 under the organisation's key (WebCrypto: the same in a page, a
 * worker and Node), so that the security team can see that two events carry the same value without anyone
 * seeing the value, and nobody without the key can test guesses against an event.
 */

/** The form a value is hashed in, so that "219-09-9999" and "219 09 9999" correlate. */
export function normaliseValue(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[\s\-./()]+/g, '');
}

export async function keyedHash(key: CryptoKey, normalised: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(normalised));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function importHashKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/**
 * The same keyed hash without waiting (@noble/hashes): a decision inside a paste event cannot await WebCrypto,
 * and exceptions granted for certain values are matched by these hashes (src/core/policy/grants.ts).
 */
export function keyedHashNow(rawKey: Uint8Array, normalised: string): string {
  return bytesToHex(hmac(sha256, rawKey, new TextEncoder().encode(normalised)));
}
