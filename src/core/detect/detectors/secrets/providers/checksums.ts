import { B, checksum, E, type TokenSpec } from '../token';
import { base62, bech32Ok, crc32, prefixedCrc32Ok } from '../checksums';
import { fake } from './shape';

/*
 * Provider formats with a checksum. GitHub's classic tokens and npm's end in the CRC-32 of their 30 random
 * characters (github.blog, 2021). The blog posts describe the scheme, not every detail (which bytes, which
 * base62 alphabet; we checked it on tokens GitHub issued), and catalogues are full of made-up tokens: a failing
 * checksum lowers the score, it does not drop the token. The prefix and length alone are distinctive (other
 * scanners report them without a checksum), so it lowers it only a little: to 0.91, still above an e-mail
 * address (0.9) that a token in `https://TOKEN@github.com` also looks like.
 */

/** A made-up token of this family whose checksum is right: 30 random characters and their CRC-32. */
const withCrc = (prefix: string, seed: string): string => {
  const body = fake('a62', 30, seed);
  return `${prefix}${body}${base62(crc32(body), 6)}`;
};

const crcOk = (prefixLength: number) => (v: string) => prefixedCrc32Ok(v, prefixLength);

/** A GitHub token of the classic family: prefix, 36 base62 characters, the last six a CRC-32. */
export function githubChecked(id: string, description: string, prefix: string, madeUpExample?: string): TokenSpec {
  const valid = withCrc(prefix, id);
  return {
    id, description, keywords: [prefix],
    regex: `${B}${prefix}[A-Za-z0-9]{36}${E}`,
    validate: checksum(crcOk(prefix.length), 'CRC-32 checksum', 0.91),
    window: { before: 16, after: 64 },
    match: [valid, ...(madeUpExample ? [madeUpExample] : [])],
    noMatch: [`${prefix}${fake('a62', 20, id)}`, `x${valid}`],
  };
}

export const checked: TokenSpec[] = [
  {
    id: 'npm-token', description: 'npm access token', keywords: ['npm_'],
    regex: `${B}npm_[A-Za-z0-9]{36}${E}`,
    validate: checksum(crcOk(4), 'CRC-32 checksum', 0.91),
    match: [withCrc('npm_', 'npm'), `npm_${fake('a62', 36, 'npm-unchecked')}`], noMatch: ['npm_install_script'],
  },
  {
    // age (age-encryption.org/v1) encodes keys in Bech32, whose checksum is certain; a failing one still lowers
    // the score only, because a key mistyped by one character in a paste still gives the rest of it away.
    id: 'age-secret-key', description: 'age encryption secret key', keywords: ['age-secret-key-1'],
    regex: `${B}AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}${E}`,
    validate: checksum(bech32Ok, 'Bech32 checksum', 0.6),
    match: ['AGE-SECRET-KEY-1UY4ECG6T8V9M76ET70X8Q4UEQZC427VMR0QN2CJK0VJG4UQHV2S9NP08L7'], noMatch: ['AGE-SECRET-KEY-1QQQ', `AGE-SECRET-KEY-1${'B'.repeat(58)}`],
  },
];
