import type { Detector } from '../../types';
import { nationalId } from './build';
import { dateValid, digits, iso7064Mod1110, luhn, modOf, verhoeffValid, weighted, yymmddValid } from './check-digits';

/** An optional separator between groups of digits, as people write them. */
const S = '[ .-]?';

/** Steuer-ID: first digit not 0; in the first ten, one digit twice or three times (not three in a row), the rest once. */
function deTaxIdValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 11 || d[0] === '0') return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[Number(d[i])]!++;
  const repeated = counts.filter((c) => c > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  if (repeated[0] === 3 && /(\d)\1\1/.test(d.slice(0, 10))) return false;
  return iso7064Mod1110(d.slice(0, 10)) === Number(d[10]);
}

/** The two-digit value of a letter, A = 01 ... Z = 26. */
const letterDigits = (c: string): string => String(c.charCodeAt(0) - 64).padStart(2, '0');

/** Digits weighted 1, 2, 1, 2... (or the given weights); each product's digit sum; total mod 10. */
function crossSumMod10(d: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const p = Number(d[i]) * weights[i]!;
    sum += Math.floor(p / 10) + (p % 10);
  }
  return sum % 10;
}

/** Krankenversichertennummer: a letter and nine digits; the letter as 01-26, then 1-2 weights, cross sums, mod 10. */
function deHealthInsuranceValid(v: string): boolean {
  const m = /^([A-Z])(\d{9})$/.exec(v.replace(/\s/g, ''));
  if (!m) return false;
  const d = letterDigits(m[1]!) + m[2]!.slice(0, 8);
  return crossSumMod10(d, [1, 2, 1, 2, 1, 2, 1, 2, 1, 2]) === Number(m[2]![8]);
}

/** Rentenversicherungsnummer: area, birth date, initial (as 01-26), serial, check (weights 2121 2121 2121 with cross sums). */
function dePensionValid(v: string): boolean {
  const m = /^(\d{2})(\d{6})([A-Z])(\d{2})(\d)$/.exec(v.replace(/\s/g, ''));
  if (!m || !yymmddValid(m[2]!, { day: 0, m: 2, y: 4 })) return false;
  const d = m[1]! + m[2]! + letterDigits(m[3]!) + m[4]!;
  return crossSumMod10(d, [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]) === Number(m[5]);
}

/** Austrian SVNR: serial, check (4th digit), birth date; weights 3 7 9 _ 5 8 4 2 1 6, mod 11 (10 is never issued). */
function atSvnrValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 10 || d[0] === '0') return false;
  const sum = weighted(d, [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]);
  return sum % 11 === Number(d[3]);
}

/** AHV/AVS number: 756, nine digits, EAN-13 check (weights 1 and 3 alternating). */
function chAhvValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 13 || !d.startsWith('756')) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * (i % 2 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(d[12]);
}

/** NIR: 13 characters and a key, 97 minus the number mod 97; Corsica's 2A and 2B count as 19 and 18. */
function frNirValid(v: string): boolean {
  const s = v.replace(/[\s.-]/g, '').toUpperCase();
  if (!/^[1-478]\d{4}(?:\d{2}|2[AB])\d{8}$/.test(s)) return false;
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - modOf(body, 97) === Number(s.slice(13));
}

/** Numéro fiscal (SPI): 13 digits, first 0-3; the last three are the first ten mod 511. */
function frTaxIdValid(v: string): boolean {
  const d = digits(v);
  return d.length === 13 && d[0]! <= '3' && modOf(d.slice(0, 10), 511) === Number(d.slice(10));
}

/** Belgian national number: YYMMDD, serial, key 97 - (first nine mod 97); for births from 2000, "2" goes before them. */
function beNationalValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 11) return false;
  // Month 0 or day 0 for an unknown date; +20 and +40 for bis numbers.
  const mm = Number(d.slice(2, 4)) % 20, dd = Number(d.slice(4, 6));
  if (mm > 12 || dd > 31) return false;
  const key = Number(d.slice(9));
  // The key of a birth from 2000 only where that year has come (else "81" would read 2081 as well as 1981).
  const since2000 = Number(d.slice(0, 2)) <= new Date().getFullYear() % 100;
  return 97 - modOf(d.slice(0, 9), 97) === key || (since2000 && 97 - modOf(`2${d.slice(0, 9)}`, 97) === key);
}

/** BSN: the 11-test, 9 8 7 6 5 4 3 2 and -1 for the last digit, a multiple of 11. */
function nlBsnValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 9 || /^0+$/.test(d)) return false;
  return (weighted(d, [9, 8, 7, 6, 5, 4, 3, 2]) - Number(d[8])) % 11 === 0;
}

