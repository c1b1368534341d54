import { onFirstUse } from '../../first-use';
import { placeList, regionList, townList } from '../../lexicon';
import { keyOf, WordHashSet } from '../../hash-set';
import { HASH_STEP, lowerOf } from '../../tokens';
import type { Candidate, Detector } from '../../types';
import { capitalisedTokens, type Token } from '../proper-nouns';
import { aroundAnchors, candidate, fold } from './words';

/**
 * Towns, provinces and regions of Europe and Japan: the value of a form's label ("Localidad/ Provincia: Madrid",
 * "Wohnort: Köln", "Woonplaats: Utrecht"), and in running text a listed town after a postcode ("28046 Madrid"),
 * after a preposition of place ("residente en Mérida", "wohnt in Essen", "à Lyon"), or before a country
 * ("Torremolinos (España)"). A capitalised word alone is no town: it has to be listed and cued.
 */

const TOWN_LABELS = 'Localidad|Provincia|Municipio|Población|Poblacion|Ciudad|Residencia|Ort|Wohnort|Stadt|Gemeinde|Bundesland|Kanton|Ville|Commune|Département|Region|Région|Città|Citta|Comune|Provincia|Regione|Woonplaats|Plaats|Gemeente|Localidade|Cidade|Concelho|Distrito|Município|Naturalidade';
const ADDRESS_LABELS = 'Domicilio|Dirección postal|Dirección|Direccion|Adresse|Anschrift|Wohnadresse|Indirizzo|Residenza|Adres|Woonadres|Morada|Endereço|Residência';
const LABELLED = onFirstUse(() => new RegExp(String.raw`(?<![\p{L}])(?:(${ADDRESS_LABELS})|(?:${TOWN_LABELS})(?:[ ]?\/[ ]?(?:${TOWN_LABELS}))?)[ \t]*[:：][ \t]*([^\n]{1,100})`, 'giu'));
const LABEL_ANCHORS = [...new Set(`${TOWN_LABELS}|${ADDRESS_LABELS}`.toLowerCase().split('|').map((w) => w.replace(/[^\x20-\x7e].*$/, '')).filter((w) => w.length >= 4))]
  // "Ort" is in every other German word: only with its colon.
  .concat(['ort:', 'ort :']);
const OWN = new Set(LABEL_ANCHORS);

