/**
 * Hand-written clinical letters in seven languages (test/fixtures/letters/<language>.txt), marked up inline as
 * `{P:Name}`, and read as labelled rows in the scorer's format: a small held-out check of the languages of issue 17,
 * written by the team, that no detector was tuned on. Letters are separated by a line "---".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The markup's letters and the gold types of ../shared/eval/score.mjs (GOLD_TYPES) they stand for. */
const MARKS: Record<string, string> = {
  P: 'PERSON', D: 'DATE', L: 'STREET_ADDRESS', I: 'UNIQUE_IDENTIFIER', T: 'PHONE_NUMBER', F: 'FAX_NUMBER', E: 'EMAIL_ADDRESS',
};

export interface LabelledRow {
  id: string;
  full_text: string;
  spans: { entity_type: string; start_position: number; end_position: number }[];
}

/** One marked-up letter as a row: the text without marks and the spans of what was marked. */
export function parseLetter(id: string, marked: string): LabelledRow {
  const spans: LabelledRow['spans'] = [];
  let text = '';
  let at = 0;
  for (const m of marked.matchAll(/\{([A-Z]):([^{}]+)\}/g)) {
    const type = MARKS[m[1]!];
    if (!type) throw new Error(`${id}: unknown mark ${m[1]} (use ${Object.keys(MARKS).join(', ')})`);
    text += marked.slice(at, m.index);
    spans.push({ entity_type: type, start_position: text.length, end_position: text.length + m[2]!.length });
    text += m[2]!;
    at = m.index + m[0].length;
  }
  return { id, full_text: text + marked.slice(at), spans };
}

/** Every letter of every language in `dir`, by language (the file's name). */
export function readLetters(dir = resolve(import.meta.dirname, '../../test/fixtures/letters')): Map<string, LabelledRow[]> {
  const out = new Map<string, LabelledRow[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const language = file.replace(/\.txt$/, '');
    const letters = readFileSync(resolve(dir, file), 'utf8').split(/^---$/m).map((l) => l.trim()).filter(Boolean);
    out.set(language, letters.map((l, i) => parseLetter(`${language}-${i + 1}`, l)));
  }
  return out;
}
