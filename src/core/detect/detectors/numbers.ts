import { parsePhoneNumberFromString as parseWith, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import PLANS from './phone-plans.json';
import { abaValid, deaValid, digitsOf, ibanValid, luhn, MBI_REGEX_SOURCE, npiValid, SAMPLE_SSNS, ssnStructureValid, vinValid } from '../checks';
import { isAlnum, isDigit, isLetter } from '../chars';
import { tokensOf } from '../tokens';
import type { Candidate, Detector, Verdict } from '../types';


/** Not inside a longer number or code. */
const NB = '(?<![\\w.+-])';
/** Not followed by more of a number ("-Office" after a phone number is a label, not part of it). */
const NA = '(?![\\w]|-[\\w]*\\d|\\.\\d)';

/**
 * Phone labels by language, and the countries whose numbering plans a number after them is read in
 * (libphonenumber-js). A label shared by many languages ("Tel.", "Fax") is read in all of them.
 */
const PHONE_LABELS: { words: string[]; countries: CountryCode[] }[] = [
  { words: ['tfno', 'tlf', 'tlfno', 'tlfn', 'telf', 'telfs', 'telef', 'teléfono', 'teléfonos', 'móvil', 'movil'], countries: ['ES'] },
  { words: ['telefono', 'cellulare', 'cell', 'cel'], countries: ['IT', 'ES'] },
  { words: ['telefon', 'handy', 'mobil', 'mobiltelefon', 'rufnummer', 'telefonnummer'], countries: ['DE', 'AT', 'CH'] },
  { words: ['tél', 'téléphone', 'portable', 'télécopie', 'telecopie'], countries: ['FR', 'BE', 'CH'] },
  { words: ['telefoon', 'mobiel', 'telefoonnummer'], countries: ['NL', 'BE'] },
  { words: ['telemóvel', 'telemovel', 'telefone', 'celular'], countries: ['PT', 'BR', 'ES'] },
  { words: ['電話', '電話番号', '携帯', 'ファックス', 'ファクス'], countries: ['JP'] },
  { words: ['tel', 'phone', 'telephone', 'mobile', 'fax', 'telefax'], countries: ['US', 'ES', 'DE', 'FR', 'IT', 'NL', 'PT', 'BE', 'AT', 'CH', 'GB', 'JP'] },
];
/** Each label's countries, by the label in lower case; Japanese labels apart (no space sets them off). */
const LABEL_COUNTRIES = new Map(PHONE_LABELS.flatMap(({ words, countries }) => words.map((w) => [w, countries] as const)));
const JAPANESE_LABELS = PHONE_LABELS.flatMap(({ words, countries }) => words.filter((w) => w.charCodeAt(0) >= 0x3040).map((w) => [w, countries] as const));
/** Labels of fax numbers: a number after one is the fax detector's, not a phone number. */
const FAX_WORDS = new Set(['fax', 'telefax', 'télécopie', 'telecopie', 'ファックス', 'ファクス']);
/** Words that join numbers in a list: "918038014 / 656352534", "956 203 145 y 956 203 146". */
const LIST_WORDS = new Set(['y', 'o', 'e', 'und', 'oder', 'et', 'ou', 'of', 'en']);

const isSpace = (c: number): boolean => c === 32 || c === 9;
const isLabelLetter = (c: number): boolean => isLetter(c) || (c >= 0xc0 && c <= 0x24f) || c >= 0x3040;

/**
 * The word that ends right before a number, over what may stand between a label and its number on the same
 * line (spaces, a colon, a dot, an opening bracket, a plus): [start, end) of the word, or undefined. No regex and
 * no slice: it runs for every phone candidate.
 */
function wordBefore(text: string, at: number): [number, number] | undefined {
  let i = at, steps = 0;
  while (i > 0 && steps++ < 8) {
    const c = text.charCodeAt(i - 1);
    if (isSpace(c) || c === 58 || c === 46 || c === 40 || c === 43) i--;
    else break;
  }
  let j = i;
  while (j > 0 && i - j < 24 && isLabelLetter(text.charCodeAt(j - 1))) j--;
  return j < i ? [j, i] : undefined;
}

function countriesOf(text: string, [s, e]: [number, number]): CountryCode[] | undefined {
  if (text.charCodeAt(e - 1) >= 0x3040) return JAPANESE_LABELS.find(([w]) => text.endsWith(w, e))?.[1];
  const w = text.slice(s, e).toLowerCase();
  return LABEL_COUNTRIES.get(w) ?? (w.endsWith('s') ? LABEL_COUNTRIES.get(w.slice(0, -1)) : undefined);
}

function faxLabelBefore(text: string, at: number): boolean {
  const w = wordBefore(text, at);
  if (!w) return false;
  if (text.charCodeAt(w[1] - 1) >= 0x3040) return [...FAX_WORDS].some((f) => text.endsWith(f, w[1]));
  return FAX_WORDS.has(text.slice(w[0], w[1]).toLowerCase());
}

const PHONE_CONTEXT = ['phone', 'tel', 'telephone', 'mobile', 'cell', 'call', 'calling', 'contact', 'reach', 'desk', 'ph', 'text', 'sms', 'whatsapp', 'pager', 'dial', 'messages', 'answering', 'office', 'home', 'work',
  // ASCII words only: a phrase is searched for around every candidate. "Teléfono" still reads as "tel" here,
  // and a label right before a number is read by labelCountries.
  ...new Set(PHONE_LABELS.flatMap((l) => l.words).filter((w) => /^[a-z]+$/.test(w)))];

/**
 * The numbering plans of Europe, the Americas' largest and Japan: libphonenumber-js's `min` metadata cut to these
 * countries (a fifth of its size in the decider's bundle). test/core/detect/phones-intl.test.ts checks that it is
 * the installed library's, cut; it says how to make it again when the library is updated.
 */
const parsePhoneNumberFromString = (text: string, country: CountryCode | undefined) => parseWith(text, { defaultCountry: country }, PLANS as unknown as MetadataJson);

/**
 * The countries named by the phone label right before a number, or undefined where there is none. A number in a
 * list after a label has that label too ("Tlf: 918038014 / 656352534"): up to two numbers back.
 */
function labelCountries(text: string, start: number): CountryCode[] | undefined {
  for (let hop = 0; hop < 3; hop++) {
    const w = wordBefore(text, start);
    const countries = w && countriesOf(text, w);
    if (countries) return countries;
    // A joining sign or word, then the end of the number before it.
    let i = w && LIST_WORDS.has(text.slice(w[0], w[1]).toLowerCase()) ? w[0] : start;
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
    if (i === start || !w) {
      const c = text.charCodeAt(i - 1);
      if (c !== 47 && c !== 44 && c !== 59 && c !== 45) return undefined;
      i--;
    }
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
    const c = text.charCodeAt(i - 1);
    if (!isDigit(c) && c !== 41) return undefined;
    start = numberStart(text, i);
  }
  return undefined;
}

/** Where the number that ends at `end` starts: back over digits, spaces and the signs numbers are written with. */
function numberStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < 24) {
    const c = text.charCodeAt(i - 1);
    if (isDigit(c) || c === 32 || c === 40 || c === 41 || c === 46 || c === 43 || c === 45) i--;
    else break;
  }
  return i;
}

