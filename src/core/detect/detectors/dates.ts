import { isAlnum } from '../chars';
import { classOf, SPACE, tokensOf } from '../tokens';
import { groupCount } from '../combine';
import type { Candidate, Detector, Pattern } from '../types';
import { backOver, DIGIT_REACH, patternsAtDigits, type Starts } from './ip/runs';

export const AGE_OVER_89_PATTERNS: Pattern[] = [
  { name: 'age-years', regex: /\b(?:9\d|1[01]\d)[-\s]?(?:years?|yrs?|y\/?o)\b(?:[-\s]?old)?/gi, score: 0.85 },
  { name: 'age-labelled', regex: /\b(?:aged?|age:)\s*(9\d|1[01]\d)\b/gid, score: 0.85, group: 1 },
];
const isWhiteSpace = (c: number): boolean => (classOf(c) & SPACE) !== 0;
/**
 * Where an age over 89 can begin: at a run of exactly two digits starting with 9 or three starting with 10 or 11
 * (both patterns read the whole run), and where "age", "aged" or "age:" would start before the white space in
 * front of it.
 */
export const ageOver89Starts: Starts = (text, t, add) => {
  for (let k = 0; k < t.digits; k++) {
    const s = t.digitStart[k]!, len = t.digitEnd[k]! - s, c = text.charCodeAt(s), d = text.charCodeAt(s + 1);
    if (!(len === 2 && c === 57) && !(len === 3 && c === 49 && (d === 48 || d === 49))) continue;
    // "92 years", "92-year-old", "101yo": a "y" after the number, or after one "-" or white space.
    const after = text.charCodeAt(t.digitEnd[k]!);
    if ((after | 32) === 121 || ((after === 45 || isWhiteSpace(after)) && (text.charCodeAt(t.digitEnd[k]! + 1) | 32) === 121)) add(s);
    const q = backOver(text, s, isWhiteSpace, DIGIT_REACH - 4);
    if (q < 0) return false;
    const label = text.charCodeAt(q - 1);
    if ((label | 32) === 101) add(q - 3); // age
    else if ((label | 32) === 100 || label === 58) add(q - 4); // aged, age:
  }
  return true;
};
const agesOver89 = patternsAtDigits([[AGE_OVER_89_PATTERNS, ageOver89Starts]]);

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:(?:19|20)\d\d|'\d\d)`;
/** Words after which a year on its own is a date: English first, then es, de, fr, it, nl, pt ("en 2011", "seit 2019"). */
const YEAR_CUE_WORDS = [
  'in', 'since', 'of', 'during', 'year', 'by', 'from', 'until', 'circa', 'born', 'before', 'after', 'early', 'late', 'mid',
  'en', 'desde', 'del', 'año', 'hasta', 'durante', 'im', 'seit', 'bis', 'jahr', 'jahre', 'ab', 'depuis', 'année', 'nel', 'dal', 'anno',
  'sinds', 'jaar', 'em', 'ano', 'até',
];
const YEAR_CUE = new RegExp(String.raw`(?<![A-Za-zÀ-ÿ])(?:${YEAR_CUE_WORDS.join('|')})\s{1,3}$`, 'i');
const DATE_CONTEXT = { words: ['dob', 'born', 'birth', 'date', 'admitted', 'discharged', 'seen', 'visit', 'on', 'since'], boost: 0.1 };

/** Month names are words too ("may", "march"): a lower-case one counts only with a year beside it. */
function monthCased(v: string): boolean | undefined {
  // The month is the first run of three letters or more ("12th April": not "th").
  const month = /[a-z]{3,}/i.exec(v)![0];
  return /^[A-Z]/.test(month) || /\d{4}|'\d\d/.test(v) ? undefined : false;
}

