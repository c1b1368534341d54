import type { Detector } from '../../types';
import { nationalId } from './build';
import { dateValid, digits, luhn, modOf, weighted, yymmddValid } from './check-digits';

/** Personnummer: (YY)YYMMDD, - or + (a hundred years old), serial, Luhn over the ten; coordination numbers day + 60. */
function sePersonalValid(v: string): boolean {
  let d = digits(v);
  if (d.length === 12) {
    if (!/^(?:18|19|20)/.test(d)) return false;
    d = d.slice(2);
  }
  if (d.length !== 10) return false;
  const day = Number(d.slice(4, 6));
  return dateValid(undefined, Number(d.slice(2, 4)), day > 60 ? day - 60 : day) && luhn(d);
}

/** CPR: DDMMYY and four digits; no mod-11 since 2007, so the date is the only check. */
const dkCprValid = (v: string): boolean => {
  const d = digits(v);
  return d.length === 10 && yymmddValid(d, { day: 0, m: 2, y: 4 });
};

/** Henkilötunnus: DDMMYY, century sign, individual number (900-999 temporary), check character (the nine digits mod 31). */
const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const HETU_CENTURY: Record<string, number> = { '+': 1800, '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900, A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000 };
function fiHetuValid(v: string): boolean {
  const s = v.toUpperCase();
  const m = /^(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])$/.exec(s);
  if (!m) return false;
  const serial = Number(m[3]);
  if (serial < 2 || !yymmddValid(m[1]!, { day: 0, m: 2, y: 4 }, HETU_CENTURY[m[2]!])) return false;
  return HETU_CHECK[modOf(m[1]! + m[3]!, 31)] === m[4];
}

/** Fødselsnummer: DDMMYY, individual number, two mod-11 check digits; D-numbers day + 40, H-numbers month + 40. */
function noBirthNumberValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 11) return false;
  const day = Number(d.slice(0, 2)) % 40, month = Number(d.slice(2, 4)) % 40;
  if (!dateValid(undefined, month, day)) return false;
  const k = (sum: number) => (11 - (sum % 11)) % 11;
  const k1 = k(weighted(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]));
  const k2 = k(weighted(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]));
  return k1 === Number(d[9]) && k2 === Number(d[10]);
}

