import { hashWord, isAlnum, isDigit, isLetter, isUpper } from '../../chars';

/** Letters of words: ASCII and Latin letters beyond it, so that "tumor" is never read inside "tumoración". */
const isWordLetter = (c: number): boolean => isLetter(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
/** isWordLetter as a table over every UTF-16 code: one array read per character in the word pass. */
const WORD_LETTER = new Uint8Array(0x10000);
for (let c = 0; c < 0x250; c++) if (isWordLetter(c)) WORD_LETTER[c] = 1;
import { ASCII, HAS_APOSTROPHE, tokensOf, type Tokens } from '../../tokens';
import type { Candidate } from '../../types';
import { JAPANESE_TERMS } from './languages';
import { isClinicalAcronym, KNOWN_WORDS, PAIR_NEXT, SUFFIXES, shapeTier, tierOf, type Tier } from './vocabulary';

/** How near a clinical term must stand for an ambiguous word or an abbreviation to count: about a sentence. */
const CORROBORATION_CHARS = 160;
/**
 * Health terms are context, reported to label a document, never redacted. One term per this many characters
 * stands for the terms beside it (and the last of each run is kept), so a long clinical note yields a bounded
 * number of findings while every stretch with health terms keeps one within this distance.
 */
const TERM_SPACING = 100;

/** Hashes of the known words: a word is lower-cased and looked up only when its hash is among them. */
const WORD_HASHES = new Set(KNOWN_WORDS.map(hashWord));
/** A 64 K-bit filter over the hashes: most words are ruled out by one array read, before any Set lookup. */
const MAYBE_WORD = new Uint8Array(1 << 16);
for (const h of WORD_HASHES) MAYBE_WORD[h & 0xffff] = 1;
/**
 * The last two letters of every suffix, as a table over ASCII pairs: most words are ruled out without a regex
 * (a word ending in other letters has no medical shape: the shapes are ASCII).
 */
const SUFFIX_ENDINGS = new Uint8Array(128 * 128);
for (const x of SUFFIXES) SUFFIX_ENDINGS[x.charCodeAt(x.length - 2) * 128 + x.charCodeAt(x.length - 1)] = 1;
const endsLikeSuffix = (a: number, b: number): boolean => a < 128 && b < 128 && SUFFIX_ENDINGS[a * 128 + b] === 1;

/** "be patient", "more patient": the adjective, not a patient. */
const PATIENT_ADJECTIVE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'stay', 'remain', 'very', 'more', 'most', 'so', 'too', 'less', 'please', 'and']);

interface Term {
  start: number;
  end: number;
  tier: Tier;
  score: number;
  why: string[];
}

const VOCABULARY = ['clinical vocabulary (0.8)'];
const SHAPE = ['medical word shape (0.6)'];
const PAIR = ['clinical phrase (0.8)'];
const DOSE = ['dose (0.8)'];

const isCodeChar = (c: number): boolean => isWordLetter(c) || isDigit(c) || c === 95 || c === 43 || c === 47 || c === 61;

/** Not part of a code, an address or a file name: "Hx9", "chronitis@example.org", "health.ts" are no words. */
function standsAlone(text: string, i: number, j: number): boolean {
  const before = i > 0 ? text.charCodeAt(i - 1) : 32, after = j < text.length ? text.charCodeAt(j) : 32;
  if (after === 64 || before === 64 || (after === 46 && isLetter(text.charCodeAt(j + 1)))) return false;
  return !isCodeChar(after) && (!isCodeChar(before) || (isDigit(before) && j - i <= 3));
}

/** lower case, Capitalised, ALL CAPS or plural caps ("UTIs"): random mixed case ("EWUkQdihq", "dX") is no word. */
function wordCased(text: string, i: number, j: number): boolean {
  let upper = 0;
  for (let k = i; k < j; k++) if (isUpper(text.charCodeAt(k))) upper++;
  return upper === 0 || upper === j - i || (upper === 1 && isUpper(text.charCodeAt(i))) || (upper === j - i - 1 && upper > 1 && text.charCodeAt(j - 1) === 115);
}