const PLAIN_NATIONAL = /^\d{9}$|^\d{11}$/;

/**
 * A candidate after a phone label is read in the label's countries: a valid number there is confirmed; a plain
 * run of nine or eleven digits (a national number without its spaces) counts only so, never alone.
 */
function phoneVerdict(v: string, text: string, start: number, fax: boolean): Verdict {
  const d = digitsOf(v);
  if (d.length < 7 || d.length > 15 || /^(\d)\1+$/.test(d)) return false;
  if (!fax && faxLabelBefore(text, start)) return false;
  const countries = labelCountries(text, start);
  const plain = PLAIN_NATIONAL.test(v) || v.includes('/');
  if (!countries) return plain ? false : undefined;
  const international = text.charCodeAt(start - 1) === 43 || v.startsWith('+');
  const number = international ? `+${d}` : v.replace(/ ?\/ ?/, ' ');
  for (const country of countries) {
    const parsed = parsePhoneNumberFromString(number, international ? undefined : country);
    if (parsed?.isValid()) return { score: fax ? 0.95 : 0.85, note: `valid number of ${parsed.country ?? country}` };
  }
  return plain ? false : undefined;
}

/** Shapes of phone numbers, North American and international. */
const phonePatterns = [
  { name: 'phone-nanp', source: `(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?`, score: 0.65 },
  { name: 'phone-international', source: `\\+\\d{1,3}[\\s.-]?(?:\\(0\\)\\s?)?(?:\\(\\d{1,4}\\)|\\d{1,4})(?:[\\s.-]\\d{2,4}){2,4}`, score: 0.7 },
  { name: 'phone-grouped', source: `\\d{2,3}(?:[\\s.]\\d{2,4}){3,4}`, score: 0.35 },
  { name: 'phone-local', source: `\\d{3}[\\s-]\\d{4}`, score: 0.3 },
  { name: 'phone-digits', source: `\\d{10}`, score: 0.3 },
  // Any other grouping of 7 to 15 digits is a phone number only where the text says so.
  { name: 'phone-groups', source: `(?:\\(\\d{1,4}\\)\\s?)?\\d{2,5}(?:[\\s.-]\\d{2,8}){1,4}(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?`, score: 0.2 },
  { name: 'phone-e164', source: `\\+\\d{10,14}`, score: 0.6 },
  // Nine or eleven digits unbroken ("Tfno. 926232991"): only after a phone label, and valid in its countries.
  // The area code apart with a slash, as German writes it ("0221 / 478-1234"): only after a phone label too.
  { name: 'phone-slash', source: `\\d{3,5} ?\\/ ?\\d{2,8}(?:[ -]\\d{1,6}){0,2}`, score: 0.2 },
  { name: 'phone-national', source: `\\d{9}(?:\\d{2})?(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?`, score: 0.2 },
];

