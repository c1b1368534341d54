import { onFirstUse } from '../../first-use';
import { commonWordList } from '../../lexicon';
import type { Candidate, Detector } from '../../types';
import { classOf, DIGIT, LETTER } from '../../tokens';
import { aroundAnchors, candidate, LINKS, NAME, NAME_WORD, NonAsciiWords, PatternWords, SP, UNIT } from './words';

/**
 * Street addresses as the languages of Europe write them: the street word first and the house number after
 * ("Calle Miguel Benítez 90, 2º dcha", "Via Roma 12", "Rua Augusta, 100"), the number first in French
 * ("12 bis rue de la Paix"), and the street word at the end of the name in German and Dutch ("Hauptstraße 5a",
 * "Keizersgracht 123"). The address is one finding from the street word to the floor and door.
 */

/** Street words written before the name, as they are spelled and abbreviated (the first letter in either case). */
const BEFORE_NAME = [
  // Spanish, Catalan, Galician
  'Calle', 'C/', 'C/.', 'Cl.', 'Avenida', 'Avda.', 'Avda', 'Avd.', 'Av.', 'Avenido', 'Avinguda', 'Paseo', 'P.º', 'Pº', 'P.o', 'Pso.', 'Pso', 'Passeig', 'Pg.', 'Plaza', 'Pza.', 'Pl.',
  'Plaça', 'Ronda', 'Camino', 'Camí', 'Carretera', 'Ctra.', 'Ctra', 'Travesía', 'Travesia', 'Trav.', 'Rúa', 'Carrer', 'Glorieta', 'Urbanización', 'Urb.', 'Callejón',
  'Alameda', 'Bulevar', 'Rambla', 'Vía',
  // Italian
  'Via', 'Viale', 'V.le', 'Piazza', 'P.zza', 'Piazzale', 'Corso', 'C.so', 'Largo', 'Vicolo', 'Strada', 'Contrada', 'Lungomare',
  // Portuguese
  'Rua', 'Travessa', 'Praça', 'Estrada', 'Avenida',
] as const;
/** Those that name a street even without a number ("vive en la Calle Mayor"); the others ("Plaza", "Via") need one. */
const STRONG = new Set(['calle', 'c/', 'avenida', 'avda.', 'avda', 'paseo', 'carretera', 'ctra.', 'travesía', 'travesia', 'carrer', 'passeig', 'rúa', 'glorieta', 'rambla', 'viale', 'piazza', 'corso', 'travessa', 'praça', 'rua']);
/** French street words, after the house number. */
const FRENCH = ['rue', 'avenue', 'av.', 'bd', 'boulevard', 'place', 'chemin', 'allée', 'impasse', 'quai', 'cours', 'route', 'square'];
/** German and Dutch street words at the end of the name ("Hauptstraße", "Berliner Straße", "Prinsengracht"). */
const ENDINGS = ['straße', 'strasse', 'str.', 'weg', 'allee', 'platz', 'gasse', 'ring', 'damm', 'ufer', 'pfad', 'steig', 'chaussee', 'markt', 'straat', 'laan', 'plein', 'gracht', 'kade', 'singel', 'dijk', 'steeg'];

