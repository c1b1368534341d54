/**
 * SipHash-2-4 (Aumasson and Bernstein): a keyed hash designed for short inputs, fast enough to hash every
 * candidate value of a paste yet a pseudo-random function to whoever lacks the key. The exact-data tables that
 * reach a browser hold only these 64-bit values. 64-bit words are kept as pairs of 32-bit halves.
 */
export type SipKey = Uint32Array; // k0 low, k0 high, k1 low, k1 high

export function sipKey(bytes: Uint8Array): SipKey {
  if (bytes.length < 16) throw new Error('a SipHash key has 16 bytes');
  const v = new DataView(bytes.buffer, bytes.byteOffset, 16);
  return Uint32Array.of(v.getUint32(0, true), v.getUint32(4, true), v.getUint32(8, true), v.getUint32(12, true));
}

/** The result of the last `sipHash`: [low, high]. One buffer, so that hashing allocates nothing. */
export const sipOut = new Uint32Array(2);

/** Hashes `len` bytes of `m`; the result is in `sipOut`. Rounds are written out: state in locals, not in a closure. */
export function sipHash(key: SipKey, m: Uint8Array, len: number): void {
  let v0l = key[0]! ^ 0x70736575, v0h = key[1]! ^ 0x736f6d65;
  let v1l = key[2]! ^ 0x6e646f6d, v1h = key[3]! ^ 0x646f7261;
  let v2l = key[0]! ^ 0x6e657261, v2h = key[1]! ^ 0x6c796765;
  let v3l = key[2]! ^ 0x79746573, v3h = key[3]! ^ 0x74656462;
  let t = 0, u = 0;
  const end = len - (len % 8);
  // One pass per 8-byte word, then one for the last bytes and the length, then the finalisation.
  for (let i = 0; i <= end; i += 8) {
    let ml = 0, mh = 0, rounds = 2;
    if (i < end) {
      ml = (m[i]! | (m[i + 1]! << 8) | (m[i + 2]! << 16) | (m[i + 3]! << 24)) >>> 0;
      mh = (m[i + 4]! | (m[i + 5]! << 8) | (m[i + 6]! << 16) | (m[i + 7]! << 24)) >>> 0;
    } else {
      mh = (len & 0xff) << 24;
      for (let k = end; k < len; k++) {
        const shift = (k - end) * 8;
        if (shift < 32) ml |= m[k]! << shift;
        else mh |= m[k]! << (shift - 32);
      }
      ml >>>= 0;
      mh >>>= 0;
    }
    v3l = (v3l ^ ml) >>> 0;
    v3h = (v3h ^ mh) >>> 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let r = 0; r < rounds; r++) {
        // v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32)
        t = (v0l + v1l) >>> 0; v0h = (v0h + v1h + (t < v0l ? 1 : 0)) >>> 0; v0l = t;
        t = (v1l << 13) | (v1h >>> 19); u = (v1h << 13) | (v1l >>> 19); v1l = (t ^ v0l) >>> 0; v1h = (u ^ v0h) >>> 0;
        t = v0l; v0l = v0h; v0h = t;
        // v2 += v3; v3 = rotl(v3, 16) ^ v2
        t = (v2l + v3l) >>> 0; v2h = (v2h + v3h + (t < v2l ? 1 : 0)) >>> 0; v2l = t;
        t = (v3l << 16) | (v3h >>> 16); u = (v3h << 16) | (v3l >>> 16); v3l = (t ^ v2l) >>> 0; v3h = (u ^ v2h) >>> 0;
        // v0 += v3; v3 = rotl(v3, 21) ^ v0
        t = (v0l + v3l) >>> 0; v0h = (v0h + v3h + (t < v0l ? 1 : 0)) >>> 0; v0l = t;
        t = (v3l << 21) | (v3h >>> 11); u = (v3h << 21) | (v3l >>> 11); v3l = (t ^ v0l) >>> 0; v3h = (u ^ v0h) >>> 0;
        // v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32)
        t = (v2l + v1l) >>> 0; v2h = (v2h + v1h + (t < v2l ? 1 : 0)) >>> 0; v2l = t;
        t = (v1l << 17) | (v1h >>> 15); u = (v1h << 17) | (v1l >>> 15); v1l = (t ^ v2l) >>> 0; v1h = (u ^ v2h) >>> 0;
        t = v2l; v2l = v2h; v2h = t;
      }
      if (pass === 0) {
        v0l = (v0l ^ ml) >>> 0;
        v0h = (v0h ^ mh) >>> 0;
        if (i < end) break;
        // After the last word: the finalisation's four rounds.
        v2l = (v2l ^ 0xff) >>> 0;
        rounds = 4;
      }
    }
  }
  sipOut[0] = (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
  sipOut[1] = (v0h ^ v1h ^ v2h ^ v3h) >>> 0;
}

const scratch = { bytes: new Uint8Array(256) };
const encoder = new TextEncoder();

/** Hashes a string's UTF-8 bytes (ASCII without an encoder call); the result is in `sipOut`. */
export function sipHashString(key: SipKey, s: string): void {
  let len = s.length;
  let bytes = scratch.bytes;
  let ascii = true;
  if (len > bytes.length) bytes = scratch.bytes = new Uint8Array(len * 3);
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    bytes[i] = c;
  }
  if (!ascii) {
    if (len * 3 > bytes.length) bytes = scratch.bytes = new Uint8Array(len * 3);
    len = encoder.encodeInto(s, bytes).written;
  }
  sipHash(key, bytes, len);
}
