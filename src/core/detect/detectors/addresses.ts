import { onFirstUse } from '../first-use';
import { isUpper } from '../chars';
import { placeList } from '../lexicon';
import type { Candidate, Detector } from '../types';
import { execInParts, mergeWindows, partsOf, tokensAt, type Window } from '../windows';
import { hasNonAscii } from './places/words';

/**
 * Addresses, US city-and-state pairs and ZIP codes: the shapes of places, as opposed to their names (which
 * people-and-places.ts reads from capitalised words).
 */
const STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
/** State codes that are also words or degrees ("John Smith, MD"): a city must be known before them. */
const AMBIGUOUS_STATES = new Set(['MD', 'PA', 'ME', 'OR', 'IN', 'OK', 'HI', 'DE', 'MS', 'CO', 'ID', 'LA', 'MA', 'NE', 'SC']);

/** Street addresses: a number, words, a street type, then unit, city, state, postcode and country. */
const STREET_TYPES = 'Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Trl|Plaza|Mall|Alley|Row|Crescent|Close|Walk|Route|Pike|Loop|Path|Ridge|Heights|Gardens|Grove|Crossing|Junction|Mews|Wharf|Quay|Expressway|Freeway|Turnpike|Str|str|u|utca|út|tér|krt|rkp|köz|sor';
const STREET_SUFFIX = 'veien|straat|katu|weg|strasse|straße|gasse|vej|vænget|gatan|gata|vägen|väg|vegen|veien|vegur|braut|tie|utca|laan|plein|gade|allee|ring|damm|ufer|steeg|pad|kuja|polku|tori|gränd|sokak|caddesi|ulica';
const STREET_PREFIX = 'ul|Via|Viale|Piazza|Piazzale|Corso|Largo|Rue|Avenue|Avenida|Calle|Carrer|Carretera|Rua|Strada|Ulica|Chemin|Allée|Boulevard|Plac|Praça|Camino|Paseo|Rambla';
const CAPWORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const LINKWORD = String.raw`(?:${CAPWORD}|du|de|del|della|di|da|do|dos|das|des|la|le|el|al|van|der|den|von|of|the|and|y|e)`;
/** Between the parts of an address: commas, spaces, line breaks, and the ">" of a quoted mail. */
const SEP = String.raw`[,\s>]{1,6}`;
const UNIT = String.raw`(?:${SEP}(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|Room|Rm|Bldg|Building|#)\.?\s*#?\s*\w{1,6})?`;
const TAIL = String.raw`(?:${SEP}${CAPWORD}(?: ${CAPWORD}){0,3})?(?:${SEP}(?:${STATES}|\p{Lu}{2})(?!\p{L}))?(?:${SEP}\d{4,5}(?:-\d{4})?)?(?:${SEP}${CAPWORD}(?: ${CAPWORD}){0,2})?(?:${SEP}\d{4,5}(?:-\d{4})?)?`;

