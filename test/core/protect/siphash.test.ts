import { describe, expect, it } from 'vitest';
import { sipHash, sipKey, sipOut } from '../../../src/core/protect/siphash';

// The reference test vectors of SipHash-2-4: key 00..0f, message 00..(n-1).
const key = sipKey(Uint8Array.from({ length: 16 }, (_, i) => i));
const hex = (n: number) => {
  sipHash(key, Uint8Array.from({ length: n }, (_, i) => i), n);
  return sipOut[1]!.toString(16).padStart(8, '0') + sipOut[0]!.toString(16).padStart(8, '0');
};

describe('SipHash-2-4', () => {
  it('gives the reference outputs', () => {
    expect(hex(0)).toBe('726fdb47dd0e0e31');
    expect(hex(1)).toBe('74f839c593dc67fd');
    expect(hex(15)).toBe('a129ca6149be45e5');
  });
});