/** The word after position j when one space or hyphen separates it: [start, end) or undefined. */
function nextWord(text: string, j: number): [number, number] | undefined {
  const sep = text.charCodeAt(j);
  if (sep !== 32 && sep !== 45) return undefined;
  let k = j + 1;
  while (k < text.length && WORD_LETTER[text.charCodeAt(k)] === 1) k++;
  return k > j + 1 ? [j + 1, k] : undefined;
}

/** The word before position i (one space between), lower case, or ''. */
function previousWord(lower: string, i: number): string {
  if (lower.charCodeAt(i - 1) !== 32) return '';
  let k = i - 1;
  while (k > 0 && isLetter(lower.charCodeAt(k - 1))) k--;
  return lower.slice(k, i - 1);
}

/** A number before a unit: "5 mg", "10mg". */
function afterNumber(text: string, i: number): boolean {
  let k = i - 1;
  if (text.charCodeAt(k) === 32) k--;
  return k >= 0 && isDigit(text.charCodeAt(k));
}

/** A number just before or after a word, as amounts stand beside currencies. */
function numberBeside(text: string, i: number, j: number): boolean {
  return afterNumber(text, i) || isDigit(text.charCodeAt(j + (text.charCodeAt(j) === 32 ? 1 : 0)));
}

/** Whether the word pass saw a digit or a slash: the frame pass reads only such texts. */
let sawDigitOrSlash = false;
/** Whether it saw kana or kanji: the Japanese pass reads only such texts. */
let sawCjk = false;

/**
 * The health terms among the words of a text, read from the token stream: a plain ASCII word is looked up by its
 * hash, and the rest (words with other letters or apostrophes, whose bounds differ from the tokens') are read
 * character by character. The digits and slashes the frame pass starts from are noted from the digit runs and
 * a search for slashes. A text whose lower-cased copy has another length is read character by character.
 */
function wordTerms(text: string, lower: string, byCharacter: boolean): Term[] {
  const out: Term[] = [];
  sawDigitOrSlash = sawCjk = false;
  resetCandidates();
  if (byCharacter || lower.length !== text.length) {
    wordsByCharacter(text, lower, 0, out, true);
    return out;
  }
  const t = tokensOf(text);
  noteRuns(text, t);
  for (let q = text.indexOf('/'); q !== -1; q = text.indexOf('/', q + 1)) noteFrame(text, 47, q);
  // `at` is where the character pass would stand: a term of two words reads past its first.
  let at = 0;
  for (let k = 0; k < t.words; ) {
    const i = t.wordStart[k]!, j = t.wordEnd[k]!;
    if (i < at) {
      if (j > at) at = wordsByCharacter(text, lower, at, out, false, t, k); // a term ended inside this word
      while (k < t.words && t.wordStart[k]! < at) k++;
      continue;
    }
    // Most words are plain and no term: ruled out by the hash filter and their last two letters, as termAt would.
    if ((t.wordShape[k]! & (ASCII | HAS_APOSTROPHE)) === ASCII && !mayBeTerm(text, i, j, t.wordHash[k]!) && text.charCodeAt(i - 1) !== 39 && text.charCodeAt(j) !== 39) {
      at = j + 1;
      k++;
      continue;
    }
    if (!plainWord(text, t, k)) {
      at = wordsByCharacter(text, lower, i, out, false, t, k);
      while (k < t.words && t.wordStart[k]! < at) k++;
      continue;
    }
    const term = termAt(text, lower, i, j, t.wordHash[k]!);
    if (term) out.push(term);
    at = (term ? term.end : j) + 1;
    k++;
  }
  return out;
}

/**
 * termAt's first tests for a plain ASCII word (whose lower case is each letter's code | 32): false when the word
 * can be neither a known word nor a shape.
 */
const mayBeTerm = (text: string, i: number, j: number, h: number): boolean =>
  (j - i >= 2 && MAYBE_WORD[h & 0xffff] === 1) || (j - i >= 7 && endsLikeSuffix(text.charCodeAt(j - 2) | 32, text.charCodeAt(j - 1) | 32));

