import { isAlnum } from '../chars';
import type { Candidate, Detector } from '../types';

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:(?:19|20)\d\d|'\d\d)`;
const YEAR_CUE = /\b(?:in|since|of|during|year|by|from|until|circa|born|before|after|early|late|mid)\s{1,3}$/i;
const DATE_CONTEXT = { words: ['dob', 'born', 'birth', 'date', 'admitted', 'discharged', 'seen', 'visit', 'on', 'since'], boost: 0.1 };

/** Month names are words too ("may", "march"): a lower-case one counts only with a year beside it. */
function monthCased(v: string): boolean | undefined {
  // The month is the first run of three letters or more ("12th April": not "th").
  const month = /[a-z]{3,}/i.exec(v)![0];
  return /^[A-Z]/.test(month) || /\d{4}|'\d\d/.test(v) ? undefined : false;
}

/** A year on its own counts only after a word that makes it a date ("in 1977"); validate() checks it. */
const YEAR_ALONE = /\b(?:19|20)\d\d\b(?![/.-]\d)/g;
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
  YEAR_ALONE.lastIndex = 0;
  for (let m = YEAR_ALONE.exec(text); m && out.length < MAX_MATCHES; m = YEAR_ALONE.exec(text)) {
    daysBefore(m.index);
    if (out.length < MAX_MATCHES) out.push({ start: m.index, end: m.index + 4, score: 0.5, why: YEAR_WHY });
  }
  daysBefore(text.length);
  return out;
}

export const dateDetectors: Detector[] = [
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
    patterns: [
      { name: 'age-years', regex: /\b(?:9\d|1[01]\d)[-\s]?(?:years?|yrs?|y\/?o)\b(?:[-\s]?old)?/gi, score: 0.85 },
      { name: 'age-labelled', regex: /\b(?:aged?|age:)\s*(9\d|1[01]\d)\b/gid, score: 0.85, group: 1 },
    ],
    examples: { match: [{ text: 'a 92-year-old woman', value: '92-year-old' }, { text: 'aged 101', value: '101' }], noMatch: ['a 55-year-old male', 'aged 45'] },
  },
];
