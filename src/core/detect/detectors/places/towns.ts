import { placeList, regionList, townList } from '../../lexicon';
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
const LABELLED = new RegExp(String.raw`(?<![\p{L}])(?:(${ADDRESS_LABELS})|(?:${TOWN_LABELS})(?:[ ]?\/[ ]?(?:${TOWN_LABELS}))?)[ \t]*[:：][ \t]*([^\n]{1,100})`, 'giu');
const LABEL_ANCHORS = [...new Set(`${TOWN_LABELS}|${ADDRESS_LABELS}`.toLowerCase().split('|').map((w) => w.replace(/[^\x20-\x7e].*$/, '')).filter((w) => w.length >= 4))]
  // "Ort" is in every other German word: only with its colon.
  .concat(['ort:', 'ort :']);
const OWN = new Set(LABEL_ANCHORS);

/** A postcode right before a word: "28046 Madrid", "E-28046 Madrid", "1012 AB Amsterdam", "1000-001 Lisboa". */
const POSTCODE_BEFORE = /(?:^|[^\w-])(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{4} ?[A-Z]{2}|\d{4}-\d{3}),? $/;
/** Prepositions of place, at the end of the text before a town. */
const PLACE_CUE = /(?:^|[^\p{L}])(?:en|de|desde|a|hacia|para|residente en|natural de|vive en|procedente de|nacid[oa] en|in|aus|nach|bei|von|à|près de|di|da|em|no|na|uit|te|naar|bij|provincia de|comunidad de)[ ]$/u;
/** Cues that join a name ("Diego de León"): after a capitalised word they are part of it, no place cue. */
const GENITIVE = /(?:de|da|di|von|van)[ ]$/;
const COUNTRY_AFTER = /^[ ]?[,(][ ]?(?:España|Spain|Espanya|Deutschland|Germany|Alemania|Allemagne|France|Francia|Frankreich|Italia|Italy|Italien|Portugal|Nederland|Niederlande|Países Bajos|Holanda|Schweiz|Suisse|Svizzera|Suiza|Österreich|Austria|Belgique|België|Belgien|Bélgica|Japan|Japón|Japon|日本)(?![\p{L}])/u;
/** What may join the words of one town: "Santiago de Compostela", "Frankfurt am Main", "Pozuelo de Alarcón". */
const TOWN_GAP = /^(?:[ -]|[ ](?:de|del|de la|de las|de los|la|las|los|el|do|da|dos|das|di|am|an der|im|sur|sous|en|y|e|upon|le|les|ob der|bei)[ ])$/;

const listed = (name: string): boolean => {
  const f = fold(name);
  return townList().has(f) || placeList().has(f) || regionList().has(f);
};

/** The longest listed town that starts at token i (up to four words): its end token, or -1. */
function townAt(text: string, tokens: Token[], i: number): number {
  let best = -1;
  for (let j = i; j < tokens.length && j < i + 4; j++) {
    if (j > i && !TOWN_GAP.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
    if (listed(text.slice(tokens[i]!.start, tokens[j]!.end))) best = j;
  }
  return best;
}

function townsInText(text: string, out: Candidate[]): void {
  const tokens = capitalisedTokens(text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Words in capitals are headings and acronyms more often than towns.
    if (t.word.length < 3 || t.acronym) continue;
    const j = townAt(text, tokens, i);
    if (j < 0) continue;
    const start = t.start, end = tokens[j]!.end;
    const before = text.slice(Math.max(0, start - 22), start);
    let why: string | undefined;
    if (POSTCODE_BEFORE.test(before)) why = 'listed town after a postcode (0.85)';
    else if (COUNTRY_AFTER.test(text.slice(end, end + 16))) why = 'listed town before its country (0.85)';
    else if (PLACE_CUE.test(before.toLowerCase()) && !(GENITIVE.test(before) && /\p{Lu}[\p{L}.]*[ ]\S+[ ]$/u.test(before))) why = 'listed town after a preposition of place (0.8)';
    if (why) out.push({ start, end, score: why.includes('0.8)') ? 0.8 : 0.85, why: [why] });
    i = j;
  }
}

/** The value of a label: an address (split before its postcode), or towns and provinces split at commas and slashes. */
function labelled(text: string, m: RegExpExecArray, offset: number, out: Candidate[]): void {
  const raw = m[2]!;
  const at = offset + m.index + m[0].length - raw.length;
  // The value ends at the end of its sentence: "Madrid. CP: 28016" on one line.
  const cut = /\.(?:\s|$)|\s{3,}|\t/.exec(raw);
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
    if (c && /^\p{L}/u.test(text.slice(c.start, c.end)) && c.end - c.start <= 40) out.push(c);
  }
}

export function findTowns(text: string, lower: string, anchors: ReadonlyMap<string, readonly number[]>): Candidate[] {
  const out: Candidate[] = [];
  aroundAnchors(text, anchors, OWN, [], [4, 140], [LABELLED], (m, offset) => labelled(text, m, offset, out));
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
