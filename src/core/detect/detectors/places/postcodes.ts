import { combinePatterns, matchedSpan, sticky } from '../../combine';
import { MAX_MATCHES_PER_PATTERN } from '../../engine';
import { commonWordList, placeList, regionList, townList } from '../../lexicon';
import { tokensOf } from '../../tokens';
import type { Candidate, Detector, Pattern } from '../../types';
import { digitWindows, type Window } from '../../windows';
import { fold } from './words';

/**
 * Postcodes of Europe and Japan in context, never a bare number in running text: after a label ("CP: 28016",
 * "PLZ 10115", "code postal : 75001", "CAP 20121", "郵便番号 100-0001"), or right before a town ("28046 Madrid",
 * "D-10115 Berlin", "1012 AB Amsterdam", "1000-001 Lisboa") when the town is listed or the postcode stands where
 * an address puts it (after a comma or a house number, at the start of a line).
 */

const SHAPE = String.raw`\d{3}[-－]\d{4}(?=\D|$)|(?:[A-Z]{1,2}-)?\d{5}|\d{4}[ ]?[A-Z]{2}(?![\p{L}])|\d{4}-\d{3}|\d{3}-\d{4}|\d{4}`;
const LABELS = String.raw`C\.[ ]?P\.?|CP|[Cc]ódigo [Pp]ostal|[Cc]odigo [Pp]ostal|[Cc]ód\.? [Pp]ostal|PLZ|[Pp]ostleitzahl|[Cc]ode [Pp]ostal|CAP|C\.A\.P\.|[Pp]ostcode|NPA|[Cc]ódigo-[Pp]ostal|郵便番号|〒`;

