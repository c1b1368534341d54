import { commonWordList, nameList, placeList, type WordList } from '../lexicon';
import { isMedicalWord } from './health';
import type { Candidate } from '../types';
import { ALL_LOWER, classOf, LETTER, MARK, tokensOf, UPPER } from '../tokens';

/**
 * Names and places have no shape a regex can hold. This module reads runs of capitalised words the way a
 * reader does and weighs four kinds of evidence: dictionaries (people's names, places, common English words),
 * shape (initials, particles, hyphenated names), cues (titles, "my name is", facility words) and position
 * (a capital at the start of a sentence says little).
 */

export interface Token {
  start: number;
  /** End of the word, without a trailing dot. */
  end: number;
  /** End without a possessive 's: where a person's name ends. */
  nameEnd: number;
  word: string;
  /** The word in lower case. */
  lower: string;
  /** Lower case, without a possessive 's. */
  base: string;
  initial: boolean;
  acronym: boolean;
  /** A dot follows directly (an initial, a title or an abbreviation). */
  dot: boolean;
  /** kindOf(), computed once. */
  kind?: Kind;
}

/** What the capitalised words were first defined by; still the reader of texts with capitals beyond the BMP. */
const CAP_WORD = /\p{Lu}[\p{L}\p{M}'’-]*/gu;
/** High surrogates of the upper-case letters beyond the BMP (Deseret, Osage, mathematical letters, Adlam...). */
const ASTRAL_CAPITAL_HIGHS = ['\ud801', '\ud803', '\ud806', '\ud81b', '\ud835', '\ud83a'];
const P_LU = /\p{Lu}/u, P_LETTER_OR_MARK = /[\p{L}\p{M}]/u;

export const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'sir', 'dame', 'madam', 'rev', 'fr', 'sr', 'nurse', 'doctor', 'capt', 'lord', 'lady',
  // Titles of the other languages (issue 17): es, de, fr, it, nl.
  'dra', 'sra', 'srta', 'dña', 'doña', 'herr', 'herrn', 'frau', 'mme', 'mlle', 'dott', 'sig', 'dhr', 'mevr']);
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'la', 'le', 'du', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'ten', 'ter', 'y']);

/** Capitalised words that are neither people nor places: calendar words, nationalities, faiths, brands. */
const NOT_NAMES = new Set(`
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december christmas easter ramadan thanksgiving halloween
american americans english british french german spanish italian portuguese dutch swedish norwegian danish finnish
polish russian ukrainian chinese japanese korean vietnamese thai indian pakistani african asian european latin
latino latina hispanic caucasian arab arabic jewish muslim christian catholic protestant hindu buddhist sikh
mexican canadian australian irish scottish welsh greek turkish persian israeli egyptian nigerian brazilian
hungarian czech slovak romanian bulgarian serbian croatian filipino indonesian malaysian swiss austrian belgian
god jesus allah bible koran quran
google microsoft apple amazon facebook meta twitter linkedin youtube slack zoom teams excel word powerpoint outlook
windows linux android iphone ipad chrome firefox safari github gitlab jira confluence salesforce oracle sap
internet email covid covid-19 ok okay hi hello dear thanks thank please yes no i i'm i'll i've i'd
website web e-mail fax tel phone mobile desk address user bot admin subject re fwd note notes name date
apt apartment suite unit floor box po
regulatory pharmacovigilance compliance procurement logistics qa qc gmp glp gcp cmc r&d hr it
`.split(/\s+/).filter(Boolean));

/** First names that are also English words: a name when a family name follows ("Jack Smith", "Will Turner"). */
const WORD_FIRST_NAMES = new Set('jack will bill mark rose grant dean frank ray guy pat sue joy hope faith grace daisy lily iris ruby amber summer autumn ivy holly heather dawn robin drew chase hunter chuck rob art gene harry miles lance max bob penny sandy rusty ginger crystal pearl jade angel buck bud bud carol jay kitty lee'.split(' '));

/** Words that end a facility's name: "Lakeside Clinic", "UCLA Medical Center". */
const FACILITY_HEADS = new Set(['hospital', 'hosp', 'clinic', 'clinics', 'center', 'centre', 'ctr', 'healthcenter', 'infirmary', 'hospice', 'pharmacy', 'health', 'healthcare', 'sanatorium', 'rehab', 'rehabilitation', 'institute', 'laboratory', 'laboratories', 'labs', 'presbyterian', 'methodist', 'baptist', 'sinai', 'langone', 'permanente']);
/** Heads that also start ordinary phrases ("Medical Director", "Attorney General"): they count after a name only. */
const WEAK_FACILITY_HEADS = new Set(['medical', 'med', 'general', 'gen', 'memorial', 'regional', 'care', 'surgery', 'surgical', 'practice', 'nursing']);

const isTitle = (t: Token): boolean => TITLES.has(t.base);

let memoText = '';
let memoTokens: Token[] = [];

