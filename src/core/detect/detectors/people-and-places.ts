import { capitalisedTokens, isAllCapitals, isSentenceStart, kindOf, runs, textBefore, TITLES, type Kind, type Token } from './proper-nouns';
import { commonWordList, nameList, placeList, regionList } from '../lexicon';
import type { Candidate, Detector } from '../types';
import { hashWord } from '../chars';
import { HAS_APOSTROPHE, tokensOf } from '../tokens';
import { hasNonAscii } from './places/words';
import { ADDRESS_ANCHORS, findAddresses, findCityState, zipDetector } from './addresses';
import { languageAt, paragraphLanguages } from '../language';
import { intlPersonCue, isAddressNoun, isSignature, japaneseNames, kindsIn, labelledName, notAPerson, readBefore, splitAtInstitutions } from './people-intl';

/** Health systems and hospitals known by a short name that carries no facility word. */
const INSTITUTIONS = new Set([
  'johns hopkins', 'hopkins', 'mayo', 'cedars-sinai', 'cedars sinai', 'cedar sinai', 'cedar-sinai', 'mount sinai', 'mt. sinai', 'mt sinai',
  'nyu langone', 'kaiser permanente', 'kaiser', 'md anderson', 'sloan kettering', 'memorial sloan kettering', 'mass general',
  'massachusetts general', 'new york-presbyterian', 'newyork-presbyterian', 'ny presbyterian', 'ny-presbyterian', 'dana-farber',
  'brigham', 'beth israel', 'montefiore', 'lenox hill', 'bellevue', 'baylor', 'baylor scott', 'vanderbilt', 'ucla', 'ucsf',
  'ucsd', 'uchicago', 'upmc', 'geisinger', 'intermountain', 'ochsner', 'sutter', 'northwell', 'atrium', 'advocate aurora',
  'penn medicine', 'yale new haven', 'duke health', 'emory', 'st. jude', 'st jude', 'walter reed', 'stanford', 'stanford health',
]);

/** First words of the institutions: most runs are ruled out without building a phrase. */
const INSTITUTION_STARTS = new Set([...INSTITUTIONS].map((i) => i.split(/[ -]/)[0]!));

