import { hashWord, isDigit, isLetter, isUpper } from '../../chars';

/** Letters of words: ASCII and Latin letters beyond it, so that "tumor" is never read inside "tumoración". */
const isWordLetter = (c: number): boolean => isLetter(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
import type { Candidate } from '../../types';
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
/** The last two letters of every suffix, as char-code pairs: most words are ruled out without a regex. */
const SUFFIX_ENDINGS = new Set(SUFFIXES.map((x) => x.charCodeAt(x.length - 2) * 128 + x.charCodeAt(x.length - 1)));

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
  while (k < text.length && isLetter(text.charCodeAt(k))) k++;
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

/** One pass over the words of a text, without allocating for words that cannot be health terms. */
function wordTerms(text: string, lower: string): Term[] {
  const out: Term[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (!isWordLetter(text.charCodeAt(i)) || (i > 0 && isWordLetter(text.charCodeAt(i - 1)))) continue;
    let h = 0, j = i;
    for (; j < n; j++) {
      const c = lower.charCodeAt(j);
      if (!isWordLetter(c) && c !== 39) break;
      h = (Math.imul(h, 31) + c) | 0;
    }
    const len = j - i;
    // Cheap tests first (the hash filter, the last two letters); then the word must stand alone and be cased
    // like a word: "Hx9" inside a hash ("sha512-...") is no word, a dose like "5mg" is.
    const known = len >= 2 && MAYBE_WORD[h & 0xffff] === 1 && WORD_HASHES.has(h);
    const shaped = !known && len >= 7 && SUFFIX_ENDINGS.has(lower.charCodeAt(j - 2) * 128 + lower.charCodeAt(j - 1));
    if ((known || shaped) && standsAlone(text, i, j) && wordCased(text, i, j)) {
      const word = lower.slice(i, j);
      const term = known ? knownTerm(text, lower, word, i, j) : shapedTerm(text, word, i, j);
      if (term) {
        out.push(term);
        j = term.end;
      }
    }
    i = j;
  }
  return out;
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

const gap = (a: Term, b: Term): number => (b.start >= a.end ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0);

/**
 * What the word pass cannot see: ages and clinical shorthand ("70yo", "52-year-old", "6-month-old", "s/p",
 * "h/o", "post-op"), which are cues, and clinical codes with digits ("T2DM", "HbA1c", "COVID-19"), which stand
 * alone. Bounded, no nested repeats.
 */
const FRAME = /(?<![\w/])(?:(\d{1,3} ?(?:yo|y\/o|y\.o\.|-?years?-old|year old|yr old|-?(?:months?|weeks?|days?)-old))|[shc]\/[po]|post-?op|pre-?op|(t[12]dm|(?:hb)?a1c|covid-19|sars-cov-2|cd4))(?![\w/])/gi;
const AGE = ['age in clinical shorthand (0.6)'];
const SHORTHAND = ['clinical shorthand (0.6)'];

function frameTerms(text: string): Term[] {
  const out: Term[] = [];
  FRAME.lastIndex = 0;
  for (let m = FRAME.exec(text); m; m = FRAME.exec(text)) {
    const term = m[2] ? { tier: 'clinical' as const, score: 0.8, why: VOCABULARY } : { tier: 'ambiguous' as const, score: 0.6, why: m[1] ? AGE : SHORTHAND };
    out.push({ start: m.index, end: m.index + m[0].length, ...term });
  }
  return out;
}

/**
 * Health terms of a chunk: clinical terms stand alone; an ambiguous word or an abbreviation counts when a
 * clinical term stands within CORROBORATION_CHARS, or when clinical shorthand surrounds it: three different
 * abbreviations, shorthand cues or medical word shapes with shorthand or an age among them, or an age and another
 * cue ("40yo male with a history of stroke"). Everyday words never corroborate each other: "health check failure"
 * stays quiet. The explanation names what corroborated the term. Linear in the chunk: the window holds a bounded
 * stretch of text.
 */
export const findHealthTerms = (text: string, lower: string): Candidate[] => thin(countedTerms(text, lower));

/** The health terms that count, every one of them, in order (findHealthTerms thins them). */
export function countedTerms(text: string, lower: string): Candidate[] {
  const words = wordTerms(text, lower);
  const frames = /\d|\//.test(text) ? frameTerms(text) : [];
  const terms = frames.length ? [...words, ...frames].sort((a, b) => a.start - b.start) : words;
  const clinical = terms.filter((t) => t.tier === 'clinical');
  const others = terms.filter((t) => t.tier !== 'clinical');
  const keys = others.map((t) => lower.slice(t.start, t.end).replace(/^\d+ ?/, ''));
  const isCue = (t: Term): boolean => t.tier === 'abbreviation' || t.why === AGE || t.why === SHORTHAND || t.why === SHAPE;
  const counted: Term[] = [...clinical];
  const near = new Window(), cues = new Window();
  let c = 0, lo = 0, hi = 0, ages = 0, framed = 0;
  const isFrame = (t: Term): boolean => t.why === AGE || t.why === SHORTHAND;
  for (let i = 0; i < others.length; i++) {
    const t = others[i]!;
    // Clinical terms are sorted: move to the last one that starts before this term, then compare it and the next.
    while (c + 1 < clinical.length && clinical[c + 1]!.start < t.start) c++;
    let best: Term | undefined;
    for (const k of [clinical[c], clinical[c + 1]]) if (k && gap(t, k) <= CORROBORATION_CHARS && (!best || gap(t, k) < gap(t, best))) best = k;
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
    const kind = t.tier === 'abbreviation' ? 'abbreviation in a clinical frame' : t.why === AGE ? 'age in clinical shorthand' : t.why === SHORTHAND ? 'clinical shorthand' : 'ambiguous word';
    if (best) counted.push({ ...t, why: [`${kind}, with "${lower.slice(best.start, best.end)}" ${gap(t, best)} characters away (${t.score})`] });
    else if ((cues.size >= 3 && framed > 0) || (ages > 0 && near.size >= 2)) counted.push({ ...t, why: [`${kind}, with ${near.keys().filter((k) => k !== keys[i]).slice(0, 3).map((k) => `"${k}"`).join(', ')} near it (${t.score})`] });
  }
  return counted.sort((a, b) => a.start - b.start).map(({ start, end, score, why }) => ({ start, end, score, why }));
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
  keys(): string[] {
    return [...this.counts.keys()];
  }
}

/** Keeps one term per TERM_SPACING characters and the last term of each run, as candidates. */
function thin(terms: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  let last = -Infinity;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!, next = terms[i + 1];
    if (t.start - last >= TERM_SPACING || !next || next.start - t.end > TERM_SPACING) {
      out.push(t);
      last = t.start;
    }
  }
  return out;
}
