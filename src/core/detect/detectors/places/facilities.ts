import { onFirstUse } from '../../first-use';
import { commonWordList, placeList, townList } from '../../lexicon';
import type { Candidate, Detector } from '../../types';
import type { Part } from '../../windows';
import { aroundAnchors, candidate, fold, LINKS, NAME, NAME_WORD, NonAsciiWords, PatternWords, SP } from './words';

/**
 * Hospitals and health centres of Europe and Japan by their whole name: the facility word first in the Romance
 * languages ("Hospital Universitario 12 de Octubre", "Complejo Hospitalario de Navarra", "CHU de Bordeaux",
 * "Azienda Ospedaliera di Padova"), before or after the name in German and Dutch ("Universitätsklinikum
 * Hamburg-Eppendorf", "Evangelisches Krankenhaus Bielefeld", "Antoni van Leeuwenhoek Ziekenhuis"), at the end in
 * Japanese ("東京大学医学部附属病院"). The name ends where its capitalised words end, not at the sentence's end.
 */

/** Facility words written before the name, longest first in the pattern. */
const HEADS = [
  // Spanish, Catalan, Galician
  'Hospital Universitario', 'Hospital Universitari', 'Hospital General', 'Hospital Clínico', 'Hospital', 'Complejo Hospitalario Universitario', 'Complejo Hospitalario',
  'Complexo Hospitalario', 'Consorci Hospitalari', 'Clínica Universidad', 'Clínica', 'Clinica', 'Policlínica', 'Policlínico', 'Centro de Salud', 'Centro de Atención Primaria',
  'Centre d’Atenció Primària', "Centre d'Atenció Primària", 'Centro Médico', 'Centro Medico', 'Centro Hospitalario', 'Consultorio', 'Ambulatorio', 'Sanatorio', 'CAP', 'CS',
  // Portuguese
  'Fundación', 'Centro Hospitalar', 'Hospital de', 'Unidade Local de Saúde', 'Centro de Saúde',
  // German
  'Universitätsklinikum', 'Uniklinikum', 'Uniklinik', 'Universitätsspital', 'Kantonsspital', 'Klinikum', 'Krankenhaus', 'Kreiskrankenhaus', 'Klinik', 'Praxis', 'Spital',
  // French
  'Centre hospitalier universitaire', 'Centre hospitalier', 'Centre Hospitalier', 'CHU', 'CHRU', 'CHR', 'CH', 'Hôpital', 'Hopital', 'Clinique', 'Groupe hospitalier',
  // Italian
  'Azienda Ospedaliera', 'Azienda Ospedaliero-Universitaria', 'Azienda Ospedaliero Universitaria', 'Ospedale', 'Policlinico', 'Casa di Cura', 'Istituto Clinico',
  // Dutch
  'Academisch Ziekenhuis', 'Ziekenhuis', 'UMC', 'Kliniek',
];
/** Facility words written after the name ("Evangelisches Krankenhaus", "Sint Maartenskliniek", "Maasstad Ziekenhuis"). */
const TAILS = ['Krankenhaus', 'Klinikum', 'Klinik', 'Kliniken', 'Spital', 'Ziekenhuis', 'ziekenhuis', 'Kliniek', 'kliniek', 'Gasthuis'];
/** Articles and sentence words that may stand capitalised before a facility word ("Das Krankenhaus"): no part of a name. */
const NOT_NAME_START = /^(?:(?:der|die|das|dem|den|des|ein|eine|einem|einen|einer|im|ins|zum|zur|het|de|een|the|a|an|in|im|am|vom|beim|unser|unsere|unserem|unseren|ihr|ihre|sein|seine|dieses|diese|dieser|jedes)\s+)+/i;
/** Heads that English writes too ("Hospital Road", "Clinic Manager"): the next word must not be an English one. */
const SHARED_WITH_ENGLISH = new Set(['hospital', 'clinic', 'clinica', 'ch', 'cs', 'cap', 'praxis']);
/** Words that make a Romance name of what follows "Hospital" even when English knows them. */
const ROMANCE_NAME_WORDS = new Set(['general', 'regional', 'provincial', 'central', 'militar', 'naval', 'real', 'santa', 'san', 'universitario', 'universitari', 'infantil', 'materno', 'comarcal', 'virgen', 'nuestra', 'reina', 'princesa', 'principe', 'infanta', 'doctor', 'dr.', 'del', 'de', 'la', 'el', 'los', 'las']);

const esc = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const byLength = (ws: readonly string[]): string => [...ws].sort((a, b) => b.length - a.length).map(esc).join('|');

