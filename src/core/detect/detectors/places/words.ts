import type { Candidate } from '../../types';
import { execInParts, mergeWindows, partsOf, type Part, type Window } from '../../windows';

/**
 * The pieces that the addresses, towns and facilities of Europe share: a capitalised word of a name, the small
 * words that join them ("de la", "van", "der", "d'"), and the search around anchors.
 */

/** Spaces inside one line: an address part never crosses a line break. */
export const SP = String.raw`[ \t\u00a0]{1,3}`;
/** A capitalised word (accents, apostrophes, hyphens), an abbreviation or initial with its dot ("Dr.", "G."), a date in a name ("12 de Octubre"), a quoted name. */
export const NAME_WORD = String.raw`(?!(?:Apt|Apartment|Suite|Ste|Unit)\b)(?:(?:Dr|Dra|St|Sta|Sto|Sr|Sra|Ntra|Gral|Prof|Pdte|Hnos|Hno|Mons)\.|\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’´]*(?:-\p{L}[\p{L}\p{M}'’´]*)*|\d{1,2}[ ]de[ ]\p{Lu}\p{Ll}+|["«“]\p{Lu}[^"»”\n]{0,40}["»”])`;
/** Lower-case words that join the words of a name in the languages of Europe. */
const LINK_WORDS = 'de|del|la|las|los|el|y|i|e|dels|do|da|dos|das|di|della|delle|dei|degli|dello|du|des|le|les|der|die|den|dem|von|am|an|im|zu|zum|zur|van|het|ter|op|sur|sul|al';
/** Up to three joining words before the next name word; "d'" and "l'" are written onto the word. */
export const LINKS = String.raw`(?:(?:${LINK_WORDS})${SP}|[dDlL]['’´]){0,3}`;
/** A name: capitalised words with joining words between them, at most six. */
export const NAME = String.raw`${NAME_WORD}(?:${SP}${LINKS}${NAME_WORD}){0,5}`;

/** An English unit after an address, as mail merges write European streets too ("62 Rue Gafsa Apt. 981"). */
export const UNIT = String.raw`(?:,?[ ](?:Apt|Apartment|Suite|Ste|Unit)\.?[ ]?#?\d{1,5}[A-Z]?(?![\p{L}\d]))?`;

