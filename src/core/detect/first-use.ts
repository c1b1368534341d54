/**
 * A value made when it is first asked for, then kept. For the regexes and tables of detectors that most texts
 * never reach (addresses, facilities and streets of other languages, Japanese places): V8 parses a regex when it
 * is built, and a large alternation with Unicode classes costs a millisecond or more, at every cold start.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