/**
 * Capitalised words of a text, with what is known about each. Memoised: two detectors read the same chunk.
 * A capitalised word is what CAP_WORD matches: from the first upper-case letter of a run of letters, marks,
 * apostrophes and hyphens to the end of that run. The run's words come from the token stream, so that words
 * without a capital (most of them) cost one test of their shape bits.
 */
export function capitalisedTokens(text: string): Token[] {
  if (text === memoText) return memoTokens;
  checkKindCache();
  const tokens: Token[] = [];
  if (ASTRAL_CAPITAL_HIGHS.some((h) => text.includes(h))) {
    CAP_WORD.lastIndex = 0;
    for (let m = CAP_WORD.exec(text); m; m = CAP_WORD.exec(text)) addCapitalised(text, m.index, m.index + m[0].length, tokens);
  } else {
    const t = tokensOf(text);
    for (let i = 0, consumed = 0; i < t.words; i++) {
      if (t.wordShape[i]! & ALL_LOWER || t.wordStart[i]! < consumed) continue;
      const at = firstCapital(text, t.wordStart[i]!, t.wordEnd[i]!);
      if (at < 0) continue;
      consumed = runEnd(text, t.wordEnd[i]!);
      addCapitalised(text, at, consumed, tokens);
    }
  }
  memoText = text;
  memoTokens = tokens;
  return tokens;
}

/** The first upper-case letter (\p{Lu}, not title case) in text[start, end), or -1. */
function firstCapital(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (classOf(c) & UPPER && (c < 0x1c5 || P_LU.test(text[i]!))) return i;
  }
  return -1;
}

/** Where the run of letters, marks, apostrophes and hyphens that goes on at `at` ends. */
function runEnd(text: string, at: number): number {
  for (let i = at; ; i++) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 8217 || c === 45 || classOf(c) & (LETTER | MARK)) continue;
    if (c >= 0xd800 && c <= 0xdbff && P_LETTER_OR_MARK.test(String.fromCodePoint(text.codePointAt(i)!))) i++;
    else return i;
  }
}

/** The capitalised word that text[at, rawEnd) (a CAP_WORD match) is, unless it sits inside a word or a code. */
function addCapitalised(text: string, at: number, rawEnd: number, tokens: Token[]): void {
  // Inside a word ("iPhone") or a code ("CHA2DS2-VASc", "user_Name"): not a name.
  if (at > 0 && isWordOrCodeChar(text.charCodeAt(at - 1))) return;
  const next = text.charCodeAt(rawEnd);
  if ((next >= 48 && next <= 57) || next === 95 || next === 47 || next === 43 || next === 61) return;
  // Trailing apostrophes and hyphens are no part of the word (a capital starts it, so one letter stays).
  let end = rawEnd;
  for (let c = text.charCodeAt(end - 1); c === 39 || c === 8217 || c === 45; c = text.charCodeAt(end - 1)) end--;
  const word = text.slice(at, end);
  const len = end - at;
  const lower = word.toLowerCase();
  const n = lower.length;
  // Without a possessive 's.
  const q = n >= 2 && lower.charCodeAt(n - 1) === 115 ? lower.charCodeAt(n - 2) : 0;
  const base = q === 39 || q === 8217 ? lower.slice(0, n - 2) : lower;
  const dot = text.charCodeAt(end) === 46;
  tokens.push({
    start: at,
    end,
    nameEnd: end - (len - base.length),
    word,
    lower,
    base,
    // "I" is a pronoun unless a dot makes it an initial.
    initial: len === 1 && (word !== 'I' || dot),
    // Short all-capital words are acronyms (ACE, COPD); long ones are names in capitals (LAPPEENRANTA).
    acronym: len > 1 && len < 5 && isAllCapitals(word),
    dot,
    kind: undefined,
  });
}

/** word === word.toUpperCase(), without the copy when the second letter is a plain lower-case one. */
export function isAllCapitals(word: string): boolean {
  const c = word.charCodeAt(1);
  if (c >= 97 && c <= 122) return false;
  return word === word.toUpperCase();
}

/** Letters, digits and "_@/+=": a capital next to one of these is inside a word, a path or a code. */
function isWordOrCodeChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 64 || c === 47 || c === 43 || c === 61;
  return (classOf(c) & LETTER) !== 0;
}

/** A capital at the start of a sentence says little about a name. */
export function isSentenceStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '"' || c === '“' || c === '(' || c === "'") continue;
    if (c === '\n' || c === '.' || c === '!' || c === '?' || c === ':' || c === '•' || c === '-' || c === '*') {
      // "Dr. Smith": the dot after a title or an initial does not end a sentence.
      if (c === '.') {
        const prev = wordBeforeDot(text, i);
        if (prev && (prev.length === 1 || TITLES.has(prev) || prev === 'st' || prev === 'mt')) return false;
      }
      return true;
    }
    return false;
  }
  return true;
}

