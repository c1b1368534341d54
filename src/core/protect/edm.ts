import { datesOf, tableDate } from './dates';
import { sipHashString, sipOut, type SipKey } from './siphash';
import { fnv, foldWord, hashedWords, mix32, polyOf, words, type Words } from './tokens';

/**
 * Exact data match. The backend turns each cell of an administrator's table (patients, employees, formulas)
 * into a 64-bit SipHash under the organisation's key; the browser hashes the candidate values of a text the
 * same way and looks them up, so it finds "Jane Doe, born 14 March 1985" from the table without ever holding
 * the table. A row counts when the columns of one of its combinations stand near each other (name with date of
 * birth), or when a unique column (an SSN, an MRN) is found alone.
 */
export const COLUMN_KINDS = ['text', 'number', 'id', 'date'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export interface EdmSpec {
  id: string;
  name: string;
  /** What a match is: personal data (patients, employees) or the organisation's property (formulas, clients). */
  category: 'pii' | 'ip';
  columns: { name: string; kind: ColumnKind }[];
  /** Sets of column indexes; a row matches when every column of one set is found within `proximity` characters. */
  combos: number[][];
  proximity: number;
}

export const MAX_COLUMNS = 16;
/** Words of a text value looked at together: a full name, a street, a product's name. */
export const MAX_TEXT_WORDS = 6;
const MAX_NUMBER_PARTS = 4;
const MAX_ID_PARTS = 3;
/** A value shared by more rows than this identifies no one (a common first name): it is not looked up. */
const MAX_ROWS_PER_VALUE = 1_000;
/** A text that repeats table values over and over (to stall the guard) stops being looked up here, per chunk. */
const MAX_HITS = 20_000;
const TAG = { text: 't:', number: 'n:', id: 'i:', date: 'd:' } as const;

/** A cell as it is hashed, or undefined when it is too short to mean anything. */
export function normaliseCell(kind: ColumnKind, value: string): string | undefined {
  const w = words(value);
  switch (kind) {
    case 'text': {
      const joined = w.slice(0, MAX_TEXT_WORDS).join(' ');
      return joined.length >= 2 ? joined : undefined;
    }
    case 'number': {
      const digits = value.replace(/\D/g, '');
      return digits.length >= 4 ? digits : undefined;
    }
    case 'id': {
      const joined = w.join('');
      return joined.length >= 4 && /\d/.test(joined) ? joined : undefined;
    }
    case 'date':
      return tableDate(w);
  }
}

/** The default combinations: each number or id column alone, and every pair of columns. */
export function defaultCombos(columns: EdmSpec['columns']): number[][] {
  const out: number[][] = columns.flatMap((c, i) => (c.kind === 'number' || c.kind === 'id' ? [[i]] : []));
  for (let a = 0; a < columns.length; a++) for (let b = a + 1; b < columns.length; b++) out.push([a, b]);
  return out;
}

/** What travels to the browser: hashes sorted, the cell (row x 16 + column) of each, and a filter. */
export interface EdmData {
  spec: EdmSpec;
  rows: number;
  /** The most words of a text cell (a full name: two or three), so that longer runs are not looked up. */
  maxWords: number;
  hi: Uint32Array;
  lo: Uint32Array;
  cell: Uint32Array;
  filter: Uint8Array;
}

/**
 * The cheap hash of a text value from its words' hashes, one step per word: the browser hashes each word of a
 * text once and extends runs of words in constant time.
 */
const textStep = (h: number, word: number): number => mix32((h ^ word) + 0x9e3779b9);
const textChain = (seed: number, wordHashes: readonly number[]): number => wordHashes.reduce(textStep, seed ^ 0x74) >>> 0;

/**
 * The cheap hash of a number or identifier: a polynomial over its characters, which composes (the hash of
 * "219" then "09" then "9999" is the hash of "219099999"), so that the parts of a text are hashed once each.
 */
const joinedStart = (seed: number, kind: 'number' | 'id'): number => (seed ^ (kind === 'number' ? 0x6e : 0x69)) >>> 0;
const joinedHash = (seed: number, kind: 'number' | 'id', v: string): number => {
  const p = polyOf(v);
  return (Math.imul(joinedStart(seed, kind), p.power) + p.hash) >>> 0;
};

/** The filter's seed, from the key: without the key, the filter tells nothing either. */
function seedOf(key: SipKey): number {
  sipHashString(key, 'bulwark edm filter');
  return sipOut[0]!;
}

const filterSize = (entries: number): number => {
  let bits = 1 << 13;
  while (bits < entries * 16) bits <<= 1;
  return bits;
};

/** Builds the hashed form of a table (on the backend). Rows shorter than the columns leave their cells empty. */
export function buildEdm(spec: EdmSpec, rows: readonly (readonly string[])[], key: SipKey): EdmData {
  if (spec.columns.length > MAX_COLUMNS) throw new Error(`at most ${MAX_COLUMNS} columns`);
  const seed = seedOf(key);
  const triples: number[] = [];
  const cheap: number[] = [];
  let maxWords = 1;
  rows.forEach((row, r) =>
    spec.columns.forEach((col, c) => {
      const v = row[c] === undefined ? undefined : normaliseCell(col.kind, row[c]!);
      if (v === undefined) return;
      if (col.kind === 'text') maxWords = Math.max(maxWords, v.split(' ').length);
      sipHashString(key, TAG[col.kind] + v);
      triples.push(sipOut[1]!, sipOut[0]!, r * MAX_COLUMNS + c);
      cheap.push(col.kind === 'text' ? textChain(seed, v.split(' ').map((w) => fnv(seed, w))) : col.kind === 'date' ? fnv(seed, TAG.date + v) : joinedHash(seed, col.kind, v));
    }),
  );
  const n = triples.length / 3;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => triples[a * 3]! - triples[b * 3]! || triples[a * 3 + 1]! - triples[b * 3 + 1]!);
  const hi = new Uint32Array(n), lo = new Uint32Array(n), cell = new Uint32Array(n);
  order.forEach((o, i) => {
    hi[i] = triples[o * 3]!;
    lo[i] = triples[o * 3 + 1]!;
    cell[i] = triples[o * 3 + 2]!;
  });
  const bits = filterSize(n);
  const filter = new Uint8Array(bits >>> 3);
  for (const h of cheap) for (const b of probes(h, bits - 1)) filter[b >>> 3]! |= 1 << (b & 7);
  return { spec, rows: rows.length, maxWords, hi, lo, cell, filter };
}