/** "Hospital Universitario La Paz", "CHU de Bordeaux", "Klinikum rechts der Isar". */
const HEAD_FIRST = onFirstUse(() => new RegExp(String.raw`(?<![\p{L}\d])(${byLength(HEADS)})(?![\p{L}])(?:${SP}(?:rechts|links)?[ ]?${LINKS}${NAME_WORD}(?:${SP}${LINKS}${NAME_WORD}){0,6})`, 'gu'));
/** "Evangelisches Krankenhaus Bielefeld", "St. Antonius Ziekenhuis", "Marienkrankenhaus". */
const NAME_THEN_TAIL = onFirstUse(() => new RegExp(String.raw`(?<![\p{L}\d])(?:${NAME}${SP}(?:${byLength(TAILS)})|\p{Lu}\p{Ll}{2,}(?:krankenhaus|klinikum|klinik|kliniek|ziekenhuis)|\p{Lu}\p{Ll}+(?<!Ho)spital)(?![\p{L}])(?:${SP}${NAME_WORD}(?:[ -]${NAME_WORD}){0,2})?`, 'gu'));

const LOWER_ASCII = [...new Set([...HEADS, ...TAILS].map((w) => w.toLowerCase().split(' ')[0]!))];
/** Anchors for the automaton: ASCII first words (3 letters or more, "cs" and "ch" are seen through their " cs "), and the ASCII stems of the others. */
const ANCHORS = [...new Set([
  ...LOWER_ASCII.filter((w) => /^[\x20-\x7e]{3,}$/.test(w)),
  'ziekenhuis', 'kliniek', 'klinik', 'krankenhaus', 'spital', 'nica', 'pital', 'centre h', 'centro h', 'centro m', ' cs ', ' ch ', ' chu ',
])];
const OWN = new Set(ANCHORS);
const NON_ASCII = new NonAsciiWords(['clínic', 'policlínic', 'hôpital', 'centre d’atenció', 'saúde']);

/** A street word inside a run of capitalised words: the facility's name ends before it ("Hospital de Navarra C/ Irunlarrea"). */
const STREET_WORD = /[ ](?:E-mail|Email|Correo|Tel|Tfno|Teléfono|Fax|C\/|C\.|Avda\.?|Avd\.|Av\.|Avenida|Calle|Paseo|P\.º|Pº|Pso\.?|Plaza|Pza\.|Ctra\.?|Carretera|Camino|Travesía|Ronda|Glorieta|Rúa|Rua|Via|Viale|Piazza|Campus|Paraje)(?=[ .\/:]|$)/g;

/**
 * Where a facility's name ends, within `name` (the text after the head, at `at`): before a street word, and where a
 * house number follows the run ("Hospital Universitario Doctor Peset Gaspar Aguilar 90"), before the street's
 * name, which takes the last of the words (two of three or more, one of two). That street goes to `out`.
 */
function nameEnd(text: string, at: number, name: string, out: Candidate[]): number {
  // The street word may end after the name's last word ("... Camino C/ Irunlarrea": the name took "C").
  const probe = name + text.slice(at + name.length, at + name.length + 3);
  // A street word after "de" or "del" is the name's ("Hospital Virgen del Camino").
  for (const street of probe.matchAll(STREET_WORD))
    if (street.index < name.length && !/(?:^|[ ])(?:de|del|la|las|los|y)$/.test(name.slice(0, street.index))) return withoutTown(text, at, name.slice(0, street.index), out);
  const after = text.slice(at + name.length, at + name.length + 12);
  const number = /^,?[ ]?(?:n[º°o][ ]?)?(?:\d{1,4}(?![\d.,]\d)|[sS]\/[nN])/.exec(after);
  if (!number) return withoutTown(text, at, name, out);
  const capitals = [...name.matchAll(/[ ](?=\p{Lu})/gu)].map((m) => m.index);
  if (capitals.length < 2) return name.length;
  const cut = capitals[capitals.length - (capitals.length >= 3 ? 2 : 1)]!;
  const c = candidate(text, at + cut, at + name.length + number[0].length, 0.9, 'street and house number after a facility (0.9)');
  if (c) out.push(c);
  return cut;
}

/** The end of the name without a town at its end; the town is a finding of its own. */
function withoutTown(text: string, at: number, name: string, out: Candidate[]): number {
  const cut = townAtEnd(name);
  const c = cut < name.length ? candidate(text, at + cut, at + name.length, 0.85, 'listed town after a facility (0.85)') : undefined;
  if (c) out.push(c);
  return cut;
}

/**
 * A town after the name, without "de" ("Hospital Universitario La Paz Madrid"), is no part of it: the town is
 * found as a town (towns.ts) and the name ends before it. "Complejo Hospitalario de Navarra" keeps its town.
 */
