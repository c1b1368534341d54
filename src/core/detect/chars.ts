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