const ADDRESS_PATTERNS = onFirstUse(() => [
  // "123 Main St., Springfield", "6750 Koskikatu 25 Apt. 864"
  new RegExp(String.raw`\b\d{1,6}[A-Za-z]?(?: \d{1,5})?\s(?:${LINKWORD}\s){0,4}(?:\d{1,5}\w?\s)?(?:${STREET_TYPES})\b\.?(?: \d{1,5}\w?\.?)?${UNIT}${TAIL}`, 'gu'),
  new RegExp(String.raw`\b\d{1,6}(?: \d{1,5})?\s(?:${LINKWORD}\s){0,3}\p{L}*(?:${STREET_SUFFIX})\b(?: \d{1,5}\w?)?${UNIT}${TAIL}`, 'giu'),
  new RegExp(String.raw`\b(?:\d{1,6}(?: \d{1,5})?\s)?(?:${STREET_PREFIX})\.?\s(?:${LINKWORD}\s){1,6}\d{1,5}\w?(?: \d{1,3})?${UNIT}${TAIL}`, 'gu'),
  // "5112 39 Rue Ibn El-Jazzar": a leading number stands for the missing house number.
  new RegExp(String.raw`\b\d{1,6}(?: \d{1,5})?\s(?:${STREET_PREFIX})\.?\s${LINKWORD}(?:\s${LINKWORD}){0,5}(?=[,\n]|$)${UNIT}${TAIL}`, 'gu'),
  // "Villacher Strasse 89": a street-name ending and a house number, without a leading number.
  new RegExp(String.raw`(?<![\p{L}\d])(?:${LINKWORD}\s){0,3}\p{L}*(?:${STREET_SUFFIX})\s\d{1,5}\w?\b${UNIT}${TAIL}`, 'giu'),
  // "03751 Gerrit Achterberghove 137" on a line of its own: number, name, number, then a line break or comma.
  new RegExp(String.raw`(?<=^|\n|: |\bat |\bto |\bis )\d{3,6}\s(?:${LINKWORD}\s){1,3}\d{1,5}\w?(?=[,\n]|$)${UNIT}${TAIL}`, 'gu'),
  // "the corner of 11 Botley Road St. and Herceg Gateway St.": everything up to the end of the sentence.
  new RegExp(String.raw`\b(?:the )?corner of (?:[\p{L}\d'’.-]+ ){1,9}?[\p{L}\d'’-]+\.?(?=[?!,\n]|\.?\s+\p{Lu}|\.?\s*$)`, 'gu'),
  // "20789 Allika 46 Suite 501": number, name, number and a unit, even without a known street word.
  new RegExp(String.raw`\b\d{1,6}(?: \d{1,5})?\s(?:${LINKWORD}\s){1,4}\d{1,5}\w?[,\s]{1,3}(?:Apt|Apartment|Suite|Ste|Unit)\.?\s*#?\s*\w{1,6}${TAIL}`, 'gu'),
  // A named street without a number: "on Marina Fort Street".
  new RegExp(String.raw`(?:\p{Lu}[\p{L}'’.-]*\s){1,3}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Square|Plaza|Parkway|Highway)\b`, 'gu'),
  // Military and post-office boxes.
  new RegExp(String.raw`\b(?:(?:PSC|CMR|Unit)\s\d{3,5},?\s(?:Box\s\d{3,5}\s)?|USNS\s${CAPWORD}\s|USNV\s${CAPWORD}\s|USS\s${CAPWORD}\s|USCGC\s${CAPWORD}\s)(?:APO|FPO|DPO)\s(?:AA|AE|AP)\s\d{5}`, 'giu'),
  /\bP\.?\s?O\.?\s?Box\s\d{1,6}\b/gi,
]);

const ascii = (w: string): boolean => /^[\x20-\x7e]+$/.test(w);
/** Whole words every address holds (a street type or prefix, a unit, a military post office), lower case. */
const ADDRESS_WORDS = new Set([...`${STREET_TYPES}|${STREET_PREFIX}|APO|FPO|DPO|Box|Apt|Suite|Unit|corner`.toLowerCase().split('|')].filter(ascii));
/** Street-name endings ("Snellmaninkatu", "Hoofdstraat"). */
const ADDRESS_ENDINGS = new Set(STREET_SUFFIX.split('|').filter(ascii));
/** The same cues outside ASCII ("tér", "straße"), which the keyword automaton does not take: found from their letters. */
const NON_ASCII_CUES = [...STREET_TYPES.split('|'), ...STREET_PREFIX.split('|'), ...STREET_SUFFIX.split('|')].filter((w) => !ascii(w)).map((w) => w.toLowerCase());
const NON_ASCII_LETTERS = new RegExp(`[${[...new Set(NON_ASCII_CUES.join('').replace(/[\x00-\x7f]/g, ''))].join('')}]`, 'g');
const isWordChar = (c: number): boolean => c > 127 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** A line that starts with a number and a capitalised word: an address block. */
const ADDRESS_LINE = /(?:^|\n)[ >]*\d{3,6} \p{Lu}/uy;
/**
 * The anchors as the keyword automaton finds them, boundaries included: a word after a space or a line break, an
 * ending before a space, comma, dot or line break. (Bare "u" or "tie" would be found in every other word.)
 */
