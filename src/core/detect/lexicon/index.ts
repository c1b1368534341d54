import commonWords from './common-words.generated';
import peopleNames from './people-names.generated';
import places from './places.generated';
import regions from './regions.generated';
import townsIntl from './towns-intl.generated';
import { WordHashSet } from '../hash-set';
import { lowerOf, type Tokens } from '../tokens';
import { eachWordWith, NONE } from './front-coding';

export const LEXICONS = ['common-words', 'people-names', 'places', 'regions', 'towns-intl'] as const;
export type LexiconName = (typeof LEXICONS)[number];

/** A word list: membership, and whether an entry begins with a word ("new" for "new york"). */
export interface WordList {
  has(word: string): boolean;
  begins(word: string): boolean;
  /** `has` for word i of a token stream, by its hash: no string is sliced out of the text. */
  hasToken(t: Tokens, i: number): boolean;
  /** `begins` for word i of a token stream, by its hash. */
  beginsToken(t: Tokens, i: number): boolean;
}

/**
 * A sorted, front-coded list (front-coding.ts) read by the first two letters of its words: a Set is built for the
 * words that start "sm" only when a word starting "sm" is first looked up. A first scan then decodes a few hundred
 * words, not the tens of thousands of the initials it meets (building those was most of a first scan's names).
 */
export class SortedWordList implements WordList {
  private readonly buckets = new Map<number, Bucket>();

  constructor(private readonly coded: string) {}

  has(word: string): boolean {
    return word.length > 0 && this.bucket(word.charCodeAt(0), word.length > 1 ? word.charCodeAt(1) : NONE).words.has(word);
  }

  begins(word: string): boolean {
    if (!word.length) return false;
    if (word.length > 1) return this.bucket(word.charCodeAt(0), word.charCodeAt(1)).firsts.has(word);
    // A first word of one letter begins entries of two or more ("a coruña" stands with the words that start "a ").
    return this.bucket(word.charCodeAt(0), NONE).firsts.has(word) || this.bucket(word.charCodeAt(0), 32).firsts.has(word);
  }

  hasToken(t: Tokens, i: number): boolean {
    return this.tokenBucket(t, i).wordHashes.hasToken(t, i);
  }

  beginsToken(t: Tokens, i: number): boolean {
    if (t.wordEnd[i]! - t.wordStart[i]! > 1) return this.tokenBucket(t, i).firstHashes.hasToken(t, i);
    const first = lowerOf(t.text.charCodeAt(t.wordStart[i]!));
    return this.bucket(first, NONE).firstHashes.hasToken(t, i) || this.bucket(first, 32).firstHashes.hasToken(t, i);
  }

  /** The bucket of word i of a token stream, by its first two letters lower-cased (the units its hash reads). */
  private tokenBucket(t: Tokens, i: number): Bucket {
    const s = t.wordStart[i]!;
    return this.bucket(lowerOf(t.text.charCodeAt(s)), t.wordEnd[i]! - s > 1 ? lowerOf(t.text.charCodeAt(s + 1)) : NONE);
  }

  private bucket(first: number, second: number): Bucket {
    const key = first * 65537 + second + 1;
    let b = this.buckets.get(key);
    if (b) return b;
    const words: string[] = [];
    eachWordWith(this.coded, first, second, (word) => words.push(word));
    b = new Bucket(words);
    this.buckets.set(key, b);
    return b;
  }
}

/**
 * The words of one bucket, decoded once; each way of looking them up is built when first used (a scan that
 * looks words up by string never pays for their hash sets, nor one that reads tokens for the strings').
 */
class Bucket {
  private wordSet?: Set<string>;
  private firstSet?: Set<string>;
  private wordHashSet?: WordHashSet;
  private firstHashSet?: WordHashSet;

  constructor(private readonly list: readonly string[]) {}

  get words(): Set<string> {
    return (this.wordSet ??= new Set(this.list));
  }

  /** The first word of each entry ("new" of "new york"). */
  get firsts(): Set<string> {
    return (this.firstSet ??= new Set(this.list.map(firstWord)));
  }

  get wordHashes(): WordHashSet {
    return (this.wordHashSet ??= new WordHashSet(this.list));
  }

  get firstHashes(): WordHashSet {
    return (this.firstHashSet ??= new WordHashSet(this.firsts));
  }
}

const firstWord = (entry: string): string => {
  const space = entry.indexOf(' ');
  return space < 0 ? entry : entry.slice(0, space);
};

/** A list with no words (a list left out, a language without one). */
export const EMPTY_LIST: WordList = { has: () => false, begins: () => false, hasToken: () => false, beginsToken: () => false };
const ablated = new Set<LexiconName>();

/**
 * Leaves word lists out, to measure what each adds (`npm run eval -- --ablate people-names`). Call it before
 * the first scan.
 */
export function ablateLexicons(names: readonly LexiconName[]): void {
  for (const n of names) ablated.add(n);
}

function list(name: LexiconName, source: string): () => WordList {
  const words = new SortedWordList(source);
  return () => (ablated.has(name) ? EMPTY_LIST : words);
}

export const commonWordList = list('common-words', commonWords);
export const nameList = list('people-names', peopleNames);
export const placeList = list('places', places);
export const regionList = list('regions', regions);
/** Towns, provinces and regions of Europe and Japan, folded: look words up through foldPlace(). */
export const townList = list('towns-intl', townsIntl);
