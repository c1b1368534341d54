import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUri, stepAt, totpStep } from '../../src/server/totp';

// RFC 6238 appendix B, the SHA-1 rows: the seed is the ASCII string "12345678901234567890", 8 digits.
const SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC6238: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC6238)('at %i s the code is %s', (seconds, code) => {
    expect(hotp(SEED, stepAt(seconds * 1000), 8)).toBe(code);
    // Six digits are the same number modulo 10^6.
    expect(hotp(SEED, stepAt(seconds * 1000))).toBe(code.slice(2));
  });

  it('base32 follows RFC 4648 (without padding) both ways', () => {
    const vectors: Array<[string, string]> = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
    expect(base32Decode('mzxw6ytboi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZ1W')).toThrow();
  });

  it('accepts a code one step either side of now, and says which step it was', () => {
    const secret = base32Encode(SEED);
    const now = 1111111111_000;
    const at = (step: number) => hotp(SEED, step);
    expect(totpStep(secret, at(stepAt(now)), now)).toBe(stepAt(now));
    expect(totpStep(secret, at(stepAt(now) - 1), now)).toBe(stepAt(now) - 1);
    expect(totpStep(secret, at(stepAt(now) + 1), now)).toBe(stepAt(now) + 1);
    expect(totpStep(secret, at(stepAt(now) - 2), now)).toBeUndefined();
    expect(totpStep(secret, 'abcdef', now)).toBeUndefined();
  });

  it('writes the URI authenticator apps scan', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'ann@example.com')).toBe('otpauth://totp/Bulwark:ann%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Bulwark&algorithm=SHA1&digits=6&period=30');
  });
});
