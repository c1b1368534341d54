/**
 * What the identifiers of world-*.ts share beyond check-digits.ts: their English words, separators, digit lists
 * and weighted sums over them, two-digit-year dates.
 */
import { dateValid } from './check-digits';

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

/** A two-digit year's day is real in some century of the last two (1900s or 2000s). */
export const isShortDate = (yy: number, month: number, day: number): boolean => dateValid(1900 + yy, month, day) || dateValid(2000 + yy, month, day);
