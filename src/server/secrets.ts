import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords are kept as scrypt hashes (memory-hard, per-user salt); tokens (sessions, API, devices,
 * enrollment) are random and kept as SHA-256 hashes, so a copy of the database lets nobody in.
 */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

export function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, SCRYPT, (err, key) =>
      err ? reject(err) : resolve(`scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`),
    ),
  );
}

export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return Promise.resolve(false);
  const expected = Buffer.from(key, 'base64');
  return new Promise((resolve) =>
    scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem }, (err, derived) =>
      resolve(!err && timingSafeEqual(derived, expected)),
    ),
  );
}

/** A new secret token, its kind readable in front ("bwd_..." for devices), so a leaked one is recognisable. */
export function newToken(kind: 'bws' | 'bwk' | 'bwd' | 'bwe'): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export const PASSWORD_RULE = 'at least 12 characters';
export const passwordAcceptable = (password: string): boolean => [...password].length >= 12;
