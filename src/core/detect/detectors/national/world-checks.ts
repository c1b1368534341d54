/** Check-digit arithmetic shared by the identifiers of world-*.ts. Each takes digits only (or says what else). */
export { luhn } from '../../checks';

/**
 * English words for a national identity number, for the kinds written in English at home (or as often as not).
 * Kinds of the same length share no such words: a look-alike of one would too often pass the other's check.
 */
export const IDENTITY_WORDS = ['national id', 'national id number', 'national identity number', 'national identification number', 'identity number', 'identification number', 'id number', 'id no', 'id card', 'identity card'];

/** English words for a tax number, for the kinds written in English (the same caution as IDENTITY_WORDS). */
export const TAX_WORDS = ['tax id', 'tax number', 'tax identification number', 'taxpayer identification number', 'taxpayer id'];

/** The value with every separator (space, dash, dot, slash, parenthesis) removed. */
export const compact = (v: string): string => v.replace(/[\s./()-]+/g, '');

/** The digits of a value, as numbers. */
export const digitList = (v: string): number[] => v.replace(/\D/g, '').split('').map(Number);

/** Sum of digit times weight, position by position (the shorter of the two decides the length). */
export function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < Math.min(digits.length, weights.length); i++) sum += digits[i]! * weights[i]!;
  return sum;
}

/** Ten digits of the same kind ("0000000000", "1111111111") are placeholders, never issued numbers. */
export const allSame = (s: string): boolean => /^(.)\1*$/.test(s);

/** A real calendar day (the Gregorian calendar, month 1-12). */
export function isDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1]!;
}

/** A two-digit year's day is real in some century of the last two (1900s or 2000s). */
export const isShortDate = (yy: number, month: number, day: number): boolean => isDate(1900 + yy, month, day) || isDate(2000 + yy, month, day);

// Verhoeff (dihedral group D5): catches every single-digit error and every swap of neighbours.
const D5 = [
  '0123456789', '1234067895', '2340178956', '3401289567', '4012395678',
  '5987604321', '6598710432', '7659821043', '8765932104', '9876543210',
].map((row) => row.split('').map(Number));
const PERMUTE = [
  '0123456789', '1576283094', '5803796142', '8916043527', '9453126870', '4286573901', '2793806415', '7046913258',
].map((row) => row.split('').map(Number));

/** Verhoeff over a string of digits whose last digit is the check. */
export function verhoeff(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = D5[c]![PERMUTE[i % 8]![Number(digits[digits.length - 1 - i])]!]!;
  return digits.length > 0 && c === 0;
}