/** The two filter bits of a cheap hash (EdmMatcher.mayHold reads the same two). */
const probes = (h: number, mask: number): [number, number] => [mix32(h) & mask, mix32(h ^ 0x5bd1e995) & mask];

interface Hit {
  row: number;
  col: number;
  start: number;
  end: number;
}

export interface EdmMatch {
  start: number;
  end: number;
  /** Names of the columns of the row that were found together. */
  columns: string[];
}

/** The browser's side: finds the rows of one table in a text. */
export class EdmMatcher {
  private readonly seed: number;
  private readonly mask: number;
  private readonly has: Record<ColumnKind, boolean>;

  constructor(readonly data: EdmData, private readonly key: SipKey) {
    this.seed = seedOf(key);
    this.mask = data.filter.length * 8 - 1;
    const kinds = new Set(data.spec.columns.map((c) => c.kind));
    this.has = { text: kinds.has('text'), number: kinds.has('number'), id: kinds.has('id'), date: kinds.has('date') };
  }

  /** Bytes held: the table's whole footprint in the browser. */
  get bytes(): number {
    return this.data.hi.byteLength * 3 + this.data.filter.byteLength;
  }

  find(text: string): EdmMatch[] {
    const t = hashedWords(text, this.seed);
    const hits: Hit[] = [];
    for (let i = 0; i < t.count; i++) {
      if (this.has.text) this.textCandidates(text, t, i, hits);
      if (this.has.number && t.digits[i] === 2) this.joinedCandidates('number', MAX_NUMBER_PARTS, 2, text, t, i, hits);
      // An identifier has a digit in one of its first parts.
      if (this.has.id && (t.digits[i] || t.digits[i + 1] || t.digits[i + 2])) this.joinedCandidates('id', MAX_ID_PARTS, 1, text, t, i, hits);
      if (this.has.date) this.dateCandidates(text, t, i, hits);
    }
    return hits.length ? this.rowsOf(hits) : [];
  }

  private mayHold(h: number): boolean {
    const a = mix32(h) & this.mask, b = mix32(h ^ 0x5bd1e995) & this.mask;
    return (this.data.filter[a >>> 3]! & (1 << (a & 7))) !== 0 && (this.data.filter[b >>> 3]! & (1 << (b & 7))) !== 0;
  }

  private textCandidates(text: string, t: Words, i: number, hits: Hit[]): void {
    let h = this.seed ^ 0x74;
    for (let n = 0; n < this.data.maxWords && i + n < t.count; n++) {
      const j = i + n;
      if (n > 0 && (t.start[j]! - t.end[j - 1]! > 3 || hasBreak(text, t.end[j - 1]!, t.start[j]!))) return;
      h = textStep(h, t.fnv[j]!);
      if (this.mayHold(h >>> 0)) {
        let v = '';
        for (let k = i; k <= j; k++) v += (k > i ? ' ' : '') + foldWord(text.slice(t.start[k], t.end[k]));
        this.lookup(TAG.text + v, 'text', t.start[i]!, t.end[j]!, hits);
      }
    }
  }