/** The town after a postcode: up to four capitalised words, joined as towns are. */
const TOWN_AFTER = /^(?:,|[ ]-)?[ ](?!(?:Apt|Apartment|Suite|Ste|Unit)\b)(\p{Lu}[\p{L}\p{M}'’-]+(?:[ ](?:(?:de|del|la|de la|am|an der|im|sur|do|da|di)[ ])?\p{Lu}[\p{L}\p{M}'’-]+){0,3})/u;
/** Where an address puts its postcode: the start of a line, after a comma, a house number or "s/n". */
const ADDRESS_BEFORE = /(?:^|\n|[,;.][ ]?|\d[ºª]?[A-Z]?[ ]|s\/n[ ])$/i;
/** Spanish postcodes start with the province's number, 01 to 52. */
const spanish = (v: string): boolean => /^(?:E-)?(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/.test(v);

function listedTown(town: string): boolean {
  const words = town.split(' ');
  for (let n = words.length; n > 0; n--) {
    const f = fold(words.slice(0, n).join(' '));
    if (townList().has(f) || placeList().has(f) || regionList().has(f)) return true;
  }
  return false;
}

/** A postcode before a town: a listed town, or an address's place for it and a town that is no English word. */
function beforeTown(value: string, text: string, start: number): boolean | undefined {
  if (/^\d{3}[-－]\d{4}$/.test(value)) return false; // Japanese postcodes only after 〒 or their label; else a phone number
  const town = TOWN_AFTER.exec(text.slice(start + value.length, start + value.length + 60))?.[1];
  // "94472 Atamaria 55": a number after the name makes it a street and its house number.
  const rest = text.slice(start + value.length, start + value.length + 70);
  // "12521 Belgrád rkp. 18.": a street word or a house number after the name makes it a street.
  if (!town || /^[ ]?(?:\p{Ll}{1,6}\.?[ ])?\d/u.test(rest.slice(rest.indexOf(town) + town.length).replace(/^,/, ''))) return false;
  const before = text.slice(Math.max(0, start - 6), start);
  const placed = ADDRESS_BEFORE.test(before);
  if (/^\d{4}$/.test(value) && /^(?:1[89]|20)\d\d$/.test(value) && !placed) return false; // a year: "en 2015 Madrid"
  if (listedTown(town)) return undefined;
  if (!placed || commonWordList().has(town.split(' ')[0]!.toLowerCase())) return false;
  // Unlisted towns after four bare digits are years and counts more often than addresses.
  return /^\d{4}$/.test(value) || (/^\d{5}$/.test(value) && !spanish(value)) ? false : undefined;
}

/** A postcode after a listed town: "Narón 15407", "Barcelona 08017.España". */
function afterTown(text: string, start: number): false | undefined {
  const words = /(?<![\p{L}\p{M}'’-])(?:\p{Lu}[\p{L}\p{M}'’-]+[ ]){1,3}$/u.exec(text.slice(Math.max(0, start - 40), start))?.[0].trim().split(' ') ?? [];
  // Towns of the European list only: "Estonia 62488" in a mail-merge address is its own part.
  for (let n = words.length; n > 0; n--) if (townList().has(fold(words.slice(-n).join(' '))) && !regionList().has(fold(words.slice(-n).join(' ')))) return undefined;
  return false;
}

/** The shapes, tried in this order as one alternation (as the engine would run them over the windows around digits). */
export const POSTCODE_PATTERNS: readonly Pattern[] = [
  // After a label, the shapes of other countries too ("CP: C1031").
  { name: 'postcode-labelled', regex: new RegExp(String.raw`(?<![\p{L}])(?:${LABELS})[ \t]*[:.]?[ \t]*(${SHAPE}|[A-Z]\d{4}[A-Z]{0,3}|\d{2,6})(?![\w-])`, 'gdu'), score: 0.9, group: 1 },
  { name: 'postcode-before-town', regex: new RegExp(String.raw`(?<![\w.,/-])(${SHAPE})(?=(?:,|[ ]-)?[ ]\p{Lu}\p{Ll})`, 'gdu'), score: 0.9, group: 1 },
  { name: 'postcode-after-town', regex: /(?<=\p{Ll}[ ])(?:[A-Z]-)?\d{5}(?![\w-])/gu, score: 0.9 },
];

const COMBINED = combinePatterns(POSTCODE_PATTERNS)[0]!;
/** The same alternation, tried at one position. */
const AT = sticky(COMBINED);
/** A label right before a value. */
const LABEL_BEFORE = new RegExp(String.raw`(?:${LABELS})[ \t]*[:.]?[ \t]*$`, 'u');
/** A table over UTF-16 codes: one array read per character tested. */
function tableOf(codes: readonly number[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of codes) table[c] = 1;
  return table;
}

/**
 * Every string a label can be, from LABELS (literals, escapes, classes of single characters, `?` after one):
 * what a labelled match begins with and what a value follows.
 */
const LABEL_STRINGS: readonly string[] = LABELS.split('|').flatMap((alternative) => {
  let out = [''];
  for (const [, escaped, cls, literal, optional] of alternative.matchAll(/(?:\\(.)|\[([^\]-]+)\]|([^\\[\]?]))(\?)?/gu)) {
    const options = [...(escaped ?? cls ?? literal!)];
    out = out.flatMap((s) => [...options.map((o) => s + o), ...(optional ? [s] : [])]);
  }
  return out;
});
/** First characters of the labels (a labelled match starts on one, after no letter: `(?<![\p{L}])`). */
const LABEL_FIRSTS = tableOf(LABEL_STRINGS.map((l) => l.charCodeAt(0)));
/** Last characters of the labels: where none stands before a value's spaces and colon, no label does. */
const LABEL_LASTS = tableOf(LABEL_STRINGS.map((l) => l.charCodeAt(l.length - 1)));
const LONGEST_LABEL = Math.max(...LABEL_STRINGS.map((l) => l.length));
/**
 * What the shapes allow, so that most digit runs are never tried: a value's first digits are a run of 2 to 6
 * (a labelled value), of 3 to 5 where a match begins at them (before a town), of 5 after a capital and a hyphen
 * ("D-10115"). A match that begins at its digits has none of [\w.,/-] before it.
 */