/** A year on its own counts only after a word that makes it a date ("in 1977"); validate() checks it. */
export const YEAR_ALONE = /\b(?:19|20)\d\d\b(?![/.-]\d)/g;
/** The starts of YEAR_ALONE's matches, read from the chunk's digit runs: a run of four digits is a year there. */
export function yearsAlone(text: string): number[] {
  return yearRuns(text, (c) => !isWordChar(c), (c, next) => !isWordChar(c) && !((c === 47 || c === 46 || c === 45) && isDigit(next)));
}
/**
 * The starts of the digit runs of four that read 19xx or 20xx, where the character before and the two after
 * pass the tests: what a regex that starts with such a year finds, without trying it at every digit.
 */
function yearRuns(text: string, before: (c: number) => boolean, after: (c: number, next: number) => boolean): number[] {
  const t = tokensOf(text), out: number[] = [];
  for (let k = 0; k < t.digits; k++) {
    const s = t.digitStart[k]!, e = t.digitEnd[k]!;
    if (e - s !== 4) continue;
    const a = text.charCodeAt(s), b = text.charCodeAt(s + 1);
    if (!((a === 49 && b === 57) || (a === 50 && b === 48))) continue;
    if (before(text.charCodeAt(s - 1)) && after(text.charCodeAt(e), text.charCodeAt(e + 1))) out.push(s);
  }
  return out;
}
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A regex's \w (without the u flag): what \b looks at. */
const isWordChar = (c: number): boolean => isAlnum(c) || c === 95;
const WEEKDAY_STEMS = ['Mon', 'Tues', 'Wednes', 'Thurs', 'Fri', 'Satur', 'Sun'];
const YEAR_WHY = ['pattern year-after-cue (0.5)'], WEEKDAY_WHY = ['pattern weekday (0.5)'];
/** As many as the engine keeps of one detector's patterns in a chunk. */
const MAX_MATCHES = 2_000;

/**
 * Years and weekdays in text order (what one regex of both alternatives would give): years by a regex that
 * starts with a digit, weekdays from each "day" back to their stem, instead of trying seven words at every position.
 */
function findYearsAndWeekdays(text: string): Candidate[] {
  const out: Candidate[] = [];
  const days: number[] = [];
  for (let i = text.indexOf('day'); i >= 0; i = text.indexOf('day', i + 3)) {
    if (isWordChar(text.charCodeAt(i + 3))) continue;
    for (const stem of WEEKDAY_STEMS) {
      const s = i - stem.length;
      if (s >= 0 && text.startsWith(stem, s)) {
        if (!isWordChar(text.charCodeAt(s - 1))) days.push(s, i + 3);
        break;
      }
    }
  }
  let d = 0;
  const daysBefore = (at: number): void => {
    for (; d < days.length && days[d]! < at && out.length < MAX_MATCHES; d += 2) out.push({ start: days[d]!, end: days[d + 1]!, score: 0.5, why: WEEKDAY_WHY });
  };
  for (const at of yearsAlone(text)) {
    if (out.length >= MAX_MATCHES) break;
    daysBefore(at);
    if (out.length < MAX_MATCHES) out.push({ start: at, end: at + 4, score: 0.5, why: YEAR_WHY });
  }
  daysBefore(text.length);
  return out;
}


/**
 * Month names as Spanish, German, French, Italian, Dutch and Portuguese write them: full names, and the
 * abbreviations that count only with a dot or between a day and a year ("mar" is also the sea, "set" a set).
 */
const MONTHS_FULL = `
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
januar jänner februar märz maerz april mai juni juli august september oktober november dezember
janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
januari februari maart april mei juni juli augustus september oktober november december
janeiro fevereiro março marco abril maio junho julho agosto setembro outubro novembro dezembro
`;
const MONTHS_SHORT = `
ene feb mar abr may jun jul ago sep sept set oct nov dic
jan jän mär apr mai aug okt dez janv févr fév avr juil déc dec
gen mag giu lug ott mrt mei fev out
`;
/**
 * The words of a list as they are written: lower case, Capitalised, CAPITALS. The patterns that use them are
 * case-sensitive: a case-insensitive regex with letters beyond ASCII costs V8 two to three times as much.
 */