const esc = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** "calle" -> "[Cc]alle": the street word in either case, the name after it capitalised. */
const eitherCase = (w: string): string => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${esc(w.slice(1))}`;
const alternation = (words: readonly string[], f: (w: string) => string): string => [...words].sort((a, b) => b.length - a.length).map(f).join('|');

/** A house number: "90", "5-7", "340-350", "12B", "nº 4", "s/n", "km 12,500". */
const NUMBER = String.raw`(?:n[º°o]\.?[ ]?|n[ ][ºo][ ]?|núm\.?[ ]?|nr\.?[ ]?)?(?:\d{1,4}[A-Za-z]?(?:[ ]?[-–/][ ]?\d{1,4}[A-Za-z]?)?(?![\d.,]\d)|[sS]\/[nN](?![\p{L}])|km\.?[ ]?\d{1,3}(?:[,.]\d{1,3})?)`;
/** Floor and door (the engine reads text in NFKC, where "º" is "o" and "ª" is "a"): "2º dcha", "5º D", "1º-F", "3B", "5 B", "bis", "piso 4", "Esq.". */
const FLOOR = String.raw`(?:[,.]?[ ]?-?[ ]?(?:(?:\d{1,2}\.?[ºª°oa]|\d{1,2}[ ][º°])(?:[ ]?-?[ ]?(?:[A-Z]|dcha|izda|izqda|izq|dcho|izdo|drcha|dch|centro|esq|dto|dt|fte)(?![\p{L}\d])\.?)?|\d{1,2}[ ]?-?[ ]?[A-Z](?![\p{L}\d])|(?:bis|ter)(?![\p{L}])|(?:piso|planta|pta|puerta|esc|escalera|portal|bloque|blq|bajo|ático|atico|local|apto|apartamento|Esq|Dto)\.?(?:[ ]?[\dA-Z]{1,3}[ºª°]?)?(?![\p{L}\d])))`;

const STREET_FIRST = onFirstUse(() => new RegExp(
  String.raw`(?<![\p{L}\d])(?:\d{1,6}[ ](?:\d{1,5}[ ])?)?(${alternation(BEFORE_NAME, eitherCase)})(?:(?<=[./º])[ \t]{0,2}|[ \t]{1,2})${LINKS}(${NAME})(?:,?[ ]?${NUMBER}(?:${FLOOR}){0,3})?${UNIT}`,
  'gu',
));
const NUMBER_FIRST = onFirstUse(() => new RegExp(String.raw`(?<![\p{L}\d,.])(?:\d{1,6}[ ])?\d{1,4}(?:[ ]?(?:bis|ter|[a-cA-C])(?![\p{L}]))?,?${SP}(?:${alternation(FRENCH, eitherCase)})${SP}${LINKS}${NAME}(?:[ ]\d{1,4}(?![\d,.]\d))?${UNIT}`, 'gu'));
const NAME_THEN_ENDING = onFirstUse(() => new RegExp(
  String.raw`(?<![\p{L}\d])(?:\d{1,6}[ ])?(?:${NAME_WORD}${SP}(?:(?:der|des|am|an|im|zur|zum|van|de|het)${SP})?){0,2}(?:\p{Lu}[\p{L}\p{M}-]*(?:${alternation(ENDINGS, esc)})|(?:${alternation(ENDINGS, eitherCase)}))${SP}\d{1,4}[ ]?[a-zA-Z]?(?:[ ]?[-/][ ]?\d{1,4}[a-z]?)?(?![\p{L}\d])${UNIT}`,
  'gu',
));

/** Anchors for the keyword automaton (lower-case ASCII): the words, and for non-ASCII ones their ASCII start. */
const ASCII_ANCHORS = [...new Set([...BEFORE_NAME, ...FRENCH, ...ENDINGS].map((w) => w.toLowerCase()).filter((w) => /^[\x20-\x7e]+$/.test(w) && (w.length >= 3 || w === 'c/')))];
const NON_ASCII_WORDS = [...new Set([...BEFORE_NAME, ...FRENCH, ...ENDINGS].map((w) => w.toLowerCase()).filter((w) => !/^[\x20-\x7e]+$/.test(w)))];
const NON_ASCII = new NonAsciiWords(NON_ASCII_WORDS);
const OWN = new Set(ASCII_ANCHORS);

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 160;
/**
 * What each pattern needs in a window (most windows are around "via" in "deviation" or "rue" in "true"): its
 * street word, standing after no letter or digit (STREET_FIRST), after a space (NUMBER_FIRST, the French
 * words), before a space (NAME_THEN_ENDING, the endings).
 */
const STREET_WORDS = new PatternWords(
  [
    { words: BEFORE_NAME, stands: (text, at, _length, part) => at === part.offset || (classOf(text.charCodeAt(at - 1)) & (LETTER | DIGIT)) === 0 },
    { words: FRENCH, stands: (text, at, _length, part) => at > part.offset && isSpace(text.charCodeAt(at - 1)) },
    { words: ENDINGS, stands: (text, at, length, part) => at + length < part.offset + part.text.length && isSpace(text.charCodeAt(at + length)) },
  ],
  OWN,
  NON_ASCII_WORDS,
);

/** Street addresses around the anchors; `everyWindow` runs each pattern in every window (the same findings, for tests). */
export function findStreets(text: string, lower: string, anchors: ReadonlyMap<string, readonly number[]>, everyWindow = false): Candidate[] {
  const extra: number[] = [];
  NON_ASCII.positions(lower, extra, text);
  const out: Candidate[] = [];
  const mayMatch = everyWindow ? undefined : STREET_WORDS.mayMatch(text, lower, anchors, extra);
  aroundAnchors(text, anchors, OWN, extra, [60, 160], () => [STREET_FIRST(), NUMBER_FIRST(), NAME_THEN_ENDING()], (m, offset, n) => {
    const s = offset + m.index;
    if (n === 0) {
      const word = m[1]!.toLowerCase();
      const numbered = /\d|[sS]\/[nN]/.test(m[0].slice(m[0].indexOf(m[2]!) + m[2]!.length));
      // Without a number only a strong, capitalised street word makes an address ("Plaza Mayor" could be a square's name in a sentence).
      if (!numbered && !(STRONG.has(word) && /^\p{Lu}/u.test(m[1]!))) {
        // "Camino C/ Irunlarrea": the street may begin inside the rejected match.
        STREET_FIRST().lastIndex = m.index + m[0].indexOf(m[1]!) + m[1]!.length;
        return;
      }
      pushParts(text, s, s + m[0].length, numbered ? 0.9 : 0.75, numbered ? 'street word, name and house number (0.9)' : 'street word and name (0.75)', out);
      return;
    }
    // "During 1971": an English word that happens to end like a street.
    if (n === 2 && commonWordList().has(/(\p{L}+)\.?\s+\d[^\p{L}]*$/u.exec(m[0].replace(/\s+[a-zA-Z]$/, ''))?.[1]?.toLowerCase() ?? '')) return;
    pushParts(text, s, s + m[0].length, 0.9, n === 1 ? 'house number, street word and name (0.9)' : 'street name and house number (0.9)', out, n === 1);
  }, mayMatch);
  return out;
}

/**
 * An address as its parts: a building number before the street (a second number in "846 31 Rue ..."), the street
 * with its house number, floor and door, and an English unit ("Apt. 981"). A reviewer sees which part was found,
 * as with the addresses of addresses.ts.
 */
function pushParts(text: string, start: number, end: number, score: number, why: string, out: Candidate[], numberFirst = false): void {
  const value = text.slice(start, end);
  // French writes the house number first ("12 bis rue de la Paix"): only a second number before it is split off.
  const lead = (numberFirst ? /^\d{1,6}[ ](?=\d{1,5}[ ]\D)/ : /^\d{1,6}[ ](?=\d{1,5}[ ]\D|\D)/).exec(value)?.[0].length ?? 0;
  const unit = /,?[ ](?:Apt|Apartment|Suite|Ste|Unit)\.?[ ]?#?\d{1,5}[A-Z]?$/.exec(value);
  const parts: [number, number][] = lead ? [[start, start + lead]] : [];
  parts.push([start + lead, unit ? start + unit.index : end]);
  if (unit) parts.push([start + unit.index, end]);
  for (const [s, e] of parts) {
    const c = candidate(text, s, e, score, why);
    if (c) out.push(c);
  }
}

export const STREET_ANCHORS = ASCII_ANCHORS;

export const streetDetector: Detector = {
  id: 'pii.street-intl',
  type: 'LOCATION',
  category: 'pii',
  description: 'Street address in Spanish, Catalan, Italian, Portuguese, French, German or Dutch',
  anchors: STREET_ANCHORS,
  find: findStreets,
  examples: {
    match: [
      { text: 'Domicilio: Calle Miguel Benitez 90.', value: 'Calle Miguel Benitez 90' },
      { text: 'vive en c/ del Abedul 5-7, 2º dcha, Madrid', value: 'c/ del Abedul 5-7, 2º dcha' },
      { text: 'wohnt in der Hauptstraße 12a in Köln', value: 'Hauptstraße 12a' },
      { text: 'au 12 bis rue de la Paix à Paris', value: '12 bis rue de la Paix' },
      { text: 'abita in Via Giuseppe Verdi, 5', value: 'Via Giuseppe Verdi, 5' },
    ],
    noMatch: ['la calle estaba vacía', 'place the order by 5 pm', 'via email at 5'],
  },
};