/** An ASCII word without apostrophes in it or beside it: the word that the character pass reads there. */
const plainWord = (text: string, t: Tokens, k: number): boolean =>
  (t.wordShape[k]! & (ASCII | HAS_APOSTROPHE)) === ASCII && text.charCodeAt(t.wordStart[k]! - 1) !== 39 && text.charCodeAt(t.wordEnd[k]!) !== 39;

/**
 * The word pass character by character from `from`, without allocating for words that cannot be health terms:
 * to the end of the text, or (given the tokens) to the first position after `from` that lies between tokens,
 * where the token pass goes on (k: the token at `from`). With `frames`, it notes the digits and slashes the frame pass starts from.
 * Returns where it stopped.
 */
function wordsByCharacter(text: string, lower: string, from: number, out: Term[], frames: boolean, t?: Tokens, k = 0): number {
  const n = text.length;
  for (let i = from; i < n; i++) {
    if (t && i > from) {
      while (k < t.words && t.wordEnd[k]! <= i) k++;
      if (k === t.words || t.wordStart[k]! >= i) return i;
    }
    const c = text.charCodeAt(i);
    if (WORD_LETTER[c] !== 1) {
      if (c <= 57 && c >= 47) {
        if (frames) noteFrame(text, c, i);
      } else if (c >= 0x3040) sawCjk = true;
      continue;
    }
    if (i > 0 && WORD_LETTER[text.charCodeAt(i - 1)] === 1) continue;
    let h = 0, j = i;
    for (; j < n; j++) {
      const l = lower.charCodeAt(j);
      if (WORD_LETTER[l] !== 1 && l !== 39) break;
      h = (Math.imul(h, 31) + l) | 0;
    }
    const term = termAt(text, lower, i, j, h);
    if (term) {
      out.push(term);
      j = term.end;
    }
    // The character after the word is not visited by the loop (i = j, then i++): note it here.
    const after = text.charCodeAt(j);
    if (frames && after <= 57 && after >= 47) noteFrame(text, after, j);
    i = j;
  }
  return n;
}

/**
 * The term that the word text[i, j) (h: the hash of its lower case) begins, if any. Cheap tests first (the hash
 * filter, the last two letters); then the word must stand alone and be cased like a word: "Hx9" inside a hash
 * ("sha512-...") is no word, a dose like "5mg" is.
 */
function termAt(text: string, lower: string, i: number, j: number, h: number): Term | undefined {
  const len = j - i;
  const known = len >= 2 && MAYBE_WORD[h & 0xffff] === 1 && WORD_HASHES.has(h);
  const shaped = !known && len >= 7 && endsLikeSuffix(lower.charCodeAt(j - 2), lower.charCodeAt(j - 1));
  if (!(known || shaped) || !standsAlone(text, i, j) || !wordCased(text, i, j)) return undefined;
  const word = lower.slice(i, j);
  return known ? knownTerm(text, lower, word, i, j) : shapedTerm(text, word, i, j);
}

function knownTerm(text: string, lower: string, word: string, i: number, j: number): Term | undefined {
  const pair = PAIR_NEXT.get(word);
  const next = pair && nextWord(lower, j);
  if (next && pair!.has(lower.slice(next[0], next[1]))) return { start: i, end: next[1], tier: 'clinical', score: 0.8, why: PAIR };
  if ((word === 'mg' || word === 'mcg') && afterNumber(text, i)) return { start: i, end: j, tier: 'clinical', score: 0.8, why: DOSE };
  if (word === 'patient' && PATIENT_ADJECTIVE.has(previousWord(lower, i))) return undefined;
  const tier = isClinicalAcronym(word) && isUpper(text.charCodeAt(i + 1)) && !numberBeside(text, i, j) ? 'clinical' : tierOf(word);
  return tier && { start: i, end: j, tier, score: tier === 'clinical' ? 0.8 : 0.6, why: VOCABULARY };
}

/**
 * A word shaped like a diagnosis or a drug. Diagnoses are written in lower case, in capitals or at the start of
 * a sentence; a capitalised one inside a sentence is more often a family name ("Margaritis", "Vasaitis").
 */
