import { Inflate } from 'fflate';

/**
 * ZIP archives read from their central directory, entry by entry, with the limits that make a zip bomb a
 * finding instead of an outage: entry count, expanded size per entry and in all, and the compression ratio,
 * checked against the declared sizes first and against the bytes actually inflated (a bomb may lie in its
 * headers).
 */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  offset: number;
}

export class ZipError extends Error {
  constructor(
    readonly kind: 'malformed' | 'bomb' | 'encrypted' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);

export function zipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  // The end-of-central-directory record is in the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new ZipError('malformed', 'no end of central directory: the archive is truncated or not a ZIP');
  const count = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('unsupported', 'ZIP64 archives are not read');
  if (count > maxEntries) throw new ZipError('bomb', `${count} entries, more than the limit of ${maxEntries}`);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError('malformed', 'the central directory is damaged');
    const flags = u16(bytes, p + 8);
    const nameLength = u16(bytes, p + 28);
    const extra = u16(bytes, p + 30);
    const comment = u16(bytes, p + 32);
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      encrypted: (flags & 1) === 1,
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      offset: u32(bytes, p + 42),
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** A budget of expanded bytes shared by every entry of one file (nested archives included). */
export interface Budget {
  remaining: number;
  maxRatio: number;
}

export function readEntry(bytes: Uint8Array, e: ZipEntry, budget: Budget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflateEntry(bytes, e, budget, (chunk) => {
    chunks.push(chunk);
    total += chunk.length;
  });
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * An entry's text in pieces that each end just after `cut` (a closing tag such as "</w:p>"), so that XML of
 * hundreds of megabytes is parsed piece by piece: the whole of it is never in memory at once.
 */
export function readEntryText(bytes: Uint8Array, e: ZipEntry, budget: Budget, cut: string, onPiece: (xml: string) => void): void {
  const decoder = new TextDecoder();
  let pending = '';
  inflateEntry(bytes, e, budget, (chunk) => {
    pending += decoder.decode(chunk, { stream: true });
    const end = pending.lastIndexOf(cut);
    if (end < 0) return;
    onPiece(pending.slice(0, end + cut.length));
    pending = pending.slice(end + cut.length);
  });
  pending += decoder.decode();
  if (pending) onPiece(pending);
}

/** Inflates an entry in steps, counting what comes out against the limits: the declared size may be a lie. */
function inflateEntry(bytes: Uint8Array, e: ZipEntry, budget: Budget, onChunk: (chunk: Uint8Array) => void): void {
  if (e.encrypted) throw new ZipError('encrypted', 'encrypted');
  if (e.compressedSize > 0 && e.size / e.compressedSize > budget.maxRatio)
    throw new ZipError('bomb', `expands ${Math.round(e.size / e.compressedSize)} times, more than the limit of ${budget.maxRatio}`);
  if (e.size > budget.remaining) throw new ZipError('bomb', 'would expand beyond the limit for one file');
  const h = e.offset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) throw new ZipError('malformed', 'no local header');
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length < e.compressedSize) throw new ZipError('malformed', 'truncated');
  if (e.method === 0) {
    budget.remaining -= data.length;
    onChunk(data);
    return;
  }
  if (e.method !== 8) throw new ZipError('unsupported', `compression method ${e.method} is not read`);
  const cap = Math.min(budget.remaining, Math.max(e.size, 1) * 1.01 + 1024, e.compressedSize * budget.maxRatio + 1024);
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) throw new ZipError('bomb', 'expands beyond what its header declares or the limits allow');
    onChunk(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += 64 * 1024) inflate.push(data.subarray(i, i + 64 * 1024), i + 64 * 1024 >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError('malformed', `cannot be inflated: ${(err as Error).message}`);
  }
  budget.remaining -= total;
}
