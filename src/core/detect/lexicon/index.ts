import commonWords from './common-words.generated';
import peopleNames from './people-names.generated';
import places from './places.generated';
import regions from './regions.generated';

/** Word lists, split into Sets on first use so that importing the engine costs nothing until a scan. */
function lazySet(source: string): () => ReadonlySet<string> {
  let set: Set<string> | undefined;
  return () => (set ??= new Set(source.split('\n')));
}

export const commonWordSet = lazySet(commonWords);
export const nameSet = lazySet(peopleNames);
export const placeSet = lazySet(places);
export const regionSet = lazySet(regions);