function shapedTerm(text: string, word: string, i: number, j: number): Term | undefined {
  let tier = shapeTier(word);
  if (tier === 'clinical' && isUpper(text.charCodeAt(i)) && !isUpper(text.charCodeAt(i + 1)) && !startsSentence(text, i)) tier = 'ambiguous';
  return tier && { start: i, end: j, tier, score: 0.6, why: SHAPE };
}

function startsSentence(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  if (k < 0) return true;
  const c = text[k];
  return c === '.' || c === '\n' || c === ':' || c === '!' || c === '?' || c === '-' || c === '*' || c === '(';
}

/**
 * Japanese clinical words, which no space delimits: each searched as a substring (a score of terms over a text
 * that holds kana or kanji), as clinical terms. Sorted by start; a term inside an earlier one is skipped.
 */
function japaneseTerms(text: string): Term[] {
  const found: Term[] = [];
  for (const w of JAPANESE_TERMS) {
    for (let i = text.indexOf(w); i !== -1 && found.length < 10_000; i = text.indexOf(w, i + w.length)) found.push({ start: i, end: i + w.length, tier: 'clinical', score: 0.8, why: VOCABULARY });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Term[] = [];
  for (const t of found) if (!out.length || t.start >= out[out.length - 1]!.end) out.push(t);
  return out;
}

const gap = (a: Term, b: Term): number => (b.start >= a.end ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0);

/**
 * What the word pass cannot see: ages and clinical shorthand ("70yo", "52-year-old", "6-month-old", "s/p",
 * "h/o", "post-op"), which are cues, and clinical codes with digits ("T2DM", "HbA1c", "COVID-19"), which stand
 * alone. Bounded, no nested repeats.
 */
const FRAME = /(?<![\w/])(?:(\d{1,3} ?(?:yo|y\/o|y\.o\.|-?years?-old|year old|yr old|-?(?:months?|weeks?|days?)-old))|[shc]\/[po]|post-?op|pre-?op|(t[12]dm|(?:hb)?a1c|covid-19|sars-cov-2|cd4))(?![\w/])/gi;
const AGE = ['age in clinical shorthand (0.6)'];
const SHORTHAND = ['clinical shorthand (0.6)'];

/** FRAME at one position: the frame pass confirms candidates, it does not scan the text. */
const FRAME_AT = new RegExp(FRAME.source, 'iy');

/** Matches of FRAME, as a global scan of the text finds them: from the candidates the word pass noted when it can. */
function frameTerms(text: string, lower: string): Term[] {
  // The "op" search reads the lower-cased copy, whose positions are the text's only where lengths agree.
  if (lower.length !== text.length) return /\d|\//.test(text) ? scanFrames(text) : [];
  if (!sawDigitOrSlash) return []; // no digit and no slash: nothing to frame (as before: post-op alone is not read)
  return framesAt(text, ascending(nearDigits), ascending(opCandidates(lower)));
}

/** Candidate positions of the frame pass, reused from chunk to chunk: from digits and slashes, and before each "op". */
const nearDigits = { at: new Int32Array(4096), count: 0, sorted: true };
const beforeOp = { at: new Int32Array(256), count: 0, sorted: true };
type Positions = typeof nearDigits;

function candidate(list: Positions, p: number): void {
  if (p < 0) return;
  if (list.count === list.at.length) {
    const grown = new Int32Array(list.at.length * 2);
    grown.set(list.at);
    list.at = grown;
  }
  if (list.count && p < list.at[list.count - 1]!) list.sorted = false;
  list.at[list.count++] = p;
}

const ascending = (list: Positions): Int32Array => {
  const at = list.at.subarray(0, list.count);
  return list.sorted ? at : at.sort();
};

function resetCandidates(): void {
  nearDigits.count = beforeOp.count = 0;
  nearDigits.sorted = beforeOp.sorted = true;
}

/**
 * Where FRAME can match (and some more), noted by the word pass at each digit and slash: ages start a digit run;
 * codes hold a digit run at a known offset after a known character ("t2dm", "hba1c", "cd4", "covid-19",
 * "sars-cov-2"); "s/p" has its slash second. (opCandidates adds "post-op" and "pre-op".)
 */
function noteFrame(text: string, c: number, q: number): void {
  const before = text.charCodeAt(q - 1), folded = before | 32;
  if (c === 47) {
    sawDigitOrSlash = true;
    if (folded === 115 || folded === 104 || folded === 99) candidate(nearDigits, q - 1);
    return;
  }
  if (isDigit(before)) return; // inside a run
  sawDigitOrSlash = true;
  const d1 = text.charCodeAt(q + 1);
  if (folded === 97) {
    if (c === 49 && (d1 | 32) === 99) {
      candidate(nearDigits, q - 3); // hba1c
      candidate(nearDigits, q - 1); // a1c
    }
  } else if (folded === 116) {
    if ((c === 49 || c === 50) && (d1 | 32) === 100) candidate(nearDigits, q - 1); // t2dm
  } else if (folded === 100) {
    if (c === 52) candidate(nearDigits, q - 2); // cd4
  } else if (before === 45) {
    if (c === 50) candidate(nearDigits, q - 9); // sars-cov-2
    else if (c === 49 && d1 === 57) candidate(nearDigits, q - 6); // covid-19
  }
  if (!isAlnum(before) && before !== 95 && before !== 47 && ageFollows(text, q)) candidate(nearDigits, q);
}

/**
 * noteFrame at the start of every digit run of the token stream, the run's end read from the stream: the same
 * candidates (a run's start never follows a digit). Tests compare it with noteFrame at every character.
 */
function noteRuns(text: string, t: Tokens): void {
  if (t.digits) sawDigitOrSlash = true;
  const starts = t.digitStart, ends = t.digitEnd;
  for (let k = 0; k < t.digits; k++) {
    const q = starts[k]!, before = text.charCodeAt(q - 1);
    if ((before >= 97 && before <= 122) || (before >= 65 && before <= 90)) {
      const folded = before | 32;
      if (folded === 97) {
        if (text.charCodeAt(q) === 49 && (text.charCodeAt(q + 1) | 32) === 99) {
          candidate(nearDigits, q - 3); // hba1c
          candidate(nearDigits, q - 1); // a1c
        }
      } else if (folded === 116) {
        const c = text.charCodeAt(q);
        if ((c === 49 || c === 50) && (text.charCodeAt(q + 1) | 32) === 100) candidate(nearDigits, q - 1); // t2dm
      } else if (folded === 100 && text.charCodeAt(q) === 52) candidate(nearDigits, q - 2); // cd4
      continue; // a letter before: no age
    }
    if (before === 45) {
      const c = text.charCodeAt(q);
      if (c === 50) candidate(nearDigits, q - 9); // sars-cov-2
      else if (c === 49 && text.charCodeAt(q + 1) === 57) candidate(nearDigits, q - 6); // covid-19
    } else if (before === 95 || before === 47 || (before >= 48 && before <= 57)) continue;
    if (ends[k]! - q <= 3 && ageAfter(text, ends[k]!)) candidate(nearDigits, q);
  }
}

/** "post-op" and "pre-op" end in "op": the positions before each "op" of the lower-cased text. */
function opCandidates(lower: string): Positions {
  for (let q = lower.indexOf('op'); q !== -1; q = lower.indexOf('op', q + 1)) {
    if (lower.startsWith('post-', q - 5)) candidate(beforeOp, q - 5);
    if (lower.startsWith('post', q - 4) || lower.startsWith('pre-', q - 4)) candidate(beforeOp, q - 4);
    if (lower.startsWith('pre', q - 3)) candidate(beforeOp, q - 3);
  }
  return beforeOp;
}

/** At most three digits, then (after a space, a hyphen) the first two letters of what an age goes on with: "yo", "-year-old", "months", "days". */
function ageFollows(text: string, q: number): boolean {
  let e = q;
  while (isDigit(text.charCodeAt(e))) if (++e - q > 3) return false;
  return ageAfter(text, e);
}

/** What an age goes on with after its digits (which end at e): see ageFollows. */
function ageAfter(text: string, e: number): boolean {
  if (text.charCodeAt(e) === 32) e++;
  if (text.charCodeAt(e) === 45) e++;
  const first = text.charCodeAt(e) | 32, second = text.charCodeAt(e + 1), folded = second | 32;
  if (first === 121) return folded === 111 || folded === 101 || folded === 114 || second === 47 || second === 46; // yo, year, yr, y/o, y.o.
  return (first === 109 && folded === 111) || (first === 119 && folded === 101) || (first === 100 && folded === 97); // months, weeks, days
}

/** Tries FRAME at each candidate (both lists, ascending) past the last match: the matches a global scan finds. */
function framesAt(text: string, a: Int32Array, b: Int32Array): Term[] {
  const out: Term[] = [];
  let end = 0, previous = -1;
  for (let i = 0, j = 0; i < a.length || j < b.length; ) {
    const p = j === b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (p < end || p === previous) continue;
    previous = p;
    FRAME_AT.lastIndex = p;
    const m = FRAME_AT.exec(text);
    if (!m) continue;
    out.push(frameTerm(m));
    end = p + m[0].length;
  }
  return out;
}

/** The global scan, for the rare text whose lower-cased copy has another length. */
function scanFrames(text: string): Term[] {
  const out: Term[] = [];
  FRAME.lastIndex = 0;
  for (let m = FRAME.exec(text); m; m = FRAME.exec(text)) out.push(frameTerm(m));
  return out;
}

function frameTerm(m: RegExpExecArray): Term {
  const term = m[2] ? { tier: 'clinical' as const, score: 0.8, why: VOCABULARY } : { tier: 'ambiguous' as const, score: 0.6, why: m[1] ? AGE : SHORTHAND };
  return { start: m.index, end: m.index + m[0].length, ...term };
}

/**
 * Health terms of a chunk: clinical terms stand alone; an ambiguous word or an abbreviation counts when a
 * clinical term stands within CORROBORATION_CHARS, or when clinical shorthand surrounds it: three different
 * abbreviations, shorthand cues or medical word shapes with shorthand or an age among them, or an age and another
 * cue ("40yo male with a history of stroke"). Everyday words never corroborate each other: "health check failure"
 * stays quiet. The explanation names what corroborated the term. Linear in the chunk: the window holds a bounded
 * stretch of text.
 */
export function findHealthTerms(text: string, lower: string): Candidate[] {
  const { terms, how } = countTerms(text, lower);
  // Thinned before the explanations are written: most counted terms are never reported.
  const out: Candidate[] = [];
  let last = -Infinity;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!, next = terms[i + 1];
    if (t.start - last >= TERM_SPACING || !next || next.start - t.end > TERM_SPACING) {
      out.push(candidateOf(t, how[i], lower));
      last = t.start;
    }
  }
  return out;
}