/** A postcode right before a word: "28046 Madrid", "E-28046 Madrid", "1012 AB Amsterdam", "1000-001 Lisboa". */
const POSTCODE_BEFORE = /(?:^|[^\w-])(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{4} ?[A-Z]{2}|\d{4}-\d{3})(?:[.,]| -)? $/;
/** The end of a street's house number or floor before a town: "Almagro 12. Madrid", "s/n, Lugo". */
const HOUSE_NUMBER_BEFORE = /(?:\d|s\/n|[0-9][ºª°]?[ ]?[A-Z])[.,] $/;
/** What may stand between a town and its province or country: "Vigo (Pontevedra)", "Aranjuez, Madrid", "Pamplona. Navarra". */
const BETWEEN_TOWNS = /^(?:[ ]?\(|,[ ]?|\.[ ]|[ ]-[ ]|[ ])$/;
/** A postcode after a town: "Narón 15407", "Barcelona 08017". */
const POSTCODE_AFTER = /^,?[ ](?:[A-Z]-)?\d{5}(?![\d-])/;
/** Prepositions of place, the word right before a town ("residente en", "natural de", "près de" end in one). */
const PLACE_CUES = new Set(['en', 'de', 'desde', 'a', 'hacia', 'para', 'in', 'aus', 'nach', 'bei', 'von', 'à', 'di', 'da', 'em', 'no', 'na', 'uit', 'te', 'naar', 'bij']);
/** Cues that join a name ("Diego de León"): after a capitalised word they are part of it, no place cue. */
const GENITIVE = /(?:de|da|di|von|van)[ ]$/;
const COUNTRY_AFTER = /^[ ]?[,(][ ]?(?:España|Spain|Espanya|Deutschland|Germany|Alemania|Allemagne|France|Francia|Frankreich|Italia|Italy|Italien|Portugal|Nederland|Niederlande|Países Bajos|Holanda|Schweiz|Suisse|Svizzera|Suiza|Österreich|Austria|Belgique|België|Belgien|Bélgica|Japan|Japón|Japon|日本)(?![\p{L}])/u;
/** What may join the words of one town: "Santiago de Compostela", "Frankfurt am Main", "Pozuelo de Alarcón". */
const TOWN_GAP = /^(?:[ -]|[ ](?:de|del|de la|de las|de los|la|las|los|el|do|da|dos|das|di|am|an der|im|sur|sous|en|y|e|upon|le|les|ob der|bei)[ ])$/;

const UNIT_WORDS = new Set(['apt', 'apartment', 'suite', 'ste', 'unit']);

/** Whether a name (as written) is a listed town, place or region. */
export const listedUncached = (name: string): boolean => {
  const f = fold(name);
  return townList().has(f) || placeList().has(f) || regionList().has(f);
};

/**
 * listedUncached(), remembered: a pure function of the name while the lists stay (ablateLexicons() swaps them), and
 * the same few names are looked up chunk after chunk. Bounded: cleared when full.
 */
export function listed(name: string): boolean {
  const towns = townList(), places = placeList(), regions = regionList();
  if (towns !== listedLists[0] || places !== listedLists[1] || regions !== listedLists[2]) {
    listedCache.clear();
    listedLists = [towns, places, regions];
  }
  let known = listedCache.get(name);
  if (known === undefined) {
    if (listedCache.size >= 50_000) listedCache.clear();
    listedCache.set(name, (known = listedUncached(name)));
  }
  return known;
}
const listedCache = new Map<string, boolean>();
let listedLists: readonly unknown[] = [];
/** Cues that are also English words ("a Framingham score", "in Boston"): they make a town only of the European list. */
const ENGLISH_CUE = /(?:^|[^\p{L}])(?:a|in|no|te|da|de|an)[ ]$/u;

/** The longest listed town that starts at token i (up to four words): its end token, or -1. */
function townAt(text: string, tokens: Token[], i: number): number {
  let best = -1;
  for (let j = i; j < tokens.length && j < i + 4; j++) {
    if (j > i && !TOWN_GAP.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
    if (listed(text.slice(tokens[i]!.start, tokens[j]!.end))) best = j;
  }
  return best;
}

/** A capitalised word follows: the town's name is part of a longer one ("a Harvey Leach concert"). */
const nameGoesOn = (text: string, end: number): boolean => /^[ ]\p{Lu}\p{Ll}/u.test(text.slice(end, end + 3));

function townsInText(text: string, out: Candidate[]): void {
  const tokens = capitalisedTokens(text);
  let lastEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Words in capitals are headings and acronyms more often than towns; a town stands after a space or a bracket.
    // "Apt" is a town in Provence, and the unit of every other mail-merge address.
    if (t.word.length < 3 || t.acronym || t.start < 2 || UNIT_WORDS.has(t.lower)) continue;
    const c = text.charCodeAt(t.start - 1);
    if (c !== 32 && c !== 40) continue;
    const afterTown = lastEnd >= 0 && t.start - lastEnd <= 3 && BETWEEN_TOWNS.test(text.slice(lastEnd, t.start));
    // The cue is read before the lexicon: most capitalised words have none, and cost no look-up (nor a slice).
    let before: string | undefined;
    const textBefore = (): string => (before ??= text.slice(Math.max(0, t.start - 22), t.start));
    // A postcode ends in a digit or a capital ("1012 AB"), perhaps with a comma: only then is the pattern tried.
    const q = text.charCodeAt(t.start - 2);
    const p = q === 44 || q === 46 ? text.charCodeAt(t.start - 3) : q === 45 ? text.charCodeAt(t.start - 4) : q;
    const afterCode = afterTown || (((p >= 48 && p <= 57) || (p >= 65 && p <= 90) || p === 110) && (POSTCODE_BEFORE.test(textBefore()) || HOUSE_NUMBER_BEFORE.test(textBefore())));
    const cued = !afterCode && placeCueBefore(text, t.start - 1) && !(GENITIVE.test(textBefore()) && /\p{Lu}[\p{L}.]*[ ]\S+[ ]$/u.test(textBefore()));
    if (!afterCode && !cued && !countryMayFollow(text, t.end) && !digitFollows(text, t.end)) continue;
    const j = townAt(text, tokens, i);
    if (j < 0) continue;
    const start = t.start, end = tokens[j]!.end;
    let why: string | undefined;
    if (afterCode) why = afterTown ? 'listed province or town after a town (0.9)' : 'listed town after a postcode or house number (0.9)';
    else if (POSTCODE_AFTER.test(text.slice(end, end + 9))) why = 'listed town before a postcode (0.9)';
    else if (COUNTRY_AFTER.test(text.slice(end, end + 16))) why = 'listed town before its country (0.9)';
    else if (cued && !nameGoesOn(text, end) && (!ENGLISH_CUE.test(textBefore()) || townList().has(fold(text.slice(start, end))))) why = 'listed town after a preposition of place (0.85)';
    if (why) {
      out.push({ start, end, score: why.includes('0.85)') ? 0.85 : 0.9, why: [why] });
      lastEnd = end;
    }
    i = j;
  }
}

/** The lower-case word that ends at `end` (a space after it), up to 8 letters; "" when there is none. */
function wordBefore(text: string, end: number): string {
  const s = wordBeforeStart(text, end);
  return s < end ? text.slice(s, end).toLowerCase() : '';
}

/** Where wordBefore's word starts (`end` when there is none). */
function wordBeforeStart(text: string, end: number): number {
  let s = end;
  while (s > 0 && s > end - 9 && text.charCodeAt(s - 1) > 64 && text.charCodeAt(s - 1) !== 160) s--;
  const c = text.charCodeAt(s - 1);
  return s < end && (s === 0 || c === 32 || c === 10 || c === 40 || c === 44) ? s : end;
}

/** The hashes of the place cues, so that most words before a capital are ruled out without a string. */
const CUE_HASHES = new WordHashSet(PLACE_CUES);

/** Whether wordBefore(text, end) is a place cue: by the hash of its lower case first, then by the word. */
function placeCueBefore(text: string, end: number): boolean {
  const s = wordBeforeStart(text, end);
  if (s === end) return false;
  let h = 0;
  for (let k = s; k < end; k++) h = (Math.imul(h, HASH_STEP) + lowerOf(text.charCodeAt(k))) | 0;
  return CUE_HASHES.hasKey(keyOf(h, end - s)) && PLACE_CUES.has(wordBefore(text, end));
}

/** " 15407", ", 08017", " E-28046": what POSTCODE_AFTER needs, tested on characters. */
function digitFollows(text: string, end: number): boolean {
  let k = end;
  if (text.charCodeAt(k) === 44) k++;
  if (text.charCodeAt(k) !== 32) return false;
  const c = text.charCodeAt(k + 1);
  return (c >= 48 && c <= 57) || (text.charCodeAt(k + 2) === 45 && c >= 65 && c <= 90);
}

/** Whether a comma or a bracket follows within a town's length: the only way COUNTRY_AFTER can match after it. */
function countryMayFollow(text: string, end: number): boolean {
  for (let k = end; k < end + 40 && k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 40) return true;
    if (c === 10 || c === 46) return false;
  }
  return false;
}

/** The value of a label: an address (split before its postcode), or towns and provinces split at commas and slashes. */
function labelled(text: string, m: RegExpExecArray, offset: number, out: Candidate[]): void {
  const raw = m[2]!;
  const at = offset + m.index + m[0].length - raw.length;
  // The value ends at the end of its sentence: "Madrid. CP: 28016" on one line.
  const cut = /\.(?:\s*$|\s+\p{Lu}[\p{L} ]{1,24}:)|\s{3,}|\t/u.exec(raw);
  const value = cut ? raw.slice(0, cut.index + 1) : raw;
  if (m[1]) {
    const code = /[,\s]\s*(?:[A-Z]{1,2}-)?\d{5}\b/.exec(value);
    const c = candidate(text, at, at + (code ? code.index : value.length), 0.9, 'value of an address label (0.9)');
    if (c && /\p{L}/u.test(text.slice(c.start, c.end))) out.push(c);
    return;
  }
  const part = /[^,/()]+/g;
  for (let p = part.exec(value); p; p = part.exec(value)) {
    const s = at + p.index;
    const c = candidate(text, s, s + p[0].length, 0.9, 'value of a town or province label (0.9)');
    // A form may hold the postcode where the town should be ("Localidad: 28013").
    if (c && /^(?:\p{L}|\d{4,5}$)/u.test(text.slice(c.start, c.end)) && c.end - c.start <= 40) out.push(c);
  }
}

export function findTowns(text: string, lower: string, anchors: ReadonlyMap<string, readonly number[]>): Candidate[] {
  const out: Candidate[] = [];
  aroundAnchors(text, anchors, OWN, [], [4, 140], () => [LABELLED()], (m, offset) => labelled(text, m, offset, out));
  townsInText(text, out);
  return out;
}

export const TOWN_ANCHORS = LABEL_ANCHORS;

export const townDetector: Detector = {
  id: 'pii.town-intl',
  type: 'LOCATION',
  category: 'pii',
  description: 'Town, province or region of Europe or Japan, by its label or a cue of place',
  anchors: TOWN_ANCHORS,
  find: findTowns,
  examples: {
    match: [
      { text: 'Localidad/ Provincia: Madrid.\nCP: 28016.', value: 'Madrid' },
      { text: 'Paseo de la Castellana, 261, 28046 Madrid', value: 'Madrid' },
      { text: 'varón de 42 años, residente en Mérida (Extremadura)', value: 'Mérida' },
      { text: 'Wohnort: Köln', value: 'Köln' },
      { text: 'il paziente vive a Bergamo da anni', value: 'Bergamo' },
    ],
    noMatch: ['enfermedad de Crohn en remisión', 'Diego de León presentó fiebre', 'Das Essen war kalt'],
  },
};