/** Lower case without accents: how the towns lexicon is written. */
export function fold(s: string): string {
  // ASCII needs no normalising: most words are.
  return /^[\x00-\x7f]*$/.test(s) ? s.toLowerCase() : s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const NON_ASCII_CHAR = /[^\x00-\x7f]/;
/** The last two texts asked about (a chunk and its lower case), and their answers. */
const asciiMemo: [string, boolean, string, boolean] = ['', false, '', false];

/**
 * Whether a text holds a character beyond ASCII. Memoised for the last two texts: the detectors of places that
 * look for non-ASCII words (streets, facilities, addresses) ask it of the same chunk, and most chunks have none.
 */
export function hasNonAscii(text: string): boolean {
  if (text === asciiMemo[0]) return asciiMemo[1];
  if (text === asciiMemo[2]) return asciiMemo[3];
  const found = NON_ASCII_CHAR.test(text);
  asciiMemo[2] = asciiMemo[0];
  asciiMemo[3] = asciiMemo[1];
  asciiMemo[0] = text;
  asciiMemo[1] = found;
  return found;
}

/**
 * Words that the keyword automaton cannot see (non-ASCII), found in one native scan for their first non-ASCII
 * characters, which most texts do not hold, instead of one search of the text per word. Each word's positions
 * are those that `indexOf` finds, left to right without overlap.
 */
export class NonAsciiWords {
  /** For each first non-ASCII character, the words that hold it there and its offset in them. */
  private readonly byChar = new Map<number, { word: string; offset: number; next: number }[]>();
  private readonly seeds: RegExp;

  constructor(words: readonly string[]) {
    for (const word of new Set(words)) {
      const offset = word.search(/[^\x20-\x7e]/);
      if (offset < 0) throw new Error(`${word} is ASCII: the keyword automaton finds it`);
      const c = word.charCodeAt(offset);
      (this.byChar.get(c) ?? this.byChar.set(c, []).get(c)!).push({ word, offset, next: 0 });
    }
    this.seeds = new RegExp(`[${[...this.byChar.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`, 'g');
  }

  /**
   * Adds the start of each occurrence in `lower` to `out`. `text` is the text that `lower` lower-cases: where it is
   * all ASCII, so is `lower`, and no word (each holds a non-ASCII character) occurs; most chunks are, and are then
   * not searched at all (the one search for a non-ASCII character is shared with the other readers of the chunk).
   */
  positions(lower: string, out: number[], text: string = lower): void {
    if (!hasNonAscii(text)) return;
    for (const ws of this.byChar.values()) for (const w of ws) w.next = 0;
    const seeds = this.seeds;
    seeds.lastIndex = 0;
    for (let m = seeds.exec(lower); m; m = seeds.exec(lower)) {
      for (const w of this.byChar.get(lower.charCodeAt(m.index))!) {
        const s = m.index - w.offset;
        if (s >= w.next && lower.startsWith(w.word, s)) {
          out.push(s);
          w.next = s + w.word.length;
        }
      }
    }
  }
}

/**
 * Runs `patterns` in windows around the anchors that occurred (and the extra positions), reporting each match
 * through `onMatch`. Nothing runs when no anchor occurred. `mayMatch` can spare a pattern the windows where it
 * cannot match (a window that it skips would have given it no match).
 */
export function aroundAnchors(
  text: string,
  anchors: ReadonlyMap<string, readonly number[]>,
  own: ReadonlySet<string>,
  extra: readonly number[],
  reach: [number, number],
  patterns: () => readonly RegExp[],
  onMatch: (m: RegExpExecArray, offset: number, pattern: number) => void,
  mayMatch?: (part: Part, pattern: number) => boolean,
): void {
  const raw: Window[] = [];
  for (const [key, at] of anchors) if (own.has(key)) for (const i of at) raw.push([i - reach[0], i + reach[1]]);
  for (const i of extra) raw.push([i - reach[0], i + reach[1]]);
  if (!raw.length) return;
  const parts = partsOf(text, mergeWindows(text, raw));
  patterns().forEach((re, n) => execInParts(re, mayMatch ? parts.filter((p) => mayMatch(p, n)) : parts, (m, offset) => onMatch(m, offset, n)));
}

/** Words that a pattern needs in a window, and how one must stand there (at its start, of its length) for a match. */
export interface NeededWords {
  words: readonly string[];
  stands: (text: string, at: number, length: number, part: Part) => boolean;
}

/**
 * Spares each pattern the windows where it cannot match: a window holds no word that the pattern needs, standing
 * as it needs it. The words' positions come from the anchors; words that are no anchors are searched (unless an
 * extra position covers them, and a window with an extra position runs every pattern).
 */
export class PatternWords {
  private readonly groups: { occurrences: Occurrences; searched: readonly string[]; stands: NeededWords['stands'] }[];

  constructor(needed: readonly NeededWords[], own: ReadonlySet<string>, covered: readonly string[]) {
    // The patterns read their words in either case: words that are no anchors are searched in the lower-cased text.
    this.groups = needed.map(({ words, stands }) => {
      const lower = words.map((w) => w.toLowerCase());
      return { occurrences: new Occurrences(new Set(lower.filter((w) => own.has(w)))), searched: lower.filter((w) => !own.has(w) && !covered.includes(w)), stands };
    });
  }

  /** A test for aroundAnchors over this chunk (undefined, every pattern in every window, where anchors are not the text's positions). */
  mayMatch(text: string, lower: string, anchors: ReadonlyMap<string, readonly number[]>, extra: readonly number[]): ((part: Part, n: number) => boolean) | undefined {
    // Anchor positions are the lower-cased text's: they are the text's only where lengths agree.
    if (lower.length !== text.length) return undefined;
    for (const g of this.groups) g.occurrences.read(anchors, lower, g.searched);
    const sorted = [...extra].sort((a, b) => a - b);
    return (part, n) => {
      const start = part.offset, end = start + part.text.length;
      const k = firstAtOrAfter(sorted, start);
      if (k < sorted.length && sorted[k]! < end) return true;
      const g = this.groups[n]!;
      return g.occurrences.some(start, end, (at, length) => g.stands(text, at, length, part));
    };
  }
}

/** Sorted positions of the anchors of one group of words, and whether one of them in [start, end) passes a test. */
class Occurrences {
  /** Start and length of each occurrence, in order of start. */
  private found: [number, number][] = [];

  constructor(private readonly words: ReadonlySet<string>) {}

  /** Reads the positions of this chunk's anchors, and of `searched` words (which are no anchors) in `text`. */
  read(anchors: ReadonlyMap<string, readonly number[]>, text: string, searched: readonly string[]): this {
    this.found = [];
    for (const [key, at] of anchors) if (this.words.has(key)) for (const i of at) this.found.push([i, key.length]);
    for (const w of searched) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) this.found.push([i, w.length]);
    this.found.sort((a, b) => a[0] - b[0]);
    return this;
  }

  /** Whether an occurrence that starts in [start, end) passes `test` (given its start and the word's length). */
  some(start: number, end: number, test: (at: number, length: number) => boolean): boolean {
    const found = this.found;
    for (let i = firstAtOrAfter(found, start); i < found.length && found[i]![0] < end; i++) if (test(found[i]![0], found[i]![1])) return true;
    return false;
  }
}

/** The index of the first position (or [position, ...]) at or after `at` in a sorted list (binary search). */
export function firstAtOrAfter(sorted: readonly (number | readonly [number, number])[], at: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = sorted[mid]!;
    if ((typeof x === 'number' ? x : x[0]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A candidate, with trailing spaces, commas and a sentence's full stop left out. */
export function candidate(text: string, start: number, end: number, score: number, why: string): Candidate | undefined {
  while (end > start && /[\s,;:.(]/.test(text[end - 1]!) && !/\b[A-Z]\.$|\b(?:Dr|St|Sta|Sto|Avda|Pza|Ctra)\.$/.test(text.slice(Math.max(start, end - 5), end))) end--;
  while (start < end && /[\s,;:]/.test(text[start]!)) start++;
  return end > start ? { start, end, score, why: [why] } : undefined;
}
