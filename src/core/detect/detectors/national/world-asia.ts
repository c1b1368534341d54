import type { Detector } from '../../types';
import { nationalId } from './build';
import { dateValid, verhoeffValid } from './check-digits';
import { allSame, compact, digitList, IDENTITY_WORDS, isShortDate, TAX_WORDS, weightedSum } from './world-checks';

/** My Number (個人番号): 11 digits and a mod-11 check; weights 2-7 then 2-6 from the right. */
function myNumberValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 12 || allSame(compact(v))) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += d[11 - n]! * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === d[11];
}

/** Corporate Number (法人番号): the first digit checks the other twelve, 9 - (sum of digit x 1 or 2) mod 9. */
function corporateNumberValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 13 || allSame(compact(v).slice(1))) return false;
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += d[13 - n]! * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9) === d[0];
}

/**
 * Resident registration number (주민등록번호) YYMMDD-SNNNNNC: S gives sex and century (9/0 1800s, 1/2/5/6 1900s,
 * 3/4/7/8 2000s). The check (weights 2-9, 2-5, mod 11) holds for numbers issued before October 2020; later
 * numbers have random digits after S, so a birth year from 2020 on is checked for its date only.
 */
function rrnValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 13) return false;
  const s = d[6]!;
  const century = s === 9 || s === 0 ? 1800 : s === 3 || s === 4 || s === 7 || s === 8 ? 2000 : 1900;
  const year = century + d[0]! * 10 + d[1]!;
  if (!dateValid(year, d[2]! * 10 + d[3]!, d[4]! * 10 + d[5]!)) return false;
  if (year >= 2020) return true;
  const check = (11 - (weightedSum(d, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10;
  return check === d[12];
}

/** Province codes of the resident identity card (GB/T 2260): the first two digits. */
const CN_PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]);

/** Resident identity card (GB 11643): region, birth date, sequence, ISO 7064 MOD 11-2 check (X for 10). */
function cnValid(v: string): boolean {
  const id = compact(v).toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id) || !CN_PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1890 || !dateValid(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11] === id[17];
}

/** Aadhaar: 12 digits, never starting with 0 or 1, the last a Verhoeff check. */
const aadhaarValid = (v: string): boolean => {
  const d = compact(v);
  return /^[2-9]\d{11}$/.test(d) && verhoeffValid(d);
};

/** GSTIN: state code, the holder's PAN, an entity number, Z, and a mod-36 check (digit sums of value x 1, 2, ...). */
const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function gstinValid(v: string): boolean {
  const state = Number(v.slice(0, 2));
  if (!/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[\dA-Z]$/.test(v) || !((state >= 1 && state <= 38) || state === 97 || state === 99)) return false;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const p = BASE36.indexOf(v[i]!) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(p / 36) + (p % 36);
  }
  return BASE36[(36 - (sum % 36)) % 36] === v[14];
}

