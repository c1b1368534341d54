import type { Candidate, Detector, Pattern, Verdict } from '../../types';
import { backOver, DIGIT_REACH, patternsAtDigits, type Starts } from './runs';

/** Every element symbol, for bracket atoms and formula layers. */
const ELEMENTS = new Set(
  `H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og`.split(' '),
);
const AROMATIC_IN_BRACKETS = new Set(['b', 'c', 'n', 'o', 'p', 's', 'se', 'as', 'te']);

/** A molecular formula as InChI writes it: "C9H8O4", "C2H6O.ClH" (Hill order is not checked). */
function isFormula(f: string): boolean {
  if (!f) return false;
  for (const part of f.split('.')) {
    const body = part.replace(/^\d+/, '');
    const atoms = body.match(/[A-Z][a-z]?\d*/g);
    if (!atoms || atoms.join('') !== body || !atoms.every((a) => ELEMENTS.has(a.replace(/\d+$/, '')))) return false;
  }
  return true;
}

/** InChI: a known version, a real formula, then layers that start with their letters (/c, /h, /t, ...). */
export function validInchi(value: string): Verdict {
  const m = /^InChI=1S?\/([^/]+)((?:\/[a-z][^/]*)*)$/.exec(value);
  if (!m || !isFormula(m[1]!)) return false;
  return [...m[2]!.matchAll(/\/([a-z])/g)].every((l) => 'chqpbtmsifr'.includes(l[1]!));
}

/** InChIKey: 14 letters, 8 letters with the standard flag (S or N) and version (A), one protonation letter. */
export function validInchiKey(value: string): Verdict {
  return /^[A-Z]{14}-[A-Z]{8}[SN]A-[A-Z]$/.test(value);
}

/**
 * SMILES checked by structure: atoms of the organic subset or in brackets with a real element, bonds between
 * atoms, balanced branches, ring closures that each close, aromatic atoms only in rings. It must have six atoms
 * and some structure (a ring, a branch, a double or triple bond, a bracket atom) so that capital words such as
 * "COBOL" or "SCONES" are not molecules.
 */
export function validSmiles(s: string): Verdict {
  let atoms = 0, aromatic = 0, rings = 0, structure = 0, depth = 0;
  const open = new Set<string>();
  let prev: 'start' | 'atom' | 'bond' | 'open' = 'start';
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    const two = s.slice(i, i + 2);
    let width = 1;
    if (c === '[') {
      const end = s.indexOf(']', i);
      const m = end < 0 ? null : /^\d*([A-Z][a-z]?|[a-z]{1,2})(?:@{1,2})?(?:H\d?)?(?:[+-]\d?)*(?::\d+)?$/.exec(s.slice(i + 1, end));
      if (!m) return false;
      const el = m[1]!;
      const isAromatic = el === el.toLowerCase();
      if (isAromatic ? !AROMATIC_IN_BRACKETS.has(el) : !ELEMENTS.has(el)) return false;
      if (isAromatic) aromatic++;
      atoms++;
      structure++;
      prev = 'atom';
      width = end + 1 - i;
    } else if (two === 'Cl' || two === 'Br' || 'BCNOPSFI'.includes(c) || 'bcnops'.includes(c)) {
      if ('bcnops'.includes(c)) aromatic++;
      atoms++;
      prev = 'atom';
      width = two === 'Cl' || two === 'Br' ? 2 : 1;
    } else if ((c >= '0' && c <= '9') || c === '%') {
      if (prev !== 'atom' && prev !== 'bond') return false;
      const label = c === '%' ? s.slice(i + 1, i + 3) : c;
      if (c === '%' && !/^\d\d$/.test(label)) return false;
      if (open.delete(label)) rings++;
      else open.add(label);
      prev = 'atom';
      width = c === '%' ? 3 : 1;
    } else if (c === '(') {
      if (prev !== 'atom') return false;
      depth++;
      structure++;
      prev = 'open';
    } else if (c === ')') {
      if (depth === 0 || prev !== 'atom') return false;
      depth--;
    } else if ('-=#$:/\\.'.includes(c)) {
      // A branch may open with its bond: "C(=O)O".
      if (prev !== 'atom' && (prev !== 'open' || c === '.')) return false;
      if (c === '=' || c === '#' || c === '$') structure++;
      prev = 'bond';
    } else return false;
    i += width;
  }
  if (depth || open.size || prev !== 'atom' || atoms < 6) return false;
  if (aromatic && !rings) return false;
  return rings + structure > 0;
}

/** CAS Registry Number check digit: the digits before it, weighted 1, 2, 3... from the right, modulo 10. */
export function validCas(value: string): Verdict {
  const m = /(\d{2,7})-(\d\d)-(\d)$/.exec(value);
  if (!m) return false;
  const digits = m[1]! + m[2]!;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i + 1);
  return sum % 10 === Number(m[3]) ? undefined : false;
}

