import { isAlnum } from '../../chars';
import { classOf, SPACE } from '../../tokens';
import type { Detector, Pattern } from '../../types';
import { backOver, DIGIT_REACH, patternsAtDigits, type Starts } from '../ip/runs';
import { findHealthTerms } from './terms';
import { isMedicineName, shapeTier, tierOf } from './vocabulary';

/**
 * Health context: what turns an identifier into protected health information. Clinical sense is read from
 * tiers of vocabulary (health/vocabulary.ts), medicine and device names (health/medicines.ts) and the shapes of
 * medical words (diagnosis and procedure suffixes, the WHO stems of drug names).
 */

/** True for health vocabulary, medicine names and words shaped like diagnoses or drugs: such words are not names. */
export function isMedicalWord(lower: string): boolean {
  return tierOf(lower) !== undefined || isMedicineName(lower) || shapeTier(lower) !== undefined;
}

export const MEDICAL_CODE_PATTERNS: Pattern[] = [
  { name: 'icd10cm', regex: /(?<![\w.-])[A-TV-Z]\d[0-9AB](?:\.[0-9A-Z]{1,4})?(?![\w-])/g, score: 0.45 },
  { name: 'ndc', regex: /(?<![\w-])(?:\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2})(?![\w-])/g, score: 0.5 },
  { name: 'cpt', regex: /\bCPT(?:\s*(?:code|#))?\s*[:#]?\s*(\d{4}[0-9FTU])\b/gid, score: 0.9, group: 1 },
];
/** What can stand between "CPT" and its code: white space, the letters of "code" in either case, "#", ":". */
const inCptLabel = (c: number): boolean => (classOf(c) & SPACE) !== 0 || c === 35 || c === 58 || ((c | 32) === 99 || (c | 32) === 111 || (c | 32) === 100 || (c | 32) === 101);
/** A..T and V..Z: an ICD-10-CM code's letter. */
const icdLetter = (c: number): boolean => c >= 65 && c <= 90 && c !== 85;

const isWordOrJoiner = (c: number): boolean => isAlnum(c) || c === 95 || c === 46 || c === 45;

/**
 * Where an ICD-10-CM code or an NDC can begin: an ICD-10-CM code at the letter before a digit and a digit or
 * A or B, with no word character, "." or "-" before the letter; an NDC at a run of 4 or 5 digits and its "-".
 */
export const icdNdcStarts: Starts = (text, t, add) => {
  for (let k = 0; k < t.digits; k++) {
    const s = t.digitStart[k]!, e = t.digitEnd[k]!;
    if (icdLetter(text.charCodeAt(s - 1)) && !isWordOrJoiner(text.charCodeAt(s - 2)) && (e - s >= 2 || text.charCodeAt(e) === 65 || text.charCodeAt(e) === 66)) add(s - 1);
    if ((e - s === 4 || e - s === 5) && text.charCodeAt(e) === 45) add(s);
  }
  return true;
};

/** Where a CPT code can begin: at the "CPT" before a run of 4 or 5 digits (the first character before the code that no label holds is its "T"). */
export const cptStarts: Starts = (text, t, add) => {
  for (let k = 0; k < t.digits; k++) {
    const s = t.digitStart[k]!, len = t.digitEnd[k]! - s;
    if (len !== 4 && len !== 5) continue;
    const q = backOver(text, s, inCptLabel, DIGIT_REACH - 3);
    if (q < 0) return false;
    if ((text.charCodeAt(q - 3) | 32) === 99 && (text.charCodeAt(q - 2) | 32) === 112 && (text.charCodeAt(q - 1) | 32) === 116) add(q - 3);
  }
  return true;
};
const medicalCodes = patternsAtDigits([
  [MEDICAL_CODE_PATTERNS.slice(0, 2), icdNdcStarts],
  [MEDICAL_CODE_PATTERNS.slice(2), cptStarts],
]);

export const healthDetectors: Detector[] = [
  {
    id: 'health.medical-term',
    type: 'MEDICAL_TERM',
    category: 'health',
    description: 'Diagnosis, drug, procedure or clinical word',
    find: findHealthTerms,
    examples: {
      match: [
        { text: 'started on lisinopril for hypertension', value: 'lisinopril' }, { text: 'post-hysterectomy follow-up', value: 'hysterectomy' },
        { text: 'treated with dapagliflozin', value: 'dapagliflozin' }, { text: 'admitted with heart failure', value: 'heart failure' },
        { text: 'diabetic for years, pt well', value: 'pt' }, { text: 'takes 20 mg daily', value: 'mg' },
      ],
      noMatch: [
        'the quarterly sales pipeline', 'update the guideline online', 'Fix a build failure in the health check', 'Pass the pt value to ICU for the bypass',
        'Tulsa, Oklahoma', 'the choreography of the release', 'Please be patient while it loads', 'Withdrawal of funds and the substance of the deal',
      ],
    },
  },
  {
    id: 'health.medical-code',
    type: 'MEDICAL_CODE',
    category: 'health',
    description: 'ICD-10-CM diagnosis code, NDC drug code, or CPT code with context',
    requires: 'digit',
    // Tried only where a code can begin: a letter before a digit run, a run of 4 or 5 digits, the "CPT" before one.
    find: medicalCodes,
    // A label, not the word "code": "C99 code" and "X11 codes" are software.
    context: { words: ['icd', 'icd-10', 'icd10', 'icd-10-cm', 'diagnosis', 'diagnoses', 'dx', 'ndc', 'billing', 'billed', 'claim', 'cpt'], boost: 0.35 },
    examples: {
      match: [{ text: 'ICD-10 code E11.9 for diabetes', value: 'E11.9' }, { text: 'NDC 0002-8215-01', value: '0002-8215-01' }, { text: 'CPT 99213', value: '99213' }],
      noMatch: ['room B12 is free', 'version A10'],
    },
  },
];