const FIRST_RUN = { min: 2, max: 6 }, AT_RUN = { min: 3, max: 5 }, PREFIXED_RUN = 5;
/** A match that begins at most this far before its digits lies inside the engine's window around them (48 before a run). */
const IN_WINDOW = 48;
const isCapital = (c: number): boolean => c >= 65 && c <= 90;
const isBlank = (c: number): boolean => c === 32 || c === 9;
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || isCapital(c);
/** [\w.,/-]: what stands before no match that begins at its digits. */
const beforeNoValue = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 44 || c === 47 || c === 45;
const WHY = new Map(POSTCODE_PATTERNS.map((p) => [p, [`pattern ${p.name} (${p.score})`]]));

/** Where a label before the value whose digits are at d can end at the earliest (it ends there or up to d). */
function labelEndsFrom(text: string, d: number): number {
  let v = d;
  if (isCapital(text.charCodeAt(d - 1))) v = d - 1;
  else if (text.charCodeAt(d - 1) === 45 && isCapital(text.charCodeAt(d - 2))) v = isCapital(text.charCodeAt(d - 3)) ? d - 3 : d - 2;
  while (isBlank(text.charCodeAt(v - 1))) v--;
  const c = text.charCodeAt(v - 1);
  if (c === 58 || c === 46) v--;
  while (isBlank(text.charCodeAt(v - 1))) v--;
  return v;
}

/**
 * Where a labelled match whose value has its digits at d can begin at the earliest, or d when no label can
 * stand before them: a value starts at most three characters before its digits ("D-10115", "C1031"), and a
 * label ends before the value's spaces and colon, or among them (on a dot: "C.P. 28016").
 */
function labelReach(text: string, d: number): number {
  const v = labelEndsFrom(text, d);
  for (let e = Math.max(1, v); e <= d; e++) if (LABEL_LASTS[text.charCodeAt(e - 1)] === 1) return Math.max(0, e - LONGEST_LABEL);
  return d;
}

/** The label strings, in groups by their last character (LAST_GROUP[code] is its group's index, 0 for none). */
const LAST_GROUP = new Uint8Array(0x10000);
const GROUPS: string[][] = [[]];
for (const l of new Set(LABEL_STRINGS)) {
  const c = l.charCodeAt(l.length - 1);
  if (!LAST_GROUP[c]) LAST_GROUP[c] = GROUPS.push([]) - 1;
  GROUPS[LAST_GROUP[c]!]!.push(l);
}

/**
 * labelReach() made exact: where the earliest label that ends where labelReach() looks for one's end begins, or d
 * when none does. labelReach() takes any label's last character for a label's end ("e" of "size: 1024", the dot of
 * "1.2"), and every position back to the longest label's length is then tried; here the whole label must stand
 * there. A labelled match begins with a label (the regex reads them case-sensitively), so none begins before.
 */
function labelStart(text: string, d: number): number {
  const v = labelEndsFrom(text, d);
  let start = d;
  for (let e = Math.max(1, v); e <= d; e++) {
    const g = LAST_GROUP[text.charCodeAt(e - 1)]!;
    if (g === 0) continue;
    const labels = GROUPS[g]!;
    for (let k = 0; k < labels.length; k++) {
      const l = labels[k]!, n = l.length;
      if (e - n < 0 || e - n >= start || (n > 1 && text.charCodeAt(e - 2) !== l.charCodeAt(n - 2))) continue;
      if (text.startsWith(l, e - n)) start = e - n;
    }
  }
  return start;
}

/** Whether a match may begin at p, before the digit run at d (of `run` digits): cheap tests that spare the regex. */
function mayBegin(text: string, p: number, d: number, run: number, prefixed: boolean, checked: boolean): boolean {
  const c = text.charCodeAt(p), before = text.charCodeAt(p - 1);
  if (p === d) return run >= AT_RUN.min && run <= AT_RUN.max && !beforeNoValue(before) && (!checked || valueMayEnd(text, d, run));
  if (prefixed && p >= d - 3 && isCapital(c)) return true;
  return !isAsciiLetter(before) && LABEL_FIRSTS[c] === 1;
}