/** Luxembourg matricule: YYYYMMDD and a serial, then a Luhn digit and a Verhoeff digit over those eleven. */
function luNationalValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 13 || !dateValid(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8)))) return false;
  return luhn(d.slice(0, 11) + d[11]) && verhoeffValid(d.slice(0, 11) + d[12]);
}

/** NHS number: mod 11 with weights 10..2 over the first nine digits; 11 - remainder is the tenth (10 is never issued). */
function nhsValid(v: string): boolean {
  const d = digits(v);
  const check = (11 - (weighted(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
  return check !== 10 && check === Number(d[9]);
}

/** National Insurance number: prefixes that HMRC never allocates (D F I Q U V, O second; BG GB KN NK NT TN ZZ). */
function ukNinoValid(v: string): boolean {
  const s = v.replace(/\s/g, '');
  return /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(s) && !/^(?:BG|GB|KN|NK|NT|TN|ZZ)/.test(s);
}

/** UTR: the first digit checks the other nine, weights 6 7 8 9 10 5 4 3 2, remainder mod 11 read through 2 1 9 8 7 6 5 4 3 2 1. */
function ukUtrValid(v: string): boolean {
  const d = digits(v);
  return d.length === 10 && '21987654321'[weighted(d, [6, 7, 8, 9, 10, 5, 4, 3, 2], 1) % 11] === d[0];
}

/** PPSN: seven digits weighted 8..2, plus 9 times the second letter (A = 1, W = 0); mod 23 read as W, A..V. */
function iePpsnValid(v: string): boolean {
  const m = /^(\d{7})([A-W])([ABHW]?)$/.exec(v.toUpperCase());
  if (!m) return false;
  const second = m[3] && m[3] !== 'W' ? m[3].charCodeAt(0) - 64 : 0;
  return 'WABCDEFGHIJKLMNOPQRSTUV'[(weighted(m[1]!, [8, 7, 6, 5, 4, 3, 2]) + 9 * second) % 23] === m[2];
}

/** Identifiers of Germany, Austria, Switzerland, France, the Benelux, the United Kingdom and Ireland. */
export const westernEuropeanIdentifiers: readonly Detector[] = [
  nationalId({
    id: 'national.de-tax-id',
    description: 'German tax identification number (Steuer-ID, IdNr): ISO 7064 mod 11,10 and the digit-repetition rule',
    shapes: [{ name: 'de-tax-id', source: String.raw`[1-9]\d${S}\d{3}${S}\d{3}${S}\d{3}` }],
    valid: deTaxIdValid,
    check: 'ISO 7064 mod 11,10 and repetition rule hold',
    words: ['steuer-id', 'steuerid', 'steuer-idnr', 'steueridentifikationsnummer', 'steuer-identifikationsnummer', 'identifikationsnummer', 'idnr', 'id-nr', 'steuernummer', 'tax id', 'tin', 'tax identification number'],
    needsContext: true,
    examples: { match: [{ text: 'Steuer-ID: 86 095 742 719', value: '86 095 742 719' }, { text: 'IdNr 47036892816', value: '47036892816' }], noMatch: ['Steuer-ID: 86 095 742 718', 'Bestellung 86 095 742 719'] },
  }),
  nationalId({
    id: 'national.de-health-insurance',
    description: 'German health insurance number (Krankenversichertennummer): a letter and nine digits, mod-10 check',
    shapes: [{ name: 'de-kvnr', source: String.raw`[A-Z] ?\d{9}` }],
    valid: deHealthInsuranceValid,
    words: ['krankenversichertennummer', 'versichertennummer', 'versicherten-nr', 'versichertennr', 'kvnr', 'krankenversicherungsnummer', 'versichertennummer der krankenkasse', 'health insurance number', 'egk'],
    needsContext: true,
    examples: { match: [{ text: 'Krankenversichertennummer: A123456780', value: 'A123456780' }], noMatch: ['Krankenversichertennummer: A123456781', 'Artikel A123456780'] },
  }),
  nationalId({
    id: 'national.de-pension-insurance',
    description: 'German social (pension) insurance number: area, birth date, initial, serial, check digit',
    shapes: [{ name: 'de-rvnr', source: String.raw`\d{2} ?\d{6} ?[A-Z] ?\d{2} ?\d` }],
    valid: dePensionValid,
    words: ['rentenversicherungsnummer', 'sozialversicherungsnummer', 'versicherungsnummer', 'sv-nummer', 'sv-nr', 'rvnr', 'social security number'],
    needsContext: false,
    examples: { match: [{ text: 'Versicherungsnummer 65 170839 J 00 3', value: '65 170839 J 00 3' }, { text: 'SV-Nr. 15070649C103', value: '15070649C103' }], noMatch: ['Versicherungsnummer 65 170839 J 00 4', 'SV-Nr. 15070649C104'] },
  }),
  nationalId({
    id: 'national.at-social-security',
    description: 'Austrian social insurance number (SVNR): serial, check digit, birth date; weighted mod 11',
    shapes: [{ name: 'at-svnr', source: String.raw`\d{4} ?\d{6}` }],
    valid: atSvnrValid,
    words: ['svnr', 'sv-nr', 'sv-nummer', 'sozialversicherungsnummer', 'versicherungsnummer', 'social security number', 'e-card'],
    needsContext: true,
    examples: { match: [{ text: 'SVNR: 1237 010180', value: '1237 010180' }], noMatch: ['SVNR: 1238 010180', 'Auftrag 1237 010180'] },
  }),
  nationalId({
    id: 'national.ch-ahv',
    description: 'Swiss social security number (AHV/AVS, 756.xxxx.xxxx.xx): EAN-13 check',
    shapes: [{ name: 'ch-ahv', source: String.raw`756[. ]?\d{4}[. ]?\d{4}[. ]?\d{2}` }],
    valid: chAhvValid,
    check: 'EAN-13 check digit holds',
    words: ['ahv', 'avs', 'ahv-nr', 'ahv-nummer', 'ahvn13', 'numéro avs', 'n° avs', 'numero avs', 'sozialversicherungsnummer', 'social security number'],
    needsContext: false,
    examples: { match: [{ text: 'AHV-Nr. 756.1234.5678.97', value: '756.1234.5678.97' }, { text: '7569217076985' }], noMatch: ['AHV-Nr. 756.1234.5678.98'] },
  }),
  nationalId({
    id: 'national.fr-nir',
    description: 'French social security number (NIR, numéro de sécurité sociale) with its mod-97 key; Corsica 2A/2B',
    shapes: [{ name: 'fr-nir', source: String.raw`[1-478][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2[ABab])[ .]?\d{3}[ .]?\d{3}[ .-]{0,3}\d{2}` }],
    valid: frNirValid,
    check: 'mod-97 key holds',
    words: ['nir', 'numéro de sécurité sociale', 'n° de sécurité sociale', 'numéro de sécu', 'sécurité sociale', 'securite sociale', 'sécu', 'numéro insee', 'insee', 'carte vitale', 'social security number'],
    needsContext: false,
    examples: { match: [{ text: 'NIR : 1 85 05 78 006 084 91', value: '1 85 05 78 006 084 91' }, { text: 'sécurité sociale 2 90 02 2A 004 005 25', value: '2 90 02 2A 004 005 25' }], noMatch: ['NIR : 1 85 05 78 006 084 92'] },
  }),
  nationalId({
    id: 'national.fr-tax-id',
    description: 'French tax number (numéro fiscal, SPI): 13 digits, the last three the first ten mod 511',
    shapes: [{ name: 'fr-spi', source: String.raw`[0-3]\d${S}\d{2}${S}\d{3}${S}\d{3}${S}\d{3}` }],
    valid: frTaxIdValid,
    check: 'mod-511 key holds',
    words: ['numéro fiscal', 'numero fiscal', 'n° fiscal', 'numéro fiscal de référence', 'identifiant fiscal', 'spi', 'nif', 'tax number', 'tin'],
    needsContext: true,
    examples: { match: [{ text: 'Numéro fiscal : 30 23 217 600 053', value: '30 23 217 600 053' }], noMatch: ['Numéro fiscal : 30 23 217 600 054'] },
  }),
  nationalId({
    id: 'national.be-national-number',
    description: 'Belgian national register number (rijksregisternummer, numéro national): birth date, serial, mod-97 key',
    shapes: [{ name: 'be-nn', source: String.raw`\d{2}[ .]?\d{2}[ .]?\d{2}[ .-]?\d{3}[ .-]?\d{2}` }],
    valid: beNationalValid,
    check: 'mod-97 key holds',
    words: ['rijksregisternummer', 'rijksregister', 'nationaal nummer', 'insz', 'numéro national', 'numéro de registre national', 'registre national', 'niss', 'national number', 'national register number'],
    needsContext: true,
    examples: { match: [{ text: 'Rijksregisternummer: 85.07.30-033.28', value: '85.07.30-033.28' }, { text: 'numéro national 17073003384', value: '17073003384' }], noMatch: ['Rijksregisternummer: 85.07.30-033.29', 'bestelling 85.07.30-033.28'] },
  }),
  nationalId({
    id: 'national.nl-bsn',
    description: 'Dutch citizen service number (BSN, burgerservicenummer): the 11-test',
    shapes: [{ name: 'nl-bsn', source: String.raw`\d{3}[ .-]?\d[ .-]?\d{2}[ .-]?\d{3}` }],
    valid: nlBsnValid,
    check: '11-test holds',
    words: ['bsn', 'burgerservicenummer', 'burgerservice nummer', 'sofinummer', 'sofi-nummer', 'citizen service number'],
    needsContext: true,
    examples: { match: [{ text: 'BSN: 1112.22.333', value: '1112.22.333' }, { text: 'burgerservicenummer 123456782', value: '123456782' }], noMatch: ['BSN: 1112.22.334', 'order 123456782'] },
  }),
  nationalId({
    id: 'national.lu-national-id',
    description: 'Luxembourg national identification number (matricule): birth date, serial, a Luhn and a Verhoeff digit',
    shapes: [{ name: 'lu-matricule', source: String.raw`(?:18|19|20)\d{2} ?\d{2} ?\d{2} ?\d{3} ?\d{2}` }],
    valid: luNationalValid,
    check: 'Luhn and Verhoeff digits hold',
    words: ['matricule', 'numéro de matricule', "numéro d'identification", 'identifiant national', 'sozialversicherungsnummer', 'national identification number'],
    needsContext: false,
    examples: { match: [{ text: 'Matricule : 1893 12 01 057 32', value: '1893 12 01 057 32' }, { text: '1893120105732' }], noMatch: ['Matricule : 1893 12 01 057 33', '1893120105742'] },
  }),
  nationalId({
    id: 'national.uk-nhs',
    description: 'NHS number (England, Wales, Isle of Man), mod-11 check digit',
    shapes: [{ name: 'nhs-grouped', source: String.raw`\d{3}([ -]?)\d{3}\1\d{4}` }],
    valid: nhsValid,
    words: ['nhs', 'nhs number', 'nhs no'],
    needsContext: true,
    examples: {
      match: [{ text: 'NHS number: 943 476 5919', value: '943 476 5919' }, { text: 'nhs no 9434765919', value: '9434765919' }],
      noMatch: ['NHS number: 943 476 5918', 'call 943 476 5919'],
    },
  }),
  nationalId({
    id: 'national.uk-nino',
    description: 'UK National Insurance number: two letters (allocated prefixes only), six digits, A-D',
    shapes: [{ name: 'uk-nino', source: String.raw`[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]` }],
    valid: ukNinoValid,
    check: 'allocated prefix',
    words: ['national insurance', 'national insurance number', 'ni number', 'ni no', 'nino', 'nin'],
    needsContext: false,
    examples: { match: [{ text: 'NI number: AB 12 34 56 C', value: 'AB 12 34 56 C' }, { text: 'nino JG103759A', value: 'JG103759A' }], noMatch: ['NI number: QQ 12 34 56 C', 'GB123456A'] },
  }),
  nationalId({
    id: 'national.uk-utr',
    description: 'UK Unique Taxpayer Reference: ten digits, the first a mod-11 check of the rest',
    shapes: [{ name: 'uk-utr', source: String.raw`\d{5} ?\d{5}K?` }],
    valid: ukUtrValid,
    words: ['utr', 'unique taxpayer reference', 'taxpayer reference', 'tax reference', 'self assessment'],
    needsContext: true,
    examples: { match: [{ text: 'UTR: 22345 67890', value: '22345 67890' }], noMatch: ['UTR: 32345 67890', 'invoice 22345 67890'] },
  }),
  nationalId({
    id: 'national.ie-ppsn',
    description: 'Irish Personal Public Service Number: seven digits and a mod-23 check letter (and a second letter)',
    // Capitals only: seven digits and a small letter are as often a short commit hash.
    shapes: [{ name: 'ie-ppsn', source: String.raw`\d{7} ?[A-W][ABHW]?` }],
    valid: (v) => iePpsnValid(v.replace(/\s/g, '')),
    check: 'mod-23 check letter holds',
    words: ['ppsn', 'pps number', 'pps no', 'pps', 'personal public service number', 'uimhir pps'],
    needsContext: false,
    examples: { match: [{ text: 'PPS number 1234567T', value: '1234567T' }, { text: 'PPSN: 1234567FA', value: '1234567FA' }], noMatch: ['PPS number 1234567U'] },
  }),
];