/** The letters (at most 12) right before the dot at `dot`, lower case: /(\p{L}+)\.$/u over the 12 characters before it. */
function wordBeforeDot(text: string, dot: number): string | undefined {
  const from = Math.max(0, dot - 12);
  let j = dot - 1;
  for (; j >= from; j--) {
    const c = text.charCodeAt(j);
    if (c >= 0xd800 && c <= 0xdfff) return /([\p{L}]+)\.$/u.exec(text.slice(from, dot + 1))?.[1]?.toLowerCase(); // letters beyond the BMP: as the regex reads them
    if (!(classOf(c) & LETTER)) break;
  }
  return j === dot - 1 ? undefined : text.slice(j + 1, dot).toLowerCase();
}

/** Runs of capitalised words joined by single spaces (and by particles such as "van" or "de"). */
export function runs(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let run: Token[] = [];
  for (const t of tokens) {
    const prev = run[run.length - 1];
    if (prev && joined(text, prev, t)) run.push(t);
    else {
      if (run.length) out.push(run);
      run = [t];
    }
  }
  if (run.length) out.push(run);
  return out;
}

const PARTICLE_GAP = /^ [a-z ]+ $/;

function joined(text: string, a: Token, b: Token): boolean {
  const width = b.start - a.end;
  if (width === 1) {
    const c = text.charCodeAt(a.end);
    return c === 32 || c === 45;
  }
  if (width > 12) return false;
  const gap = text.slice(a.end, b.start);
  if (gap === ' ' || gap === '-') return true;
  if (gap === '. ') return a.initial || isTitle(a) || a.base === 'st' || a.base === 'mt';
  // "Ludwig van Beethoven", "Maria de la Cruz" (the words split only when the gap has the shape of particles)
  return PARTICLE_GAP.test(gap) && gap.trim().split(/\s+/).every((w) => PARTICLES.has(w));
}

export type Kind = 'name' | 'weak-name' | 'place' | 'unknown' | 'common' | 'initial' | 'acronym' | 'title' | 'not-name' | 'facility' | 'weak-facility';

export function kindOf(t: Token): Kind {
  if (t.kind) return t.kind;
  if (t.initial) return (t.kind = 'initial');
  // A pure function of the word (and of whether it is an acronym): kept across scans, in a bounded map.
  const cache = t.acronym ? acronymKinds : wordKinds;
  let k = cache.get(t.base);
  if (k === undefined) {
    if (cache.size >= KIND_CACHE_SIZE) cache.clear();
    cache.set(t.base, (k = classify(t)));
  }
  return (t.kind = k);
}

const KIND_CACHE_SIZE = 50_000;
const wordKinds = new Map<string, Kind>(), acronymKinds = new Map<string, Kind>();
let cachedLists: readonly WordList[] = [];

/** The kinds hold while the word lists do (ablateLexicons() swaps a list for an empty one). */
function checkKindCache(): void {
  const lists = [commonWordList(), nameList(), placeList()];
  if (lists.every((l, i) => l === cachedLists[i])) return;
  cachedLists = lists;
  wordKinds.clear();
  acronymKinds.clear();
}

function classify(t: Token): Kind {
  if (t.initial) return 'initial';
  if (TITLES.has(t.base)) return 'title';
  if (FACILITY_HEADS.has(t.base)) return 'facility';
  if (WEAK_FACILITY_HEADS.has(t.base)) return 'weak-facility';
  if (NOT_NAMES.has(t.base)) return 'not-name';
  if (t.acronym) return 'acronym';
  const common = commonWordList(), names = nameList();
  if (t.base.includes('-')) {
    const parts = t.base.split('-');
    if (parts.every((p) => names.has(p))) return parts.some((p) => common.has(p) && !WORD_FIRST_NAMES.has(p)) ? 'weak-name' : 'name';
    if (parts.some((p) => common.has(p))) return 'common';
  } else if (names.has(t.base)) {
    if (isMedicalWord(t.base)) return 'not-name';
    return (common.has(t.base) && !WORD_FIRST_NAMES.has(t.base)) || placeList().has(t.base) ? 'weak-name' : 'name';
  } else if (placeList().has(t.base)) return 'place';
  else if (common.has(t.base)) return 'common';
  if (placeList().has(t.base)) return 'place';
  return isMedicalWord(t.base) ? 'not-name' : 'unknown';
}

/**
 * Text a few words before a position, lower case, for cues such as "my name is". The last one is kept: a run's
 * cues (labels, titles, places) are read from the same position several times.
 */
export function textBefore(text: string, at: number, n = 24): string {
  if (at !== lastBefore.at || n !== lastBefore.n || text !== lastBefore.text) lastBefore = { text, at, n, before: text.slice(Math.max(0, at - n), at).toLowerCase() };
  return lastBefore.before;
}
let lastBefore = { text: '', at: -1, n: 0, before: '' };

export type { Candidate };
