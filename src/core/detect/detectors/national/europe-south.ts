import type { Detector } from '../../types';
import { nationalId } from './build';
import { alnumValue, digits, luhn, modOf, weighted, yymmddValid } from './check-digits';

/** The letters of the Spanish DNI and NIE, by the number mod 23. */
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** DNI: eight digits and the letter of their value mod 23. */
function esDniValid(v: string): boolean {
  const m = /^(\d{8})([A-Z])$/.exec(v.replace(/[\s.-]/g, '').toUpperCase());
  return Boolean(m) && DNI_LETTERS[Number(m![1]) % 23] === m![2];
}

/** NIE: X, Y or Z (read as 0, 1, 2), seven digits, and the DNI letter of that number. */
function esNieValid(v: string): boolean {
  const m = /^([XYZ])(\d{7})([A-Z])$/.exec(v.replace(/[\s.-]/g, '').toUpperCase());
  return Boolean(m) && DNI_LETTERS[Number('XYZ'.indexOf(m![1]!) + m![2]!) % 23] === m![3];
}

/** NASS: province, eight digits, and two control digits, (province and number) mod 97. */
function esNassValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 12) return false;
  const province = Number(d.slice(0, 2)), number = Number(d.slice(2, 10));
  // Numbers under ten million are read with the province in front of seven digits.
  const whole = number < 10_000_000 ? String(number + province * 10_000_000) : d.slice(0, 10);
  return modOf(whole, 97) === Number(d.slice(10));
}

/** Portuguese NIF: nine digits, weights 9..2, 11 - remainder (0 for 10 and 11); first digit one of the issued. */
function ptNifValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 9 || !'1235689'.includes(d[0]!)) return false;
  const r = weighted(d, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
  return (r < 2 ? 0 : 11 - r) === Number(d[8]);
}

/** Cartão de Cidadão document number: 8 digits, a check digit, two characters of version, a check over all twelve. */
function ptCitizenCardValid(v: string): boolean {
  const s = v.replace(/\s/g, '').toUpperCase();
  if (!/^\d{9}[A-Z0-9]{2}\d$/.test(s)) return false;
  let sum = 0;
  for (let i = s.length - 1, double = false; i >= 0; i--, double = !double) {
    let x = alnumValue(s[i]!);
    if (double) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    sum += x;
  }
  return sum % 10 === 0;
}

/** Codice fiscale: the odd-position values (1st, 3rd...), the even ones (0-9, A-Z as 0-25), the check letter mod 26. */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
/** Digits replaced by letters (omocodia) where a code is taken twice: L=0 ... V=9. */
const OMOCODIA = 'LMNPQRSTUV';
function itFiscalCodeValid(v: string): boolean {
  const s = v.toUpperCase();
  if (s.length !== 16) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = s.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? CF_ODD[value]! : value;
  }
  if (String.fromCharCode(65 + (sum % 26)) !== s[15]) return false;
  // The day (women +40) must be a day of a month, read through the omocodia letters.
  const day = Number([...s.slice(9, 11)].map((c) => (OMOCODIA.includes(c) ? OMOCODIA.indexOf(c) : c)).join(''));
  return (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
}

/** AMKA: birth date DDMMYY, then five digits; Luhn over all eleven. */
const grAmkaValid = (v: string): boolean => {
  const d = digits(v);
  return d.length === 11 && yymmddValid(d, { day: 0, m: 2, y: 4 }) && luhn(d);
};

