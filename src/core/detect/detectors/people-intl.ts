import { commonWordsOf, intlNameList, japaneseFamilyNames, japaneseGivenNames, nativeCountryNames } from '../lexicon/people-intl';
import type { Language } from '../language';
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
  const common = commonWordsOf(language);
  return kinds.map((k, i) => {
    const base = tokens[i]!.base;
    if (CALENDAR.has(base) || nativeCountryNames.has(base)) return 'not-name';
    if (k === 'unknown' && intlNameList.has(base)) return common.has(base) ? 'weak-name' : 'name';
    if (k === 'name' && common.has(base)) return 'weak-name';
    return k;
  });
}

/**
 * Titles and honorifics right before a name, in the languages of issue 17: Sr./Sra./Dr./Dra./D./Dña., Herr, Frau,
 * Dr. med., Prof., M./Mme/Mlle, Sig./Sig.ra/Dott./Dott.ssa, dhr./mevr./mw., Dr.ª. Read on the lower-case text
 * before the run (textBefore), so "Dr.Hector" without a space counts too; one-letter titles (D., M.) need their dot.
 */
const TITLE_BEFORE = /(?:^|[^\p{L}])(?:(?:sra?|srta|dra?|dña|doña|don|prof|profa|herr|frau|dr\. med|dipl\.-med|mme|mlle|mr|mrs|ms|sig|dott|ing|avv|dhr|mevr|mw|drs)\.?|(?:d|m|dª|dr\.ª|sr\.ª|sig\.ra|sig\.na|dott\.ssa|dr\.ssa)\.)[ \t]*$/u;

/** Labels of a name field: whatever capitalised words follow on the line are the name. */
const NAME_LABEL = /(?:^|[^\p{L}])(?:nombre(?: y apellidos)?|apellidos?|name|vorname|nachname|familienname|nom(?: de famille)?|prénom|nome|cognome|naam|voornaam|achternaam|apelido)[ \t]*:[ \t]*$/u;
/** Labels of a role ("Médico:", "Remitido por:", "Patient:"): a person follows, or a description ("Paciente: Varón"). */
const ROLE_LABEL = /(?:^|[^\p{L}])(?:m[ée]dic[oa](?: responsable)?|responsable(?: clínico)?|paciente|remitid[oa] por|firmado(?: por)?|enfermer[oa]|facultativo|patient(?:in)?|arzt|ärztin|unterschrift|behandelnde[rn]? (?:arzt|ärztin)|médecin(?: traitant)?|medico(?: curante)?|paziente|arts|huisarts|patiënt|utente|doente|médic[oa] assistente)[ \t]*:[ \t]*$/u;

/**
 * "Nombre: Julio", "Apellidos: Hortaleza Díaz", "Nachname: Koch": after a name label the capitalised words of the
 * run are the name, whatever else they could be (a month, a place, a noun); after a role label ("Médico:") two
 * words or more are ("Paciente: Mujer de 52 años" is a description). A title in front is no part of the name.
 */
export function labelledName(before: string, run: readonly Token[]): Candidate | undefined {
  let first = 0;
  while (first < run.length - 1 && TITLES.has(run[first]!.base)) first++;
  const named = NAME_LABEL.test(before);
  if (!named && !(run.length - first >= 2 && ROLE_LABEL.test(before))) return undefined;
  const last = run[Math.min(run.length, first + 6) - 1]!;
  return { start: run[first]!.start, end: last.initial && last.dot ? last.end + 1 : last.nameEnd, score: 0.9, why: [`capitalised words after a ${named ? 'name' : 'role'} label (0.9)`] };
}

/**
 * A cue before a run that makes it a person's name, in a language other than English: a name label lifts any
 * capitalised words, a role label or a title lifts names and runs of two words or more.
 */
export function intlPersonCue(before: string, oneUnknownWord: boolean): [string, number] | undefined {
  if (NAME_LABEL.test(before)) return ['after a name label', 0.45];
  if (oneUnknownWord) return undefined;
  if (ROLE_LABEL.test(before)) return ['after a role label', 0.45];
  if (TITLE_BEFORE.test(before)) return ['after a title', 0.45];
  return undefined;
}

/**
 * A run that is no person although it holds names: it starts with the head of an institution or a street
 * ("Hospital Carlos Haya", "Calle Joaquín Vidal"), follows one in lower case ("c/ Gaspar Aguilar"), or follows an
 * eponym's noun ("signo de Romberg", "test de Coombs", "Morbus Crohn").
 */
export function notAPerson(first: Token, before: string): boolean {
  return INSTITUTION_HEADS.has(first.base) || STREET_HEADS.has(first.base) || STREET_BEFORE.test(before) || EPONYM_BEFORE.test(before);
}
const STREET_HEADS = new Set('calle avenida avda av paseo plaza pza carrer carretera camino ronda travesía travesia glorieta rúa rua via viale piazza corso largo rue boulevard avenue place chemin allée impasse straße strasse str weg platz allee gasse ring damm straat laan plein weg gracht kade singel praça praca avenida travessa estrada'.split(' '));
const STREET_BEFORE = /(?:^|[^\p{L}])(?:c\/|calle|avda\.?|av\.|avenida|paseo|plaza|pza\.?|carrer|ronda|camino|rúa|rua|via|viale|piazza|corso|rue|bd|boulevard|avenue|place|praça|travessa)\s*$/u;
const EPONYM_BEFORE = /(?:^|[^\p{L}])(?:(?:síndrome|sindrome|enfermedad|signo|prueba|test|escala|grado|índice|indice|puntuación|criterios?|clasificación|maniobra|técnica|bacilo|virus|tumor|células|celulas|reacción|método|sonda|fórmula|ley|maladie|syndrome|signe|échelle|maladie|morbo|malattia|segno|scala|doença|sinal|ziekte|syndroom|teken|schaal)\s+(?:de|del|di|du|des|von|van)|morbus|m\.)\s*$/u;

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