/**
 * The health terms that count, every one of them, in order (findHealthTerms thins them). `byCharacter` reads the
 * words character by character instead of from the token stream (the same terms: tests compare the two).
 */
export function countedTerms(text: string, lower: string, byCharacter = false): Candidate[] {
  const { terms, how } = countTerms(text, lower, byCharacter);
  return terms.map((t, i) => candidateOf(t, how[i], lower));
}

/**
 * What made a counted term count: nothing for a clinical term, the clinical term nearest it, or (quoted, joined)
 * the shorthand and ambiguous words around it.
 */
type Corroboration = Term | string | undefined;

const isCue = (t: Term): boolean => t.tier === 'abbreviation' || t.why === AGE || t.why === SHORTHAND || t.why === SHAPE;
const isFrame = (t: Term): boolean => t.why === AGE || t.why === SHORTHAND;

/** The terms that count, in order of position (a clinical term first where two start together), and why. */
function countTerms(text: string, lower: string, byCharacter = false): { terms: Term[]; how: Corroboration[] } {
  let words = wordTerms(text, lower, byCharacter);
  if (sawCjk) words = byStart(words, japaneseTerms(text));
  const frames = frameTerms(text, lower);
  const all = frames.length ? byStart(words, frames) : words;
  const clinical: Term[] = [], others: Term[] = [];
  for (const t of all) (t.tier === 'clinical' ? clinical : others).push(t);
  const keys = others.map((t) => {
    const key = lower.slice(t.start, t.end);
    return isDigit(key.charCodeAt(0)) ? key.replace(/^\d+ ?/, '') : key;
  });
  const counted: Term[] = [], countedHow: Corroboration[] = [];
  const near = new Window(), cues = new Window();
  let c = 0, lo = 0, hi = 0, ages = 0, framed = 0;
  for (let i = 0; i < others.length; i++) {
    const t = others[i]!;
    // Clinical terms are sorted: move to the last one that starts before this term, then compare it and the next.
    while (c + 1 < clinical.length && clinical[c + 1]!.start < t.start) c++;
    let best: Term | undefined;
    const k0 = clinical[c], k1 = clinical[c + 1];
    if (k0 && gap(t, k0) <= CORROBORATION_CHARS) best = k0;
    if (k1 && gap(t, k1) <= CORROBORATION_CHARS && (!best || gap(t, k1) < gap(t, best))) best = k1;
    // The other terms within reach: a window over `others` that slides with t.
    for (; hi < others.length && others[hi]!.start - t.end <= CORROBORATION_CHARS; hi++) {
      near.add(keys[hi]!);
      if (isCue(others[hi]!)) cues.add(keys[hi]!);
      if (others[hi]!.why === AGE) ages++;
      if (isFrame(others[hi]!)) framed++;
    }
    for (; lo < i && t.start - others[lo]!.end > CORROBORATION_CHARS; lo++) {
      near.remove(keys[lo]!);
      if (isCue(others[lo]!)) cues.remove(keys[lo]!);
      if (others[lo]!.why === AGE) ages--;
      if (isFrame(others[lo]!)) framed--;
    }
    if (best) {
      counted.push(t);
      countedHow.push(best);
    } else if ((cues.size >= 3 && framed > 0) || (ages > 0 && near.size >= 2)) {
      counted.push(t);
      countedHow.push(near.quoted(keys[i]!, 3));
    }
  }
  // Clinical terms and the counted others, by position; where two start together the clinical one comes first.
  const terms: Term[] = [], how: Corroboration[] = [];
  for (let a = 0, b = 0; a < clinical.length || b < counted.length; ) {
    if (b === counted.length || (a < clinical.length && clinical[a]!.start <= counted[b]!.start)) {
      terms.push(clinical[a++]!);
      how.push(undefined);
    } else {
      terms.push(counted[b]!);
      how.push(countedHow[b++]);
    }
  }
  return { terms, how };
}

