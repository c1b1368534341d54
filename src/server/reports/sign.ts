import { fromBase64, toBase64 } from '../../core/policy/signature';

/**
 * A report carries its Ed25519 signature inside itself, as `ed25519:` and 88 base64 characters (JSON: the
 * `signature.value`; HTML: the last section; CSV: the last rows; PDF: the document's Keywords).
 * The signature covers the file's exact bytes with that value replaced by the placeholder (`ed25519:` and 88
 * dashes), which has the same length: a PDF's cross-reference offsets stay right, and any changed byte breaks it.
 */
export const SIGNATURE_PLACEHOLDER = `ed25519:${'-'.repeat(88)}`;
const SIGNED = /ed25519:[A-Za-z0-9+/]{86}==/g;
const ED25519 = { name: 'Ed25519' } as const;
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** The file with its placeholder replaced by the signature of its bytes. */
export async function signFile(bytes: Uint8Array, privateKeyPkcs8: string): Promise<Uint8Array> {
  const text = latin1(bytes);
  const at = text.indexOf(SIGNATURE_PLACEHOLDER);
  if (at < 0 || text.indexOf(SIGNATURE_PLACEHOLDER, at + 1) >= 0) throw new Error('a report holds its signature placeholder exactly once');
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(privateKeyPkcs8), ED25519, false, ['sign']);
  const out = Uint8Array.from(bytes);
  const value = `ed25519:${toBase64(await crypto.subtle.sign(ED25519, key, out))}`;
  out.set(Buffer.from(value, 'latin1'), at);
  return out;
}

export type ReportCheck = { ok: true } | { ok: false; reason: string };

/** Checks a signed file against the organisation's public key (base64, 32 bytes). */
export async function verifyFile(bytes: Uint8Array, publicKeyRaw: string): Promise<ReportCheck> {
  const text = latin1(bytes);
  const found = [...text.matchAll(SIGNED)];
  if (found.length !== 1) return { ok: false, reason: found.length ? 'the file holds more than one signature' : 'the file holds no signature' };
  const at = found[0]!.index;
  const signature = fromBase64(found[0]![0].slice('ed25519:'.length));
  const unsigned = Uint8Array.from(bytes);
  unsigned.set(Buffer.from(SIGNATURE_PLACEHOLDER, 'latin1'), at);
  const key = await crypto.subtle.importKey('raw', fromBase64(publicKeyRaw), ED25519, false, ['verify']);
  return (await crypto.subtle.verify(ED25519, key, signature, unsigned)) ? { ok: true } : { ok: false, reason: 'the signature does not match the file: it was changed after it was signed, or signed with another key' };
}
