/**
 * Ed25519 signatures over a policy, with WebCrypto: the same code signs in Node (the CLI) and verifies in the
 * extension's service worker. The signature covers the policy's canonical JSON (keys sorted, no spaces), so
 * re-formatting a document does not break it and changing any value does.
 */
export interface SignedPolicy {
  policy: unknown;
  /** Base64 of the 64-byte Ed25519 signature. */
  signature: string;
}

const ED25519 = { name: 'Ed25519' } as const;

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const toBase64 = (bytes: ArrayBuffer | Uint8Array): string => btoa(String.fromCharCode(...new Uint8Array(bytes)));

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/-----[^-]+-----|\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new Error('not base64');
  return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
}

/** A new key pair: the public key as base64 of its 32 raw bytes, the private key as base64 PKCS #8. */
export async function generateKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    publicKey: toBase64(await crypto.subtle.exportKey('raw', pair.publicKey)),
    privateKey: toBase64(await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
  };
}

/** The public half of a private key (base64 PKCS #8), as generateKeyPair gives it: a private JWK carries it. */
export async function publicKeyOf(privateKeyPkcs8: string): Promise<string> {
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(privateKeyPkcs8), ED25519, true, ['sign']);
  const { x } = await crypto.subtle.exportKey('jwk', key);
  if (!x) throw new Error('the private key does not name its public half');
  return toBase64(fromBase64(x.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(x.length / 4) * 4, '=')));
}

export async function signPolicy(policy: unknown, privateKeyPkcs8: string): Promise<SignedPolicy> {
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(privateKeyPkcs8), ED25519, false, ['sign']);
  const signature = await crypto.subtle.sign(ED25519, key, new TextEncoder().encode(canonicalJson(policy)));
  return { policy, signature: toBase64(signature) };
}

/** True when `signature` is the signature of `policy` by the holder of `publicKeyRaw` (base64, 32 bytes). */
export async function verifyPolicySignature(policy: unknown, signature: string, publicKeyRaw: string): Promise<boolean> {
  const raw = fromBase64(publicKeyRaw);
  if (raw.length !== 32) throw new Error(`an Ed25519 public key has 32 bytes, this one ${raw.length}`);
  const sig = fromBase64(signature);
  if (sig.length !== 64) return false;
  const key = await crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']);
  return crypto.subtle.verify(ED25519, key, sig, new TextEncoder().encode(canonicalJson(policy)));
}