const words = (s: string): string[] => [...new Set(s.split(/\s+/).filter(Boolean).flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]))];

/**
 * An alternation of words as a trie ("ma(?:rzo|yo|i)"): at each position the regex reads one branch per letter
 * instead of trying every word. A word that ends where longer ones go on is an optional end ("ma(?:rzo|i)?"), so
 * the alternation takes the longest that fits. Read from the sorted words by ranges (no word is sliced per
 * level): this runs at every load of the engine, before the code is compiled.
 */
export function trieAlternation(list: readonly string[]): string {
  const sorted = [...new Set(list)].sort();
  return sorted.length ? branches(sorted, 0, sorted.length, 0) : '';
}

/** The alternation of sorted[from, to), words that share their first `depth` code units. */
function branches(sorted: readonly string[], from: number, to: number, depth: number): string {
  const end = sorted[from]!.length === depth; // sorted: the shared prefix itself, if listed, comes first
  const parts: string[] = [];
  for (let i = end ? from + 1 : from; i < to; ) {
    const c = sorted[i]!.charCodeAt(depth);
    let j = i + 1;
    while (j < to && sorted[j]!.charCodeAt(depth) === c) j++;
    parts.push(j === i + 1 ? escapeUnits(sorted[i]!.slice(depth)) : escapeUnits(sorted[i]![depth]!) + branches(sorted, i, j, depth + 1));
    i = j;
  }
  const body = parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
  return end ? `(?:${body})?` : body;
}

const escapeUnits = (s: string): string => s.replace(/[-.]/g, '\\$&');
const FULL = trieAlternation(words(MONTHS_FULL));
const SHORT = trieAlternation(words(MONTHS_SHORT));
/** Not inside a word of Latin letters ("marzo" is not in "comarzo", "mai" not in "maison"). */
const NOT_LETTER_BEFORE = '(?<![A-Za-zÀ-ÿ])', NOT_LETTER_AFTER = '(?![A-Za-zÀ-ÿ])';
const DAY_NUM = String.raw`(?<![\w.,/-])(?:[12]\d|3[01]|0?[1-9])(?:\.|er|o|°)?`;
const YEAR4 = String.raw`(?:19|20)\d\d(?![\w/-]|[.,]\d)`;
/** Between a day and its month: "12 de marzo", "12. März", "12-abr", "1er mars". */
const DAY_MONTH = String.raw`(?:\s{1,3}(?:de\s{1,3})?|-|/)`;
/** Between a month and its year: "marzo de 2019", "março de 2019", "März 2019", "abr-2019". */
const MONTH_YEAR = String.raw`(?:\.?,?\s{1,3}(?:del?\s{1,3}(?:año\s{1,3})?)?|\.?[-/])`;
const MONTH_ANY = `(?:${FULL}${NOT_LETTER_AFTER}|${SHORT}(?:\\.|${NOT_LETTER_AFTER}))`;
const ROMAN_MONTH = '(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)';
/** Japanese: the Gregorian year or an era year (令和, 平成, 昭和, 大正; 元 is its first year), then month and day. */
const ERA = '(?:令和|平成|昭和|大正)(?:元|\\d{1,2})年';

/**
 * A pattern whose last part is matched in a look-ahead and consumed by a back-reference: the same match (nothing
 * follows that part, so the look-ahead's first success is the pattern's), but V8 compiles the month names behind
 * the day's variable-length forms ten times faster this way (day-month-year took 40 ms, two thirds of a first
 * scan's regex compilation, at every cold start).
 */
const endingWith = (before: string, last: string): string => `${before}(?=(${last}))\\${groupCount(before) + 1}`;

