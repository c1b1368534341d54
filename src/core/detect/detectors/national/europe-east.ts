import type { Detector } from '../../types';
import { nationalId } from './build';
import { dateValid, digits, iso7064Mod1110, weighted, yymmddValid } from './check-digits';

/** PESEL: YYMMDD with the century in the month (+80 1800s, +20 2000s, +40, +60), serial, weights 1 3 7 9, mod 10. */
function plPeselValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 11) return false;
  const mm = Number(d.slice(2, 4));
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(mm / 20)]!;
  if (!dateValid(century + Number(d.slice(0, 2)), mm % 20, Number(d.slice(4, 6)))) return false;
  return (10 - (weighted(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10 === Number(d[10]);
}

/** NIP: ten digits, weights 6 5 7 2 3 4 5 6 7, mod 11 (10 is never issued). */
function plNipValid(v: string): boolean {
  const d = digits(v);
  return d.length === 10 && weighted(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === Number(d[9]);
}

/**
 * Rodné číslo: YYMMDD (women's month + 50, extra series + 20), then three digits (before 1954) or four, the ten
 * a multiple of 11 (until 1985 also a remainder of 10 with the check 0).
 */
function czBirthNumberValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 9 && d.length !== 10) return false;
  const yy = Number(d.slice(0, 2));
  let mm = Number(d.slice(2, 4));
  if (mm > 50) mm -= 50;
  if (mm > 20) mm -= 20;
  if (!dateValid(undefined, mm, Number(d.slice(4, 6)))) return false;
  // Nine digits: issued until 1953, with no check digit; written with its slash.
  if (d.length === 9) return yy < 54 && v.includes('/');
  const r = Number(d.slice(0, 9)) % 11;
  return r === Number(d[9]) || (r === 10 && d[9] === '0' && yy >= 54 && yy < 86);
}

/** TAJ: nine digits, the first eight weighted 3 and 7 in turn, mod 10. */
function huTajValid(v: string): boolean {
  const d = digits(v);
  return d.length === 9 && !/^0+$/.test(d) && weighted(d, [3, 7, 3, 7, 3, 7, 3, 7]) % 10 === Number(d[8]);
}

/** Adóazonosító jel: 8, days since 1867-01-01, serial, digits weighted by position, mod 11. */
function huTaxIdValid(v: string): boolean {
  const d = digits(v);
  return d.length === 10 && d[0] === '8' && weighted(d, [1, 2, 3, 4, 5, 6, 7, 8, 9]) % 11 === Number(d[9]);
}

/** CNP: sex and century, YYMMDD, county, serial, weights 2 7 9 1 4 6 3 5 8 2 7 9 mod 11 (10 reads 1). */
const CNP_CENTURY: Record<string, number | undefined> = { 1: 1900, 2: 1900, 3: 1800, 4: 1800, 5: 2000, 6: 2000 };
function roCnpValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 13 || d[0] === '0') return false;
  if (!yymmddValid(d, { y: 1, m: 3, day: 5 }, CNP_CENTURY[d[0]!])) return false;
  const county = Number(d.slice(7, 9));
  if (county < 1 || (county > 52 && county !== 70)) return false;
  const r = weighted(d, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
  return (r === 10 ? 1 : r) === Number(d[12]);
}

/** EGN: YYMMDD (month + 20 for the 1800s, + 40 for 2000s), serial, weights 2 4 8 5 10 9 7 3 6 mod 11 (10 reads 0). */
function bgEgnValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 10) return false;
  const mm = Number(d.slice(2, 4));
  const century = mm > 40 ? 2000 : mm > 20 ? 1800 : 1900;
  if (!dateValid(century + Number(d.slice(0, 2)), mm % 20, Number(d.slice(4, 6)))) return false;
  const r = weighted(d, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11;
  return (r === 10 ? 0 : r) === Number(d[9]);
}

