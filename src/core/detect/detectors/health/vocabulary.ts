import { commonWordList, nameList, placeList, regionList } from '../../lexicon';
import { AMBIGUOUS_INTL, CLINICAL_INTL, PAIRS_INTL } from './languages';
import { DEVICES_LIST, MEDICINES, PRODUCT_NAMES } from './medicines';

/**
 * Health vocabulary in three tiers, because clinical sense is not a property of single tokens:
 * - `clinical`: diagnoses, procedures, drugs, clinical nouns that mean health wherever they stand;
 * - `ambiguous`: words with an everyday sense ("failure", "health", "treated", "bypass", "withdrawal",
 *   "aids"): they count only with a clinical term near them;
 * - `abbreviation`: "pt", "tx", "ICU", "CAD", which are Texas, point, a Unicode library and software elsewhere:
 *   they count only in a clinical frame, i.e. with a clinical term near them too.
 * Pairs lift an ambiguous word to clinical ("heart failure", "diagnosed with", "blood pressure").
 */
export type Tier = 'clinical' | 'ambiguous' | 'abbreviation';

const CLINICAL = `
patients prognosis disease diseases medication medications prescription prescriptions oncology oncologist
cardiology cardiologist neurology neurologist pediatric pediatrics pediatrician psychiatric psychiatry psychiatrist
radiology radiologist biopsy tumor tumour tumors cancer cancers carcinoma lymphoma leukemia leukaemia melanoma
sarcoma metastatic metastasis diabetes diabetic hypertension hypertensive asthma asthmatic pneumonia influenza
sepsis infarction myocardial cardiac fibrillation arrhythmia angina atherosclerosis cholesterol renal dialysis
hepatic cirrhosis hepatitis tuberculosis schizophrenia autism dementia alzheimer's parkinson's
epilepsy epileptic migraine migraines sclerosis arthritis osteoporosis anaphylaxis anemia anaemia thyroid
hypothyroidism hyperthyroidism obesity pregnancy pregnant prenatal postpartum gestational antibiotic antibiotics
chemotherapy chemo radiotherapy echocardiogram bloodwork a1c hba1c creatinine egfr inpatient
outpatient postoperative preoperative postop preop physiotherapy comorbidities comorbidity contraindications
contraindicated opioid opioids analgesic analgesics corticosteroid corticosteroids inhaler
anticoagulant anticoagulants anticoagulation statin statins antidepressant antidepressants antipsychotic
antipsychotics antiviral antivirals mammogram colonoscopy endoscopy appendectomy hysterectomy mastectomy
stent angioplasty catheterization intubation intubated ventilator ulcer ulcers nausea vomiting dyspnea edema
oedema tachycardia bradycardia hypotension hyperlipidemia hypercholesterolemia hyperglycemia hypoglycemia
neuropathy retinopathy nephropathy cardiomyopathy dermatitis eczema psoriasis glaucoma cataract cataracts tinnitus
insomnia apnea hospital hospitals surgery surgeries surgeon physician physicians hospitalized hospitalised hospitalization
hospitalisation mmhg anesthesia anaesthesia anesthesiologist cardiovascular gastrointestinal pulmonary
respiratory neurological oncological symptomatic asymptomatic comorbid febrile afebrile
hematology haematology urology urinary dermatology gynecology obstetrics orthopedic orthopaedic sutured sutures
incision crohn's copd's laparoscopic fibrosis stenosis thrombosis necrosis cirrhosis osteoarthritis scoliosis
psoriasis endometriosis tuberculosis hematoma haematoma glioma myeloma adenoma fibroma lipoma mesothelioma
glioblastoma neuroblastoma retinoblastoma hepatoblastoma hematuria haematuria proteinuria dysuria atrophy hypertrophy
mammography angiography sonography tomography laparoscopy arthroscopy mri's ct-scan ekgs ecgs chemotherapy's immunotherapy
`;