function phone(type: 'PHONE' | 'FAX'): Detector {
  const fax = type === 'FAX';
  return {
    id: fax ? 'pii.fax' : 'pii.phone',
    type,
    category: 'pii',
    description: fax ? 'Fax number (a phone number labelled fax)' : 'Telephone number',
    requires: 'digit',
    keywords: fax ? ['fax', 'copie'] : undefined,
    patterns: phonePatterns.map((p) => ({
      name: fax ? `fax-${p.name}` : p.name,
      // A fax number is a phone number right after the word "fax".
      regex: fax
        ? new RegExp(`(?:\\b(?:tele)?fax(?:ed|ing)?\\b|t[ée]l[ée]copie)[^\\d\\n]{0,24}?(${p.source})${NA}`, 'gid')
        : new RegExp(`${NB}${p.source}${NA}`, 'g'),
      score: fax ? 0.9 : p.score,
      group: fax ? 1 : undefined,
    })),
    validate: (v, text, start) => phoneVerdict(v, text, start, fax),
    context: fax ? undefined : { words: PHONE_CONTEXT, boost: 0.4 },
    examples: fax
      ? { match: [{ text: 'Fax: 650-123-4567', value: '650-123-4567' }], noMatch: ['Phone: 650-123-4567'] }
      : {
        match: [{ text: 'call (310) 555-1234', value: '(310) 555-1234' }, { text: 'Desk: +41 (0)96 471 07 95', value: '+41 (0)96 471 07 95' }],
        noMatch: ['order 1234567', 'version 10.2.3.4', 'on 2023-04-25'],
      },
  };
}

const ssn: Detector = {
  id: 'pii.ssn',
  type: 'SSN',
  category: 'pii',
  description: 'US Social Security number',
  requires: 'digit',
  patterns: [
    { name: 'ssn-dashed', regex: new RegExp(`${NB}\\d{3}-\\d{2}-\\d{4}${NA}`, 'g'), score: 0.6 },
    { name: 'ssn-spaced', regex: new RegExp(`${NB}\\d{3} \\d{2} \\d{4}${NA}`, 'g'), score: 0.4 },
    { name: 'ssn-digits', regex: new RegExp(`${NB}\\d{9}${NA}`, 'g'), score: 0.15 },
  ],
  validate: (v) => {
    const d = digitsOf(v);
    if (SAMPLE_SSNS.has(d)) return { score: 0.3, note: 'known sample number' };
    if (!ssnStructureValid(d)) return { score: 0.3, note: 'not an issued area/group/serial' };
    return undefined;
  },
  context: { words: ['ssn', 'ss#', 'ssn#', 'social security', 'social', 'ss'], boost: 0.45 },
  examples: {
    match: [{ text: 'SSN: 536-22-8726', value: '536-22-8726' }, { text: 'social security number 536 22 8726', value: '536 22 8726' }],
    noMatch: ['call 536-22-87261', '000-12-3456', 'tracking 536228726'],
  },
};

/** Issuer prefixes of the major networks; other Luhn-valid numbers need the word "card" nearby. */
const CARD_PREFIX = /^(?:4|5[1-5]|2[2-7]|3[47]|3[068]|35|6011|64[4-9]|65|62|81)/;
/**
 * Card numbers are printed in groups of four (American Express 4-6-5, Diners 4-6-4): digits grouped otherwise
 * are another number ("NASS: 26 63514095 04" is a Spanish social security number, "12 3456 7890 1234" no card).
 */
