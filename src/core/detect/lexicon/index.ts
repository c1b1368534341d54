import commonWords from './common-words.generated';
import peopleNames from './people-names.generated';
import places from './places.generated';
import regions from './regions.generated';
import townsIntl from './towns-intl.generated';
import { WordHashSet } from '../hash-set';
import { lowerOf, type Tokens } from '../tokens';
import { eachWordOf } from './front-coding';

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
 * A sorted, front-coded list (front-coding.ts) read one initial at a time: a Set is built for the words that
 * start with a letter only when a word with that letter is first looked up. A first scan then costs
 * milliseconds, not the tens of them that turning 80,000 words into Sets would.
 */
export class SortedWordList implements WordList {
  private readonly buckets = new Map<number, Bucket>();

  constructor(private readonly coded: string) {}

  has(word: string): boolean {
    return word.length > 0 && this.bucket(word.charCodeAt(0)).words.has(word);
  }

  begins(word: string): boolean {
    return word.length > 0 && this.bucket(word.charCodeAt(0)).firsts.has(word);
  }

  hasToken(t: Tokens, i: number): boolean {
    return this.bucket(lowerOf(t.text.charCodeAt(t.wordStart[i]!))).wordHashes.hasToken(t, i);
  }

  beginsToken(t: Tokens, i: number): boolean {
    return this.bucket(lowerOf(t.text.charCodeAt(t.wordStart[i]!))).firstHashes.hasToken(t, i);
  }

  private bucket(initial: number): Bucket {
    let b = this.buckets.get(initial);
    if (b) return b;
    const words = new Set<string>();
    const firsts = new Set<string>();
    eachWordOf(this.coded, initial, (word) => {
      words.add(word);
      const space = word.indexOf(' ');
      firsts.add(space < 0 ? word : word.slice(0, space));
    });
    b = { words, firsts, wordHashes: new WordHashSet(words), firstHashes: new WordHashSet(firsts) };
    this.buckets.set(initial, b);
    return b;
  }
}

interface Bucket {
  words: Set<string>;
  firsts: Set<string>;
  wordHashes: WordHashSet;
  firstHashes: WordHashSet;
}

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