/** EMŠO: DDMMYYY (9xx the 1900s, 0xx the 2000s), region, serial; weights 7..2 twice, 11 - remainder (10 never issued). */
function siEmsoValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 13) return false;
  const yyy = Number(d.slice(4, 7));
  if (!dateValid(yyy >= 800 ? 1000 + yyy : 2000 + yyy, Number(d.slice(2, 4)), Number(d.slice(0, 2)))) return false;
  const r = weighted(d, [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11;
  return (r === 0 ? 0 : 11 - r) === Number(d[12]);
}

/** Slovenian tax number: eight digits, first not 0, weights 8..2, 11 - remainder (10 reads 0; 11 never issued). */
function siTaxValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 8 || d[0] === '0') return false;
  const c = 11 - (weighted(d, [8, 7, 6, 5, 4, 3, 2]) % 11);
  return c !== 11 && c % 10 === Number(d[7]);
}

/** OIB: eleven digits, ISO 7064 MOD 11,10. */
const hrOibValid = (v: string): boolean => {
  const d = digits(v);
  return d.length === 11 && iso7064Mod1110(d.slice(0, 10)) === Number(d[10]);
};

/** Identifiers of Poland, Czechia and Slovakia, Hungary, Romania, Bulgaria, Slovenia and Croatia. */
export const easternEuropeanIdentifiers: readonly Detector[] = [
  nationalId({
    id: 'national.pl-pesel',
    description: 'Polish personal number (PESEL): birth date with the century in the month, weighted mod-10 check',
    shapes: [{ name: 'pl-pesel', source: String.raw`\d{11}` }],
    valid: plPeselValid,
    words: ['pesel', 'numer pesel', 'nr pesel'],
    needsContext: true,
    examples: { match: [{ text: 'PESEL: 44051401359', value: '44051401359' }, { text: 'nr PESEL 02070803628', value: '02070803628' }], noMatch: ['PESEL: 44051401358', 'zamówienie 44051401359'] },
  }),
  nationalId({
    id: 'national.pl-tax-id',
    description: 'Polish tax identification number (NIP): weighted mod-11 check digit',
    shapes: [{ name: 'pl-nip', source: String.raw`\d{3}-?\d{3}-?\d{2}-?\d{2}|\d{3}-\d{2}-\d{2}-\d{3}` }],
    valid: plNipValid,
    words: ['nip', 'numer identyfikacji podatkowej', 'numer nip', 'tax identification number'],
    needsContext: true,
    examples: { match: [{ text: 'NIP: 123-456-32-18', value: '123-456-32-18' }], noMatch: ['NIP: 123-456-32-19'] },
  }),
  nationalId({
    id: 'national.cz-birth-number',
    description: 'Czech and Slovak birth number (rodné číslo): birth date (women + 50), serial, divisible by 11',
    shapes: [{ name: 'cz-rc', source: String.raw`\d{6} ?/? ?\d{3,4}` }],
    valid: czBirthNumberValid,
    check: 'mod-11 check and date hold',
    words: ['rodné číslo', 'rodne cislo', 'rodného čísla', 'rodné č.', 'r.č.', 'rč', 'birth number'],
    needsContext: true,
    examples: { match: [{ text: 'Rodné číslo: 736028/5163', value: '736028/5163' }, { text: 'r.č. 7801233540', value: '7801233540' }], noMatch: ['Rodné číslo: 736028/5164', 'objednávka 736028/5163'] },
  }),
  nationalId({
    id: 'national.hu-taj',
    description: 'Hungarian social security number (TAJ szám): weights 3 and 7, mod-10 check',
    shapes: [{ name: 'hu-taj', source: String.raw`\d{3}[ -]?\d{3}[ -]?\d{3}` }],
    valid: huTajValid,
    words: ['taj', 'taj szám', 'taj-szám', 'tajszám', 'társadalombiztosítási azonosító jel', 'social security number'],
    needsContext: true,
    examples: { match: [{ text: 'TAJ szám: 123 456 788', value: '123 456 788' }], noMatch: ['TAJ szám: 123 456 789', 'rendelés 123 456 788'] },
  }),
  nationalId({
    id: 'national.hu-tax-id',
    description: 'Hungarian tax identification number (adóazonosító jel): 8, birth day count, serial, mod-11 check',
    shapes: [{ name: 'hu-adoazonosito', source: String.raw`8\d{9}` }],
    valid: huTaxIdValid,
    words: ['adóazonosító jel', 'adóazonosító', 'adoazonosito', 'adóazonosító szám', 'tax identification number'],
    needsContext: true,
    examples: { match: [{ text: 'Adóazonosító jel: 8071592153', value: '8071592153' }], noMatch: ['Adóazonosító jel: 8071592154'] },
  }),
  nationalId({
    id: 'national.ro-cnp',
    description: 'Romanian personal numeric code (CNP): sex and century, birth date, county, serial, weighted mod 11',
    shapes: [{ name: 'ro-cnp', source: String.raw`[1-9]\d{12}` }],
    valid: roCnpValid,
    words: ['cnp', 'cod numeric personal', 'codul numeric personal', 'c.n.p.', 'personal numeric code'],
    needsContext: true,
    examples: { match: [{ text: 'CNP: 1800101221144', value: '1800101221144' }], noMatch: ['CNP: 1800101221145', 'comanda 1800101221144'] },
  }),
  nationalId({
    id: 'national.bg-egn',
    description: 'Bulgarian unified civil number (EGN, ЕГН): birth date with the century in the month, weighted mod 11',
    shapes: [{ name: 'bg-egn', source: String.raw`\d{10}` }],
    valid: bgEgnValid,
    words: ['егн', 'е.г.н.', 'egn', 'единен граждански номер', 'unified civil number'],
    needsContext: true,
    examples: { match: [{ text: 'ЕГН: 7523169263', value: '7523169263' }, { text: 'EGN 8032056031', value: '8032056031' }], noMatch: ['ЕГН: 7523169264', 'поръчка 7523169263'] },
  }),
  nationalId({
    id: 'national.si-emso',
    description: 'Slovenian unique master citizen number (EMŠO): birth date, region, serial, weighted mod 11',
    shapes: [{ name: 'si-emso', source: String.raw`\d{13}` }],
    valid: siEmsoValid,
    words: ['emšo', 'emso', 'enotna matična številka občana', 'matična številka', 'maticna stevilka', 'unique master citizen number'],
    needsContext: true,
    examples: { match: [{ text: 'EMŠO: 0101006500006', value: '0101006500006' }], noMatch: ['EMŠO: 0101006500007', 'naročilo 0101006500006'] },
  }),
  nationalId({
    id: 'national.si-tax-id',
    description: 'Slovenian tax number (davčna številka): weights 8..2, mod-11 check digit',
    shapes: [{ name: 'si-davcna', source: String.raw`[1-9]\d{7}` }],
    valid: siTaxValid,
    words: ['davčna številka', 'davcna stevilka', 'davčna št', 'davčno številko', 'tax number'],
    needsContext: true,
    examples: { match: [{ text: 'Davčna številka: 15012557', value: '15012557' }], noMatch: ['Davčna številka: 15012558'] },
  }),
  nationalId({
    id: 'national.hr-oib',
    description: 'Croatian personal identification number (OIB): ISO 7064 mod 11,10',
    shapes: [{ name: 'hr-oib', source: String.raw`\d{11}` }],
    valid: hrOibValid,
    check: 'ISO 7064 mod 11,10 holds',
    words: ['oib', 'osobni identifikacijski broj', 'osobnog identifikacijskog broja', 'personal identification number'],
    needsContext: true,
    examples: { match: [{ text: 'OIB: 69435151530', value: '69435151530' }], noMatch: ['OIB: 69435151531', 'narudžba 69435151530'] },
  }),
];
