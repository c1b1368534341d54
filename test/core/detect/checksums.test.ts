import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { base62, bech32Ok, crc32, prefixedCrc32Ok } from '../../../src/core/detect/detectors/secrets/checksums';

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });

  it('agrees with zlib on token-like strings', () => {
    for (const s of ['a', 'ghp_', 'Zk8qP2vL9x3f9Kq2Lm8Np4Rs7Tu1Wx', 'A'.repeat(300)]) expect(crc32(s)).toBe(zlibCrc32(s));
  });
});

describe('base62', () => {
  it('writes digits, then upper case, then lower case, padded to a width', () => {
    expect(base62(0)).toBe('0');
    expect(base62(61)).toBe('z');
    expect(base62(62)).toBe('10');
    expect(base62(35, 3)).toBe('00Z');
    expect(base62(0xffffffff, 6)).toBe('4gfFC3');
  });
});

describe('prefixedCrc32Ok (GitHub and npm tokens)', () => {
  const body = 'Zk8qP2vL9x3f9Kq2Lm8Np4Rs7Tu1Wx';
  const token = `ghp_${body}${base62(crc32(body), 6)}`;

  it('accepts a token whose last six characters are the CRC-32 of the thirty before', () => {
    expect(token).toHaveLength(40);
    expect(prefixedCrc32Ok(token, 4)).toBe(true);
    expect(prefixedCrc32Ok(`npm_${token.slice(4)}`, 4)).toBe(true);
  });

  it('refuses one changed character, a wrong length and a wrong split', () => {
    expect(prefixedCrc32Ok(`ghp_${body.replace('Z', 'Y')}${token.slice(34)}`, 4)).toBe(false);
    expect(prefixedCrc32Ok(token.slice(0, -1), 4)).toBe(false);
    expect(prefixedCrc32Ok(token, 3)).toBe(false);
  });
});

describe('bech32Ok (age keys)', () => {
  it('accepts the valid strings of BIP 173', () => {
    for (const s of ['A12UEL5L', 'a12uel5l', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', 'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w'])
      expect(bech32Ok(s), s).toBe(true);
  });

  it('refuses a changed character, a missing separator and characters outside the alphabet', () => {
    expect(bech32Ok('a12uel5m')).toBe(false);
    expect(bech32Ok('abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx')).toBe(false);
    expect(bech32Ok('pzry9x0s0muk')).toBe(false);
    expect(bech32Ok('a1bio5l')).toBe(false);
  });
});