/** Business registration number (사업자등록번호) XXX-XX-XXXXX: weights 1,3,7,1,3,7,1,3,5, the last also carried, mod 10. */
function brnValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 10 || allSame(compact(v))) return false;
  const sum = weightedSum(d, [1, 3, 7, 1, 3, 7, 1, 3, 5]) + Math.floor((d[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}

/** PAN: AAAAA9999A; the fourth letter is the holder's kind (person, company, HUF, firm, trust, ...). No public check. */
const panValid = (v: string): boolean => /^[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]$/.test(v) && !/^(.)\1*$/.test(v.slice(5, 9));

/** Thai citizen id: 13 digits, the first 1-8; check (11 - sum of digit x (13..2)) mod 11, last digit of it. */
function thaiValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 13 || d[0] === 0 || d[0] === 9) return false;
  return (11 - (weightedSum(d, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 10 === d[12];
}

/** MyKad place-of-birth codes: the states (01-16, 21-59) and the regions of foreign birth (60-68, 71-72, 74-79, 82-93, 98-99). */
const MY_PLACES = (pb: number): boolean =>
  (pb >= 1 && pb <= 16) || (pb >= 21 && pb <= 68) || pb === 71 || pb === 72 || (pb >= 74 && pb <= 79) || (pb >= 82 && pb <= 93) || pb === 98 || pb === 99;

/** MyKad NRIC YYMMDD-PB-###G: a birth date and a place-of-birth code (there is no check digit). */
function myKadValid(v: string): boolean {
  const d = digitList(v);
  if (d.length !== 12 || !MY_PLACES(d[6]! * 10 + d[7]!)) return false;
  return isShortDate(d[0]! * 10 + d[1]!, d[2]! * 10 + d[3]!, d[4]! * 10 + d[5]!) && compact(v).slice(8) !== '0000';
}

/** NRIC/FIN: prefix, 7 digits, a check letter from weights 2,7,6,5,4,3,2 (+4 for T and G, +3 for M) mod 11. */
function nricValid(v: string): boolean {
  const m = /^([STFGM])(\d{7})([A-Z])$/.exec(v);
  if (!m) return false;
  const [, prefix, num, letter] = m;
  const sum = weightedSum(digitList(num!), [2, 7, 6, 5, 4, 3, 2]) + (prefix === 'T' || prefix === 'G' ? 4 : prefix === 'M' ? 3 : 0);
  const r = sum % 11;
  if (prefix === 'M') return 'KLJNPQRTUWX'[10 - r] === letter;
  return (prefix === 'S' || prefix === 'T' ? 'JZIHGFEDCBA' : 'XWUTRQPNMLK')[r] === letter;
}

/** HKID: one or two letters, six digits, a check (0-9 or A) so that the weighted sum (9..1, a space as 36) is 0 mod 11. */
function hkidValid(v: string): boolean {
  const m = /^([A-Z]{1,2})(\d{6}) ?\(?([\dA])\)?$/.exec(v);
  if (!m) return false;
  const letters = m[1]!.padStart(2, ' ');
  const value = (c: string): number => (c === ' ' ? 36 : c.charCodeAt(0) - 55);
  let sum = value(letters[0]!) * 9 + value(letters[1]!) * 8;
  for (let i = 0; i < 6; i++) sum += Number(m[2]![i]) * (7 - i);
  const check = (11 - (sum % 11)) % 11;
  return (check === 10 ? 'A' : String(check)) === m[3];
}

/** Taiwan's letter codes: A-H 10-17, I 34, J-N 18-22, O 35, P-V 23-29, W 32, X 30, Y 31, Z 33. */
const TW_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/** Taiwan national id (and the 2021 resident certificate): letter, 1/2 (8/9), 8 digits; weighted sum mod 10 is 0. */
function taiwanValid(v: string): boolean {
  if (!/^[A-Z][1289]\d{8}$/.test(v)) return false;
  const code = 10 + TW_LETTERS.indexOf(v[0]!);
  const d = digitList(v);
  return (Math.floor(code / 10) + (code % 10) * 9 + weightedSum(d, [8, 7, 6, 5, 4, 3, 2, 1, 1])) % 10 === 0;
}

/** Indonesian province codes (the first two digits of a NIK). */
const ID_PROVINCES = new Set([11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96]);

/** NIK: province, regency, district, birth date DDMMYY (day + 40 for women), a serial from 0001. No check digit. */
function nikValid(v: string): boolean {
  const d = compact(v);
  if (!/^\d{16}$/.test(d) || !ID_PROVINCES.has(Number(d.slice(0, 2))) || d.slice(2, 4) === '00' || d.slice(4, 6) === '00') return false;
  let day = Number(d.slice(6, 8));
  if (day > 40) day -= 40;
  return isShortDate(Number(d.slice(10, 12)), Number(d.slice(8, 10)), day) && d.slice(12) !== '0000';
}

const SEP = '([ -]?)';

/** National identifiers of Japan, Korea, China, Taiwan, Hong Kong, India, Thailand, Malaysia, Singapore and Indonesia. */
export const asianIdentifiers: readonly Detector[] = [
  nationalId({
    id: 'national.jp-my-number',
    description: 'Japanese Individual Number (My Number, 個人番号), mod-11 check digit',
    shapes: [{ name: 'jp-my-number', source: String.raw`\d{4}${SEP}\d{4}\1\d{4}` }],
    valid: myNumberValid,
    words: ['マイナンバー', '個人番号', 'my number', 'mynumber', 'individual number', '個人識別番号'],
    needsContext: true,
    examples: {
      match: [{ text: 'マイナンバー：1234 5678 9018', value: '1234 5678 9018' }, { text: '個人番号は123456789018です', value: '123456789018' }],
      noMatch: ['マイナンバー：1234 5678 9017', '電話 1234 5678 9018'],
    },
  }),
  nationalId({
    id: 'national.jp-corporate-number',
    description: 'Japanese Corporate Number (法人番号), leading mod-9 check digit',
    shapes: [{ name: 'jp-corporate-number', source: String.raw`\d{13}|\d${SEP}\d{4}\1\d{4}\1\d{4}` }],
    valid: corporateNumberValid,
    words: ['法人番号', 'corporate number', 'houjin bangou'],
    needsContext: true,
    examples: {
      match: [{ text: '法人番号 7000012050002', value: '7000012050002' }],
      noMatch: ['法人番号 8000012050002', 'order 7000012050002'],
    },
  }),
  nationalId({
    id: 'national.kr-rrn',
    description: 'Korean resident registration number (주민등록번호), birth date and mod-11 check (before October 2020)',
    shapes: [{ name: 'kr-rrn', source: String.raw`\d{6}[ -]?[0-9]\d{6}` }],
    valid: rrnValid,
    words: ['주민등록번호', '주민번호', '주민등록', '외국인등록번호', 'resident registration number', 'resident registration no', 'rrn', 'korean id'],
    needsContext: true,
    examples: {
      match: [{ text: '주민등록번호: 900101-1234568', value: '900101-1234568' }, { text: 'RRN 8001011234560', value: '8001011234560' }],
      noMatch: ['주민등록번호: 900101-1234567', 'tel 900101-1234568'],
    },
  }),
  nationalId({
    id: 'national.kr-brn',
    description: 'Korean business registration number (사업자등록번호), weighted check digit',
    shapes: [{ name: 'kr-brn', source: String.raw`\d{3}${SEP}\d{2}\1\d{5}` }],
    valid: brnValid,
    words: ['사업자등록번호', '사업자번호', '사업자 등록번호', 'business registration number', 'brn'],
    needsContext: true,
    examples: {
      match: [{ text: '사업자등록번호: 124-81-00998', value: '124-81-00998' }],
      noMatch: ['사업자등록번호: 124-81-00997', 'tel 124-81-00998'],
    },
  }),
  nationalId({
    id: 'national.cn-ric',
    description: 'Chinese resident identity card number (身份证号码), region, birth date and ISO 7064 MOD 11-2 check',
    shapes: [{ name: 'cn-ric', source: String.raw`\d{6}( ?)\d{8}\1\d{3}[\dXx]` }],
    valid: cnValid,
    words: ['身份证', '身份證', '身份证号', '身份证号码', '公民身份号码', '居民身份证', 'resident identity card', 'chinese id', ...IDENTITY_WORDS],
    needsContext: false,
    examples: {
      match: [{ text: '身份证号码：11010519491231002X', value: '11010519491231002X' }, { text: '公民身份号码 440524198001010013', value: '440524198001010013' }],
      noMatch: ['身份证号码：110105194912310021', '11010519491331002X'],
    },
  }),
  nationalId({
    id: 'national.in-aadhaar',
    description: 'Indian Aadhaar number (आधार), 12 digits with a Verhoeff check',
    shapes: [{ name: 'in-aadhaar', source: String.raw`[2-9]\d{3}${SEP}\d{4}\1\d{4}` }],
    valid: aadhaarValid,
    words: ['aadhaar', 'aadhar', 'adhaar', 'आधार', 'uidai', 'ஆதார்', 'আধার', 'ఆధార్', 'ಆಧಾರ್', 'ആധാർ', 'આધાર', 'ਆਧਾਰ', 'unique identification number'],
    needsContext: true,
    examples: {
      match: [{ text: 'Aadhaar: 2341 2341 2346', value: '2341 2341 2346' }, { text: 'आधार संख्या 234123412346', value: '234123412346' }],
      noMatch: ['Aadhaar: 2341 2341 2347', 'ref 2341 2341 2346'],
    },
  }),
  nationalId({
    id: 'national.in-pan',
    description: 'Indian Permanent Account Number (PAN), AAAAA9999A with the holder kind in the fourth letter',
    shapes: [{ name: 'in-pan', source: String.raw`[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]` }],
    valid: panValid,
    words: ['pan', 'pan card', 'pan no', 'permanent account number', 'पैन', 'स्थायी खाता संख्या', 'income tax', ...TAX_WORDS],
    needsContext: false,
    score: 0.7,
    examples: {
      match: [{ text: 'PAN: ABCPE1234F', value: 'ABCPE1234F' }, { text: 'pan card AAACB1234C', value: 'AAACB1234C' }],
      noMatch: ['PAN: ABCDE1234F', 'code ABCPE12345'],
    },
  }),
  nationalId({
    id: 'national.in-gstin',
    description: 'Indian GST identification number (GSTIN): state, PAN, entity, Z and a mod-36 check',
    shapes: [{ name: 'in-gstin', source: String.raw`\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[\dA-Z]` }],
    valid: gstinValid,
    words: ['gstin', 'gst no', 'gst number', 'gst registration', 'जीएसटी', ...TAX_WORDS],
    needsContext: false,
    examples: {
      match: [{ text: 'GSTIN: 27AAPFU0939F1ZV', value: '27AAPFU0939F1ZV' }],
      noMatch: ['GSTIN: 27AAPFU0939F1ZW', '45AAPFU0939F1ZV'],
    },
  }),
  nationalId({
    id: 'national.th-citizen-id',
    description: 'Thai citizen identification number (เลขประจำตัวประชาชน), 13 digits with a mod-11 check',
    shapes: [{ name: 'th-citizen-id', source: String.raw`[1-8]${SEP}\d{4}\1\d{5}\1\d{2}\1\d` }],
    valid: thaiValid,
    words: ['เลขประจำตัวประชาชน', 'บัตรประชาชน', 'บัตรประจำตัวประชาชน', 'เลขประจำตัว', 'citizen id', 'thai id', 'thai national id'],
    needsContext: true,
    examples: {
      match: [{ text: 'เลขประจำตัวประชาชน 1-1017-00230-70-8', value: '1-1017-00230-70-8' }, { text: 'Thai ID 1101700230708', value: '1101700230708' }],
      noMatch: ['เลขประจำตัวประชาชน 1-1017-00230-70-5', 'order 1101700230708'],
    },
  }),
  nationalId({
    id: 'national.my-nric',
    description: 'Malaysian identity card number (MyKad NRIC), birth date and place-of-birth code',
    shapes: [{ name: 'my-nric', source: String.raw`\d{6}${SEP}\d{2}\1\d{4}` }],
    valid: myKadValid,
    words: ['mykad', 'nric', 'no. kp', 'no kp', 'no. k/p', 'kad pengenalan', 'ic no', 'ic number', 'no. ic', 'ic:', 'i/c', ...IDENTITY_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: 'No. KP: 900101-14-5678', value: '900101-14-5678' }, { text: 'MyKad 850315105123', value: '850315105123' }],
      noMatch: ['No. KP: 900101-17-5678', 'MyKad 901301-14-5678', 'tel 900101-14-5678'],
    },
  }),
  nationalId({
    id: 'national.sg-nric',
    description: 'Singapore NRIC/FIN, prefix, seven digits and a check letter',
    shapes: [{ name: 'sg-nric', source: String.raw`[STFGM]\d{7}[A-Z]` }],
    valid: nricValid,
    words: ['nric', 'fin', 'uin', 'nric no', 'ic', ...IDENTITY_WORDS],
    needsContext: false,
    examples: {
      match: [{ text: 'NRIC: S1234567D', value: 'S1234567D' }, { text: 'FIN G1234567X', value: 'G1234567X' }],
      noMatch: ['NRIC: S1234567A', 'T1234567Z'],
    },
  }),
  nationalId({
    id: 'national.hk-hkid',
    description: 'Hong Kong identity card number (香港身份證), letters, six digits and a mod-11 check',
    shapes: [{ name: 'hk-hkid', source: String.raw`[A-Z]{1,2}\d{6}(?: ?\([\dA]\)|[\dA])` }],
    valid: hkidValid,
    words: ['hkid', '香港身份證', '身份證', '身份证', 'hong kong identity card', ...IDENTITY_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: 'HKID: A123456(3)', value: 'A123456(3)' }, { text: '身份證號碼 AB9876543', value: 'AB9876543' }],
      noMatch: ['HKID: A123456(4)', 'A123456(3)'],
    },
  }),
  nationalId({
    id: 'national.tw-id',
    description: 'Taiwan national identification number (身分證字號), letter, sex digit, eight digits, mod-10 check',
    shapes: [{ name: 'tw-id', source: String.raw`[A-Z][1289]\d{8}` }],
    valid: taiwanValid,
    words: ['身分證', '國民身分證', '統一證號', '居留證', 'taiwan id', ...IDENTITY_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: '身分證字號：A123456789', value: 'A123456789' }],
      noMatch: ['身分證字號：A123456788', 'A123456789'],
    },
  }),
  nationalId({
    id: 'national.id-nik',
    description: 'Indonesian population number (NIK, e-KTP), region codes and birth date',
    shapes: [{ name: 'id-nik', source: String.raw`\d{4}( ?)\d{4}\1\d{4}\1\d{4}|\d{6}[ .]\d{6}[ .]\d{4}` }],
    valid: nikValid,
    words: ['nik', 'nomor induk kependudukan', 'ktp', 'kartu tanda penduduk', ...IDENTITY_WORDS],
    needsContext: true,
    examples: {
      match: [{ text: 'NIK: 3174015208900003', value: '3174015208900003' }],
      noMatch: ['NIK: 3174015213900003', 'ref 3174015208900003'],
    },
  }),
];
