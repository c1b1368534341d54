import { hashWord } from './chars';
import { eachWordHash } from './lexicon/front-coding';
import stopWords from './lexicon/stop-words.generated';
import { ALL_LOWER, tokensOf, wordFrom } from './tokens';

/**
 * The language of a text, or of each of its paragraphs, from its stop words: each language's short function words
 * ("the", "und", "que", "het") as hashes, read off the words that tokens.ts has already hashed, so that finding
 * the language costs one look-up per word and no string. Japanese is told by its script (kana). A paragraph with
 * too few stop words to tell takes the language of the whole text.
 */
export const LANGUAGES = ['en', 'es', 'de', 'fr', 'it', 'nl', 'pt', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];
const LATIN = LANGUAGES.slice(0, 7) as readonly Exclude<Language, 'ja'>[];

/**
 * Words of forms and letters that tell a language where a text is all labels and names ("Vorname: Klaus"), which
 * stop words cannot: counted like stop words.
 */
const FORM_WORDS: Record<(typeof LATIN)[number], string> = {
  en: 'name surname first last date birth address patient doctor phone dear regards sincerely',
  es: 'nombre apellidos fecha nacimiento domicilio médico paciente teléfono edad sexo informe estimado atentamente',
  de: 'vorname nachname geburtsdatum anschrift straße arzt ärztin patientin telefon befund diagnose geehrte geehrter grüßen',
  fr: 'nom prénom naissance adresse médecin téléphone âge madame monsieur cordialement salutations',
  it: 'nome cognome nascita indirizzo medico paziente telefono età gentile cordiali saluti',
  nl: 'naam voornaam achternaam geboortedatum adres arts patiënt telefoon geachte groeten',
  pt: 'nome apelido nascimento morada endereço médico doente utente telefone idade prezado cumprimentos',
};

/**
 * Stop-word hash -> bit mask of the languages (index in LANGUAGES) that have the word, in one open-addressed
 * table of typed arrays: looked up once per word of every text, where a Map's look-up costs several times more.
 */
class MaskTable {
  private keys = new Int32Array(4096);
  private masks = new Uint8Array(4096);
  private size = 0;

  /** The mask of a hash, 0 when no stop word has it. */
  get(hash: number): number {
    const mask = this.keys.length - 1;
    for (let at = spread(hash) & mask; ; at = (at + 1) & mask) {
      const m = this.masks[at]!;
      if (m === 0 || this.keys[at] === hash) return m;
    }
  }

  add(hash: number, bits: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let at = spread(hash) & mask;
    while (this.masks[at] !== 0 && this.keys[at] !== hash) at = (at + 1) & mask;
    if (this.masks[at] === 0) this.size++;
    this.keys[at] = hash;
    this.masks[at]! |= bits;
  }

  private grow(): void {
    const { keys, masks } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.masks = new Uint8Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (masks[i]) this.add(keys[i]!, masks[i]!);
  }
}

function spread(k: number): number {
  k = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
  return k ^ (k >>> 16);
}

let masks: MaskTable | undefined;

function stopMasks(): MaskTable {
  if (masks) return masks;
  const table = (masks = new MaskTable());
  LATIN.forEach((lang, bit) => {
    eachWordHash(stopWords[lang], (h) => table.add(h, 1 << bit));
    for (const w of FORM_WORDS[lang].split(' ')) table.add(hashWord(w), 1 << bit);
  });
  return table;
}

/** Weight of each language's bit in a mask: a word of k languages gives each 1/k. */
const SHARE = Array.from({ length: 1 << LATIN.length }, (_, m) => 1 / Math.max(1, popcount(m)));
function popcount(m: number): number {
  let n = 0;
  for (; m; m &= m - 1) n++;
  return n;
}

/** Fewer stop words than this say nothing: "Dr. Koch" has none, a heading one at most. */
const MIN_EVIDENCE = 1.5;
/** A lead this large is not overturned by reading on: the rest of a long text is not read. */
const DECIDED = 10;
/** The longest stop word (build-lexicon-people.ts keeps words of up to eight letters; form words are longer). */
const MAX_STOP_WORD = 13;
const scores = new Float64Array(LATIN.length);


/** Counts of kana (Japanese-only script) and CJK ideographs in text[start, end). */
function japaneseScript(text: string, start: number, end: number): { kana: number; han: number } {
  let kana = 0, han = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3040) continue;
    if (c <= 0x30ff) kana++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if (c >= 0xff66 && c <= 0xff9f) kana++; // half-width katakana
  }
  return { kana, han };
}