const intlDate: Detector = {
  id: 'pii.date-intl',
  type: 'DATE',
  category: 'pii',
  description: 'Date as Spanish, German, French, Italian, Dutch and Portuguese write it',
  // Every such date holds a day or a year: the patterns run around digits, as numeric dates do.
  requires: 'digit',
  patterns: [
    { name: 'day-month-year', regex: new RegExp(endingWith(`${DAY_NUM}${DAY_MONTH}`, `${MONTH_ANY}${MONTH_YEAR}${YEAR4}`), 'g'), score: 0.85 },
    { name: 'day-month', regex: new RegExp(endingWith(String.raw`${DAY_NUM}\s{1,3}(?:de\s{1,3})?`, String.raw`${FULL}${NOT_LETTER_AFTER}|${SHORT}\.`), 'g'), score: 0.75 },
    { name: 'day-roman-month-year', regex: new RegExp(String.raw`${DAY_NUM}[-/.]${ROMAN_MONTH}[-/.]${YEAR4}`, 'g'), score: 0.85 },
  ],
  context: DATE_CONTEXT,
  examples: {
    match: [
      { text: 'ingresó el 12 de marzo de 2019.', value: '12 de marzo de 2019' },
      { text: 'am 12. März 2019 aufgenommen', value: '12. März 2019' }, { text: 'le 1er mars, puis', value: '1er mars' },
      { text: 'vu le 12 févr. 2019', value: '12 févr. 2019' }, { text: 'op 12 maart 2019', value: '12 maart 2019' },
      { text: 'em 12 de março de 2019', value: '12 de março de 2019' }, { text: 'fecha 12-III-2019', value: '12-III-2019' },
      { text: 'il 12 marzo 2019', value: '12 marzo 2019' },
    ],
    noMatch: ['a 3 mar de distancia', 'Setze 5 set 2', 'sept 2 fois', 'version 12-IV'],
  },
};

const JAPANESE_DATE = new RegExp(String.raw`(?:(?<!\d)(?:19|20)\d\d年|${ERA})(?:\d{1,2}月(?:\d{1,2}日)?)?|(?<![\d年])\d{1,2}月\d{1,2}日`, 'g');
const JAPANESE_WHY = ['pattern japanese (0.85)'];

/** Japanese dates: read only in a text that holds 年 or 月 (one search each), not tried at every digit. */
function findJapaneseDates(text: string): Candidate[] {
  if (!text.includes('年') && !text.includes('月')) return [];
  const out: Candidate[] = [];
  JAPANESE_DATE.lastIndex = 0;
  for (let m = JAPANESE_DATE.exec(text); m && out.length < MAX_MATCHES; m = JAPANESE_DATE.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, score: 0.85, why: JAPANESE_WHY });
  return out;
}

const japaneseDate: Detector = {
  id: 'pii.date-ja',
  type: 'DATE',
  category: 'pii',
  description: 'Date as Japanese writes it: the Gregorian or the era year (令和, 平成, 昭和, 大正), month and day',
  requires: 'digit',
  find: findJapaneseDates,
  examples: {
    match: [{ text: '2019年3月12日に入院', value: '2019年3月12日' }, { text: '令和元年5月1日', value: '令和元年5月1日' }, { text: '平成31年に', value: '平成31年' }, { text: '3月12日に受診', value: '3月12日' }],
    noMatch: ['12年生', '第3回'],
  },
};

/** A year, from which month-year finds the month before it (a regex that starts with a digit runs fast). */
export const YEAR_AT = new RegExp(`(?<![\\w.])${YEAR4}`, 'g');
/** The starts of YEAR_AT's matches, from the digit runs (YEAR4's look-ahead: no word character, "/" or "-", nor ".5"). */
export const yearsAt = (text: string): number[] =>
  yearRuns(text, (c) => !isWordChar(c) && c !== 46, (c, next) => !isWordChar(c) && c !== 47 && c !== 45 && !((c === 46 || c === 44) && isDigit(next)));
/** The month and its joiner that end right before a year: "marzo de ", "März ", "abr.-". */
const MONTH_BEFORE_YEAR = new RegExp(`${NOT_LETTER_BEFORE}(?:${FULL}|${SHORT}\\.)${MONTH_YEAR}$`);
const MONTH_YEAR_WHY = ['pattern month-year (0.85)'];