const WORD_ANCHORS = new Map(
  [...ADDRESS_WORDS].flatMap((w) =>
    // Short words ("st", "dr", "u") begin too many others ("still", "drug"): their anchors end the word too.
    [' ', '\n'].flatMap((b) => (w.length <= 3 ? [' ', '.', ',', '\n'].map((e) => [b + w + e, w]) : [[b + w, w]]) as [string, string][]),
  ),
);
const ENDING_ANCHORS = new Set([...ADDRESS_ENDINGS].flatMap((w) => [' ', ',', '.', '\n'].map((c) => w + c)));
export const ADDRESS_ANCHORS = [...WORD_ANCHORS.keys(), ...ENDING_ANCHORS];

/** Address words that also come in lower case ("the corner of", "ul. Miła", "apt. 999", "psc 5420, box 2708"). */
const LOWER_CASE_CUES = new Set(['corner', 'ul', 'u', 'apo', 'fpo', 'dpo', 'box', 'unit', 'apt', 'suite', 'str']);
const isLetterAt = (text: string, i: number): boolean => i >= 0 && i < text.length && /\p{L}/u.test(text[i]!);

/**
 * Addresses are looked for only around their anchors: the full patterns are costly to try everywhere. A word
 * anchor counts when it is capitalised and no letter follows it ("st" in " still" does not).
 */
export function findAddresses(text: string, anchors: ReadonlyMap<string, readonly number[]>): Candidate[] {
  const raw: Window[] = [];
  const around = (i: number) => void raw.push([i - 90, i + 160]);
  for (const [key, at] of anchors) {
    const word = WORD_ANCHORS.get(key);
    // Street types are capitalised in addresses ("Main Street"); "path=" in a log is no street.
    if (word) for (const i of at) if ((LOWER_CASE_CUES.has(word) || isUpper(text.charCodeAt(i + 1))) && !isLetterAt(text, i + 1 + word.length)) around(i + 1);
    if (ENDING_ANCHORS.has(key)) for (const i of at) around(i);
  }
  // The automaton sees no end of text after a last word: "... 2450 Crown St".
  const tail = /[ \n](\p{L}+)\.?$/u.exec(text.slice(-16));
  if (tail && ADDRESS_WORDS.has(tail[1]!.toLowerCase())) around(text.length - tail[0].length + 1);
  // Its letters are all beyond ASCII: a chunk without such a character (most) holds none of these cues.
  if (hasNonAscii(text)) for (const [s] of tokensAt(text, NON_ASCII_LETTERS, isWordChar, (w) => NON_ASCII_CUES.some((cue) => w.toLowerCase().endsWith(cue)))) around(s);
  forAddressLines(text, around);
  if (!raw.length) return [];
  const parts = partsOf(text, mergeWindows(text, raw));
  const out: Candidate[] = [];
  for (const re of ADDRESS_PATTERNS()) execInParts(re, parts, (m, offset) => addressParts(m[0].replace(/[\s,]+$/, ''), m.index + offset, out));
  return out;
}

/**
 * The starts of ADDRESS_LINE's matches: it can match only at the text's start or at a line break (and holds no
 * line break itself), so it is tried sticky there, after a look at the next character, not scanned over the text.
 */
export function forAddressLines(text: string, at: (i: number) => void): void {
  for (let i = 0; i >= 0 && i < text.length; i = text.indexOf('\n', i + 1)) {
    // The line's "[ >]*" read here, then its first digit: an indented line of a configuration file costs no regex.
    let j = i === 0 && text.charCodeAt(0) !== 10 ? 0 : i + 1;
    let c = text.charCodeAt(j);
    while (c === 32 || c === 62) c = text.charCodeAt(++j);
    if (c < 48 || c > 57) continue;
    ADDRESS_LINE.lastIndex = i;
    if (ADDRESS_LINE.test(text)) at(i);
  }
}

const UNIT_PART = /\b(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|Room|Rm|Bldg|Building)\.?\s*#?\s*\w{1,6}/;

