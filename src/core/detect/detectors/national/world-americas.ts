import type { Detector } from '../../types';
import { nationalId } from './build';
import { luhn } from './check-digits';
import { allSame, compact, digitList, isShortDate, TAX_WORDS, weightedSum } from './world-checks';

/** Mod 11 as Brazil uses it: 11 - (weighted sum mod 11), 0 where that is 10 or 11. */
const brMod11 = (d: readonly number[], weights: readonly number[]): number => {
  const r = weightedSum(d, weights) % 11;
  return r < 2 ? 0 : 11 - r;
};

/** CPF: nine digits and two mod-11 check digits (weights 10..2, then 11..2). */
function cpfValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 11 || allSame(d.join(''))) return false;
  return brMod11(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) === d[9] && brMod11(d, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) === d[10];
}

/**
 * CNPJ: twelve characters and two mod-11 check digits (weights 5..2, 9..2). From July 2026 the twelve may be
 * letters too, each worth its code minus 48 ("A" is 17), so the same rule covers both.
 */
function cnpjValid(v: string): boolean {
  const id = compact(v).toUpperCase();
  if (!/^[\dA-Z]{12}\d{2}$/.test(id) || allSame(id)) return false;
  const values = [...id].map((c) => c.charCodeAt(0) - 48);
  const first = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  return brMod11(values, first) === values[12] && brMod11(values, [6, ...first]) === values[13];
}

/**
 * Cartão Nacional de Saúde: 15 digits whose sum weighted 15..1 is 0 mod 11; a definitive number (1 or 2) is a PIS
 * number, "00" and 0 or 1, and its check digit; a provisional one starts with 7, 8 or 9.
 */
function cnsValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 15 || ![1, 2, 7, 8, 9].includes(d[0]!)) return false;
  if (d[0]! <= 2 && (d[11] !== 0 || d[12] !== 0 || d[13]! > 1)) return false;
  return weightedSum(d, [15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0;
}

/** The values of CURP characters: digits, then A-Z with Ñ after N (it never appears, but it shifts O-Z by one). */
const CURP_VALUES = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
const MX_STATES = new Set('AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE'.split(' '));

/** CURP: name letters, birth date, sex, state, consonants, a century mark and a check digit (weights 18..2 mod 10). */
function curpValid(v: string): boolean {
  if (!/^[A-Z]{4}\d{6}[HMX][A-Z]{5}[\dA-Z]\d$/.test(v) || !MX_STATES.has(v.slice(11, 13))) return false;
  if (!isShortDate(Number(v.slice(4, 6)), Number(v.slice(6, 8)), Number(v.slice(8, 10)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_VALUES.indexOf(v[i]!) * (18 - i);
  return (10 - (sum % 10)) % 10 === Number(v[17]);
}

/** RFC values: digits, A-N, &, O-Z, space, Ñ. */
const RFC_VALUES = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';

/** RFC: 4 letters (a person) or 3 (a company), a date, two homoclave characters and a mod-11 check (A for 10). */
function rfcValid(v: string): boolean {
  if (!/^[A-ZÑ&]{3,4}\d{6}[A-Z\d]{2}[\dA]$/.test(v)) return false;
  const letters = v.length - 9;
  if (!isShortDate(Number(v.slice(letters, letters + 2)), Number(v.slice(letters + 2, letters + 4)), Number(v.slice(letters + 4, letters + 6)))) return false;
  const padded = v.padStart(13, ' ');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += RFC_VALUES.indexOf(padded[i]!) * (13 - i);
  const check = (11 - (sum % 11)) % 11;
  return (check === 10 ? 'A' : String(check)) === v[v.length - 1];
}

/** CUIT/CUIL: kind (20, 23, 24, 27 people; 30, 33, 34 companies), eight digits, mod-11 check (weights 5..2, 7..2). */
function cuitValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 11 || ![20, 23, 24, 27, 30, 33, 34].includes(d[0]! * 10 + d[1]!)) return false;
  const check = 11 - (weightedSum(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return check !== 10 && check % 11 === d[10];
}

/** RUT/RUN: the body's digits weighted 2..7 from the right, 11 - sum mod 11; 10 is K, 11 is 0. */
function rutValid(v: string): boolean {
  const id = compact(v).toUpperCase();
  if (!/^\d{7,8}[\dK]$/.test(id)) return false;
  const body = id.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (2 + (i % 6));
  const check = 11 - (sum % 11);
  return (check === 11 ? '0' : check === 10 ? 'K' : String(check)) === id[id.length - 1];
}

/** NIT (DIAN): the body weighted 3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71 from the right, mod 11. */
const NIT_WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
function nitValid(v: string): boolean {
  const d = digitList(v);
  if (d.length < 7 || d.length > 16 || allSame(d.join(''))) return false;
  const body = d.slice(0, -1).reverse();
  const r = weightedSum(body, NIT_WEIGHTS) % 11;
  return (r > 1 ? 11 - r : r) === d[d.length - 1];
}

/** ITIN: 9XX-GG-XXXX with the group in 50-65, 70-88, 90-92 or 94-99 (no check digit). */
const itinValid = (v: string): boolean => /^9\d{2}(?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])\d{4}$/.test(compact(v));

/** Social insurance number: nine digits, Luhn. */
const sinValid = (v: string): boolean => {
  const d = compact(v);
  return /^\d{9}$/.test(d) && luhn(d) && !allSame(d);
};

/** IMSS social security number: eleven digits, Luhn. */
const nssValid = (v: string): boolean => {
  const d = compact(v);
  return /^\d{11}$/.test(d) && luhn(d) && !allSame(d);
};

const SEP = '([ -]?)';

/** National identifiers of Canada, the United States (ITIN), Mexico, Brazil, Argentina, Chile and Colombia. */
export const americanIdentifiers: readonly Detector[] = [
  nationalId({
    id: 'national.ca-sin',
    description: "Canadian Social Insurance Number (numéro d'assurance sociale), Luhn",
    shapes: [{ name: 'ca-sin', source: String.raw`\d{3}${SEP}\d{3}\1\d{3}` }],
    valid: sinValid,
    words: ['sin', 'social insurance number', 'social insurance no', 'assurance sociale', 'nas', 'n.a.s.'],
    needsContext: true,
    examples: {
      match: [{ text: 'SIN: 046 454 286', value: '046 454 286' }, { text: "NAS : 046-454-286", value: '046-454-286' }],
      noMatch: ['SIN: 046 454 287', 'using 046 454 286'],
    },
  }),
  nationalId({
    id: 'national.us-itin',
    description: 'US Individual Taxpayer Identification Number (ITIN), 9XX with its group ranges',
    shapes: [{ name: 'us-itin', source: String.raw`9\d{2}${SEP}\d{2}\1\d{4}` }],
    valid: itinValid,
    words: ['itin', 'individual taxpayer identification number', ...TAX_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: 'ITIN: 912-70-1234', value: '912-70-1234' }, { text: 'ITIN 912941234', value: '912941234' }],
      noMatch: ['ITIN: 912-93-1234', 'ITIN: 912-40-1234'],
    },
  }),
  nationalId({
    id: 'national.mx-curp',
    description: 'Mexican CURP (Clave Única de Registro de Población), birth date, state and check digit',
    shapes: [{ name: 'mx-curp', source: String.raw`[A-Z]{4}\d{6}[HMX][A-Z]{5}[\dA-Z]\d` }],
    valid: curpValid,
    words: ['curp', 'clave única de registro de población', 'clave unica de registro de poblacion'],
    needsContext: false,
    examples: {
      match: [{ text: 'CURP: HEGG560427MVZRRL04', value: 'HEGG560427MVZRRL04' }, { text: 'su CURP es BADD110313HCMLNS06', value: 'BADD110313HCMLNS06' }],
      noMatch: ['CURP: HEGG560427MVZRRL05', 'HEGG560427MXXRRL04'],
    },
  }),
  nationalId({
    id: 'national.mx-rfc',
    description: 'Mexican RFC (Registro Federal de Contribuyentes), date and homoclave check',
    shapes: [{ name: 'mx-rfc', source: String.raw`[A-ZÑ&]{3,4}\d{6}[A-Z\d]{2}[\dA]` }],
    valid: rfcValid,
    words: ['rfc', 'r.f.c.', 'registro federal de contribuyentes'],
    needsContext: true,
    examples: {
      match: [{ text: 'RFC: GODE561231GR8', value: 'GODE561231GR8' }],
      noMatch: ['RFC: GODE561231GR9', 'GODE561231GR8'],
    },
  }),
  nationalId({
    id: 'national.mx-nss',
    description: 'Mexican social security number (NSS, IMSS), Luhn',
    shapes: [{ name: 'mx-nss', source: String.raw`\d{2}${SEP}\d{2}\1\d{2}\1\d{4}\1\d|\d{11}` }],
    valid: nssValid,
    words: ['nss', 'imss', 'seguridad social', 'seguro social', 'número de afiliación', 'social security number'],
    needsContext: true,
    examples: {
      match: [{ text: 'NSS: 12345678903', value: '12345678903' }],
      noMatch: ['NSS: 12345678904', 'tel 12345678903'],
    },
  }),
  nationalId({
    id: 'national.br-cpf',
    description: 'Brazilian CPF (Cadastro de Pessoas Físicas), two mod-11 check digits',
    shapes: [{ name: 'br-cpf', source: String.raw`\d{3}(\.?)\d{3}\1\d{3}[-.]?\d{2}` }],
    valid: cpfValid,
    words: ['cpf', 'c.p.f.', 'cpf/mf', 'cadastro de pessoas físicas', 'cadastro de pessoa física', 'cadastro de pessoas fisicas'],
    needsContext: true,
    examples: {
      match: [{ text: 'CPF: 123.456.789-09', value: '123.456.789-09' }, { text: 'cpf 52998224725', value: '52998224725' }],
      noMatch: ['CPF: 123.456.789-08', 'CPF: 111.111.111-11', 'tel 529.982.247-25'],
    },
  }),
  nationalId({
    id: 'national.br-cnpj',
    description: 'Brazilian CNPJ (Cadastro Nacional da Pessoa Jurídica), numeric or alphanumeric, two mod-11 check digits',
    shapes: [{ name: 'br-cnpj', source: String.raw`[\dA-Z]{2}(\.?)[\dA-Z]{3}\1[\dA-Z]{3}\/?[\dA-Z]{4}-?\d{2}` }],
    valid: cnpjValid,
    words: ['cnpj', 'c.n.p.j.', 'cnpj/mf', 'cadastro nacional da pessoa jurídica', 'cadastro nacional de pessoa jurídica', 'cadastro nacional da pessoa juridica'],
    needsContext: true,
    examples: {
      match: [{ text: 'CNPJ: 11.222.333/0001-81', value: '11.222.333/0001-81' }, { text: 'CNPJ 12.ABC.345/01DE-35', value: '12.ABC.345/01DE-35' }],
      noMatch: ['CNPJ: 11.222.333/0001-82', 'ref 11.222.333/0001-81'],
    },
  }),
  nationalId({
    id: 'national.br-cns',
    description: 'Brazilian national health card number (Cartão Nacional de Saúde, cartão SUS), mod 11',
    shapes: [{ name: 'br-cns', source: String.raw`\d{3}${SEP}\d{4}\1\d{4}\1\d{4}` }],
    valid: cnsValid,
    words: ['cns', 'cartão nacional de saúde', 'cartao nacional de saude', 'cartão sus', 'cartao sus', 'cartão do sus', 'número do sus', 'health card', 'national health card'],
    needsContext: true,
    examples: {
      match: [{ text: 'CNS: 898 0010 0009 1009', value: '898 0010 0009 1009' }],
      noMatch: ['CNS: 898 0010 0009 1008', 'pedido 898 0010 0009 1009'],
    },
  }),
  nationalId({
    id: 'national.ar-cuit',
    description: 'Argentine CUIT/CUIL (tax and labour identification), mod-11 check digit',
    shapes: [{ name: 'ar-cuit', source: String.raw`\d{2}([-. ]?)\d{8}\1\d` }],
    valid: cuitValid,
    words: ['cuit', 'cuil', 'c.u.i.t.', 'c.u.i.l.', 'clave única de identificación tributaria', 'código único de identificación laboral'],
    needsContext: true,
    examples: {
      match: [{ text: 'CUIT: 20-12345678-6', value: '20-12345678-6' }, { text: 'CUIL 27123456780', value: '27123456780' }],
      noMatch: ['CUIT: 20-12345678-5', 'CUIT: 21-12345678-6'],
    },
  }),
  nationalId({
    id: 'national.cl-rut',
    description: 'Chilean RUT/RUN (Rol Único Tributario), mod-11 check digit (K for 10)',
    shapes: [
      { name: 'cl-rut-dotted', source: String.raw`\d{1,2}\.\d{3}\.\d{3}-[\dkK]` },
      { name: 'cl-rut', source: String.raw`\d{7,8}-?[\dkK]` },
    ],
    valid: rutValid,
    words: ['rut', 'r.u.t.', 'run', 'r.u.n.', 'rol único tributario', 'rol unico tributario', 'rol único nacional', 'cédula de identidad', 'cedula de identidad'],
    needsContext: true,
    examples: {
      match: [{ text: 'RUT: 12.345.678-5', value: '12.345.678-5' }, { text: 'RUN 7654321-6', value: '7654321-6' }],
      noMatch: ['RUT: 12.345.678-K', 'fono 12.345.678-5'],
    },
  }),
  nationalId({
    id: 'national.co-nit',
    description: 'Colombian NIT (Número de Identificación Tributaria), DIAN mod-11 check digit',
    shapes: [
      { name: 'co-nit-dotted', source: String.raw`\d{3}\.\d{3}\.\d{3}-\d` },
      { name: 'co-nit', source: String.raw`\d{6,15}-?\d` },
    ],
    valid: nitValid,
    words: ['nit', 'n.i.t.', 'número de identificación tributaria', 'numero de identificacion tributaria'],
    needsContext: true,
    examples: {
      match: [{ text: 'NIT: 900.373.913-4', value: '900.373.913-4' }, { text: 'NIT 8600346948', value: '8600346948' }],
      noMatch: ['NIT: 900.373.913-5', 'unit 900.373.913-4'],
    },
  }),
];