/**
 * "marzo de 2019", "März 2019", "août 2020": from each year back to a month name, instead of trying every
 * month at every letter. As sure as a day and a year: "Abril de 2004" is a date before it is a name.
 */
function findMonthYears(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const at of yearsAt(text)) {
    if (out.length >= MAX_MATCHES) break;
    // The joiner ends in a space, "-" or "/": a year after anything else ("[2024-", "v2019") has no month before it.
    const c = text.charCodeAt(at - 1);
    if (c !== 45 && c !== 47 && !(classOf(c) & SPACE)) continue;
    const from = Math.max(0, at - 24);
    const month = MONTH_BEFORE_YEAR.exec(text.slice(from, at));
    if (month) out.push({ start: from + month.index, end: at + 4, score: 0.85, why: MONTH_YEAR_WHY });
  }
  return out;
}

const intlMonthYear: Detector = {
  id: 'pii.month-year-intl',
  type: 'DATE',
  category: 'pii',
  description: 'Month and year as Spanish, German, French, Italian, Dutch and Portuguese write them',
  requires: 'digit',
  find: findMonthYears,
  context: DATE_CONTEXT,
  examples: {
    match: [{ text: 'desde marzo de 2019', value: 'marzo de 2019' }, { text: 'En Abril de 2004 se operó', value: 'Abril de 2004' }, { text: 'seit März 2019', value: 'März 2019' }, { text: 'depuis févr. 2020', value: 'févr. 2020' }],
    noMatch: ['mar 2019', 'version 2019', 'Setze 2019'],
  },
};

/** Weekday names of the same languages (quasi, as English weekdays are); the keywords are their ASCII stems. */
const WEEKDAYS = `
lunes martes miércoles miercoles jueves viernes sábado sabado
montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
lundi mardi mercredi jeudi vendredi samedi dimanche
lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
segunda-feira terça-feira terca-feira quarta-feira quinta-feira sexta-feira
`;
const WEEKDAY_KEYWORDS = ['lunes', 'martes', 'rcoles', 'jueves', 'viernes', 'bado', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend', 'sonntag',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'luned', 'marted', 'mercoled', 'gioved', 'venerd', 'maandag', 'dinsdag', 'woensdag', 'donderdag',
  'vrijdag', 'zaterdag', 'zondag', '-feira'];
const intlWeekday: Detector = {
  id: 'pii.weekday-intl',
  type: 'DATE',
  category: 'pii',
  quasi: true,
  description: 'A weekday in Spanish, German, French, Italian, Dutch or Portuguese (reported, but HIPAA lets it stand)',
  keywords: WEEKDAY_KEYWORDS,
  window: { before: 16, after: 16 },
  // "Domingo" and "Sabato" are also names, "sábado" alone is ambiguous with them: left to the names' detector.
  patterns: [{ name: 'weekday', regex: new RegExp(`${NOT_LETTER_BEFORE}${trieAlternation(words(WEEKDAYS))}${NOT_LETTER_AFTER}`, 'g'), score: 0.5 }],
  examples: { match: [{ text: 'el martes por la tarde', value: 'martes' }, { text: 'am Donnerstag', value: 'Donnerstag' }, { text: 'na segunda-feira', value: 'segunda-feira' }], noMatch: ['Martesana', 'sonntags'] },
};