const AMBIGUOUS = `
patient diagnosis diagnosed symptom symptoms syndrome disorder disorders chronic acute treatment treatments treated
therapy therapies prescribed prescribe prescribing dose doses dosage mg mcg clinic clinics clinical admitted admission discharge discharged nurse nurses stroke heart failure kidney kidneys liver lipid aids
depression anxiety bipolar seizure seizures lupus fracture fractures allergy allergies allergic infection infections
infected vaccine vaccines vaccination vaccinated immunization radiation transplant ultrasound xray vitals referral
referred consult followup rehab rehabilitation medical health healthcare complications adverse steroid steroids
blocker blockers inhibitor inhibitors wound wounds rash fever cough pain fatigue smoking alcohol substance overdose
withdrawal bypass covid alzheimer parkinson vertigo acne sick sickness illness illnesses injury injuries injured
diagnoses diagnostic prognostic glucose medicine medicines drug drugs pill pills doctor doctors therapist surgical vaccinate vaccinating bladder
bowel lung lungs prostate pancreas spleen uterus ovarian cervical knee hip spine spinal flare flares relapse
`;

/** Clinical acronyms that mean health when written in capitals (in lower case they are abbreviations). */
const ACRONYMS = `htn ckd chf copd dvt uti utis gerd cabg hpi adhd ptsd hiv mri ecg ekg afib nsaid nsaids`;

const ABBREVIATIONS = `
pt pts tx dx hx rx sx fx icu cad ibs inr bmi gyn obgyn qd npo cva tia
`;

/** Pairs that mean health although each word alone may not: "heart failure", "diagnosed with". */
const PAIRS: Record<string, string> = {
  heart: 'failure attack disease rate murmur', kidney: 'failure disease stones stone injury', liver: 'failure disease function enzymes',
  substance: 'abuse use', alcohol: 'abuse use dependence withdrawal intake', withdrawal: 'symptoms syndrome', blood: 'pressure sugar glucose test tests work transfusion count',
  bypass: 'surgery graft', medical: 'history record records condition conditions leave', chief: 'complaint', mental: 'health illness',
  diagnosed: 'with', presents: 'with', prescribed: 'by', allergic: 'to', treated: 'for',
  admitted: 'for', physical: 'therapy exam examination', emergency: 'department room', sick: 'leave note', tested: 'positive',
};

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Each listed word's tier (a word in two lists takes the later: clinical wins); medicines get theirs in tierOf. */
const tiers = new Map<string, Tier>();
for (const w of words(AMBIGUOUS)) tiers.set(w, 'ambiguous');
for (const w of [...words(ABBREVIATIONS), ...words(ACRONYMS)]) tiers.set(w, 'abbreviation');
for (const w of DEVICES_LIST) tiers.set(w, 'ambiguous');
for (const w of words(CLINICAL)) tiers.set(w, 'clinical');
// Other languages: their clinical words, and their everyday ones where English has no sense of its own for them.
for (const w of words(AMBIGUOUS_INTL)) if (!tiers.has(w)) tiers.set(w, 'ambiguous');
for (const w of words(CLINICAL_INTL)) tiers.set(w, 'clinical');

/** Medicine names, looked up only for names and in the word pass: their tier is decided on first use. */
const MEDICINE_SET = new Set(MEDICINES);
const PRODUCT_SET = new Set(PRODUCT_NAMES);

const CAPITAL_ACRONYMS = new Set(words(ACRONYMS));
/** An acronym in capitals is clinical, unless a number stands beside it ("CHF 2,000" is Swiss francs). */
export const isClinicalAcronym = (lower: string): boolean => CAPITAL_ACRONYMS.has(lower);

export const PAIR_NEXT: ReadonlyMap<string, ReadonlySet<string>> = new Map([...Object.entries(PAIRS), ...Object.entries(PAIRS_INTL)].map(([k, v]) => [k, new Set(words(v))]));