/** Kennitala: DDMMYY (companies day + 40), two digits, a mod-11 check digit, the century (9, 0 or 8). */
function isKennitalaValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 10 || !'890'.includes(d[9]!)) return false;
  const day = Number(d.slice(0, 2));
  if (!dateValid(undefined, Number(d.slice(2, 4)), day > 40 ? day - 40 : day)) return false;
  const check = (11 - (weighted(d, [3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
  return check === Number(d[8]);
}

/**
 * The Estonian and Lithuanian personal code: century and sex (1-6), YYMMDD, serial, and a check digit: weights
 * 1..9,1 mod 11, or where that gives 10, weights 3..9,1,2,3 mod 11, and 0 where that gives 10 again.
 */
function balticCodeValid(v: string, unknownDate: boolean): boolean {
  const d = digits(v);
  if (d.length !== 11 || d[0]! < '1' || d[0]! > '6') return false;
  const century = 1800 + 100 * Math.floor((Number(d[0]) - 1) / 2);
  const mm = Number(d.slice(3, 5)), dd = Number(d.slice(5, 7));
  // Lithuania writes 0 for a month or day that an elderly person could not tell.
  if (!(unknownDate && (mm === 0 || dd === 0)) && !dateValid(century + Number(d.slice(1, 3)), mm, dd)) return false;
  let r = weighted(d, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11;
  if (r === 10) r = weighted(d, [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 11;
  return (r === 10 ? 0 : r) === Number(d[10]);
}

/** Personas kods: DDMMYY-C (century) and four digits, or since 2017 "32" and nine digits; check (1101 - sum) mod 11, 10 as 0. */
function lvPersonalValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 11) return false;
  if (!d.startsWith('32')) {
    if (!'012'.includes(d[6]!) || !yymmddValid(d, { day: 0, m: 2, y: 4 }, 1800 + 100 * Number(d[6]))) return false;
  }
  // A remainder of 10 is written 0.
  const check = (((1101 - weighted(d, [1, 6, 3, 7, 9, 10, 5, 8, 4, 2])) % 11) + 11) % 11;
  return check % 10 === Number(d[10]);
}

/** Identifiers of the Nordic and Baltic countries. */
export const northernEuropeanIdentifiers: readonly Detector[] = [
  nationalId({
    id: 'national.se-personal-number',
    description: 'Swedish personal identity number (personnummer, samordningsnummer): birth date, Luhn check',
    shapes: [{ name: 'se-pnr', source: String.raw`(?:18|19|20)?\d{6}[-+ ]?\d{4}` }],
    valid: sePersonalValid,
    check: 'Luhn digit and date hold',
    words: ['personnummer', 'personnr', 'pers.nr', 'samordningsnummer', 'personal identity number', 'person number'],
    needsContext: true,
    examples: { match: [{ text: 'Personnummer: 811228-9874', value: '811228-9874' }, { text: 'personnummer 19670919+9530', value: '19670919+9530' }], noMatch: ['Personnummer: 811228-9875', 'order 811228-9874'] },
  }),
  nationalId({
    id: 'national.dk-cpr',
    description: 'Danish personal number (CPR): birth date and four digits (no mod-11 check since 2007: date and word)',
    shapes: [{ name: 'dk-cpr', source: String.raw`\d{6}[ -]?\d{4}` }],
    valid: dkCprValid,
    check: 'birth date is a date',
    words: ['cpr', 'cpr-nummer', 'cpr-nr', 'cpr nr', 'personnummer', 'cpr number', 'civil registration number'],
    needsContext: true,
    examples: { match: [{ text: 'CPR-nr. 070761-4285', value: '070761-4285' }], noMatch: ['CPR-nr. 320761-4285', 'tlf 070761-4285'] },
  }),
  nationalId({
    id: 'national.fi-hetu',
    description: 'Finnish personal identity code (henkilötunnus): birth date, century sign, mod-31 check character',
    shapes: [{ name: 'fi-hetu', source: String.raw`\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]` }],
    valid: fiHetuValid,
    check: 'mod-31 check character holds',
    words: ['henkilötunnus', 'henkilotunnus', 'hetu', 'sotu', 'henkilötunnuksen', 'personbeteckning', 'personal identity code'],
    needsContext: false,
    examples: { match: [{ text: 'Henkilötunnus: 131052-308T', value: '131052-308T' }, { text: 'hetu 010594Y9032', value: '010594Y9032' }], noMatch: ['Henkilötunnus: 131052-308U'] },
  }),
  nationalId({
    id: 'national.no-birth-number',
    description: 'Norwegian national identity number (fødselsnummer, D-number): birth date, two mod-11 check digits',
    shapes: [{ name: 'no-fnr', source: String.raw`\d{6} ?\d{5}` }],
    valid: noBirthNumberValid,
    check: 'both mod-11 check digits hold',
    words: ['fødselsnummer', 'fodselsnummer', 'fødselsnr', 'f.nr', 'fnr', 'personnummer', 'd-nummer', 'national identity number'],
    needsContext: true,
    examples: { match: [{ text: 'Fødselsnummer: 01010750160', value: '01010750160' }], noMatch: ['Fødselsnummer: 01010750161', 'ordre 01010750160'] },
  }),
  nationalId({
    id: 'national.is-kennitala',
    description: 'Icelandic identity number (kennitala): birth date, mod-11 check digit, century digit',
    shapes: [{ name: 'is-kt', source: String.raw`\d{6}[ -]?\d{4}` }],
    valid: isKennitalaValid,
    words: ['kennitala', 'kennitölu', 'kennitolu', 'kt', 'kt.', 'icelandic identity number'],
    needsContext: true,
    examples: { match: [{ text: 'Kennitala: 120174-3399', value: '120174-3399' }], noMatch: ['Kennitala: 120174-3389', 'pöntun 120174-3399'] },
  }),
  nationalId({
    id: 'national.ee-personal-code',
    description: 'Estonian personal identification code (isikukood): century and sex, birth date, serial, mod-11 check',
    shapes: [{ name: 'ee-ik', source: String.raw`[1-6]\d{10}` }],
    valid: (v) => balticCodeValid(v, false),
    words: ['isikukood', 'isikukoodi', 'isikukoodiga', 'personal identification code', 'personal code'],
    needsContext: true,
    examples: { match: [{ text: 'Isikukood: 37605030299', value: '37605030299' }], noMatch: ['Isikukood: 37605030298', 'tellimus 37605030299'] },
  }),
  nationalId({
    id: 'national.lv-personal-code',
    description: 'Latvian personal code (personas kods): birth date and century, or "32" since 2017; mod-11 check',
    shapes: [{ name: 'lv-pk', source: String.raw`\d{6}-?\d{5}` }],
    valid: lvPersonalValid,
    words: ['personas kods', 'personas kodu', 'personas koda', 'p.k.', 'personal code'],
    needsContext: true,
    examples: { match: [{ text: 'Personas kods: 161175-19997', value: '161175-19997' }], noMatch: ['Personas kods: 161175-19996', 'pasūtījums 161175-19997'] },
  }),
  nationalId({
    id: 'national.lt-personal-code',
    description: 'Lithuanian personal code (asmens kodas): century and sex, birth date, serial, mod-11 check',
    shapes: [{ name: 'lt-ak', source: String.raw`[1-6]\d{10}` }],
    valid: (v) => balticCodeValid(v, true),
    words: ['asmens kodas', 'asmens kodą', 'asmens kodo', 'a.k.', 'personal code'],
    needsContext: true,
    examples: { match: [{ text: 'Asmens kodas: 33309240064', value: '33309240064' }], noMatch: ['Asmens kodas: 33309240065', 'užsakymas 33309240064'] },
  }),
];