/**
 * Whether a match that begins at the digit run at d (of 3 to 5 digits) can end: what the shapes need after the
 * run ("-" of "1000-001", the capitals of "1012 AB"), a town after a five-digit code ("28046 Madrid") or a town
 * before it ("Narón 15407"). Most digit runs (counts, times, versions) have none of these after them.
 */
function valueMayEnd(text: string, d: number, run: number): boolean {
  const e = d + run, next = text.charCodeAt(e);
  if (run === 3) return next === 45 || next === 0xff0d;
  if (run === 4 && (next === 45 || isCapital(next))) return true;
  if (run === 5 && text.charCodeAt(d - 1) === 32) return true;
  return townMayFollow(text, e);
}

/** What the lookahead of postcode-before-town needs at e, /(?:,|[ ]-)?[ ]\p{Lu}/, with any non-ASCII character taken for a capital. */
function townMayFollow(text: string, e: number): boolean {
  let c = text.charCodeAt(e);
  if (c === 44) c = text.charCodeAt(++e);
  else if (c === 32 && text.charCodeAt(e + 1) === 45) c = text.charCodeAt((e += 2));
  if (c !== 32) return false;
  const u = text.charCodeAt(e + 1);
  return isCapital(u) || u >= 128;
}

/** The postcodes of a text (`checked` false: the regex is tried wherever labelReach and mayBegin allow, without labelStart and valueMayEnd; for tests). */
export function findPostcodes(text: string, checked = true): Candidate[] {
  const t = tokensOf(text);
  const out: Candidate[] = [];
  let windows: Window[] | undefined, w = 0;
  let end = 0, visited = 0;
  for (let k = 0; k < t.digits && out.length < MAX_MATCHES_PER_PATTERN; k++) {
    const d = t.digitStart[k]!, run = t.digitEnd[k]! - d;
    const from = Math.max(visited, end);
    visited = d + 1;
    if (run < FIRST_RUN.min || run > FIRST_RUN.max) continue;
    const prefixed = run === PREFIXED_RUN && text.charCodeAt(d - 1) === 45;
    for (let p = Math.max(from, Math.min(checked ? labelStart(text, d) : labelReach(text, d), prefixed ? d - 3 : d)); p <= d; p++) {
      if (!mayBegin(text, p, d, run, prefixed, checked)) continue;
      AT.regex.lastIndex = p;
      const m = AT.regex.exec(text);
      if (!m) continue;
      if (p <= d - IN_WINDOW) {
        // A label far before its number (a long run of spaces): found only where the engine's window reaches.
        windows ??= digitWindows(text);
        while (windows[w]![1] <= d) w++;
        if (p < windows[w]![0]) continue;
      }
      const hit = matchedSpan(AT, m);
      if (!hit) continue;
      out.push({ start: hit.span[0], end: hit.span[1], score: hit.pattern.score, why: WHY.get(hit.pattern)! });
      end = AT.regex.lastIndex;
      break;
    }
  }
  return out;
}

export const postcodeDetector: Detector = {
  id: 'pii.postcode-intl',
  type: 'ZIP',
  category: 'pii',
  description: 'Postcode of Europe or Japan after its label or before a town',
  requires: 'digit',
  find: (text) => findPostcodes(text),
  validate: (value, text, start) => {
    // A label right before: the value is a postcode whatever follows.
    if (LABEL_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return undefined;
    if (/^(?:[A-Z]-)?\d{5}$/.test(value) && afterTown(text, start) === undefined) return undefined;
    return beforeTown(value, text, start);
  },
  examples: {
    match: [
      { text: 'Localidad/ Provincia: Madrid.\nCP: 28016.', value: '28016' },
      { text: 'Paseo de la Castellana, 261, 28046 Madrid', value: '28046' },
      { text: 'Hauptstraße 5, D-10115 Berlin', value: 'D-10115' },
      { text: 'Keizersgracht 123, 1015 CJ Amsterdam', value: '1015 CJ' },
      { text: 'Rua Augusta 100, 1100-053 Lisboa', value: '1100-053' },
    ],
    noMatch: ['se administraron 10000 Unidades', 'en 2015 Madrid organizó', 'pesa 28046 Gramos'],
  },
};