/** 1 for the characters of a SMILES string, 2 for those that show structure (ring digits, branches, bonds, brackets). */
const SMILES_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@+-[$:/\\%.') SMILES_CHAR[c.charCodeAt(0)] = 1;
for (const c of '0123456789()=#]') SMILES_CHAR[c.charCodeAt(0)] = 2;
const ATOM_START = new Uint8Array(128);
for (const c of 'BCNOPSFIbcnops[') ATOM_START[c.charCodeAt(0)] = 1;
const WHY_SMILES = ['pattern smiles (0.85)'];
/** ASCII letters that are no atom of SMILES's organic subset on their own (l and r only in Cl and Br). */
const LETTER_OUTSIDE_ATOM = new Uint8Array(128);
for (const c of 'ADEGHJKLMQRTUVWXYZadefghijklmqrtuvwxyz') LETTER_OUTSIDE_ATOM[c.charCodeAt(0)] = 1;

/**
 * Tokens that may be SMILES: runs of SMILES characters that start like an atom and hold some structure, without
 * a sentence's final dot. One pass over the characters; the parser (validSmiles) decides.
 *
 * Most runs are words, paths and values that stop spelling atoms within a few characters: from there the run is
 * only skipped to its end (one table read per character), since the rest of it cannot make it a candidate.
 * (`test/core/detect/smiles-tokens.test.ts` compares this with the plain reading of every character.)
 */
export function smilesTokens(text: string): Candidate[] {
  const out: Candidate[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c >= 128 || SMILES_CHAR[c] === 0) {
      i++;
      continue;
    }
    let j = i;
    // A run that does not start like an atom is never a candidate: it is only skipped.
    if (ATOM_START[c] === 1) {
      // Outside brackets a SMILES string spells only atoms: another letter ("e" of "secret=abc123") means the
      // parser would refuse it, so the run is no candidate (most runs with a digit or "=" in configuration files).
      let inBracket = false, structure = false, atomsOnly = true;
      for (; j < n; j++) {
        const k = text.charCodeAt(j);
        const kind = k < 128 ? SMILES_CHAR[k]! : 0;
        if (kind === 0) break;
        if (kind === 2) {
          structure = true;
          if (k === 93) inBracket = false;
        } else if (k === 91) inBracket = true;
        else if (!inBracket && LETTER_OUTSIDE_ATOM[k] === 1) {
          const before = text.charCodeAt(j - 1);
          if ((k === 108 && before === 67) || (k === 114 && before === 66)) continue; // the l of Cl, the r of Br
          atomsOnly = false;
          break;
        }
      }
      if (atomsOnly) {
        let end = j;
        while (end > i && text.charCodeAt(end - 1) === 46) end--;
        if (structure && end - i >= 6) out.push({ start: i, end, score: 0.85, why: WHY_SMILES });
        i = j;
        continue;
      }
    }
    for (j++; j < n; j++) {
      const k = text.charCodeAt(j);
      if (k >= 128 || SMILES_CHAR[k] === 0) break;
    }
    i = j;
  }
  return out;
}
export const CAS_PATTERNS: Pattern[] = [
  { name: 'cas-labelled', regex: /\bCAS(?:[ \t]*(?:RN|No\.?|Number|Reg(?:istry)?\.?(?:[ \t]*No\.?)?|#))?[ \t]*[:#]?[ \t]*(\d{2,7}-\d{2}-\d)(?![\d-])/gd, score: 0.95, group: 1 },
  { name: 'cas', regex: /(?<![\d-])\d{2,7}-\d{2}-\d(?![\d-])/g, score: 0.4 },
];
/** The characters that can stand between "CAS" and its number: blanks, the label words' letters, ".", "#", ":". */
const IN_CAS_LABEL = new Uint8Array(128);
for (const c of ' \t.#:RNumbergistyo') IN_CAS_LABEL[c.charCodeAt(0)] = 1;
const inCasLabel = (c: number): boolean => c < 128 && IN_CAS_LABEL[c] === 1;

/**
 * Where a CAS number can begin: at a run of 2 to 7 digits followed by "-", a run of two, "-" and another run (as
 * both patterns read it), and at the "CAS" that its label starts with (the first character before the number
 * that no label holds is that "S").
 */
export const casStarts: Starts = (text, t, add) => {
  for (let k = 0; k + 2 < t.digits; k++) {
    const s = t.digitStart[k]!, e = t.digitEnd[k]!;
    if (e - s < 2 || e - s > 7 || text.charCodeAt(e) !== 45 || t.digitStart[k + 1] !== e + 1 || t.digitEnd[k + 1] !== e + 3 || text.charCodeAt(e + 3) !== 45 || t.digitStart[k + 2] !== e + 4) continue;
    add(s);
    const q = backOver(text, s, inCasLabel, DIGIT_REACH - 3);
    if (q < 0) return false;
    if (text.startsWith('CAS', q - 3)) add(q - 3);
  }
  return true;
};
const casNumbers = patternsAtDigits([[CAS_PATTERNS, casStarts]]);

const CHEMISTRY_CONTEXT = ['smiles', 'structure', 'compound', 'molecule', 'molecular', 'inchi', 'synthesis', 'intermediate', 'analogue', 'analog', 'scaffold', 'ligand', 'api', 'candidate', 'lead'];

export const chemistryDetectors: Detector[] = [
  {
    id: 'ip.inchi',
    type: 'CHEMICAL_STRUCTURE',
    category: 'ip',
    description: 'InChI identifier with a real formula layer',
    keywords: ['inchi=1'],
    window: { before: 0, after: 2000 },
    patterns: [{ name: 'inchi', regex: /InChI=1S?\/[A-Za-z0-9.]+(?:\/[a-z][^\s/]*)*/g, score: 0.95 }],
    validate: validInchi,
    examples: {
      match: [{ text: 'aspirin: InChI=1S/C9H8O4/c1-6(10)13-8-5-3-2-4-7(8)9(11)12/h2-5H,1H3,(H,11,12) ok', value: 'InChI=1S/C9H8O4/c1-6(10)13-8-5-3-2-4-7(8)9(11)12/h2-5H,1H3,(H,11,12)' }],
      noMatch: ['InChI=1S/Xx9Qq/c1', 'the InChI=1 format is documented by IUPAC'],
    },
  },
  {
    id: 'ip.inchikey',
    type: 'CHEMICAL_STRUCTURE',
    category: 'ip',
    description: 'InChIKey (27 characters, standard flag and version letters checked)',
    keywords: ['sa-', 'na-'],
    window: { before: 24, after: 8 },
    patterns: [{ name: 'inchikey', regex: /(?<![A-Za-z0-9-])[A-Z]{14}-[A-Z]{10}-[A-Z](?![A-Za-z0-9-])/g, score: 0.95 }],
    validate: validInchiKey,
    examples: {
      match: [{ text: 'InChIKey BSYNRYMUTXBXSQ-UHFFFAOYSA-N (aspirin)', value: 'BSYNRYMUTXBXSQ-UHFFFAOYSA-N' }],
      noMatch: ['ABCDEFGHIJKLMN-ABCDEFGHIJ-K', 'DNA-binding domain', 'BSYNRYMUTXBXSQ-UHFFFAOYXB-N'],
    },
  },
  {
    id: 'ip.smiles',
    type: 'CHEMICAL_STRUCTURE',
    category: 'ip',
    description: 'SMILES string, parsed: atoms, bonds, branches and ring closures must make a molecule',
    find: smilesTokens,
    validate: (v) => (v.length <= 1000 ? validSmiles(v) : false),
    context: { words: CHEMISTRY_CONTEXT, boost: 0.1 },
    examples: {
      match: [
        { text: 'aspirin is CC(=O)Oc1ccccc1C(=O)O in SMILES', value: 'CC(=O)Oc1ccccc1C(=O)O' },
        { text: 'lead: CN1C=NC2=C1C(=O)N(C(=O)N2C)C', value: 'CN1C=NC2=C1C(=O)N(C(=O)N2C)C' },
        { text: 'salt form [Na+].[O-]C(=O)c1ccccc1', value: '[Na+].[O-]C(=O)c1ccccc1' },
        { text: 'intermediate ClC1=CC=C(Br)C=C1', value: 'ClC1=CC=C(Br)C=C1' },
      ],
      noMatch: ['NaCl and H2O', 'glucose is C6H12O6', 'ISO-9001 audit', 'PCB-1234 board', 'COBOL and FORTRAN', 'Cocoon (2024) film', 'CO2 emissions fell', 'SOP-0042 rev 3', 'room B12(a)', 'OSPF(1) area'],
    },
  },
  {
    id: 'ip.cas-number',
    type: 'CAS_NUMBER',
    category: 'ip',
    description: 'CAS Registry Number with a valid check digit, labelled or in chemical context',
    requires: 'digit',
    // Every match is a run of 2 to 7 digits, "-", two digits, "-", a digit: tried only at such runs (and at a "CAS" before them).
    find: casNumbers,
    validate: validCas,
    context: { words: ['cas', 'registry', 'substance', 'substances', 'chemical', 'chemicals', 'reagent', 'reagents', 'solvent', 'solvents', 'compound', 'excipient', 'sds', 'msds', 'reach', 'supplier', 'purity', 'grade'], boost: 0.45 },
    examples: {
      match: [{ text: 'CAS No. 50-78-2 (aspirin)', value: '50-78-2' }, { text: 'solvent: 67-64-1, 99.5%', value: '67-64-1' }, { text: 'Reagent list: 7732-18-5', value: '7732-18-5' }],
      noMatch: ['CAS No. 50-78-3', 'order 1234-56-6 shipped', 'call 555-12-3 ext'],
    },
  },
];
