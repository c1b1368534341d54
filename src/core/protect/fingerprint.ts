import { sipHashString, sipOut, type SipKey } from './siphash';
import { hashedWords, mix32 } from './tokens';

/**
 * Document fingerprints by winnowing (Schleimer, Wilkerson and Aiken, 2003): the text's words, normalised, in
 * overlapping runs of K (shingles), each hashed; of every W consecutive shingle hashes the smallest is kept.
 * Any copied run of K + W - 1 words keeps at least one fingerprint in common with its source, whatever
 * surrounds it; edits disturb only the shingles that cross them. The hashes are keyed: without the
 * organisation's key they say nothing about the words.
 */
export const SHINGLE_WORDS = 5;
export const WINDOW = 4;
/** A passage must share this many fingerprints with a document (some 15 words copied) to count at all. */
export const MIN_SHARED = 4;

export interface Fingerprint {
  hash: number;
  /** Where the shingle starts and ends in the text. */
  start: number;
  end: number;
}

/** The seeds of word and shingle hashes, from the key. */
export function fingerprintSeed(key: SipKey): number {
  sipHashString(key, 'bulwark fingerprint seed');
  return sipOut[0]!;
}

/** The winnowed fingerprints of a text, in order (a hash may repeat). `shape` is for measuring other choices. */
export function fingerprints(text: string, seed: number, shape = { words: SHINGLE_WORDS, window: WINDOW }): Fingerprint[] {
  const { words: K, window: W } = shape;
  const t = hashedWords(text, seed ^ 0x9e3779b9);
  const n = t.count - K + 1;
  if (n <= 0) return [];
  const wordHash = t.fnv;
  const shingles = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = seed;
    for (let k = 0; k < K; k++) h = Math.imul(h ^ wordHash[i + k]!, 0x01000193) ^ (h >>> 15);
    shingles[i] = mix32(h);
  }
  const out: Fingerprint[] = [];
  let last = -1;
  const windows = Math.max(1, n - W + 1);
  for (let w = 0; w < windows; w++) {
    let min = w;
    for (let k = w + 1; k < Math.min(n, w + W); k++) if (shingles[k]! <= shingles[min]!) min = k;
    if (min !== last) {
      out.push({ hash: shingles[min]!, start: t.start[min]!, end: t.end[min + K - 1]! });
      last = min;
    }
  }
  return out;
}

export interface FingerprintSet {
  id: string;
  name: string;
  documents: { id: string; name: string; fingerprints: number }[];
  /** Distinct fingerprints of every document, sorted, and the document (index) of each. */
  hashes: Uint32Array;
  docs: Uint32Array;
  /** One bit per hash value modulo its size: most shingles of an ordinary text are ruled out by one read. */
  filter: Uint8Array;
}

/** A document's distinct fingerprints, sorted: what the backend keeps of a registered document (never its text). */
export function documentFingerprints(text: string, key: SipKey): Uint32Array {
  return Uint32Array.from(new Set(fingerprints(text, fingerprintSeed(key)).map((f) => f.hash))).sort();
}

/**
 * A fingerprint found in more documents of a set than this is boilerplate (a letterhead, a standard disclaimer,
 * a template's headings): it is left out, or every new document with the same boilerplate would match.
 */
export const boilerplateDocs = (documents: number): number => Math.max(2, Math.ceil(documents * 0.05));

/** Joins documents' fingerprints into one set: sorted hashes, the document of each, the filter; boilerplate left out. */
export function assembleFingerprintSet(id: string, name: string, documents: readonly { id: string; name: string; hashes: Uint32Array }[]): FingerprintSet {
  const total = documents.reduce((n, d) => n + d.hashes.length, 0);
  const pairs = new Float64Array(total);
  let at = 0;
  // Hash and document in one sortable number: hash x 2^20 + document (sets hold fewer than a million documents).
  documents.forEach((d, i) => d.hashes.forEach((h) => (pairs[at++] = h * 1_048_576 + i)));
  pairs.sort();
  const limit = boilerplateDocs(documents.length);
  const hashes = new Uint32Array(total), docs = new Uint32Array(total);
  const kept = new Uint32Array(documents.length);
  let n = 0;
  for (let a = 0; a < total; ) {
    const h = Math.floor(pairs[a]! / 1_048_576);
    let z = a + 1;
    while (z < total && Math.floor(pairs[z]! / 1_048_576) === h) z++;
    if (z - a <= limit)
      for (let k = a; k < z; k++) {
        hashes[n] = h;
        docs[n] = pairs[k]! - h * 1_048_576;
        kept[docs[n]!]!++;
        n++;
      }
    a = z;
  }
  let bits = 1 << 13;
  while (bits < n * 8) bits <<= 1;
  const filter = new Uint8Array(bits >>> 3);
  for (let k = 0; k < n; k++) filter[(hashes[k]! & (bits - 1)) >>> 3]! |= 1 << (hashes[k]! & 7);
  return { id, name, documents: documents.map((d, i) => ({ id: d.id, name: d.name, fingerprints: kept[i]! })), hashes: hashes.slice(0, n), docs: docs.slice(0, n), filter };
}

/** Builds a set from documents' texts. */
export function buildFingerprintSet(id: string, name: string, documents: readonly { id: string; name: string; text: string }[], key: SipKey): FingerprintSet {
  return assembleFingerprintSet(id, name, documents.map((d) => ({ id: d.id, name: d.name, hashes: documentFingerprints(d.text, key) })));
}

export interface DocumentMatch {
  document: number;
  start: number;
  end: number;
  /** Of the passage's fingerprints (from the first shared to the last), the share found in the document. */
  similarity: number;
  /** Of the document's fingerprints, the share found in the text. */
  coverage: number;
}

/** The browser's side: which protected documents a text copies, where, and how closely. */
export class FingerprintMatcher {
  private readonly seed: number;
  private readonly mask: number;

  constructor(readonly set: FingerprintSet, key: SipKey) {
    this.seed = fingerprintSeed(key);
    this.mask = set.filter.length * 8 - 1;
  }

  get bytes(): number {
    return this.set.hashes.byteLength + this.set.docs.byteLength + this.set.filter.byteLength;
  }

  find(text: string): DocumentMatch[] {
    const prints = fingerprints(text, this.seed);
    const shared = new Map<number, number[]>(); // document -> indexes into prints
    const { hashes, docs, filter } = this.set;
    prints.forEach((p, i) => {
      const b = p.hash & this.mask;
      if ((filter[b >>> 3]! & (1 << (b & 7))) === 0) return;
      let a = 0, z = hashes.length;
      while (a < z) {
        const m = (a + z) >>> 1;
        if (hashes[m]! < p.hash) a = m + 1;
        else z = m;
      }
      for (let k = a; k < hashes.length && hashes[k] === p.hash; k++) (shared.get(docs[k]!) ?? shared.set(docs[k]!, []).get(docs[k]!)!).push(i);
    });
    const out: DocumentMatch[] = [];
    for (const [document, idx] of shared) {
      const hashesShared = new Set(idx.map((i) => prints[i]!.hash));
      if (hashesShared.size < MIN_SHARED) continue;
      const first = idx[0]!, last = idx[idx.length - 1]!;
      const inSpan = new Set(prints.slice(first, last + 1).map((p) => p.hash));
      out.push({
        document,
        start: prints[first]!.start,
        end: prints[last]!.end,
        similarity: hashesShared.size / inSpan.size,
        coverage: hashesShared.size / Math.max(1, this.set.documents[document]!.fingerprints),
      });
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }
}