const CARD_GROUPING = /^\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?$|^\d{4}[ -]\d{6}[ -]\d{4,5}$/;
const cardGrouped = (v: string): boolean => !/[ -]/.test(v) || CARD_GROUPING.test(v);

const creditCard: Detector = {
  id: 'pii.credit-card',
  type: 'CREDIT_CARD',
  category: 'pii',
  description: 'Payment card number (Luhn and issuer prefix checked)',
  requires: 'digit',
  patterns: [{ name: 'card-digits', regex: new RegExp(`${NB}\\d(?:[ -]?\\d){11,18}${NA}`, 'g'), score: 0.3 }],
  validate: (v) => {
    const d = digitsOf(v);
    if (d.length < 12 || d.length > 19 || !luhn(d) || /^(\d)\1+$/.test(d) || !cardGrouped(v)) return false;
    return CARD_PREFIX.test(d) ? true : { score: 0.35, note: 'Luhn valid, uncommon issuer prefix' };
  },
  context: { words: ['card', 'cc', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'maestro', 'jcb', 'payment'], boost: 0.4 },
  examples: { match: [{ text: 'card 4111 1111 1111 1111' , value: '4111 1111 1111 1111' }, { text: 'cc 4454794511390933', value: '4454794511390933' }], noMatch: ['card 4111 1111 1111 1112', 'id 1234567890123456', 'NASS: 37 86573566 30'] },
};

const iban: Detector = {
  id: 'pii.iban',
  type: 'IBAN',
  category: 'pii',
  description: 'International bank account number (mod 97 checked)',
  requires: 'digit',
  patterns: [{ name: 'iban', regex: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])/g, score: 0.4 }],
  validate: ibanValid,
  examples: { match: [{ text: 'IBAN DE89 3704 0044 0532 0130 00', value: 'DE89 3704 0044 0532 0130 00' }, { text: 'GB82WEST12345698765432' }], noMatch: ['DE89 3704 0044 0532 0130 01'] },
};

const routing: Detector = {
  id: 'pii.aba-routing',
  type: 'BANK_ROUTING',
  category: 'pii',
  description: 'US bank routing (ABA) number, checksum and context',
  requires: 'digit',
  patterns: [{ name: 'aba', regex: new RegExp(`${NB}\\d{9}${NA}`, 'g'), score: 0.2 }],
  validate: (v) => (abaValid(v) ? { score: 0.3, note: 'ABA checksum' } : false),
  context: { words: ['routing', 'aba', 'rtn', 'transit', 'wire', 'ach'], boost: 0.5 },
  examples: { match: [{ text: 'routing number 021000021', value: '021000021' }], noMatch: ['routing number 021000022', '021000021'] },
};

const npi: Detector = {
  id: 'pii.npi',
  type: 'NPI',
  category: 'pii',
  description: 'National Provider Identifier (Luhn with the 80840 prefix)',
  requires: 'digit',
  patterns: [{ name: 'npi', regex: new RegExp(`${NB}[12]\\d{9}${NA}`, 'g'), score: 0.2 }],
  validate: (v) => (npiValid(v) ? { score: 0.35, note: 'NPI check digit' } : false),
  context: { words: ['npi', 'provider', 'prescriber', 'physician', 'national provider'], boost: 0.5 },
  examples: { match: [{ text: 'NPI 1234567893', value: '1234567893' }], noMatch: ['NPI 1234567890', '1234567893'] },
};

const dea: Detector = {
  id: 'pii.dea',
  type: 'DEA_NUMBER',
  category: 'pii',
  description: 'DEA registration number (checksum)',
  requires: 'digit',
  patterns: [{ name: 'dea', regex: /(?<![A-Za-z0-9])[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}(?![A-Za-z0-9])/g, score: 0.3 }],
  validate: (v) => (deaValid(v) ? { score: 0.6, note: 'DEA checksum' } : false),
  context: { words: ['dea', 'registration', 'prescriber', 'controlled'], boost: 0.35 },
  examples: { match: [{ text: 'DEA# AB1234563', value: 'AB1234563' }], noMatch: ['AB1234567'] },
};

const VIN_CHARS = /^[A-HJ-NPR-Z0-9]+$/;

/**
 * A VIN is a whole 17-character token with digits: found from the digit runs of the shared token stream outwards,
 * and sliced out only when the token is 17 characters long.
 */