  /** Numbers ("219-09-9999", "(555) 123-4567") and identifiers ("MRN-004512") written in parts `gap` apart at most. */
  private joinedCandidates(kind: 'number' | 'id', most: number, gap: number, text: string, t: Words, i: number, hits: Hit[]): void {
    let h = joinedStart(this.seed, kind);
    let length = 0, digit = false;
    for (let n = 0; n < most && i + n < t.count; n++) {
      const j = i + n, e = t.end[j]!;
      if (kind === 'number' && t.digits[j] !== 2) break;
      if (n > 0 && (t.start[j]! - t.end[j - 1]! > gap || hasBreak(text, t.end[j - 1]!, t.start[j]!))) break;
      h = (Math.imul(h, t.power[j]!) + t.poly[j]!) | 0;
      length += e - t.start[j]!;
      digit ||= t.digits[j] !== 0;
      if (length >= 4 && digit && this.mayHold(h >>> 0)) {
        let v = '';
        for (let k = i; k <= j; k++) v += foldWord(text.slice(t.start[k], t.end[k]));
        this.lookup(TAG[kind] + v, kind, t.start[i]!, e, hits);
      }
    }
  }

  private dateCandidates(text: string, t: Words, i: number, hits: Hit[]): void {
    const length = t.end[i]! - t.start[i]!;
    if (length > 9 || (length === 4 && t.digits[i] !== 2)) return;
    if (length === 8 && t.digits[i] === 2) this.lookupDates([text.slice(t.start[i], t.end[i])], t.start[i]!, t.end[i]!, hits);
    // "19 September, 1972": the month's name and its separators between the first word and the last.
    if (i + 2 >= t.count || t.start[i + 2]! - t.end[i]! > 14) return;
    // Every written date has a four-digit year first or last.
    const yearFirst = length === 4, yearLast = t.end[i + 2]! - t.start[i + 2]! === 4 && t.digits[i + 2] === 2;
    if (!yearFirst && !yearLast) return;
    const w = [0, 1, 2].map((k) => foldWord(text.slice(t.start[i + k], t.end[i + k])));
    if (w.filter((x) => /^\d+$/.test(x)).length < 2) return;
    this.lookupDates(w, t.start[i]!, t.end[i + 2]!, hits);
  }

  private lookupDates(w: string[], start: number, end: number, hits: Hit[]): void {
    for (const d of datesOf(w)) if (this.mayHold(fnv(this.seed, TAG.date + d))) this.lookup(TAG.date + d, 'date', start, end, hits);
  }

  private lookup(value: string, kind: ColumnKind, start: number, end: number, hits: Hit[]): void {
    if (hits.length >= MAX_HITS) return;
    sipHashString(this.key, value);
    const { hi, lo, cell } = this.data;
    const want = sipOut[1]!, wantLo = sipOut[0]!;
    let a = 0, b = hi.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (hi[m]! < want || (hi[m] === want && lo[m]! < wantLo)) a = m + 1;
      else b = m;
    }
    let z = a;
    while (z < hi.length && hi[z] === want && lo[z] === wantLo) z++;
    if (z - a > MAX_ROWS_PER_VALUE) return;
    for (let k = a; k < z; k++) {
      const col = cell[k]! % MAX_COLUMNS;
      if (this.data.spec.columns[col]!.kind === kind) hits.push({ row: Math.floor(cell[k]! / MAX_COLUMNS), col, start, end });
    }
  }

  /** The rows whose combination stands together: each cell of it, once. */
  private rowsOf(hits: Hit[]): EdmMatch[] {
    const byRow = new Map<number, Hit[]>();
    for (const h of hits) (byRow.get(h.row) ?? byRow.set(h.row, []).get(h.row)!).push(h);
    const spans = new Map<string, EdmMatch>();
    const { combos, proximity, columns } = this.data.spec;
    for (const rowHits of byRow.values())
      for (const combo of combos) {
        for (const anchor of rowHits) {
          if (anchor.col !== combo[0]) continue;
          const chosen = combo.map((c) => rowHits.find((h) => h.col === c && Math.abs(h.start - anchor.start) <= proximity));
          if (chosen.some((h) => !h)) continue;
          for (const h of chosen as Hit[]) {
            const key = `${h.start}:${h.end}`;
            const names = combo.map((c) => columns[c]!.name);
            const prev = spans.get(key);
            if (!prev || prev.columns.length < names.length) spans.set(key, { start: h.start, end: h.end, columns: names });
          }
        }
      }
    return [...spans.values()].sort((x, y) => x.start - y.start);
  }
}


function hasBreak(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

