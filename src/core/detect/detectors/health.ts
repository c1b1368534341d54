import { hashWord, isDigit, isLetter, isUpper } from '../chars';
import type { Candidate, Detector } from '../types';

/**
 * Health context: what turns an identifier into protected health information. Clinical vocabulary is open-ended,
 * so besides a word list the detector knows the shapes of medical words: diagnosis suffixes (-itis, -emia),
 * procedure suffixes (-ectomy, -scopy) and the WHO stems of drug names (-pril, -statin, -mab).
 */
const CLINICAL_WORDS = `
patient patients pt pts diagnosis diagnosed diagnoses prognosis symptom symptoms syndrome disease disorder chronic acute
treatment treated therapy therapies medication medications prescription prescribed prescribe prescribing dose dosage
mg mcg clinic clinical hospital hospitalized admitted admission discharge discharged surgery surgical surgeon
physician nurse oncology oncologist cardiology cardiologist neurology pediatric pediatrics psychiatric psychiatry
radiology biopsy tumor tumour cancer carcinoma lymphoma leukemia leukaemia melanoma sarcoma metastatic metastasis
diabetes diabetic hypertension hypertensive asthma copd pneumonia influenza covid sepsis stroke infarction
myocardial cardiac heart failure chf afib fibrillation arrhythmia angina atherosclerosis cholesterol lipid
kidney renal ckd dialysis liver hepatic cirrhosis hepatitis hiv aids tuberculosis depression anxiety bipolar
schizophrenia ptsd adhd autism dementia alzheimer alzheimer's parkinson parkinson's epilepsy seizure seizures migraine
sclerosis lupus arthritis osteoporosis fracture allergy allergic anaphylaxis anemia thyroid hypothyroidism
hyperthyroidism obesity pregnancy pregnant prenatal postpartum gestational infection infections antibiotic
antibiotics vaccine vaccination immunization insulin chemotherapy chemo radiotherapy radiation transplant
mri ecg ekg echocardiogram ultrasound xray bloodwork a1c hba1c inr creatinine egfr
bmi vitals icu inpatient outpatient referral consult followup postoperative preoperative
rehab rehabilitation physiotherapy medical health healthcare comorbidities comorbidity complications
adverse contraindications contraindicated tx dx hx rx sx hpi gerd ibs uti dvt cad
copd gyn obgyn opioid opioids analgesic nsaid nsaids steroid steroids corticosteroid inhaler blocker
blockers inhibitor inhibitors anticoagulant anticoagulation statin statins antidepressant antidepressants
antipsychotic antiviral antivirals vaccine mammogram colonoscopy appendectomy hysterectomy mastectomy bypass
stent angioplasty catheterization intubation ventilator wound ulcer rash fever cough pain nausea vomiting fatigue
dyspnea edema tachycardia bradycardia hypotension hyperlipidemia hypercholesterolemia hyperglycemia hypoglycemia
neuropathy retinopathy nephropathy cardiomyopathy dermatitis eczema psoriasis acne glaucoma cataract
tinnitus vertigo insomnia apnea smoking alcohol substance overdose withdrawal
metformin lisinopril atorvastatin simvastatin amlodipine losartan warfarin heparin aspirin ibuprofen acetaminophen
paracetamol prednisone methotrexate levothyroxine omeprazole gabapentin sertraline fluoxetine amoxicillin
azithromycin doxycycline ciprofloxacin insulin glargine semaglutide albuterol montelukast furosemide
hydrochlorothiazide clopidogrel apixaban rivaroxaban tamoxifen trastuzumab pembrolizumab adalimumab
`;

const WORDS = new Set(CLINICAL_WORDS.split(/\s+/).filter(Boolean));

/** Word endings that mark diagnoses, procedures and drug stems (INN). */
const SUFFIXES = ['itis', 'osis', 'emia', 'aemia', 'algia', 'opathy', 'ectomy', 'otomy', 'ostomy', 'oplasty', 'oscopy', 'ography', 'plegia', 'penia', 'megaly', 'oma', 'uria', 'trophy', 'pril', 'sartan', 'olol', 'alol', 'statin', 'dipine', 'azole', 'prazole', 'tidine', 'cillin', 'mycin', 'floxacin', 'cycline', 'mab', 'nib', 'tinib', 'vir', 'parin', 'gliptin', 'gliflozin', 'glutide', 'triptan', 'azepam', 'azolam', 'oxetine', 'aline', 'barbital', 'caine', 'profen', 'terol', 'sone', 'olone', 'thiazide', 'semide'];
/** Words of seven letters or more only: shorter words with these endings are mostly plain English. */
const MEDICAL_SUFFIX = new RegExp(`^[a-z]{3,}(?:${SUFFIXES.join('|')})$`);
/** The last two letters of every suffix, as char-code pairs: most words are ruled out without a regex. */
const SUFFIX_ENDINGS = new Set(SUFFIXES.map((x) => x.charCodeAt(x.length - 2) * 128 + x.charCodeAt(x.length - 1)));
/** Plain English words that happen to end like medical words. */
const NOT_MEDICAL = new Set(['diagnosis', 'osmosis', 'aroma', 'diploma', 'coma', 'soma', 'stoma', 'idioma', 'sultanate', 'vireo', 'alcaline', 'airline', 'baseline', 'byline', 'guideline', 'guidelines', 'hotline', 'outline', 'pipeline', 'deadline', 'discipline', 'decline', 'incline', 'online', 'offline', 'saline', 'feline', 'canine', 'ravine', 'trampoline', 'gasoline', 'masculine', 'medicine', 'sequoia', 'sonatina', 'datasone']);

