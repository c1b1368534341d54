import commonWords from './common-words.generated';
import peopleNames from './people-names.generated';
import places from './places.generated';
import regions from './regions.generated';

export const LEXICONS = ['common-words', 'people-names', 'places', 'regions'] as const;
export type LexiconName = (typeof LEXICONS)[number];

const EMPTY: ReadonlySet<string> = new Set();
const ablated = new Set<LexiconName>();

/**
 * Leaves word lists out, to measure what each adds (`npm run eval -- --ablate people-names`). Call it before
 * the first scan: the engine builds lookups from the lists once.
 */
export function ablateLexicons(names: readonly LexiconName[]): void {
  for (const n of names) ablated.add(n);
}

/** Word lists, split into Sets on first use so that importing the engine costs nothing until a scan. */
function lazySet(name: LexiconName, source: string): () => ReadonlySet<string> {
  let set: Set<string> | undefined;
  return () => (ablated.has(name) ? EMPTY : (set ??= new Set(source.split('\n'))));
}

export const commonWordSet = lazySet('common-words', commonWords);
export const nameSet = lazySet('people-names', peopleNames);
export const placeSet = lazySet('places', places);
export const regionSet = lazySet('regions', regions);
