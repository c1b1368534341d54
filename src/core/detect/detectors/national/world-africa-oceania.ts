import type { Detector } from '../../types';
import { nationalId } from './build';
import { luhn } from './check-digits';
import { allSame, compact, digitList, IDENTITY_WORDS, isShortDate, TAX_WORDS, weightedSum } from './world-checks';

/** Luhn over a fixed number of digits, placeholders (all one digit) excluded. */
const luhnOf = (length: number) => (v: string): boolean => {
  const d = compact(v);
  return d.length === length && /^\d+$/.test(d) && luhn(d) && !allSame(d);
};

/** Teudat Zehut: nine digits (shorter ones padded with zeros), weights 1,2 alternating with digit sums: Luhn. */
const teudatZehutValid = (v: string): boolean => luhnOf(9)(v);

/** South African ID YYMMDD SSSS C A Z: a birth date, citizenship 0-2, and a Luhn check. */
function zaValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 13 || d[10]! > 2) return false;
  return isShortDate(d[0]! * 10 + d[1]!, d[2]! * 10 + d[3]!, d[4]! * 10 + d[5]!) && luhn(d.join(''));
}

/** Saudi national id (1...) or iqama (2...): ten digits, Luhn. */
const saudiValid = (v: string): boolean => /^[12]/.test(compact(v)) && luhnOf(10)(v);

/** Emirates ID 784-YYYY-NNNNNNN-C: the country code, a birth year, Luhn over the fifteen digits. */
function emiratesValid(v: string): boolean {
  const d = compact(v);
  const year = Number(d.slice(3, 7));
  return d.startsWith('784') && year >= 1900 && year <= 2099 && luhnOf(15)(v);
}

/** TFN: nine digits weighted 1,4,3,7,5,8,6,9,10 (eight-digit ones 10,7,8,4,6,3,5,1), 0 mod 11. */
function tfnValid(v: string): boolean {
  const d = digitList(v);
  if (allSame(d.join(''))) return false;
  if (d.length === 9) return weightedSum(d, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
  return d.length === 8 && weightedSum(d, [10, 7, 8, 4, 6, 3, 5, 1]) % 11 === 0;
}

/** Medicare card number: first digit 2-6, eight digits weighted 1,3,7,9 give the ninth mod 10; an issue number (and IRN). */
function medicareValid(v: string): boolean {
  const d = digitList(v);
  if ((d.length !== 10 && d.length !== 11) || d[0]! < 2 || d[0]! > 6 || d[9] === 0) return false;
  return weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === d[8];
}

/** ABN: subtract 1 from the first digit, weights 10,1,3,5,...,19, 0 mod 89. */
function abnValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 11 || d[0] === 0) return false;
  d[0]! -= 1;
  return weightedSum(d, [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]) % 89 === 0;
}

/** NHI letters: A-Z without I and O, worth 1-24. */
const NHI_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const nhiValue = (c: string): number => (c >= '0' && c <= '9' ? Number(c) : NHI_LETTERS.indexOf(c) + 1);

/** NHI: AAANNNN (weights 7..2, mod 11, check digit) or, from 2025, AAANNAA (mod 23, check letter; HISO 10046:2023). */
function nhiValid(v: string): boolean {
  const sum = weightedSum([...v.slice(0, 6)].map(nhiValue), [7, 6, 5, 4, 3, 2]);
  if (/^[A-HJ-NP-Z]{3}\d{4}$/.test(v)) return sum % 11 !== 0 && (11 - (sum % 11)) % 10 === Number(v[6]);
  if (/^[A-HJ-NP-Z]{3}\d{2}[A-HJ-NP-Z]{2}$/.test(v)) return 23 - (sum % 23) === nhiValue(v[6]!);
  return false;
}

/** IRD number: 8 or 9 digits in 10-150 million; weights 3,2,7,6,5,4,3,2, or 7,4,3,2,5,2,7,6 where the first gives 10. */
function irdValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 8 && d.length !== 9) return false;
  const n = Number(d.join(''));
  if (n < 10_000_000 || n > 150_000_000) return false;
  const body = d.slice(0, -1);
  while (body.length < 8) body.unshift(0);
  const check = (weights: number[]): number => {
    const r = weightedSum(body, weights) % 11;
    return r === 0 ? 0 : 11 - r;
  };
  let c = check([3, 2, 7, 6, 5, 4, 3, 2]);
  if (c === 10) c = check([7, 4, 3, 2, 5, 2, 7, 6]);
  return c !== 10 && c === d[d.length - 1];
}

const SEP = '([ -]?)';

