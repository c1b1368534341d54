import { commonWordsOf, intlNameList, japaneseFamilyNames, japaneseGivenNames, nativeCountryNames } from '../lexicon/people-intl';
import { isStopWord, type Language } from '../language';
import type { Candidate } from '../types';
import { TITLES, type Kind, type Token } from './proper-nouns';

/**
 * People's names in languages other than English. A capital says much less there: German capitalises every noun,
 * and Spanish or French clinical text capitalises services, headings and field labels that no English word list
 * knows. So outside English a capitalised word that is in no name list is a name only with a cue (a title, a name
 * label, a known name beside it), and a name that is also a word of the language ("Koch", "Sol") counts as weak.
 */

/** Months and week days of the languages: capitalised in German and at line starts, never a name on their own. */
const CALENDAR = new Set(`
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo
januar jänner februar märz april mai juni juli august september oktober november dezember montag dienstag mittwoch donnerstag freitag samstag sonntag
janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche
gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica
januari februari maart april mei juni juli augustus september oktober november december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro segunda terça quarta quinta sexta sábado domingo
`.split(/\s+/).filter(Boolean));

/** The kinds of a run's words, read in a language other than English. */
export function kindsIn(language: Language, tokens: readonly Token[], kinds: readonly Kind[]): Kind[] {
  const out = kinds.slice();
  for (let i = 0; i < out.length; i++) out[i] = kindIn(language, tokens[i]!.base, out[i]!);
  return out;
}

/**
 * kindsIn() for one word: a pure function of the language, the word and its English kind (the lists are fixed),
 * kept across scans in a bounded map, as kindOf() keeps the English kinds: one look-up instead of five.
 */
function kindIn(language: Language, base: string, k: Kind): Kind {
  const byKind = intlKinds.get(language) ?? intlKinds.set(language, new Map()).get(language)!;
  const cache = byKind.get(k) ?? byKind.set(k, new Map()).get(k)!;
  let kind = cache.get(base);
  if (kind === undefined) {
    if (cache.size >= 50_000) cache.clear();
    cache.set(base, (kind = readKindIn(language, base, k)));
  }
  return kind;
}
const intlKinds = new Map<Language, Map<Kind, Map<string, Kind>>>();

function readKindIn(language: Language, base: string, k: Kind): Kind {
  if (CALENDAR.has(base) || nativeCountryNames.has(base) || (base.length <= 3 && isStopWord(base, language))) return 'not-name'; // "Un", "Der"; not "Ella"
  if (k === 'unknown' && intlNameList.has(base)) return commonWordsOf(language).has(base) ? 'weak-name' : 'name';
  if (k === 'name' && commonWordsOf(language).has(base)) return 'weak-name';
  return k;
}

/**
 * The words right before a run, read backwards from its start without a regex: runs are many and these cues are
 * looked up in sets. `before` is textBefore(): lower case.
 */
interface Before {
  /** The last word ("nombre", "dra", "ssa" of "dott.ssa", "ª" of "dr.ª"). */
  last: string;
  /** The word before it, and the one character between the two. */
  prev: string;
  sep: string;
  /** What follows the last word: ':', '.', '/' or nothing. */
  mark: string;
}

const isCueChar = (c: number): boolean => (c >= 97 && c <= 122) || c === 0xaa || c === 0xba || (c >= 0xdf && c <= 0xff && c !== 0xf7);

const isBlank = (c: number): boolean => c === 32 || c === 9;

export function readBefore(before: string): Before {
  // A run's words are read twice (as a run, then as a person): the last reading is kept.
  if (before !== lastRead.before) lastRead = { before, read: readWordsBefore(before) };
  return lastRead.read;
}
let lastRead = { before: '', read: readWordsBefore('') };

