import type { Detector } from '../../types';
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
    patterns: [
      { name: 'icd10cm', regex: /(?<![\w.-])[A-TV-Z]\d[0-9AB](?:\.[0-9A-Z]{1,4})?(?![\w-])/g, score: 0.45 },
      { name: 'ndc', regex: /(?<![\w-])(?:\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2})(?![\w-])/g, score: 0.5 },
      { name: 'cpt', regex: /\bCPT(?:\s*(?:code|#))?\s*[:#]?\s*(\d{4}[0-9FTU])\b/gid, score: 0.9, group: 1 },
    ],
    // A label, not the word "code": "C99 code" and "X11 codes" are software.
    context: { words: ['icd', 'icd-10', 'icd10', 'icd-10-cm', 'diagnosis', 'diagnoses', 'dx', 'ndc', 'billing', 'billed', 'claim', 'cpt'], boost: 0.35 },
    examples: {
      match: [{ text: 'ICD-10 code E11.9 for diabetes', value: 'E11.9' }, { text: 'NDC 0002-8215-01', value: '0002-8215-01' }, { text: 'CPT 99213', value: '99213' }],
      noMatch: ['room B12 is free', 'version A10'],
    },
  },
];