/**
 * An address is reported as its parts (building number, street, unit, city, region, postcode), each a finding
 * of its own: a reviewer sees which part was found, and redaction can keep the city while hiding the street.
 */
function addressParts(value: string, offset: number, out: Candidate[]): void {
  const push = (s: number, e: number): void => {
    while (s < e && /[\s,]/.test(value[s]!)) s++;
    while (e > s && /[\s,]/.test(value[e - 1]!)) e--;
    if (e > s) out.push({ start: offset + s, end: offset + e, score: 0.85, why: ['part of a street address (0.85)'] });
  };
  const segment = /[^,\n]+/g;
  for (let m = segment.exec(value); m; m = segment.exec(value)) {
    let s = m.index;
    const e = m.index + m[0].length;
    const seg = m[0];
    const number = s === 0 ? /^\d{1,6}[A-Za-z]?(?= (?:\d{1,5} )?\D)/.exec(seg) : null;
    if (number) {
      push(s, s + number[0].length);
      s += number[0].length;
    }
    const unit = UNIT_PART.exec(value.slice(s, e));
    if (unit) {
      push(s, s + unit.index);
      push(s + unit.index, s + unit.index + unit[0].length);
      s += unit.index + unit[0].length;
    }
    const postcode = /\s(\d{4,5}(?:-\d{4})?)$/.exec(value.slice(s, e));
    if (postcode && postcode.index > 0) {
      push(s, s + postcode.index);
      push(e - postcode[1]!.length, e);
    } else push(s, e);
  }
}

const STATE_BEFORE = new RegExp(String.raw`\b(?:${STATES})\s$`);
const ZIP_LABEL_BEFORE = /\b(?:zip|zip code|zipcode|postal code|postcode|post code|plz)\s*[:#]?\s*(?:is\s+)?$/i;

/** ", TX": found from the comma, then the city read backwards (a regex starting at every capital costs more). */
const STATE_AFTER_COMMA = new RegExp(String.raw`,\s?(${STATES})\b(?![.\w])`, 'g');
const CITY_BEFORE = /\p{Lu}[\p{Ll}'’.-]+(?:[ -]\p{Lu}[\p{Ll}'’.-]+){0,2}$/u;

export function findCityState(text: string): Candidate[] {
  const out: Candidate[] = [];
  STATE_AFTER_COMMA.lastIndex = 0;
  for (let m = STATE_AFTER_COMMA.exec(text); m; m = STATE_AFTER_COMMA.exec(text)) {
    const city = CITY_BEFORE.exec(text.slice(Math.max(0, m.index - 40), m.index))?.[0];
    if (!city || /[\p{L}\d]/u.test(text[m.index - city.length - 1] ?? '')) continue;
    if (AMBIGUOUS_STATES.has(m[1]!) && !placeList().has(city.toLowerCase())) continue;
    out.push({ start: m.index - city.length, end: m.index + m[0].length, score: 0.85, why: ['city followed by a state code (0.85)'] });
  }
  return out;
}

export const zipDetector: Detector = {
    id: 'pii.zip',
    type: 'ZIP',
    category: 'pii',
    description: 'US ZIP code after a state or a postal label',
    requires: 'digit',
    patterns: [
      { name: 'zip-after-state', regex: /(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])/g, score: 0.8 },
      { name: 'zip-labelled', regex: /\b(?:zip|zip code|zipcode|postal code|postcode|post code|plz)\s*[:#]?\s*(?:is\s+)?(\d{3,5}(?:[ -]\d{2,4})?)(?![\w-])/gid, score: 0.85, group: 1 },
    ],
    // Five digits are a ZIP code only after a state code or a postal label.
    validate: (_v, text, start) => (STATE_BEFORE.test(text.slice(Math.max(0, start - 3), start)) || ZIP_LABEL_BEFORE.test(text.slice(Math.max(0, start - 24), start)) ? undefined : false),
    examples: { match: [{ text: 'Austin, TX 78701', value: '78701' }, { text: 'zip code 02139', value: '02139' }], noMatch: ['order 78701', 'tx 78701'] },
  };