function vinTokens(text: string): Candidate[] {
  const t = tokensOf(text);
  const out: Candidate[] = [];
  let after = 0;
  for (let i = 0; i < t.digits; i++) {
    let s = t.digitStart[i]!, e = t.digitEnd[i]!;
    if (s < after) continue;
    while (s > 0 && isAlnum(text.charCodeAt(s - 1))) s--;
    while (e < text.length && isAlnum(text.charCodeAt(e))) e++;
    after = e;
    if (e - s === 17 && VIN_CHARS.test(text.slice(s, e))) out.push({ start: s, end: e, score: 0.4, why: ['17-character token (0.4)'] });
  }
  return out;
}

const vin: Detector = {
  id: 'pii.vin',
  type: 'VEHICLE_ID',
  category: 'pii',
  description: 'Vehicle identification number (check digit)',
  requires: 'digit',
  find: vinTokens,
  validate: (v) => (vinValid(v) ? { score: 0.85, note: 'VIN check digit' } : false),
  context: { words: ['vin', 'vehicle', 'car', 'truck', 'chassis'], boost: 0.15 },
  examples: { match: [{ text: 'VIN 1M8GDM9AXKP042788', value: '1M8GDM9AXKP042788' }], noMatch: ['1M8GDM9A1KP042788', 'y4mHtXDs9bPnFMZAL'] },
};

const mbi: Detector = {
  id: 'pii.medicare-mbi',
  type: 'HEALTH_PLAN_ID',
  category: 'pii',
  description: 'Medicare Beneficiary Identifier',
  requires: 'digit',
  patterns: [{ name: 'mbi', regex: new RegExp(`(?<![A-Za-z0-9])${MBI_REGEX_SOURCE}(?![A-Za-z0-9])`, 'g'), score: 0.6 }],
  context: { words: ['medicare', 'mbi', 'beneficiary', 'cms'], boost: 0.35 },
  examples: { match: [{ text: 'Medicare MBI 1EG4-TE5-MK73', value: '1EG4-TE5-MK73' }], noMatch: ['1SG4-TE5-MK73'] },
};

const passport: Detector = {
  id: 'pii.passport',
  type: 'PASSPORT',
  category: 'pii',
  description: 'Passport number next to the word passport',
  keywords: ['passport'],
  patterns: [{ name: 'passport', regex: /\bpassport(?:\s*(?:no\.?|number|#|id))?\s*[:#]?\s*(?:is\s+)?([A-Z]{0,2}\d{6,9})\b/gid, score: 0.85, group: 1 }],
  examples: { match: [{ text: 'passport number: 561234987', value: '561234987' }], noMatch: ['passport to be ready'] },
};

const driverLicense: Detector = {
  id: 'pii.us-driver-license',
  type: 'US_DRIVER_LICENSE',
  category: 'pii',
  description: "US driver's license number next to its label",
  keywords: ['driver', 'licen', 'dl', 'dln'],
  patterns: [{
    name: 'dl-labelled',
    regex: /\b(?:driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|DL|DLN)(?:\s*(?:no\.?|number|#|id))?\s*[:#]?\s*(?:is\s+)?([A-Z]{0,2}\d[\d-]{4,15}\d|[A-Z]\d{3,14})\b/gid,
    score: 0.85,
    group: 1,
  }],
  examples: { match: [{ text: "my driver's license number is 2270-66-1551", value: '2270-66-1551' }], noMatch: ['driver license renewal'] },
};

const macAddress: Detector = {
  id: 'pii.mac-address',
  type: 'DEVICE_ID',
  category: 'pii',
  description: 'Hardware (MAC) address or IMEI',
  requires: 'digit',
  patterns: [
    { name: 'mac', regex: /(?<![\w:-])[0-9A-F]{2}(?:([:-])[0-9A-F]{2})(?:\1[0-9A-F]{2}){4}(?![\w:-])/gi, score: 0.6 },
    { name: 'imei', regex: /\bIMEI(?:\s*(?:no\.?|number|#))?\s*[:#]?\s*(\d{15})\b/gid, score: 0.9, group: 1 },
  ],
  examples: { match: [{ text: 'device 00:1A:2B:3C:4D:5E', value: '00:1A:2B:3C:4D:5E' }, { text: 'IMEI 490154203237518', value: '490154203237518' }], noMatch: ['time 12:30:45'] },
};

export const numberDetectors: Detector[] = [phone('PHONE'), phone('FAX'), ssn, creditCard, iban, routing, npi, dea, vin, mbi, passport, driverLicense, macAddress];