/** True for clinical vocabulary and words shaped like diagnoses, procedures or drug names. */
export function isMedicalWord(lower: string): boolean {
  return WORDS.has(lower) || (lower.length >= 7 && MEDICAL_SUFFIX.test(lower) && !NOT_MEDICAL.has(lower));
}

/** Hashes of the clinical words: a word is lower-cased and looked up only when its hash is among them. */
const WORD_HASHES = new Set([...WORDS].map(hashWord));
/** A 64 K-bit filter over the hashes: most words are ruled out by one array read, before any Set lookup. */
const MAYBE_WORD = new Uint8Array(1 << 16);
for (const h of WORD_HASHES) MAYBE_WORD[h & 0xffff] = 1;
const VOCABULARY = ['clinical vocabulary (0.8)'];
const SHAPE = ['medical word shape (0.6)'];


/**
 * Health terms are context, not identifiers: they make a document PHI and are never redacted. A chunk reports
 * this many at most, and the word pass stops there.
 */
export const MAX_HEALTH_TERMS_PER_CHUNK = 64;

const isCodeChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 95 || c === 43 || c === 47 || c === 61;

function standsAlone(text: string, i: number, j: number): boolean {
  const before = i > 0 ? text.charCodeAt(i - 1) : 32, after = j < text.length ? text.charCodeAt(j) : 32;
  return !isCodeChar(after) && (!isCodeChar(before) || (isDigit(before) && j - i <= 3));
}

/** lower case, Capitalised or ALL CAPS: random mixed case ("EWUkQdihq", "dX") is not a word. */
function wordCased(text: string, i: number, j: number): boolean {
  let upper = 0;
  for (let k = i; k < j; k++) if (isUpper(text.charCodeAt(k))) upper++;
  return upper === 0 || upper === j - i || (upper === 1 && isUpper(text.charCodeAt(i)));
}

/** One pass over the words of a text, without allocating for words that cannot be medical. */
function findMedicalTerms(text: string): Candidate[] {
  const out: Candidate[] = [];
  const n = text.length;
  for (let i = 0; i < n && out.length < MAX_HEALTH_TERMS_PER_CHUNK; i++) {
    if (!isLetter(text.charCodeAt(i)) || (i > 0 && isLetter(text.charCodeAt(i - 1)))) continue;
    let h = 0, j = i;
    for (; j < n; j++) {
      let c = text.charCodeAt(j);
      if (!isLetter(c) && c !== 39) break;
      if (isUpper(c)) c += 32;
      h = (Math.imul(h, 31) + c) | 0;
    }
    const len = j - i;
    // Cheap tests first (the hash filter, the last two letters); then the word must stand alone and be cased
    // like a word: "Hx9" inside a hash ("sha512-...") is no word, a dose like "5mg" is.
    const known = len >= 2 && MAYBE_WORD[h & 0xffff] === 1 && WORD_HASHES.has(h);
    const shaped = !known && len >= 7 && SUFFIX_ENDINGS.has((text.charCodeAt(j - 2) | 32) * 128 + (text.charCodeAt(j - 1) | 32));
    if ((known || shaped) && standsAlone(text, i, j) && wordCased(text, i, j)) {
      const word = text.slice(i, j).toLowerCase();
      if (known && WORDS.has(word)) out.push({ start: i, end: j, score: 0.8, why: VOCABULARY });
      else if (shaped && MEDICAL_SUFFIX.test(word) && !NOT_MEDICAL.has(word)) out.push({ start: i, end: j, score: 0.6, why: SHAPE });
    }
    i = j;
  }
  return out;
}

export const healthDetectors: Detector[] = [
  {
    id: 'health.medical-term',
    type: 'MEDICAL_TERM',
    category: 'health',
    description: 'Diagnosis, drug, procedure or clinical word',
    find: findMedicalTerms,
    examples: {
      match: [{ text: 'started on lisinopril for hypertension', value: 'lisinopril' }, { text: 'post-hysterectomy follow-up', value: 'hysterectomy' }, { text: 'treated with dapagliflozin', value: 'dapagliflozin' }],
      noMatch: ['the quarterly sales pipeline', 'update the guideline online'],
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
    context: { words: ['icd', 'icd-10', 'icd10', 'diagnosis', 'dx', 'code', 'codes', 'ndc', 'drug', 'billing', 'billed', 'claim'], boost: 0.35 },
    examples: {
      match: [{ text: 'ICD-10 code E11.9 for diabetes', value: 'E11.9' }, { text: 'NDC 0002-8215-01', value: '0002-8215-01' }, { text: 'CPT 99213', value: '99213' }],
      noMatch: ['room B12 is free', 'version A10'],
    },
  },
];