/** National identifiers of Israel, South Africa, Saudi Arabia, the United Arab Emirates, Australia and New Zealand. */
export const africanAndOceanianIdentifiers: readonly Detector[] = [
  nationalId({
    id: 'national.il-id',
    description: 'Israeli identity number (Teudat Zehut, מספר זהות), Luhn',
    shapes: [{ name: 'il-id', source: String.raw`\d{8}-?\d` }],
    valid: teudatZehutValid,
    words: ['teudat zehut', 'מספר זהות', 'תעודת זהות', 'מס\' זהות', 'ת.ז', 'ת"ז', 'ת״ז', 'israeli id', ...IDENTITY_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: 'מספר זהות: 123456782', value: '123456782' }, { text: 'Teudat Zehut 03926153-2', value: '03926153-2' }],
      noMatch: ['מספר זהות: 123456789', 'order 123456782'],
    },
  }),
  nationalId({
    id: 'national.za-id',
    description: 'South African identity number, birth date, citizenship and Luhn check',
    shapes: [{ name: 'za-id', source: String.raw`\d{6}${SEP}\d{4}\1\d{3}` }],
    valid: zaValid,
    // Not the bare "id": as a keyword it would gate on every "did" and "provide".
    words: ['id:', 'south african id', 'sa id', 'rsa id', 'identity document', 'identiteitsnommer', 'id-nommer', ...IDENTITY_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: 'ID number: 8001015009087', value: '8001015009087' }, { text: 'ID: 800101 5009 087', value: '800101 5009 087' }],
      noMatch: ['ID number: 8001015009088', 'ref 8001015009087'],
    },
  }),
  nationalId({
    id: 'national.sa-id',
    description: 'Saudi national identity number or iqama (رقم الهوية), Luhn',
    shapes: [{ name: 'sa-id', source: String.raw`[12]\d{9}` }],
    valid: saudiValid,
    words: ['رقم الهوية', 'الهوية الوطنية', 'رقم الإقامة', 'الإقامة', 'هوية', 'iqama', 'saudi id', ...IDENTITY_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: 'رقم الهوية: 1234567897', value: '1234567897' }, { text: 'Iqama 2345678904', value: '2345678904' }],
      noMatch: ['رقم الهوية: 1234567898', 'ref 1234567897'],
    },
  }),
  nationalId({
    id: 'national.ae-emirates-id',
    description: 'Emirates ID (رقم الهوية الإماراتية), 784, birth year and Luhn',
    shapes: [{ name: 'ae-emirates-id', source: String.raw`784${SEP}\d{4}\1\d{7}\1\d` }],
    valid: emiratesValid,
    words: ['emirates id', 'emirates identity', 'eid', 'الهوية الإماراتية', 'رقم الهوية', 'بطاقة الهوية', ...IDENTITY_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: 'Emirates ID: 784-1990-1234567-6', value: '784-1990-1234567-6' }],
      noMatch: ['Emirates ID: 784-1990-1234567-5', 'tel 784-1990-1234567-6'],
    },
  }),
  nationalId({
    id: 'national.au-tfn',
    description: 'Australian tax file number (TFN), weighted mod-11 check',
    shapes: [{ name: 'au-tfn', source: String.raw`\d{3}${SEP}\d{3}\1\d{2,3}` }],
    valid: tfnValid,
    words: ['tfn', 'tax file number', 'tax file no', ...TAX_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: 'TFN: 123 456 782', value: '123 456 782' }, { text: 'tax file number 876543210', value: '876543210' }],
      noMatch: ['TFN: 123 456 789', 'call 123 456 782'],
    },
  }),
  nationalId({
    id: 'national.au-medicare',
    description: 'Australian Medicare card number, weighted check digit and issue number',
    shapes: [{ name: 'au-medicare', source: String.raw`[2-6]\d{3}${SEP}\d{5}\1\d(?:[ /-]?\d)?` }],
    valid: medicareValid,
    words: ['medicare', 'medicare number', 'medicare card', 'medicare no'],
    needsContext: true,
    examples: {
      match: [{ text: 'Medicare number: 2123 45670 1', value: '2123 45670 1' }, { text: 'medicare card 2123456701', value: '2123456701' }],
      noMatch: ['Medicare number: 2123 45671 1', 'phone 2123 45670 1'],
    },
  }),
  nationalId({
    id: 'national.au-abn',
    description: 'Australian Business Number (ABN), mod-89 check',
    shapes: [{ name: 'au-abn', source: String.raw`\d{2}( ?)\d{3}\1\d{3}\1\d{3}` }],
    valid: abnValid,
    words: ['abn', 'australian business number', ...TAX_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: 'ABN 51 824 753 556', value: '51 824 753 556' }],
      noMatch: ['ABN 51 824 753 557', 'tel 51 824 753 556'],
    },
  }),
  nationalId({
    id: 'national.nz-nhi',
    description: 'New Zealand National Health Index number (NHI), old and 2025 formats with their checks',
    shapes: [{ name: 'nz-nhi', source: String.raw`[A-HJ-NP-Z]{3}\d{2}(?:\d{2}|[A-HJ-NP-Z]{2})` }],
    valid: nhiValid,
    words: ['nhi', 'nhi number', 'nhi no', 'national health index'],
    needsContext: true,
    examples: {
      match: [{ text: 'NHI: ZAC5361', value: 'ZAC5361' }, { text: 'NHI number ZBN77VL', value: 'ZBN77VL' }],
      noMatch: ['NHI: ZAC5362', 'NHI ZZZ00AA', 'ZAC5361'],
    },
  }),
  nationalId({
    id: 'national.nz-ird',
    description: 'New Zealand IRD number (Inland Revenue), mod-11 check with a second weighting',
    shapes: [{ name: 'nz-ird', source: String.raw`\d{2,3}-?\d{3}-?\d{3}` }],
    valid: irdValid,
    words: ['ird', 'inland revenue', ...TAX_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: 'IRD number: 49-091-850', value: '49-091-850' }, { text: 'IRD 136410132', value: '136410132' }],
      noMatch: ['IRD number: 49-091-851', 'ref 49-091-850'],
    },
  }),
];