/** The tier of a known word, or undefined. Medicines that are everyday words, names or places are ambiguous. */
export function tierOf(lower: string): Tier | undefined {
  const t = tiers.get(lower);
  if (t || !MEDICINE_SET.has(lower)) return t;
  const everyday = commonWordList().has(lower) || nameList().has(lower) || placeList().has(lower);
  const tier: Tier = everyday ? 'ambiguous' : 'clinical';
  tiers.set(lower, tier);
  return tier;
}

/** Every word a tier knows (for the word pass's hash filter), in Latin letters. Hyphenated medicine names serve names only. */
export const KNOWN_WORDS: readonly string[] = [...new Set([...tiers.keys(), ...MEDICINES, ...PAIR_NEXT.keys()])].filter((w) => /^[a-z'\u00c0-\u024f]+$/.test(w));

/** Word endings that mark diagnoses and procedures, whatever the word: "-itis", "-ectomy". */
const CLINICAL_SUFFIXES = ['itis', 'emia', 'aemia', 'algia', 'opathy', 'ectomy', 'otomy', 'ostomy', 'oplasty', 'oscopy', 'plegia', 'penia', 'megaly'];
/** The WHO stems of drug names: a drug unless the word is plain English. */
const DRUG_STEMS = ['pril', 'sartan', 'olol', 'alol', 'statin', 'dipine', 'azole', 'prazole', 'tidine', 'cillin', 'mycin', 'floxacin', 'cycline', 'mab', 'nib', 'tinib', 'vir', 'parin', 'gliptin', 'gliflozin', 'glutide', 'triptan', 'azepam', 'azolam', 'oxetine', 'aline', 'barbital', 'caine', 'profen', 'terol', 'sone', 'olone', 'thiazide', 'semide'];
/**
 * Endings that end plain words, typos and user names as often ("cryptography", "sypnosis", "umatoma"): a hint,
 * never alone. The frequent diagnoses with these endings are in the clinical vocabulary.
 */
const LOOSE_SUFFIXES = ['ography', 'osis', 'oma', 'uria', 'trophy'];
export const SUFFIXES = [...CLINICAL_SUFFIXES, ...DRUG_STEMS, ...LOOSE_SUFFIXES];
const CLINICAL_SHAPE = new RegExp(`^[a-z]{3,}(?:${CLINICAL_SUFFIXES.join('|')})$`);
const DRUG_SHAPE = new RegExp(`^[a-z]{3,}(?:${DRUG_STEMS.join('|')})$`);
const LOOSE_SHAPE = new RegExp(`^[a-z]{3,}(?:${LOOSE_SUFFIXES.join('|')})$`);

/**
 * The tier of a word shaped like a diagnosis, procedure or drug (seven letters or more). A name or a place is no
 * health term ("Oklahoma"); a drug stem on a plain English word and a loose ending are ambiguous ("diploma").
 */
export function shapeTier(lower: string): Tier | undefined {
  if (lower.length < 7) return undefined;
  const clinical = CLINICAL_SHAPE.test(lower), drug = !clinical && DRUG_SHAPE.test(lower), loose = !clinical && !drug && LOOSE_SHAPE.test(lower);
  if (!clinical && !drug && !loose) return undefined;
  if (regionList().has(lower) || placeList().has(lower) || nameList().has(lower)) return undefined;
  if (clinical) return 'clinical';
  // Long words with a loose ending are mostly diagnoses ("adenocarcinoma", "leucocitosis"); short ones are as often
  // typos and user names ("sypnosis", "umatoma").
  const plain = commonWordList().has(lower);
  return !plain && (drug || (lower.length >= 9 && !lower.endsWith('ography'))) ? 'clinical' : 'ambiguous';
}

/** Medicine and device names, hyphenated ones included: brands are not people ("Allegra", "Tri-Cyclen", "Foley"). */
export const isMedicineName = (lower: string): boolean => PRODUCT_SET.has(lower);