/** Greek AFM: eight digits weighted by powers of two (256..2), mod 11, mod 10, is the ninth. */
function grAfmValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 9 || /^0+$/.test(d)) return false;
  return (weighted(d, [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10 === Number(d[8]);
}

/** Cypriot TIN: eight digits and a letter; even positions (1st, 3rd...) through a table, the sum mod 26 as A-Z. */
const CY_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
function cyTinValid(v: string): boolean {
  const m = /^(\d{8})([A-Z])$/.exec(v.replace(/\s/g, '').toUpperCase());
  if (!m || !'01345679'.includes(m[1]![0]!)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += i % 2 === 0 ? CY_ODD[Number(m[1]![i])]! : Number(m[1]![i]);
  return String.fromCharCode(65 + (sum % 26)) === m[2];
}

/** Maltese identity card: up to seven digits and a letter of the card's kind; no check digit. */
const mtIdValid = (v: string): boolean => /^\d{3,7}[MGAPLHBZ]$/.test(v.replace(/\s/g, '').toUpperCase()) && !/^0+[A-Z]$/.test(v.trim());

/** T.C. Kimlik No: first digit not 0; the 10th from odd and even digit sums (7x - y mod 10), the 11th the sum of ten mod 10. */
function trIdentityValid(v: string): boolean {
  const d = digits(v);
  if (d.length !== 11 || d[0] === '0') return false;
  const n = (i: number) => Number(d[i]);
  const odd = n(0) + n(2) + n(4) + n(6) + n(8), even = n(1) + n(3) + n(5) + n(7);
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  return tenth === n(9) && (odd + even + n(9)) % 10 === n(10);
}

/** Identifiers of Spain, Portugal, Italy, Greece, Cyprus, Malta and Turkey. */
export const southernEuropeanIdentifiers: readonly Detector[] = [
  nationalId({
    id: 'national.es-dni',
    description: 'Spanish national identity document (DNI) number: eight digits and their mod-23 letter',
    shapes: [{ name: 'es-dni', source: String.raw`\d{2}\.?\d{3}\.?\d{3}[ -]?[A-HJ-NP-TV-Z]` }],
    valid: esDniValid,
    check: 'mod-23 letter holds',
    words: ['dni', 'd.n.i.', 'documento nacional de identidad', 'nif', 'número de identificación fiscal', 'national identity document'],
    needsContext: false,
    examples: { match: [{ text: 'DNI 12345678Z', value: '12345678Z' }, { text: 'con D.N.I. 12.345.678-Z', value: '12.345.678-Z' }], noMatch: ['DNI 12345678A', 'ref 12345678X'] },
  }),
  nationalId({
    id: 'national.es-nie',
    description: 'Spanish foreigner identity number (NIE): X/Y/Z, seven digits and the mod-23 letter',
    shapes: [{ name: 'es-nie', source: String.raw`[XYZ][ -]?\d{7}[ -]?[A-HJ-NP-TV-Z]` }],
    valid: esNieValid,
    check: 'mod-23 letter holds',
    words: ['nie', 'n.i.e.', 'número de identidad de extranjero', 'número de identificación de extranjero', 'tarjeta de residencia', 'foreigner identity number'],
    needsContext: false,
    examples: { match: [{ text: 'NIE X1234567L', value: 'X1234567L' }, { text: 'NIE: Y-0123456-Y', value: 'Y-0123456-Y' }], noMatch: ['NIE X1234567M'] },
  }),
  nationalId({
    id: 'national.es-social-security',
    description: 'Spanish social security affiliation number (NASS/NUSS): province, number, mod-97 control digits',
    shapes: [{ name: 'es-nass', source: String.raw`\d{2}[ /-]?\d{8}[ /-]?\d{2}` }],
    valid: esNassValid,
    check: 'mod-97 control digits hold',
    words: ['nass', 'nuss', 'naf', 'n.a.s.s.', 'número de la seguridad social', 'número de seguridad social', 'número de afiliación', 'seguridad social', 'afiliación', 'social security number'],
    needsContext: true,
    examples: { match: [{ text: 'NASS: 28/12345678/40', value: '28/12345678/40' }, { text: 'número de la Seguridad Social 281234567840', value: '281234567840' }], noMatch: ['NASS: 28/12345678/41', 'pedido 281234567840'] },
  }),
  nationalId({
    id: 'national.pt-tax-id',
    description: 'Portuguese tax number (NIF, número de contribuinte): nine digits, mod-11 check digit',
    shapes: [{ name: 'pt-nif', source: String.raw`\d{3}[ .]?\d{3}[ .]?\d{3}` }],
    valid: ptNifValid,
    words: ['nif', 'contribuinte', 'número de contribuinte', 'n.º de contribuinte', 'número de identificação fiscal', 'tax number'],
    needsContext: true,
    examples: { match: [{ text: 'NIF: 123 456 789', value: '123 456 789' }, { text: 'contribuinte n.º 501964843', value: '501964843' }], noMatch: ['NIF: 123 456 788', 'encomenda 123456789'] },
  }),
  nationalId({
    id: 'national.pt-citizen-card',
    description: 'Portuguese citizen card (Cartão de Cidadão) document number: civil number, check, version, check',
    shapes: [{ name: 'pt-cc', source: String.raw`\d{8} ?\d ?[A-Z0-9]{2} ?\d` }],
    valid: ptCitizenCardValid,
    words: ['cartão de cidadão', 'cartao de cidadao', 'cartão do cidadão', 'número do documento', 'n.º do documento', 'identificação civil', 'bilhete de identidade', 'citizen card'],
    needsContext: true,
    examples: { match: [{ text: 'Cartão de Cidadão n.º 00000000 0 ZZ4', value: '00000000 0 ZZ4' }], noMatch: ['Cartão de Cidadão n.º 00000000 0 ZZ5'] },
  }),
  nationalId({
    id: 'national.it-fiscal-code',
    description: 'Italian fiscal code (codice fiscale): name letters, birth date and place, check letter; omocodia',
    // Capitals only, as the code is printed: a lower-case shape would be tried at every letter of a text.
    shapes: [{ name: 'it-cf', source: String.raw`[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]` }],
    valid: itFiscalCodeValid,
    check: 'check letter holds',
    words: ['codice fiscale', 'cod. fiscale', 'c.f.', 'cf', 'tessera sanitaria', 'fiscal code', 'tax code'],
    needsContext: false,
    examples: { match: [{ text: 'Codice fiscale: RSSMRA85T10A562S', value: 'RSSMRA85T10A562S' }, { text: 'cf RSSMRA85T10A56NH', value: 'RSSMRA85T10A56NH' }], noMatch: ['Codice fiscale: RSSMRA85T10A562T'] },
  }),
  nationalId({
    id: 'national.gr-amka',
    description: 'Greek social security number (AMKA): birth date, serial, Luhn check',
    shapes: [{ name: 'gr-amka', source: String.raw`\d{6} ?\d{5}` }],
    valid: grAmkaValid,
    check: 'Luhn digit and date hold',
    words: ['αμκα', 'α.μ.κ.α.', 'amka', 'αριθμός μητρώου κοινωνικής ασφάλισης', 'social security number'],
    needsContext: true,
    examples: { match: [{ text: 'ΑΜΚΑ: 01017012343', value: '01017012343' }], noMatch: ['ΑΜΚΑ: 01017012344', 'κωδικός 01017012343'] },
  }),
  nationalId({
    id: 'national.gr-tax-id',
    description: 'Greek tax number (AFM): eight digits weighted by powers of two, mod 11',
    shapes: [{ name: 'gr-afm', source: String.raw`\d{3} ?\d{3} ?\d{3}` }],
    valid: grAfmValid,
    words: ['αφμ', 'α.φ.μ.', 'afm', 'αριθμός φορολογικού μητρώου', 'tax identification number', 'tin'],
    needsContext: true,
    examples: { match: [{ text: 'ΑΦΜ: 094259216', value: '094259216' }], noMatch: ['ΑΦΜ: 094259217', 'τηλ. 094259216'] },
  }),
  nationalId({
    id: 'national.cy-tax-id',
    description: 'Cypriot tax identification code (TIC): eight digits and a mod-26 check letter',
    shapes: [{ name: 'cy-tic', source: String.raw`\d{8} ?[A-Z]` }],
    valid: cyTinValid,
    check: 'check letter holds',
    words: ['tic', 'tin', 'αφτ', 'α.φ.τ.', 'αριθμός φορολογικής ταυτότητας', 'φορολογικός κωδικός', 'tax identification code', 'tax identification number'],
    needsContext: true,
    examples: { match: [{ text: 'TIC: 00123123T', value: '00123123T' }], noMatch: ['TIC: 00123123U', 'ref 00123123T'] },
  }),
  nationalId({
    id: 'national.mt-id-card',
    description: 'Maltese identity card number: up to seven digits and the letter of its kind (no check digit)',
    shapes: [{ name: 'mt-id', source: String.raw`\d{3,7} ?[MGAPLHBZ]` }],
    valid: mtIdValid,
    check: 'identity card shape',
    words: ['karta tal-identità', 'karta tal-identita', 'numru tal-identità', 'identity card', 'id card', 'id card number', 'maltese id'],
    needsContext: true,
    examples: { match: [{ text: 'ID card number 0123456M', value: '0123456M' }], noMatch: ['ID card number 0000000M', 'size 1024M'] },
  }),
  nationalId({
    id: 'national.tr-identity',
    description: 'Turkish identity number (T.C. Kimlik No): two check digits',
    shapes: [{ name: 'tr-tckn', source: String.raw`[1-9]\d{10}` }],
    valid: trIdentityValid,
    check: 'both check digits hold',
    words: ['tc kimlik', 't.c. kimlik', 't.c.', 'tc kimlik no', 'kimlik no', 'kimlik numarası', 'kimlik numarasi', 'tckn', 'tc no', 't.c. no', 'turkish identity number'],
    needsContext: true,
    examples: { match: [{ text: 'T.C. Kimlik No: 10000000146', value: '10000000146' }], noMatch: ['T.C. Kimlik No: 10000000147', 'sipariş 10000000146'] },
  }),
];
