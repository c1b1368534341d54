/** Character tests on char codes (ASCII), for the loops that avoid regexes and allocations. */
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isUpper = (c: number): boolean => c >= 65 && c <= 90;
export const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
export const isAlnum = (c: number): boolean => isDigit(c) || isLetter(c);

/** The hash the word scanners compute on the fly (h = h * 31 + code), for a whole word. */
export function hashWord(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h;
}

/**
 * A string of its own with the same characters. A slice of a longer text is a view into it (V8's sliced string),
 * and every charCodeAt through a view costs an indirection: the engine copies each chunk once, since its passes
 * (tokens, keywords, health terms, names, SMILES, ...) read the chunk character by character many times. A
 * property key is the cheapest copy a script can ask for: V8 interns it as a flat string, which is the key then.
 */
export function ownString(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}