/** Two lists sorted by start as one, the first list's term first where two start together. */
function byStart(a: readonly Term[], b: readonly Term[]): Term[] {
  const out: Term[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.start <= b[j]!.start ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** A counted term as a candidate, its explanation naming what corroborated it. */
function candidateOf(t: Term, how: Corroboration, lower: string): Candidate {
  if (how === undefined) return { start: t.start, end: t.end, score: t.score, why: t.why };
  const kind = t.tier === 'abbreviation' ? 'abbreviation in a clinical frame' : t.why === AGE ? 'age in clinical shorthand' : t.why === SHORTHAND ? 'clinical shorthand' : 'ambiguous word';
  const why = typeof how === 'string' ? `${kind}, with ${how} near it (${t.score})` : `${kind}, with "${lower.slice(how.start, how.end)}" ${gap(t, how)} characters away (${t.score})`;
  return { start: t.start, end: t.end, score: t.score, why: [why] };
}

/** Distinct words in a sliding window, with how often each occurs in it. */
class Window {
  private readonly counts = new Map<string, number>();
  get size(): number {
    return this.counts.size;
  }
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  remove(key: string): void {
    const n = this.counts.get(key)! - 1;
    if (n) this.counts.set(key, n);
    else this.counts.delete(key);
  }
  /** The first `max` words other than `except`, in the order they came into the window, quoted and joined. */
  quoted(except: string, max: number): string {
    let out = '', n = 0;
    for (const k of this.counts.keys()) {
      if (k === except) continue;
      out += `${n ? ', ' : ''}"${k}"`;
      if (++n === max) break;
    }
    return out;
  }
}