/** Whether the leading language is ahead of every other by DECIDED. */
function isDecided(): boolean {
  let first = 0, second = 0;
  for (let b = 0; b < LATIN.length; b++) {
    const x = scores[b]!;
    if (x > first) [first, second] = [x, first];
    else if (x > second) second = x;
  }
  return first - second >= DECIDED;
}

/** The language of text[start, end), or undefined when it has too little evidence for any. */
export function detectLanguage(text: string, start = 0, end = text.length): Language | undefined {
  const t = tokensOf(text);
  const m = stopMasks();
  scores.fill(0);
  let cjkWords = 0;
  let best = 0;
  for (let i = wordFrom(t, start), seen = 0; i < t.words && t.wordStart[i]! < end; i++) {
    const cjk = text.charCodeAt(t.wordStart[i]!) >= 0x3040;
    if (cjk) {
      cjkWords++;
      continue;
    }
    if (t.wordEnd[i]! - t.wordStart[i]! > MAX_STOP_WORD) continue; // no stop word is longer: no look-up
    const mask = m.get(t.wordHash[i]!);
    if (mask !== 0) {
      // A capitalised stop word may be a name ("Ella", "Van"): it counts half.
      const share = t.wordShape[i]! & ALL_LOWER ? SHARE[mask]! : SHARE[mask]! / 2;
      for (let b = 0; b < LATIN.length; b++) if (mask & (1 << b)) scores[b]! += share;
      if (++seen % 8 === 0 && !cjkWords && isDecided()) break;
    }
  }
  for (let b = 1; b < LATIN.length; b++) if (scores[b]! > scores[best]!) best = b;
  if (cjkWords) {
    const { kana, han } = japaneseScript(text, start, end);
    // Kana is Japanese only; ideographs alone could be Chinese, but Japanese is the CJK language known here.
    if ((kana >= 2 || han >= 4) && kana + han > scores[best]! * 4) return 'ja';
  }
  if (scores[best]! < MIN_EVIDENCE) return undefined;
  // English is the engine's first language: another must win clearly ("lives at 63 Rue de Kairouan" stays English).
  return best === 0 || scores[best]! >= scores[0]! + 1 ? LATIN[best] : 'en';
}

export interface Paragraph {
  start: number;
  end: number;
  language: Language;
}

let memoText: string | undefined;
let memo: Paragraph[] = [];

/** Where the next blank line (/\n[ \t\r]*\n/) from `from` starts, or -1: newlines are found by indexOf, not a regex. */
function blankLineAt(text: string, from: number): number {
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) if (blankLineEnd(text, i) >= 0) return i;
  return -1;
}

/** The end of the blank line that starts with the newline at `at` (after the newline that closes it), or -1. */
function blankLineEnd(text: string, at: number): number {
  let j = at + 1;
  for (let c = text.charCodeAt(j); c === 32 || c === 9 || c === 13; c = text.charCodeAt(++j));
  return text.charCodeAt(j) === 10 ? j + 1 : -1;
}

/**
 * The paragraphs of a text (split at blank lines) with the language of each; a paragraph that cannot be told takes
 * the text's language, and a text that cannot be told is taken for English (the engine's first language).
 */
export function paragraphLanguages(text: string): readonly Paragraph[] {
  if (text === memoText) return memo;
  const whole = detectLanguage(text) ?? 'en';
  const out: Paragraph[] = [];
  let start = 0;
  for (let blank = blankLineAt(text, 0); ; blank = blankLineAt(text, start)) {
    const end = blank < 0 ? text.length : blank;
    if (end > start) {
      const language = blank < 0 && start === 0 ? whole : (detectLanguage(text, start, end) ?? whole);
      const prev = out[out.length - 1];
      if (prev && prev.language === language) prev.end = end;
      else out.push({ start, end, language });
    }
    if (blank < 0) break;
    start = blankLineEnd(text, blank);
  }
  memoText = text;
  memo = out.length ? out : [{ start: 0, end: text.length, language: whole }];
  return memo;
}

/** The language of the paragraph that holds position `at`. */
export function languageAt(text: string, at: number): Language {
  const ps = paragraphLanguages(text);
  if (ps.length === 1) return ps[0]!.language;
  let lo = 0, hi = ps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ps[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return ps[lo]!.language;
}

/** Whether a lower-case word is one of a language's stop words ("un", "der", "het"): never a name there. */
export function isStopWord(word: string, language: Language): boolean {
  const bit = LATIN.indexOf(language as (typeof LATIN)[number]);
  return bit >= 0 && (stopMasks().get(hashWord(word)) & (1 << bit)) !== 0;
}
