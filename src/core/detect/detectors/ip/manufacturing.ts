import { isAlnum, isUpper } from '../../chars';
import type { Candidate, Detector, Pattern } from '../../types';
import { keywordAnchored } from './anchored';

/**
 * The vocabulary of batch records, deviations, CAPA, certificates of analysis, specifications and methods. Like
 * health terms for PHI, these words are context: alone they protect nothing; near a batch number they make it
 * the manufacturer's record. Words that ordinary business uses in other senses ("yield", "specification",
 * "reconciliation", "validation", "API") are left out; abbreviations count only in capitals ("SOP", not "sop").
 */
const TERMS = [
  'batch record', 'batch records', 'batch manufacturing record', 'batch production record', 'master batch record', 'executed batch record',
  'batch release', 'lot release', 'release testing', 'deviation report', 'deviation investigation', 'planned deviation', 'capa',
  'corrective and preventive action', 'corrective action', 'preventive action', 'root cause analysis', 'certificate of analysis',
  'out of specification', 'out-of-specification', 'out of trend', 'change control', 'process validation', 'cleaning validation',
  'method validation', 'analytical method', 'gmp', 'cgmp', 'good manufacturing practice', 'standard operating procedure', 'qualified person',
  'stability study', 'stability data', 'stability batch', 'assay', 'impurity profile', 'related substances', 'dissolution', 'hplc', 'uplc',
  'lc-ms', 'gc-ms', 'excipient', 'excipients', 'active pharmaceutical ingredient', 'drug substance', 'drug product', 'formulation',
  'master formula', 'bill of materials', 'in-process control', 'in-process controls', 'granulation', 'tablet press', 'compression force',
  'film coating', 'lyophilization', 'lyophilisation', 'fill finish', 'fill-finish', 'aseptic', 'sterile filtration', 'bioreactor',
  'fermentation', 'chromatography', 'line clearance', 'retain sample', 'retention sample', 'annual product review', 'product quality review',
  'technology transfer', 'tech transfer', 'scale-up', 'raw material', 'raw materials', 'coa', 'sop', 'ipc', 'oos', 'oot', 'bmr', 'ebr', 'mbr',
  'pqr', 'cmc',
];
/** Abbreviations: counted only when written in capitals. */
const ABBREVIATIONS = new Set(['capa', 'gmp', 'cgmp', 'coa', 'sop', 'ipc', 'oos', 'oot', 'bmr', 'ebr', 'mbr', 'pqr', 'cmc', 'hplc', 'uplc']);
const WHY = ['manufacturing vocabulary (0.8)'];
const MAX_TERMS_PER_CHUNK = 64;

function findTerms(text: string, lower: string, hits: ReadonlyMap<string, readonly number[]>): Candidate[] {
  const out: Candidate[] = [];
  for (const term of TERMS) {
    for (const at of hits.get(term) ?? []) {
      const end = at + term.length;
      if ((at > 0 && isAlnum(lower.charCodeAt(at - 1))) || (end < lower.length && isAlnum(lower.charCodeAt(end)))) continue;
      if (ABBREVIATIONS.has(term) && !isCapitals(text, at, end)) continue;
      out.push({ start: at, end, score: 0.8, why: WHY });
      if (out.length >= MAX_TERMS_PER_CHUNK) return out.sort((a, b) => a.start - b.start);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function isCapitals(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isUpper(text.charCodeAt(i)) && text.charCodeAt(i) !== 45) return false;
  return true;
}

/** A batch or lot number: upper-case letters and digits, with a digit, not a bare year. */
function validBatchNumber(value: string): boolean {
  return /\d/.test(value) && !/[a-z]/.test(value) && !/^(?:19|20)\d\d$/.test(value);
}

/** After its label (every match starts at "batch" or "lot"), in characters that a label, a separator and a number use. */
export const BATCH_NUMBER: Pattern = {
  name: 'batch-number',
  regex: /\b(?:batch|lot)(?:[ \t]*(?:no\.?|nr\.?|number|num\.?|#|id|code|ref\.?))?[ \t]*[:#.]?[ \t]*([A-Z0-9](?:[A-Z0-9]|[-/](?=[A-Z0-9])){3,24})(?![A-Za-z0-9])/gid,
  score: 0.8,
  group: 1,
};
const isBlank = (c: number): boolean => c === 32 || c === 9;
const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/**
 * The furthest character BATCH_NUMBER can read from a keyword: blanks, a label (or the number), blanks, one of
 * ":#.", blanks and the number, then the character after them.
 */
function batchReach(text: string, at: number): number {
  let i = (text.charCodeAt(at) | 32) === 98 /* b */ ? at + 5 : at + 3;
  const skip = (accept: (c: number) => boolean): void => {
    while (i < text.length && accept(text.charCodeAt(i))) i++;
  };
  skip(isBlank);
  skip((c) => isAsciiAlnum(c) || c === 46 || c === 35 || c === 45 || c === 47);
  skip(isBlank);
  if (i < text.length && ':#.'.includes(text[i]!)) i++;
  skip(isBlank);
  skip((c) => isAsciiAlnum(c) || c === 45 || c === 47);
  return i;
}
const batchNumbers = keywordAnchored([BATCH_NUMBER], ['batch', 'lot'], { before: 0, after: 64 }, batchReach);

export const manufacturingDetectors: Detector[] = [
  {
    id: 'ip.manufacturing-term',
    type: 'MANUFACTURING_TERM',
    category: 'manufacturing',
    description: 'Batch-record, deviation, CAPA, certificate-of-analysis and process vocabulary (context for batch numbers)',
    keywords: TERMS,
    find: findTerms,
    examples: {
      match: [
        { text: 'see the executed batch record for line 4', value: 'executed batch record' },
        { text: 'CAPA 2291 opened after the OOS result', value: 'CAPA' },
        { text: 'attach the certificate of analysis', value: 'certificate of analysis' },
        { text: 'HPLC assay at release', value: 'HPLC' },
      ],
      noMatch: ['the sop was delicious', 'a capable team', 'the bond yield rose', 'we need an api key for the app', 'standard deviation of the sample'],
    },
  },
  {
    id: 'ip.batch-number',
    type: 'BATCH_NUMBER',
    category: 'ip',
    description: 'Batch or lot number after its label; intellectual property only in manufacturing context',
    keywords: ['batch', 'lot'],
    window: { before: 0, after: 64 },
    find: batchNumbers,
    validate: (v) => (validBatchNumber(v) ? undefined : false),
    examples: {
      match: [
        { text: 'Batch No. 23A0415 failed dissolution', value: '23A0415' },
        { text: 'Lot: L2304-112 released by the qualified person', value: 'L2304-112' },
        { text: 'lot # 4471923', value: '4471923' },
      ],
      noMatch: ['a lot of people came', 'parking lot 5 is closed', 'batch 2023 results', 'the batch job runs nightly'],
    },
  },
];
