/**
 * The check algorithms that national identifiers share, written from their specifications. Each takes a string
 * of digits (separators already removed) unless it says otherwise. Luhn and "the digits of" are the engine's own.
 */
export { digitsOf as digits, luhn } from '../../checks';

const num = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** Sum of digit i times weights[i]. */
export function weighted(d: string, weights: readonly number[], from = 0): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += num(d, from + i) * weights[i]!;
  return sum;
}

/** The check digit ISO 7064 MOD 11,10 gives the digits before it (German IdNr, Croatian OIB). */
export function iso7064Mod1110(d: string): number {
  let product = 10;
  for (let i = 0; i < d.length; i++) {
    const sum = (num(d, i) + product) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10;
}

/** The remainder of a long decimal number (as a string) divided by m, digit by digit (no BigInt needed). */
export function modOf(d: string, m: number): number {
  let r = 0;
  for (let i = 0; i < d.length; i++) r = (r * 10 + num(d, i)) % m;
  return r;
}

/** Verhoeff's dihedral check (Luxembourg): true when the whole string, check digit last, is valid. */
const V_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const V_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
export function verhoeffValid(d: string): boolean {
  let c = 0;
  for (let i = 0; i < d.length; i++) c = V_D[c]![V_P[i % 8]![num(d, d.length - 1 - i)]!]!;
  return c === 0;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date; `year` undefined means "some year" (29 February allowed). */
export function dateValid(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) return false;
  return !(month === 2 && day === 29 && year !== undefined && !isLeap(year));
}

/** A date written as two-digit year, month and day from positions in `d`; `century` gives the full year. */
export function yymmddValid(d: string, at: { y: number; m: number; day: number }, century?: number): boolean {
  const yy = Number(d.slice(at.y, at.y + 2)), mm = Number(d.slice(at.m, at.m + 2)), dd = Number(d.slice(at.day, at.day + 2));
  return dateValid(century === undefined ? (yy % 4 === 0 ? 2000 : 2001) : century + yy, mm, dd);
}

/** Letters A..Z as 10..35 (the value of an alphanumeric character in a check), digits as themselves. */
export const alnumValue = (c: string): number => {
  const code = c.charCodeAt(0);
  return code >= 65 ? code - 55 : code - 48;
};