function readWordsBefore(before: string): Before {
  let i = before.length - 1;
  while (i >= 0 && isBlank(before.charCodeAt(i))) i--;
  let mark = '';
  const c = before[i];
  if (c === ':' || c === '.' || c === '/') {
    mark = c;
    i--;
    if (c === ':') while (i >= 0 && isBlank(before.charCodeAt(i))) i--;
  }
  const end = i + 1;
  while (i >= 0 && isCueChar(before.charCodeAt(i))) i--;
  const last = before.slice(i + 1, end);
  const sep = i >= 0 ? before[i]! : '';
  const prevEnd = i;
  i--;
  while (i >= 0 && isCueChar(before.charCodeAt(i))) i--;
  return { last, prev: prevEnd > 0 ? before.slice(i + 1, prevEnd) : '', sep, mark };
}

/** Labels of a name field ("Nombre:", "Vorname:", "Nom :", "Cognome:", "Naam:"): the capitalised words that follow are the name. */
const NAME_LABELS = new Set('nombre apellidos apellido name vorname nachname familienname nom prénom nome cognome naam voornaam achternaam apelido apelidos'.split(' '));
/** Labels of a role ("Médico:", "Remitido por:", "Patient:"): a person follows, or a description ("Paciente: Varón"). */
const ROLE_LABELS = new Set('médico médica medico medica responsable clínico paciente enfermero enfermera facultativo firmado patient patientin arzt ärztin unterschrift médecin traitant curante paziente arts huisarts patiënt utente doente assistente'.split(' '));
const isNameLabel = (b: Before): boolean => b.mark === ':' && NAME_LABELS.has(b.last);
const isRoleLabel = (b: Before): boolean => b.mark === ':' && (ROLE_LABELS.has(b.last) || (b.last === 'por' && /^(?:remitid[oa]|firmad[oa])$/.test(b.prev)));

/**
 * Titles and honorifics right before a name, in the languages of issue 17: Sr./Sra./Dr./Dra./D./Dña., Herr, Frau,
 * Dr. med., Prof., M./Mme/Mlle, Sig./Sig.ra/Dott./Dott.ssa, dhr./mevr./mw., Dr.ª ("Dr.Hector" without a space
 * counts too); one-letter titles (D., M.) need their dot.
 */
const TITLE_WORDS = new Set('sr sra srta dr dra dña doña don dª prof profa herr frau mme mlle mr mrs ms sig dott ing avv dhr mevr mw drs'.split(' '));
function isTitle(b: Before): boolean {
  if (b.mark !== '.' && b.mark !== '') return false;
  if (TITLE_WORDS.has(b.last)) return true;
  if (b.mark === '.' && (b.last === 'd' || b.last === 'm')) return b.sep !== '.' && b.sep !== '-'; // not "a.m."
  if (b.mark === '.' && b.last === 'med') return true; // "Dr. med."
  if (b.sep !== '.') return false;
  return (b.last === 'ssa' && (b.prev === 'dott' || b.prev === 'dr')) || ((b.last === 'ra' || b.last === 'na') && b.prev === 'sig') || (b.last === 'ª' && (b.prev === 'dr' || b.prev === 'sr'));
}

/**
 * "Nombre: Julio", "Apellidos: Hortaleza Díaz", "Nachname: Koch": after a name label the capitalised words of the
 * run are the name, whatever else they could be (a month, a place, a noun); after a role label ("Médico:") two
 * words or more are ("Paciente: Mujer de 52 años" is a description). A title in front is no part of the name.
 */
export function labelledName(text: string, before: Before, run: readonly Token[]): Candidate | undefined {
  let first = 0;
  while (first < run.length - 1 && TITLES.has(run[first]!.base)) first++;
  // "Nome: Luca Cognome: Ferrari": the next label ends the name.
  let end = first + 1;
  while (end < run.length && end < first + 6 && text.charCodeAt(run[end]!.end) !== 58 && text.charCodeAt(run[end]!.end + 1) !== 58) end++;
  const named = isNameLabel(before);
  if (!named && !(end - first >= 2 && isRoleLabel(before))) return undefined;
  const last = run[end - 1]!;
  return { start: run[first]!.start, end: last.initial && last.dot ? last.end + 1 : last.nameEnd, score: 0.9, why: [`capitalised words after a ${named ? 'name' : 'role'} label (0.9)`] };
}

