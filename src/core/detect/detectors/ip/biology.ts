import type { Detector, Pattern, Verdict } from '../../types';
import { charClasses, patternsAtRuns } from './runs';

const NUCLEOTIDES = 'ACGTUN';
const AMINO_ACIDS = 'ACDEFGHIKLMNPQRSTVWYXBZ*';
/** Shorter runs are words, primers at most; FASTA records may be shorter than bare runs, their header says what they are. */
export const MIN_BARE_NUCLEOTIDES = 25;
export const MIN_BARE_RESIDUES = 30;
const MIN_FASTA_RESIDUES = 20;

/**
 * What a run of letters is made of: a nucleotide sequence uses at least three of A, C, G, T/U with none above
 * 60% and few Ns; a protein at least ten amino acids with none above 35% (signal peptides are rich in leucine). "AAAAAAA..." and "ATATATAT..." are
 * neither, nor is a shouted sentence: its letters are outside the alphabets.
 */
export function sequenceKind(seq: string): 'nucleotide' | 'protein' | undefined {
  const up = seq.toUpperCase();
  const counts = new Map<string, number>();
  for (const c of up) counts.set(c, (counts.get(c) ?? 0) + 1);
  const max = Math.max(...counts.values()) / up.length;
  if ([...counts.keys()].every((c) => NUCLEOTIDES.includes(c))) {
    const bases = ['A', 'C', 'G', 'T', 'U'].filter((b) => (counts.get(b) ?? 0) / up.length >= 0.05).length;
    return bases >= 3 && max <= 0.6 && (counts.get('N') ?? 0) / up.length <= 0.1 ? 'nucleotide' : undefined;
  }
  if ([...counts.keys()].every((c) => AMINO_ACIDS.includes(c))) return counts.size >= 10 && max <= 0.35 ? 'protein' : undefined;
  return undefined;
}

function validFasta(record: string): Verdict {
  const seq = record.slice(record.indexOf('\n') + 1).replace(/[\s-]/g, '');
  return seq.length >= MIN_FASTA_RESIDUES && sequenceKind(seq) !== undefined ? undefined : false;
}

function validBare(value: string): Verdict {
  // Grouped sequences ("atgcatgcat gcatgcatgc", GenBank's numbered lines) are read without spaces and numbers.
  const run = value.replace(/[\s\d]/g, '');
  const kind = sequenceKind(run);
  if (kind === 'nucleotide') return run.length >= MIN_BARE_NUCLEOTIDES ? undefined : false;
  return kind === 'protein' && run.length >= MIN_BARE_RESIDUES ? undefined : false;
}

export const BARE: Pattern[] = [
  { name: 'nucleotides', regex: /(?<![A-Za-z0-9+/])(?:[ACGTUN]{25,}|[acgtun]{25,})(?![A-Za-z0-9+/])/g, score: 0.85 },
  { name: 'amino-acids', regex: /(?<![A-Za-z0-9+/])(?:[ACDEFGHIKLMNPQRSTVWY]{30,}|[acdefghiklmnpqrstvwy]{30,})(?![A-Za-z0-9+/])/g, score: 0.85 },
  // Groups of ten, as GenBank and most tools print them, over numbered lines.
  { name: 'grouped-nucleotides', regex: /(?<![A-Za-z0-9])[acgtun]{10}(?:(?: |\r?\n *\d* ?)[acgtun]{1,10}){2,}(?![A-Za-z0-9])/gi, score: 0.85 },
];
export const [BARE_SEQUENCES, GROUPED] = [BARE.slice(0, 2), BARE.slice(2)];
/** Upper- and lower-case letters of either alphabet: a bare sequence is one case throughout. */
const bareRuns = patternsAtRuns(BARE_SEQUENCES, charClasses(['ACDEFGHIKLMNPQRSTUVWY', 'acdefghiklmnpqrstuvwy']), MIN_BARE_NUCLEOTIDES);
/** A group of ten starts a grouped sequence, in either case. */
const groupedRuns = patternsAtRuns(GROUPED, charClasses(['ACGTUNacgtun']), 10);

export const biologyDetectors: Detector[] = [
  {
    id: 'ip.fasta',
    type: 'BIO_SEQUENCE',
    category: 'ip',
    description: 'FASTA record: a ">" header and lines of nucleotides or amino acids',
    patterns: [{ name: 'fasta', regex: /^>[^\n]{1,300}\n(?:[A-Za-z*-]+[ \t]*(?:\r?\n|$))+/gm, score: 0.95 }],
    validate: validFasta,
    examples: {
      match: [
        { text: '>sp|P01308|INS_HUMAN Insulin\nMALWMRLLPLLALLALWGPDPAAAFVNQHLCGSHLVEALYLVCGERGFFYTPKT\nRREAEDLQVGQVELGGGPGAGSLQPLALEGSLQKRGIVEQCCTSICSLYQLENYCN\n', value: '>sp|P01308|INS_HUMAN Insulin\nMALWMRLLPLLALLALWGPDPAAAFVNQHLCGSHLVEALYLVCGERGFFYTPKT\nRREAEDLQVGQVELGGGPGAGSLQPLALEGSLQKRGIVEQCCTSICSLYQLENYCN\n' },
        { text: '>construct_7 promoter\nATGGCGTACGTTAGCCTAGGCTTAACGGATCC', value: '>construct_7 promoter\nATGGCGTACGTTAGCCTAGGCTTAACGGATCC' },
      ],
      noMatch: ['> Thanks for the update\nSounds good\nSee you then', '> quoted reply\nOK'],
    },
  },
  {
    id: 'ip.sequence',
    type: 'BIO_SEQUENCE',
    category: 'ip',
    description: `Bare nucleotide (${MIN_BARE_NUCLEOTIDES}+, also in groups of ten over numbered lines) or protein (${MIN_BARE_RESIDUES}+) sequence, composition checked`,
    // Every match starts a run of letters (the look-behind forbids one before it): only long runs are tried.
    find: (text) => [...bareRuns(text), ...groupedRuns(text)],
    validate: validBare,
    examples: {
      match: [
        { text: 'guide: ATGGCGTACGTTAGCCTAGGCTTAACGGATCCA for exon 2', value: 'ATGGCGTACGTTAGCCTAGGCTTAACGGATCCA' },
        { text: 'heavy chain EVQLVESGGGLVQPGGSLRLSCAASGFNIKDTYIHWVRQAPGKGLEWVARIYPTNGYTRYADSVKG', value: 'EVQLVESGGGLVQPGGSLRLSCAASGFNIKDTYIHWVRQAPGKGLEWVARIYPTNGYTRYADSVKG' },
        {
          text: 'ORIGIN\n        1 atggcgtacg ttagcctagg cttaacggat ccagtcgatc\n       41 gatcgtagct agcatcgact\n//',
          value: 'atggcgtacg ttagcctagg cttaacggat ccagtcgatc\n       41 gatcgtagct agcatcgact',
        },
      ],
      noMatch: ['ATATATATATATATATATATATATATATAT', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'GATTACA is a film', 'cattle cattle cattle cattle', 'acgtacgtac acgt', 'key=AKIAIOSFODNN7EXAMPLEACGTACGTACGTACGTACGTAC', 'THEQUICKBROWNFXJMPSVRTHELAZYDG'],
    },
  },
];