export const dateDetectors: Detector[] = [
  intlDate,
  intlMonthYear,
  japaneseDate,
  intlWeekday,
  {
    id: 'pii.date-written',
    type: 'DATE',
    category: 'pii',
    description: 'Date with the month in words, more precise than a year (HIPAA leaves a year alone)',
    // Month names are the keywords: the patterns run only around them.
    keywords: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
    window: { before: 16, after: 40 },
    patterns: [
      { name: 'month-day-year', regex: new RegExp(String.raw`\b${MONTH}\s+${DAY}(?:,?\s*${YEAR})?(?![\w'])`, 'gi'), score: 0.8 },
      { name: 'day-month-year', regex: new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?${MONTH},?(?:\s+${YEAR})?(?![\w'])`, 'gi'), score: 0.8 },
      { name: 'month-year', regex: new RegExp(String.raw`\b${MONTH},?\s+(?:of\s+)?${YEAR}(?![\w'])`, 'gi'), score: 0.7 },
    ],
    validate: monthCased,
    context: DATE_CONTEXT,
    examples: {
      match: [{ text: 'seen on Feb 21, 2023.', value: 'Feb 21, 2023' }, { text: '(Jan 5, 2024)', value: 'Jan 5, 2024' }, { text: "on Nov 11th '23", value: "Nov 11th '23" }, { text: 'since 12th April 2022', value: '12th April 2022' }, { text: 'March 5th, 2021 was a Friday', value: 'March 5th, 2021' }, { text: 'since 12th April on the ward', value: '12th April' }],
      noMatch: ['in 2021', 'you may 2 times', 'the march 4 times'],
    },
  },
  {
    id: 'pii.date',
    type: 'DATE',
    category: 'pii',
    description: 'Calendar date in numbers, more precise than a year',
    requires: 'digit',
    patterns: [
      { name: 'iso', regex: /(?<![\w/.-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\w/-])/g, score: 0.8 },
      // With dots, only a four-digit year: "1.2.23" is a version number far more often than a date.
      { name: 'numeric-mdy', regex: /(?<![\w/.-])(?:0?[1-9]|1[0-2])(?:([/-])(?:0?[1-9]|[12]\d|3[01])\1(?:(?:19|20)\d\d|\d\d)|\.(?:0?[1-9]|[12]\d|3[01])\.(?:19|20)\d\d)(?![\w/-]|\.\d)/g, score: 0.75 },
      { name: 'numeric-dmy', regex: /(?<![\w/.-])(?:1[3-9]|2\d|3[01])(?:([/-])(?:0?[1-9]|1[0-2])\1(?:(?:19|20)\d\d|\d\d)|\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d)(?![\w/-]|\.\d)/g, score: 0.7 },
      { name: 'numeric-month-year', regex: /(?<![\w/.-])(?:0?[1-9]|1[0-2])\/(?:19|20)\d\d(?![\w/-])/g, score: 0.55 },
    ],
    context: DATE_CONTEXT,
    examples: {
      match: [{ text: 'DOB 04/22/1955', value: '04/22/1955' }, { text: 'admitted 2023-04-25.', value: '2023-04-25' }, { text: 'on 4/12/22 (SSN', value: '4/12/22' }],
      noMatch: ['in 2021', 'ratio 3/4', 'version 1.2.3', '"version": "1.2.23"'],
    },
  },
  {
    id: 'pii.year-or-weekday',
    type: 'DATE',
    category: 'pii',
    quasi: true,
    description: 'A year or a weekday on its own (reported, but HIPAA lets it stand)',
    find: findYearsAndWeekdays,
    validate: (v, text, start) => (/^\d+$/.test(v) && !YEAR_CUE.test(text.slice(Math.max(0, start - 12), start)) ? false : undefined),
    examples: { match: [{ text: 'founded in 1977.', value: '1977' }, { text: 'flew there on Tuesday morning', value: 'Tuesday' }], noMatch: ['port 2020 is open', 'in 1977-05-01', 'Q1 2024 report'] },
  },
  {
    id: 'pii.age-over-89',
    type: 'AGE',
    category: 'pii',
    description: 'Age over 89 (HIPAA identifier; younger ages are not)',
    requires: 'digit',
    // Tried only at runs of two or three digits from 90 to 119, and at the "age" before one.
    find: agesOver89,
    examples: { match: [{ text: 'a 92-year-old woman', value: '92-year-old' }, { text: 'aged 101', value: '101' }], noMatch: ['a 55-year-old male', 'aged 45'] },
  },
];