/** The closing formulas of letters, after which the signature's name stands on a line of its own. */
const CLOSING = /(?:grüßen|grüße|gruß|hochachtungsvoll|atentamente|saludos|un saludo|cordialement|salutations|distinti saluti|cordiali saluti|saluti|groet|groeten|cumprimentos|atenciosamente|regards|sincerely)[,.!]?\s*$/u;

/**
 * Whether the run at `start` opens a line that follows a letter's closing formula ("Mit freundlichen Grüßen" then,
 * a blank line or not, "Dr. med. Anna Schneider"): a signature.
 */
export function isSignature(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  while (i >= 0 && text.charCodeAt(i) !== 10 && start - i < 24) i--; // a title may stand before the name on its line
  if (i < 0 || text.charCodeAt(i) !== 10) return false;
  while (i >= 0 && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 32)) i--;
  return CLOSING.test(text.slice(Math.max(0, i - 40), i + 1).toLowerCase());
}

/**
 * A cue before a run that makes it a person's name, in a language other than English: a name label lifts any
 * capitalised words, a role label or a title lifts names and runs of two words or more.
 */
export function intlPersonCue(before: Before, oneUnknownWord: boolean): [string, number] | undefined {
  if (isNameLabel(before)) return ['after a name label', 0.45];
  if (oneUnknownWord) return undefined;
  if (isRoleLabel(before)) return ['after a role label', 0.45];
  if (isTitle(before)) return ['after a title', 0.45];
  return undefined;
}

/**
 * A run that is no person although it holds names: it starts with the head of an institution or a street
 * ("Hospital Carlos Haya", "Calle Joaquín Vidal"), follows one in lower case ("c/ Gaspar Aguilar"), or follows an
 * eponym's noun ("signo de Romberg", "test de Coombs", "Morbus Crohn").
 */
export function notAPerson(first: Token, before: Before): boolean {
  if (INSTITUTION_HEADS.has(first.base) || STREET_HEADS.has(first.base) || EPONYM_NOUNS.has(first.base)) return true; // "Test de Coombs"
  if (before.mark === ':') return false;
  if (before.mark === '/' ? before.last === 'c' : STREET_HEADS.has(before.last)) return true;
  return before.last === 'morbus' || (EPONYM_LINKS.has(before.last) && EPONYM_NOUNS.has(before.prev));
}
const STREET_HEADS = new Set('calle avenida avda av paseo plaza pza carrer carretera camino ronda travesía travesia glorieta rúa rua via viale piazza corso largo rue boulevard avenue place chemin allée impasse straße strasse str weg platz allee gasse ring damm straat laan plein weg gracht kade singel praça praca avenida travessa estrada'.split(' '));
const EPONYM_LINKS = new Set(['de', 'del', 'di', 'du', 'des', 'von', 'van']);
/** Nouns before an eponym ("signo de Romberg", "bacilo de Koch", "maladie de Crohn", "morbo di Crohn"). */
const EPONYM_NOUNS = new Set('síndrome sindrome enfermedad signo prueba test escala grado índice indice puntuación criterio criterios clasificación maniobra técnica bacilo virus tumor células celulas reacción método sonda fórmula ley maladie syndrome signe échelle morbo malattia segno scala doença sinal ziekte syndroom teken schaal'.split(' '));

/** Nouns a title addresses that are no name: "Herr Kollege", "Frau Doktor", "Sr. Doctor", "cher confrère". */
const ADDRESS_NOUNS = new Set('kollege kollegin kollegen doktor doktorin professor professorin patient patientin pfarrer collega colleghi dottore dottoressa docteur confrère consœur collègue colega doctor doctora doutor doutora collega'.split(' '));
export const isAddressNoun = (base: string): boolean => ADDRESS_NOUNS.has(base);