function townAtEnd(name: string): number {
  const last = /[ ]((?:\p{Lu}[\p{L}\p{M}'’-]+[ ]?){1,2})$/u.exec(name);
  if (!last || /(?:^|[ ])(?:de|del|di|da|do|du|des|della|von|van|der)[ ]$/.test(name.slice(0, last.index + 1))) return name.length;
  // Keep at least one word of the name: "Hospital Madrid" is a hospital's name.
  if (!/\p{Lu}/u.test(name.slice(0, last.index))) return name.length;
  const words = last[1]!.trim().split(' ');
  for (let n = words.length; n > 0; n--) {
    const f = fold(words.slice(-n).join(' '));
    if (townList().has(f) || placeList().has(f)) return name.length - words.slice(-n).join(' ').length - 1;
  }
  return name.length;
}

/** "Children's Hospital", "Memorial Hospital": an English name before the head, which English writes last. */
function englishNameBefore(text: string, at: number): boolean {
  const word = /(\p{Lu}[\p{L}'’]*)[ ]$/u.exec(text.slice(Math.max(0, at - 24), at))?.[1];
  return !!word && (/['’]s$/.test(word) || commonWordList().has(word.toLowerCase()));
}

/**
 * What NAME_THEN_TAIL needs in a window: each of its matches holds, in lower case, one of these tail words (the
 * facility word after the name, or the end of a compound: "Marienkrankenhaus", "Kinderspital"), which the keyword
 * automaton finds. Most windows are around an English "clinic" or "hospital" and hold none: it is not run there.
 */
const TAIL_WORDS = new PatternWords([{ words: ['krankenhaus', 'klinik', 'kliniek', 'ziekenhuis', 'spital', 'gasthuis'], stands: () => true }], OWN, []);

/** Facilities around the anchors; `everyWindow` runs each pattern in every window (the same findings, for tests). */
export function findFacilities(text: string, lower: string, anchors: ReadonlyMap<string, readonly number[]>, everyWindow = false): Candidate[] {
  const extra: number[] = [];
  NON_ASCII.positions(lower, extra, text);
  const out: Candidate[] = [];
  const tails = everyWindow ? undefined : TAIL_WORDS.mayMatch(text, lower, anchors, extra);
  const mayMatch = tails && ((part: Part, n: number): boolean => n === 0 || tails(part, 0));
  aroundAnchors(text, anchors, OWN, extra, [80, 160], () => [HEAD_FIRST(), NAME_THEN_TAIL()], (m, offset, n) => {
    const s = offset + m.index;
    let value = m[0];
    let end = s + m[0].length;
    if (n === 0) {
      const head = m[1]!;
      // "Hospital Road", "Hospital Emergency Department": English words after the head ("Hospital Son Dureta" is no English).
      const words = value.slice(head.length).trim().split(/\s+/).slice(0, 2).map((w) => w.toLowerCase());
      if (SHARED_WITH_ENGLISH.has(head.toLowerCase()) && (words.every((w) => commonWordList().has(w) && !ROMANCE_NAME_WORDS.has(w)) || englishNameBefore(text, s))) return;
      end = s + head.length + nameEnd(text, s + head.length, value.slice(head.length), out);
      // Short acronyms (CH, CS, CAP) name a facility only before a town or a name of two words.
      if (head.length <= 3 && head !== 'CHU' && !/^\S+\s+(?:de|d['’]|del)\s/.test(value.slice(head.length + 1)) && value.slice(head.length).trim().split(/\s+/).length < 2) return;
    } else if (!/^\p{Lu}\p{Ll}+(?:krankenhaus|klinikum|klinik|kliniek|ziekenhuis|spital)(?![\p{L}])/u.test(value)) {
      value = value.replace(NOT_NAME_START, '');
      const first = /^\S+/.exec(value)![0].toLowerCase();
      if (commonWordList().has(first) && !/^(?:st\.?|sint|sankt|saint)$/.test(first) && !/[ßäöüëï]|(?:es|er|isches|ische|en)$/.test(first)) value = value.replace(/^\S+\s+/, '');
      // Only the facility word is left: "das Krankenhaus" names no facility.
      if (TAILS.some((t) => value.startsWith(t))) return;
    }
    const c = candidate(text, n === 0 ? s : end - value.length, end, 0.9, n === 0 ? 'facility word and its name (0.9)' : 'name and facility word (0.9)');
    if (c) out.push(c);
  }, mayMatch);
  return out;
}

export const FACILITY_ANCHORS = ANCHORS;

export const facilityDetector: Detector = {
  id: 'pii.health-facility-intl',
  type: 'LOCATION',
  category: 'pii',
  description: 'Hospital or health centre of Europe by its whole name',
  anchors: FACILITY_ANCHORS,
  find: (text, lower, anchors) => findFacilities(text, lower, anchors),
  examples: {
    match: [
      { text: 'ingresa en el Hospital Universitario de Getafe por fiebre', value: 'Hospital Universitario de Getafe' },
      { text: 'remitido al Complejo Hospitalario de Navarra.', value: 'Complejo Hospitalario de Navarra' },
      { text: 'Aufnahme im Universitätsklinikum Hamburg-Eppendorf wegen', value: 'Universitätsklinikum Hamburg-Eppendorf' },
      { text: 'suivi au CHU de Bordeaux depuis', value: 'CHU de Bordeaux' },
      { text: "ricoverato all'Ospedale San Raffaele di Milano", value: 'Ospedale San Raffaele di Milano' },
    ],
    noMatch: ['the hospital road was closed', 'ingresó en el hospital por la tarde', 'Clinic Manager Jones'],
  },
};