const PERSON_CUES = /(?:\bname(?:'s| is|:| was|\?)|\bnamed|\bcalled|\bpatient|\bpt\.?|\bdear|\bhi|\bhello|\bthanks,?|\bthank you,?|\bby|\bspeak (?:to|with)|\bmeet|\bask|\bcontact|\bcc:?|\battn:?|\bsigned|\bheard|\bcase of|\blike|\bto|\bat|\bcalls? me|\bcalled me|\bstarring|\bsays|\bsaid)\s*$/;
export const LOWERCASE_NAME = /\b(?:name is|name:|named|calls? me|called me|i am|i'm)\s+(\p{Ll}{2,}(?: \p{Ll}+){0,2})/gu;
/** LOWERCASE_NAME, tried at one position. */
const LOWERCASE_NAME_AT = new RegExp(LOWERCASE_NAME.source, 'uy');
/** Every match of LOWERCASE_NAME begins with one of these words (as tokens.ts hashes them, lower case). */
const CUE_WORD_HASHES = new Set(['name', 'named', 'call', 'calls', 'called', 'i', "i'm"].map(hashWord));

/**
 * The matches of LOWERCASE_NAME, as its global search finds them. In ASCII text (most chunks), a match begins
 * after no letter, digit or "_" (\b): at the start of a word of the token stream, or right after an apostrophe
 * inside one ("x'name"); and that word is one of its cues' first words. The regex is tried sticky at those
 * words only, left to right, never inside a match already taken. Other text is searched as before.
 */
export function lowercaseNameMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (hasNonAscii(text)) {
    LOWERCASE_NAME.lastIndex = 0;
    for (let m = LOWERCASE_NAME.exec(text); m; m = LOWERCASE_NAME.exec(text)) out.push(m);
    return out;
  }
  const t = tokensOf(text);
  let after = 0;
  const tryAt = (at: number): void => {
    if (at < after) return;
    LOWERCASE_NAME_AT.lastIndex = at;
    const m = LOWERCASE_NAME_AT.exec(text);
    if (!m) return;
    out.push(m);
    after = at + m[0].length;
  };
  const { wordStart, wordEnd, wordHash, wordShape } = t;
  for (let i = 0; i < t.words; i++) {
    const s = wordStart[i]!, n = wordEnd[i]! - s;
    // The regex reads its cues in lower case: a word that starts with no "n", "c" or "i" costs no look-up.
    const first = text.charCodeAt(s);
    if ((first === 110 || first === 99 || first === 105) && CUE_WORD_HASHES.has(wordHash[i]!)) tryAt(s);
    if (wordShape[i]! & HAS_APOSTROPHE) for (let k = s + 1; k < s + n; k++) if (text.charCodeAt(k - 1) === 39) tryAt(k);
  }
  return out;
}

interface Analysis {
  people: Candidate[];
  places: Candidate[];
  /** States, countries, continents. */
  regions: Candidate[];
}

let memoText = '';
let memo: Analysis = { people: [], places: [], regions: [] };

/** One pass over a chunk's capitalised runs decides, per run, person or place (or neither). */
export function analyse(text: string): Analysis {
  if (text === memoText) return memo;
  memo = { people: [], places: [], regions: [] };
  const paragraphs = paragraphLanguages(text);
  const english = paragraphs.length === 1 && paragraphs[0]!.language === 'en';
  for (const run of runs(text, capitalisedTokens(text)))
    if (english) classifyRun(text, run, memo);
    else for (const part of splitAtInstitutions(languageAt(text, run[0]!.start), run)) classifyRun(text, part, memo);
  lowercaseNames(text, memo.people);
  if (!english && paragraphs.some((p) => p.language === 'ja')) japaneseNames(text, memo.people);
  liftListedNames(text, memo.people);
  liftRepeatedNames(memo.people, text);
  memoText = text;
  return memo;
}

const personSpan = (first: Token, last: Token): [number, number] => [first.start, last.initial && last.dot ? last.end + 1 : last.nameEnd];

/** Nouns that turn a name into an eponym: "Cushing's syndrome", "Gleason score", "Framingham Heart Study". */
const EPONYM_NOUNS = /^(?:['’]s)?[ -]+(?:disease|syndrome|sign|signs|score|scores|reflex|test|criteria|index|scale|classification|lymphoma|sarcoma|esophagus|angina|palsy|phenomenon|maneuver|manoeuvre|procedure|operation|law|effect|rule|rules|equation|formula|method|model|study|trial|protocol|risk|staging|grade|type|tumou?r|ulcer|fracture|cyst|hernia|cells?|virus|fever|encephalopathy|dystrophy|anomaly|triad|node|nodes|disorder|ataxia|dementia|thyroiditis|anemia|anaemia|questionnaire|inventory|assessment|pain|technique|approach|diet)\b/i;
/** The nouns of EPONYM_NOUNS, as hashes of their lower case (chars.ts hashWord). */
const EPONYM_NOUN_HASHES = new Set(
  'disease syndrome sign signs score scores reflex test criteria index scale classification lymphoma sarcoma esophagus angina palsy phenomenon maneuver manoeuvre procedure operation law effect rule rules equation formula method model study trial protocol risk staging grade type tumor tumour ulcer fracture cyst hernia cell cells virus fever encephalopathy dystrophy anomaly triad node nodes disorder ataxia dementia thyroiditis anemia anaemia questionnaire inventory assessment pain technique approach diet'
    .split(' ')
    .map(hashWord),
);

/**
 * Whether EPONYM_NOUNS can match text.slice(at, limit): an optional 's, spaces or hyphens, then a word (ASCII word
 * characters, up to the limit) whose hash is one of its nouns'. Most runs are followed by no such noun: the
 * regex then need not run.
 */
function eponymNounMayFollow(text: string, at: number, limit: number): boolean {
  const end = Math.min(limit, text.length);
  let i = at;
  let c = text.charCodeAt(i);
  if ((c === 39 || c === 8217) && (text.charCodeAt(i + 1) | 32) === 115 && i + 1 < end) c = text.charCodeAt((i += 2));
  if (i >= end || (c !== 32 && c !== 45)) return false;
  while (i < end && (c === 32 || c === 45)) c = text.charCodeAt(++i);
  let h = 0;
  for (; i < end; c = text.charCodeAt(++i)) {
    const l = c | 32;
    if (l >= 97 && l <= 122) h = (Math.imul(h, 31) + l) | 0;
    else if ((c >= 48 && c <= 57) || c === 95) h = (Math.imul(h, 31) + c) | 0;
    else break;
  }
  return EPONYM_NOUN_HASHES.has(h);
}

const EPONYM_TOKENS = new Set(['day', 'disease', 'syndrome', 'sign', 'score', 'reflex', 'test', 'criteria', 'index', 'scale', 'study', 'trial', 'risk', 'lymphoma', 'palsy', 'classification', 'equation', 'formula', 'questionnaire', 'inventory']);

/** Words that start sentences and questions: never part of a name, dropped from the front of a run. */
const STOP = new Set(['the', 'a', 'an', 'our', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those', 'what', 'which', 'who', 'how', 'why', 'when', 'where', 'is', 'are', 'was', 'were', 'can', 'could', 'should', 'would', 'does', 'do', 'did', 'in', 'at', 'on', 'for', 'of', 'to', 'from', 'with', 'by', 'and', 'or', 'but', 'if', 'any', 'my', 'your', 'please', 'i']);

/** Prepositions before a place: "seen at Stanford", "admitted to Cedar Sinai", "in San Fran". */
const PLACE_CUE = /(?:\b(?:at|in|near|@|admitted to|transferred to|moved to|travel(?:l?ing|l?ed)? to|flew to|returned to|arrived (?:at|in)|visit(?:ed|ing)?|from|(?:city|town|village|county|province|region|university) of|(?:home )?(?:city|town|village)|where:)|@)\s*$/;

/** Kinds of word that can name a place after a place cue. */
const PLACE_WORDS = new Set<Kind>(['unknown', 'place', 'name', 'weak-name']);

/** Before a word that is also a person's name ("Gary", "Jordan"), only these make it a place. */
const STRONG_PLACE_CUE = /\b(?:in|near|from|moved to|travel(?:l?ing|l?ed)? to|flew to|lives? in|based in|born in|returned to|arrived (?:at|in)|grew up in|university of|where:)\s*$/;
/** Cues strong enough to make even a short all-capital word a place: "grew up in SUND". */
const PLACE_ONLY_CUE = /\b(?:lives? in|moved to|flew to|returned to|arrived (?:at|in)|originally from|grew up in|born in|travel(?:l?ing|l?ed)? to|university of|where:)\s*$/;

/** A table of the ASCII characters in `chars`. */
function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** The cues read before a run, each with the last characters (lower case) that its alternatives end in before `\s*$`. */
export const CUES_BEFORE = {
  place: { cue: PLACE_CUE, lasts: asciiTable('tnr@odgmfye:') },
  strongPlace: { cue: STRONG_PLACE_CUE, lasts: asciiTable('nrmotf:') },
  placeOnly: { cue: PLACE_ONLY_CUE, lasts: asciiTable('nomft:') },
} as const;

/**
 * cue.test(textBefore(text, at, 24)), with a look at the last character before the spaces first: most capitals
 * stand after no cue's last letter ("in", "to", "from", "where:"), and then the regex (which tries every
 * position of the 24 characters before its `$`) need not run. A character beyond ASCII is left to the regex.
 */
export function cueBefore({ cue, lasts }: { cue: RegExp; lasts: Uint8Array }, text: string, at: number): boolean {
  const from = Math.max(0, at - 24);
  let i = at - 1;
  for (let c = text.charCodeAt(i); i >= from && (c === 32 || (c >= 9 && c <= 13)); c = text.charCodeAt(--i));
  if (i < from) return false;
  const c = text.charCodeAt(i);
  if (c < 128 && lasts[c >= 65 && c <= 90 ? c + 32 : c] !== 1) return false;
  return cue.test(textBefore(text, at, 24));
}

/** Kinds that never start a name or a place on their own: a run of one such word is skipped at once. */
const NOTHING_ALONE = new Set<Kind>(['common', 'not-name', 'acronym', 'facility', 'weak-facility', 'title', 'initial']);

/**
 * A section heading: a run in capitals that starts a line and ends in a colon ("HEENT:", "PAST MEDICAL
 * HISTORY:"), or fills the line without a known name in it ("IMPRESSION"; "JOHN SMITH" on an envelope is a
 * name). Clinical notes and forms are full of them; they name no one and no place.
 */
function isHeading(text: string, run: readonly Token[]): boolean {
  for (const t of run) if (t.word.length < 2 || !isAllCapitals(t.word)) return false;
  let i = run[0]!.start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '*' || text[i] === '#' || text[i] === '-')) i--;
  if (i >= 0 && text[i] !== '\n') return false;
  let j = run[run.length - 1]!.end;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  if (text[j] === ':') return true;
  return (j >= text.length || text[j] === '\n' || text[j] === '\r') && !run.some((t) => kindOf(t) === 'name' || kindOf(t) === 'weak-name');
}

function classifyRun(text: string, all: Token[], found: Analysis): void {
  const { people, places } = found;
  if (isHeading(text, all)) return;
  const language = languageAt(text, all[0]!.start);
  const before = language === 'en' ? undefined : readBefore(textBefore(text, all[0]!.start, 24));
  const labelled = before && labelledName(text, before, all);
  if (labelled) return void found.people.push(labelled);
  // "Avda. Doctor Peset", "Hospital Doctor Josep Trueta": a title there names a street or a hospital.
  const titled = !before || !notAPerson(all[0]!, before);
  const only = all.length === 1 ? all[0]! : undefined;
  if (only && NOTHING_ALONE.has(kindOf(only)) && !INSTITUTIONS.has(only.base) && !lowerWordFollows(text, only.end)) {
    if (only.acronym && cueBefore(CUES_BEFORE.placeOnly, text, only.start))
      places.push({ start: only.start, end: only.end, score: 0.6, why: ['capitals after "lives in", "moved to" or the like (0.6)'] });
    return;
  }
  const last = all[all.length - 1]!;
  const after = text.charCodeAt(last.nameEnd);
  if ((after === 32 || after === 45 || after === 39 || after === 8217) && eponymNounMayFollow(text, last.nameEnd, last.end + 20) && EPONYM_NOUNS.test(text.slice(last.nameEnd, last.end + 20))) return;
  for (let i = 1; i < all.length; i++) if (EPONYM_TOKENS.has(all[i]!.base)) return;
  const kinds = all.map(kindOf);
  // A title starts a person: "Dr. John L.", "Mrs. L. Hernandez", "Dr. Patel".
  const titleAt = kinds.indexOf('title');
  if (titled && titleAt >= 0 && titleAt < all.length - 1 && !isHead(kinds[titleAt + 1]!)) {
    const who: Token[] = [];
    for (const t of all.slice(titleAt + 1, titleAt + 4)) {
      const k = kindOf(t);
      if (isHead(k) || k === 'not-name' || k === 'acronym' || isAddressNoun(t.base)) break;
      who.push(t);
      if (t.nameEnd < t.end) break; // "Dr. Smith's office": the name ends at the possessive
    }
    if (who.length) {
      const [s] = personSpan(all[titleAt]!, who[0]!);
      const [, e] = personSpan(who[0]!, who[who.length - 1]!);
      people.push({ start: s, end: e, score: 0.9, why: ['title before a capitalised name (0.9)'] });
      if (titleAt > 0) classifyRun(text, all.slice(0, titleAt), found);
      return;
    }
  }
  let a = 0;
  while (a < all.length - 1 && STOP.has(all[a]!.base)) a++;
  let tokens = a ? all.slice(a) : all;
  let k = a ? kinds.slice(a) : kinds;

  const facility = facilityEnd(text, tokens, k);
  if (facility) {
    places.push({ start: tokens[0]!.start, end: facility, score: 0.85, why: ['capitalised name ending in a facility word (0.85)'] });
    return;
  }
  for (let n = INSTITUTION_STARTS.has(firstPart(tokens[0]!.lower)) ? Math.min(4, tokens.length) : 0; n > 0; n--) {
    const phrase = tokens.slice(0, n).map((t) => t.word.toLowerCase()).join(' ').replace(/['’]s$/, '');
    if (!INSTITUTIONS.has(phrase)) continue;
    places.push({ start: tokens[0]!.start, end: lowerFacilityEnd(text, tokens[n - 1]!.end), score: 0.8, why: ['known health institution (0.8)'] });
    if (n < tokens.length) classifyRun(text, tokens.slice(n), found);
    return;
  }
  if (SAINT_OR_MOUNT.has(tokens[0]!.base) && tokens.length >= 2) {
    places.push({ start: tokens[0]!.start, end: lowerFacilityEnd(text, tokens[tokens.length - 1]!.end), score: 0.75, why: ['saint or mount name, as hospitals are called (0.75)'] });
    return;
  }
  const facilityAfter = lowerFacilityEnd(text, tokens[tokens.length - 1]!.end);
  if (facilityAfter > tokens[tokens.length - 1]!.end && k.some((x) => x !== 'common' && x !== 'not-name')) {
    places.push({ start: tokens[0]!.start, end: facilityAfter, score: 0.8, why: ['name followed by a facility word (0.8)'] });
    return;
  }
  // Places first, over the whole run: "Czech Republic", "Southern Tunisia".
  if (placeRun(text, tokens, k, found)) return;
  // Leading sentence words are not part of a name: "Producer James Sparks".
  let b = 0;
  while (b < tokens.length && (k[b] === 'common' || k[b] === 'not-name' || (k[b] === 'acronym' && tokens.length > 1))) b++;
  if (b === tokens.length) return;
  if (b) {
    tokens = tokens.slice(b);
    k = k.slice(b);
  }
  const personLike = k[0] === 'name' && (tokens.length === 1 || k[1] !== 'place') || k.includes('initial');
  // "seen at Stanford", "Where: Erwetegem Country Club": the name words right after a place cue.
  let n = 0;
  while (n < tokens.length && n < 3 && PLACE_WORDS.has(k[n]!)) n++;
  if (!personLike && n > 0 && cueBefore(CUES_BEFORE.place, text, tokens[0]!.start)) {
    places.push({ start: tokens[0]!.start, end: tokens[n - 1]!.end, score: 0.6, why: ['capitalised name after "at", "in" or "admitted to" (0.6)'] });
    return;
  }
  personRun(text, tokens, k, people);
}

const SAINT_OR_MOUNT = new Set(['st', 'saint', 'mt', 'mount']);

const isKnownPlace = (phrase: string): boolean => placeList().has(phrase) || regionList().has(phrase);

/** The part of a word before its first hyphen. */
const firstPart = (w: string): string => {
  const h = w.indexOf('-');
  return h < 0 ? w : w.slice(0, h);
};

const isHead = (k: Kind): boolean => k === 'facility' || k === 'weak-facility';

/** Where a facility's name ends, if the run is one: "UCLA Medical Center", "Children's Hospital of Atlanta". */
function facilityEnd(text: string, tokens: Token[], k: Kind[]): number | undefined {
  if (tokens.length < 2) return undefined;
  let lastHead = -1;
  for (let i = 1; i < tokens.length; i++) {
    // A weak head ("Medical", "General") counts only after a word that can name a place.
    if (k[i] === 'facility' || (k[i] === 'weak-facility' && k[i - 1] !== 'common' && k[i - 1] !== 'title')) lastHead = i;
    else if (lastHead >= 0 && k[i] !== 'facility' && k[i] !== 'weak-facility') break;
  }
  if (lastHead < 0) return undefined;
  const head = tokens[lastHead]!;
  let end = head.end + (head.dot && head.base.length <= 4 ? 1 : 0);
  const of = /^ of (\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3})/u.exec(text.slice(end, end + 60));
  if (of && lastHead === tokens.length - 1) end += of[0].length;
  return end;
}

/** A space and a lower-case letter follow: the only case where lowerFacilityEnd() can find anything. */
function lowerWordFollows(text: string, end: number): boolean {
  const c = text.charCodeAt(end + 1);
  return text.charCodeAt(end) === 32 && c >= 97 && c <= 122;
}

/** "Seattle clinic", "our Dallas facility", "UCLA clinic": a name followed by a lower-case facility word. */
function lowerFacilityEnd(text: string, end: number): number {
  if (!lowerWordFollows(text, end)) return end;
  const m = /^(?: downtown| main| community| local)? (?:clinics?|hospitals?|medical center|health center|urgent care|facility|facilities|offices?|practice|pharmacy|site|sites|plant|campus|warehouse|er)\b/.exec(text.slice(end, end + 40));
  return m ? end + m[0].length : end;
}

/**
 * A run that is (or holds) a known place, or starts with a place word ("Port Whangarei", "Lake Bled").
 * Returns true when it found one: the rest of such a run ("Southern" in "Southern Austria") is no person.
 */
function placeRun(text: string, tokens: Token[], k: Kind[], found: Analysis): boolean {
  if (tokens.length >= 2 && PLACE_PREFIXES.has(tokens[0]!.base) && k.slice(1).every((x) => PLACE_WORDS.has(x))) {
    const whole = tokens.map((t) => t.base).join(' ');
    (regionList().has(whole) ? found.regions : found.places).push({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, score: 0.7, why: ['name that starts like a place (0.7)'] });
    return true;
  }
  let used = false;
  for (let i = 0; i < tokens.length; i++) {
    if (!placeStarts(tokens[i]!.base)) continue;
    for (let j = Math.min(tokens.length, i + 4); j > i; j--) {
      const phrase = tokens.slice(i, j).map((t) => t.base).join(' ');
      const region = regionList().has(phrase);
      if (!region && !placeList().has(phrase)) continue;
      // One ambiguous word ("Jordan", "Mobile") is a place only with a cue.
      const ambiguous = j - i === 1 && (k[i] === 'weak-name' || k[i] === 'common' || (k[i] === 'name' && !region) || commonWordList().has(tokens[i]!.base));
      const cue = cueBefore(ambiguous ? CUES_BEFORE.strongPlace : CUES_BEFORE.place, text, tokens[i]!.start);
      const wholeRun = i === 0 && j === tokens.length;
      const score = ambiguous ? (cue && wholeRun ? 0.6 : 0.3) : 0.75;
      if (score < 0.5) break;
      (region ? found.regions : found.places).push({ start: tokens[i]!.start, end: tokens[j - 1]!.end, score, why: [`known ${region ? 'state or country' : 'place'}${cue ? ', after a place cue' : ''} (${score})`] });
      if (wholeRun) return true;
      used = true;
      i = j - 1;
      break;
    }
  }
  return used;
}

/** Whether some known place or region begins with this word ("new" for "new york"): where a place can begin. */
function placeStarts(word: string): boolean {
  const places = placeList(), regions = regionList();
  if (places !== placeStartLists[0] || regions !== placeStartLists[1]) {
    placeStartCache.clear();
    placeStartLists = [places, regions];
  }
  let starts = placeStartCache.get(word);
  if (starts === undefined) {
    if (placeStartCache.size >= 50_000) placeStartCache.clear();
    placeStartCache.set(word, (starts = places.begins(word) || regions.begins(word)));
  }
  return starts;
}
/** placeStarts() is a pure function of the word while the lists stay (ablateLexicons() swaps them): kept across scans. */
const placeStartCache = new Map<string, boolean>();
let placeStartLists: unknown[] = [];

const PLACE_PREFIXES = new Set(['port', 'fort', 'lake', 'mount', 'san', 'santa', 'santo', 'são', 'los', 'las', 'puerto', 'bad', 'sankt', 'new', 'north', 'south', 'east', 'west', 'upper', 'lower', 'greater']);

/** Names are made of names, unknown capitalised words and initials; they stop at anything else. */
const inName = (x: Kind): boolean => x === 'name' || x === 'weak-name' || x === 'unknown' || x === 'initial' || x === 'place';

function personRun(text: string, tokens: Token[], kinds: Kind[], people: Candidate[]): void {
  // Outside English a capital says less (German nouns, Spanish headings): words are read in the text's language.
  const language = languageAt(text, tokens[0]!.start);
  const english = language === 'en';
  const before = english ? undefined : readBefore(textBefore(text, tokens[0]!.start, 24));
  if (before && notAPerson(tokens[0]!, before)) return;
  const k = english ? kinds : kindsIn(language, tokens, kinds);
  let end = 0;
  while (end < tokens.length && end < 4 && inName(k[end]!)) if (tokens[end++]!.nameEnd < tokens[end - 1]!.end) break; // a name ends at "'s"
  if (end === 0) return;
  const who = end === tokens.length ? tokens : tokens.slice(0, end);
  const wk = end === k.length ? k : k.slice(0, end);
  if (wk[0] === 'initial' && (who.length === 1 || !who[0]!.dot)) return;
  // "Alcalá de Henares", "Palma de Mallorca": names joined by a particle that together name a place.
  if (!english && who.length >= 2 && isKnownPlace(text.slice(who[0]!.start, who[who.length - 1]!.end).toLowerCase())) return;
  let names = 0, weak = 0, unknown = 0, initials = 0;
  for (const x of wk) {
    if (x === 'name') names++;
    else if (x === 'weak-name' || x === 'place') weak++;
    else if (x === 'unknown') unknown++;
    else if (x === 'initial') initials++;
  }
  const atStart = who.length === 1 && isSentenceStart(text, who[0]!.start);
  const lastWho = who[who.length - 1]!;
  let score: number;
  let why: string;
  if (who.length >= 2) {
    if (names >= 1) [score, why] = [0.85, 'known name in a run of capitalised words'];
    // Outside English a word and a trailing initial is as often a flat or a letter of a series ("Bajo A.").
    else if (initials >= 1 && weak + unknown >= 1 && (english || wk[wk.length - 1] !== 'initial')) [score, why] = [0.75, 'capitalised word with an initial'];
    else if (unknown >= 1 && unknown + weak === who.length) [score, why] = english ? [0.6, 'run of capitalised words that are not English words'] : [0.4, 'run of capitalised words in no name list'];
    else if (wk.every((x) => x === 'weak-name')) [score, why] = [0.45, 'capitalised words that are all names, and words too'];
    else [score, why] = [0.4, 'capitalised words that are also common words or places'];
  } else if (names === 1) [score, why] = language === 'de' ? [0.45, 'known name, in German (which capitalises its nouns)'] : [atStart ? 0.45 : 0.6, 'known name'];
  else if (unknown === 1) [score, why] = english ? [atStart ? 0.2 : 0.3, 'capitalised word that is not an English word'] : [0.1, 'capitalised word in no name list'];
  else [score, why] = [0.15, 'capitalised common word'];
  // Cues lift names and unknown words, never common words: "Dear Hope" is rare, "with Hope" is not.
  // Outside English a title or a label lifts even a name that is a word too ("Dr. med. Koch").
  const intlCue = before && weak + names + unknown > 0 ? intlPersonCue(before, who.length === 1 && unknown === 1) ?? (isSignature(text, who[0]!.start) ? ['a signature after a closing formula', 0.45] as [string, number] : undefined) : undefined;
  const cue = intlCue ?? (weak + names + unknown > 0 && (weak < who.length || who.length >= 2) ? personCue(text, who[0]!, lastWho, english) : undefined);
  if (cue) {
    score = Math.min(0.95, score + cue[1]);
    why += `, ${cue[0]}`;
  } else if (!english && who.length === 1 && isAllCapitals(who[0]!.word)) [score, why] = [0.3, 'one word in capitals, outside English mostly an acronym or a heading'];
  const [s, e] = personSpan(who[0]!, who[who.length - 1]!);
  people.push({ start: s, end: e, score, why: [`${why} (${score.toFixed(2)})`] });
}

/**
 * Names come in lists: "Monjeau, Graves and Reed", "Marrero and Murphy". A weak candidate joined by a comma
 * or "and" to a confident one is a name too.
 */
function liftListedNames(text: string, people: Candidate[]): void {
  people.sort((a, b) => a.start - b.start);
  const group: Candidate[] = [];
  const flush = (): void => {
    const floor = group.length >= 3 ? 0.15 : 0.2;
    if (group.length >= 2 && (group.some((c) => c.score >= 0.5) || group.length >= 3))
      for (const c of group)
        if (c.score >= floor && c.score < 0.55) {
          c.score = 0.55;
          c.why.push('listed with other names (0.55)');
        }
    group.length = 0;
  };
  for (const c of people) {
    const prev = group[group.length - 1];
    if (prev && !/^(?:,\s*(?:and\s+)?|\s+(?:and|&|or)\s+)$/.test(text.slice(prev.end, c.start))) flush();
    group.push(c);
  }
  flush();
}

/** Words around a capitalised run that say it is a person. */
function personCue(text: string, first: Token, last: Token, english = true): [string, number] | undefined {
  if (PERSON_CUES.test(textBefore(text, first.start, 20))) return ['after a person cue', 0.3];
  const after = text.slice(last.end, last.end + 24);
  const lineStart = first.start === 0 || /\n[ \t>]*$/.test(text.slice(Math.max(0, first.start - 8), first.start));
  // Outside English a capitalised word before a colon is mostly a field label ("Nombre:", "Befund:").
  if (english && lineStart && /^\s?:/.test(after)) return ['a speaker at the start of a line', 0.3];
  if (/^, (?:can|could|would|will|please|i|we|you|thanks|thank|how|what|do|did|are|is)\b/i.test(after)) return ['addressed by name', 0.3];
  // Verbs that only people do weigh more than verbs anything can do ("Bulwark is ...").
  if (/^\s(?:said|says|shouted|spent|lives|lived|works|worked|told|asked|wrote|died|married|joined|smiled|laughed|is from|was born)\b/.test(after)) return ['subject of a personal verb', 0.35];
  if (/^(?:['’]s)?\s(?:is|was|has|had|will|would|were|called|left)\b/.test(after)) return ['subject of a verb', 0.2];
  if (/^['’]s\b/.test(after)) return ['possessive', 0.2];
  return undefined;
}

/**
 * "my name is vitoria", "everyone calls me borna jerković": after such a cue, lower-case words that are names
 * or not English words at all (single letters are initials) are the name.
 */
function lowercaseNames(text: string, people: Candidate[]): void {
  for (const m of lowercaseNameMatches(text)) {
    const words = m[1]!.split(' ');
    const n = words.findIndex((w, i) => !(nameList().has(w) || (w.length === 1 && i > 0) || (w.length > 2 && !commonWordList().has(w) && !STOP.has(w))));
    const kept = n < 0 ? words : words.slice(0, n);
    if (!kept.length || kept[kept.length - 1]!.length === 1) continue;
    const start = m.index + m[0].length - m[1]!.length;
    people.push({ start, end: start + kept.join(' ').length, score: 0.7, why: ['lower-case name after "my name is" (0.7)'] });
  }
}

/**
 * A name found with confidence names its bearer again later: "directed by Wacława Adamska and starring
 * Adamska". Weaker candidates made only of the parts of a confident name are lifted to it.
 */
function liftRepeatedNames(people: Candidate[], text: string): void {
  const parts = new Set<string>();
  for (const c of people) if (c.score >= 0.7) for (const w of text.slice(c.start, c.end).toLowerCase().split(/[\s.]+/)) if (w.length > 2 && !TITLES.has(w)) parts.add(w);
  if (!parts.size) return;
  for (const c of people)
    if (c.score < 0.6 && c.score >= 0.15 && text.slice(c.start, c.end).toLowerCase().split(/[\s.]+/).every((w) => parts.has(w))) {
      c.score = 0.7;
      c.why.push('repeats a name found earlier (0.7)');
    }
}

export const peopleAndPlaceDetectors: Detector[] = [
  {
    id: 'pii.person',
    type: 'PERSON',
    category: 'pii',
    description: "Person's name (dictionary, shape, titles and cues)",
    find: (text) => analyse(text).people,
    examples: {
      match: [
        { text: 'a patient like Anna S., previously treated', value: 'Anna S.' },
        { text: 'seen by Dr. John L. at the clinic', value: 'Dr. John L.' },
        { text: 'have you heard Laura Carvalho speak yet?', value: 'Laura Carvalho' },
        { text: "What's your name? Shintarou Hamaguchi", value: 'Shintarou Hamaguchi' },
      ],
      noMatch: ['What are the guidelines for prescribing ACE inhibitors to a 55-year-old male?', 'The Quarterly Business Review is on Monday.'],
    },
  },
  {
    id: 'pii.location',
    type: 'LOCATION',
    category: 'pii',
    description: 'Street address, city, state, country or health facility',
    anchors: ADDRESS_ANCHORS,
    find: (text, _lower, anchors) => [...analyse(text).places, ...findAddresses(text, anchors), ...findCityState(text)],
    examples: {
      match: [
        { text: 'treated at UCLA Medical Center on', value: 'UCLA Medical Center' },
        { text: 'lives at 123 Elm Street, Springfield', value: 'Elm Street' },
        { text: 'moved to Houston, TX last year', value: 'Houston, TX' },
        { text: 'seen at the Seattle clinic', value: 'Seattle clinic' },
      ],
      noMatch: ['John Smith, MD reviewed it', 'the medical center of the problem'],
    },
  },
  {
    id: 'pii.region',
    type: 'LOCATION',
    category: 'pii',
    quasi: true,
    description: 'State, country or continent (reported, but not an identifier on its own)',
    find: (text) => analyse(text).regions,
    examples: { match: [{ text: 'I will be travelling to Canada next week', value: 'Canada' }], noMatch: ['Canadian bacon'] },
  },
  zipDetector,
];