/** Words that begin an institution's name in the Romance languages ("Servicio de Urología", "Hospital Clínico"). */
const INSTITUTION_HEADS = new Set('servicio unidad sección seccion departamento hospital clínica clinica centro grupo instituto universidad fundación consulta área complejo service unité département hôpital centre clinique institut servizio unità reparto ospedale clinica centro istituto università serviço unidade departamento hospital centro instituto universidade'.split(' '));
const HEAD_FIRST = new Set<Language>(['es', 'fr', 'it', 'pt']);

/**
 * Where languages put the head of an institution's or a street's name first, a run that goes on from a name into
 * one is two: "Remitido por: Ana Ruiz Gil Servicio de Urología" holds a person and then a service; "NºCol" (a
 * number's label) ends a run too.
 */
export function splitAtInstitutions(language: Language, run: Token[]): Token[][] {
  if (!HEAD_FIRST.has(language) || run.length < 2) return [run];
  for (let i = 1; i < run.length; i++) if (INSTITUTION_HEADS.has(run[i]!.base) || STREET_HEADS.has(run[i]!.base) || run[i]!.base.includes('º')) return [run.slice(0, i), ...splitAtInstitutions(language, run.slice(i))];
  return [run];
}

/** Japanese honorifics after a name: 様, さん, 先生, 氏, 殿, くん, ちゃん. */
const JA_NAME = /([\u3400-\u9fff\u3005]{1,4})(?:[ \u3000]?([\u3400-\u9fff\u3005\u30a1-\u30ff]{1,4}))?(?:[ \u3000]?(様|さん|先生|氏|殿|くん|ちゃん)|(?=[ \u3000]?[、。\n（(]))/gu;
/** Japanese name labels: 氏名, 患者名, 名前, 担当医, 主治医, followed by a colon or a space. */
const JA_LABEL = /(?:氏名|患者名|患者氏名|名前|担当医|主治医|医師名)[ \u3000]*[:：]?[ \u3000]*$/u;

/**
 * Names in Japanese text: a known family name (kanji) with a given name or an honorific after it ("田中 太郎",
 * "佐藤様"), or any name after a name label ("氏名：山田花子"). Kanji run together, so the family name is read off
 * the front of a run of ideographs: the longest known one.
 */
export function japaneseNames(text: string, people: Candidate[]): void {
  JA_NAME.lastIndex = 0;
  for (let m = JA_NAME.exec(text); m; m = JA_NAME.exec(text)) {
    const run = m[1]!;
    const honorific = m[3];
    const labelled = JA_LABEL.test(text.slice(Math.max(0, m.index - 8), m.index));
    let family = 0;
    for (let n = Math.min(3, run.length); n >= 1 && !family; n--) if (japaneseFamilyNames.has(run.slice(0, n))) family = n;
    const given = m[2] ?? (family && family < run.length ? run.slice(family) : '');
    let score = 0;
    let why = '';
    if (labelled) [score, why] = [0.9, 'after a Japanese name label'];
    else if (family && honorific) [score, why] = [0.9, 'known Japanese family name with an honorific'];
    else if (family && given && japaneseGivenNames.has(given)) [score, why] = [0.85, 'known Japanese family and given name'];
    else if (honorific === '様' || honorific === '氏' || honorific === '殿') [score, why] = [0.6, 'kanji before a Japanese honorific'];
    if (!score) {
      JA_NAME.lastIndex = m.index + 1; // "担当田中先生": the name may start inside the run
      continue;
    }
    const end = m.index + m[0].length - (honorific ? honorific.length : 0);
    people.push({ start: m.index, end: text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 0x3000 ? end - 1 : end, score, why: [`${why} (${score})`] });
  }
}
