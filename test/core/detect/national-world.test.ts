import { describe, expect, it } from 'vitest';
import { DETECTORS, Engine } from '../../../src/core/detect';
import { worldIdentifiers } from '../../../src/core/detect/detectors/national/world';

/*
 * Check digits computed here independently of the detectors (each from its specification, written another way),
 * so that the test generates valid numbers of its own beside the published examples.
 */
const nums = (s: string): number[] => [...s].filter((c) => c >= '0' && c <= '9').map(Number);
const dot = (a: number[], w: number[]): number => a.reduce((s, x, i) => s + x * (w[i] ?? 0), 0);
const luhnDigit = (base: string): string => {
  // The digit that makes the Luhn sum of base + digit a multiple of ten.
  const sum = nums(base).reverse().reduce((s, d, i) => s + (i % 2 === 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return String((10 - (sum % 10)) % 10);
};
const gen = {
  myNumber: (b: string) => { const p = nums(b).reverse(); const r = dot(p, [2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6]) % 11; return b + (r <= 1 ? 0 : 11 - r); },
  corporate: (b: string) => { const p = nums(b).reverse(); return String(9 - (dot(p, [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]) % 9)) + b; },
  rrn: (b: string) => b + ((11 - (dot(nums(b), [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10),
  cn: (b: string) => b + '10X98765432'[dot(nums(b), [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]) % 11],
  thai: (b: string) => b + ((11 - (dot(nums(b), [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 10),
  cpf: (b: string) => {
    const d = nums(b);
    const next = (w: number[]) => { const r = (dot(d, w) * 10) % 11; d.push(r === 10 ? 0 : r); };
    next([10, 9, 8, 7, 6, 5, 4, 3, 2]);
    next([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    return d.join('');
  },
  tfn: (b: string) => { for (let c = 0; c < 10; c++) if (dot(nums(b + c), [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0) return b + c; return ''; },
  medicare: (b: string, issue: string) => b + (dot(nums(b), [1, 3, 7, 9, 1, 3, 7, 9]) % 10) + issue,
  luhn: (b: string) => b + luhnDigit(b),
  cuit: (b: string) => { const r = 11 - (dot(nums(b), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11); return r === 10 ? '' : b + (r === 11 ? 0 : r); },
  rut: (b: string) => { const s = nums(b).reverse().reduce((t, d, i) => t + d * [2, 3, 4, 5, 6, 7][i % 6]!, 0); const r = 11 - (s % 11); return `${b}-${r === 11 ? '0' : r === 10 ? 'K' : r}`; },
  curp: (b: string) => { const a = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ'; const s = [...b].reduce((t, c, i) => t + a.indexOf(c) * (18 - i), 0); return b + ((10 - (s % 10)) % 10); },
  cnsDefinitive: (pis: string) => {
    // The card number of a PIS: weights 15..5, and where the digit would be 10, "001" and the sum plus 2.
    const sum = dot(nums(pis), [15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5]);
    const dv = (11 - (sum % 11)) % 11;
    return dv === 10 ? `${pis}001${(11 - ((sum + 2) % 11)) % 11}` : `${pis}000${dv}`;
  },
  nric: (b: string) => { const s = dot(nums(b), [2, 7, 6, 5, 4, 3, 2]) + (b[0] === 'T' || b[0] === 'G' ? 4 : 0); return b + (b[0] === 'S' || b[0] === 'T' ? 'JZIHGFEDCBA' : 'XWUTRQPNMLK')[s % 11]; },
};

interface Kind {
  id: string;
  /** Published examples and generated numbers, as written. */
  valid: string[];
  /** Look-alikes: the same numbers with the check (or the date, or the code) wrong. */
  wrong: string[];
  /** A sentence of the number's own language around it. */
  say: (v: string) => string;
}

const KINDS: Kind[] = [
  { id: 'national.jp-my-number', valid: ['123456789018', gen.myNumber('12345678901'), gen.myNumber('98765432109').replace(/(\d{4})(\d{4})/, '$1 $2 ')], wrong: ['123456789017', '9876 5432 1090'], say: (v) => `マイナンバーは${v}です。` },
  { id: 'national.jp-corporate-number', valid: ['7000012050002', gen.corporate('700150041234')], wrong: ['8000012050002', '1700150041234'], say: (v) => `当社の法人番号は${v}です。` },
  { id: 'national.kr-rrn', valid: [gen.rrn('850505145678').replace(/^(\d{6})/, '$1-'), gen.rrn('011224412345')], wrong: ['850505-1456781', '850505-1456782'].filter((w) => w !== gen.rrn('850505145678').replace(/^(\d{6})/, '$1-')).slice(0, 1), say: (v) => `주민등록번호: ${v}` },
  { id: 'national.kr-brn', valid: ['124-81-00998', '220-81-62517', '2208162517'], wrong: ['124-81-00997', '220-81-62518'], say: (v) => `사업자등록번호: ${v}` },
  { id: 'national.in-gstin', valid: ['27AAPFU0939F1ZV'], wrong: ['27AAPFU0939F1ZW', '27AAPFU0939F1YV'], say: (v) => `GSTIN of the supplier: ${v}` },
  { id: 'national.cn-ric', valid: ['11010519491231002X', gen.cn('44030419851123361'), gen.cn('51010819900307123')], wrong: ['110105194912310021', '440304198511233619'.slice(0, 17) + (gen.cn('44030419851123361').endsWith('9') ? '8' : '9')], say: (v) => `居民身份证号码：${v}，请核对。` },
  { id: 'national.in-aadhaar', valid: ['2341 2341 2346', '234123412346'], wrong: ['2341 2341 2347', '1341 2341 2346'], say: (v) => `मेरा आधार नंबर ${v} है।` },
  { id: 'national.in-pan', valid: ['ABCPE1234F', 'AAACB1234C'], wrong: ['ABCDE1234F', 'ABCXE1234F'], say: (v) => `PAN card number: ${v}` },
  { id: 'national.th-citizen-id', valid: [gen.thai('110170023070'), gen.thai('310123456789').replace(/^(\d)(\d{4})(\d{5})(\d{2})(\d)$/, '$1-$2-$3-$4-$5')], wrong: ['1101700230705', '3-1012-34567-89-0'].filter((w) => w.replace(/-/g, '') !== gen.thai('310123456789')), say: (v) => `เลขประจำตัวประชาชน ${v}` },
  { id: 'national.my-nric', valid: ['900101-14-5678', '850315105123'], wrong: ['900101-17-5678', '901301-14-5678'], say: (v) => `No. Kad Pengenalan: ${v}` },
  { id: 'national.sg-nric', valid: ['S1234567D', gen.nric('T0123456'), gen.nric('G7654321')], wrong: ['S1234567A', 'T1234567Z'], say: (v) => `NRIC No: ${v}` },
  { id: 'national.hk-hkid', valid: ['A123456(3)', 'G123456(A)', 'AB9876543'], wrong: ['A123456(4)', 'AB9876540'], say: (v) => `香港身份證號碼：${v}` },
  { id: 'national.tw-id', valid: ['A123456789'], wrong: ['A123456788', 'A323456789'], say: (v) => `身分證字號：${v}` },
  { id: 'national.id-nik', valid: ['3174015208900003', '3273014107850012'], wrong: ['3174015213900003', '9974015208900003'], say: (v) => `NIK: ${v} (Nomor Induk Kependudukan)` },
  { id: 'national.ca-sin', valid: ['046 454 286', gen.luhn('13045628').replace(/(\d{3})(\d{3})/, '$1-$2-')], wrong: ['046 454 287', '130-456-28' + ((Number(luhnDigit('13045628')) + 1) % 10)], say: (v) => `Numéro d'assurance sociale : ${v}` },
  { id: 'national.us-itin', valid: ['912-70-1234', '987 88 6543'], wrong: ['912-93-1234', '812-70-1234'], say: (v) => `ITIN: ${v}` },
  { id: 'national.mx-curp', valid: ['HEGG560427MVZRRL04', gen.curp('GOMA850712HDFRRN0')], wrong: ['HEGG560427MVZRRL05', 'HEGG561327MVZRRL04'], say: (v) => `Mi CURP es ${v}.` },
  { id: 'national.mx-rfc', valid: ['GODE561231GR8'], wrong: ['GODE561231GR9', 'GODE561331GR8'], say: (v) => `RFC: ${v}` },
  { id: 'national.mx-nss', valid: [gen.luhn('1234567890'), gen.luhn('7298765432')], wrong: ['12345678904', '72987654320'].filter((w) => w !== gen.luhn('7298765432')), say: (v) => `Número de Seguridad Social (NSS): ${v}` },
  { id: 'national.br-cpf', valid: ['529.982.247-25', gen.cpf('123456789'), gen.cpf('987654321').replace(/(\d{3})(\d{3})(\d{3})/, '$1.$2.$3-')], wrong: ['529.982.247-26', '12345678900'], say: (v) => `CPF do paciente: ${v}` },
  { id: 'national.br-cnpj', valid: ['11.222.333/0001-81', '12.ABC.345/01DE-35'], wrong: ['11.222.333/0001-82', '12.ABC.345/01DE-36'], say: (v) => `Razão social Exemplo Ltda., CNPJ: ${v}` },
  { id: 'national.br-cns', valid: ['898 0010 0009 1009', '700000000000005', gen.cnsDefinitive('12345678901'), gen.cnsDefinitive('20987654321')], wrong: ['898 0010 0009 1008', '700000000000006'], say: (v) => `Cartão Nacional de Saúde (CNS): ${v}` },
  { id: 'national.ar-cuit', valid: ['20-12345678-6', gen.cuit('2734567890')], wrong: ['20-12345678-5', '21-12345678-6'], say: (v) => `CUIL: ${v}` },
  { id: 'national.cl-rut', valid: ['12.345.678-5', gen.rut('7654321'), gen.rut('15987654')], wrong: ['12.345.678-K', '7654321-0'].filter((w) => w !== gen.rut('7654321')), say: (v) => `RUT del paciente: ${v}` },
  { id: 'national.co-nit', valid: ['900.373.913-4', '860034694-8'], wrong: ['900.373.913-5', '860034694-9'], say: (v) => `NIT: ${v}` },
  { id: 'national.il-id', valid: ['123456782', gen.luhn('03926153')], wrong: ['123456789', '039261530'.slice(0, 8) + ((Number(luhnDigit('03926153')) + 1) % 10)], say: (v) => `מספר זהות: ${v}` },
  { id: 'national.za-id', valid: ['8001015009087', gen.luhn('920615015008')], wrong: ['8001015009088', '8013015009087'], say: (v) => `ID number: ${v}` },
  { id: 'national.sa-id', valid: [gen.luhn('123456789'), gen.luhn('234567890')], wrong: ['1234567898', '3234567897'], say: (v) => `رقم الهوية: ${v}` },
  { id: 'national.ae-emirates-id', valid: ['784-1990-1234567-6', gen.luhn('78419851234567')], wrong: ['784-1990-1234567-5', '784-1890-1234567-6'], say: (v) => `Emirates ID: ${v}` },
  { id: 'national.au-tfn', valid: ['123 456 782', gen.tfn('87654321')], wrong: ['123 456 789', '123 456 783'], say: (v) => `Tax file number (TFN): ${v}` },
  { id: 'national.au-medicare', valid: ['2123 45670 1', gen.medicare('29500000', '1')], wrong: ['2123 45671 1', '7123 45670 1'], say: (v) => `Medicare card number: ${v}` },
  { id: 'national.au-abn', valid: ['51 824 753 556'], wrong: ['51 824 753 557'], say: (v) => `ABN: ${v}` },
  { id: 'national.nz-nhi', valid: ['ZAC5361', 'ZBN77VL', 'WLD9413'], wrong: ['ZAC5362', 'ZBN77VK'], say: (v) => `NHI number: ${v}` },
  { id: 'national.nz-ird', valid: ['49-091-850', '136410132'], wrong: ['49-091-851', '136410133'], say: (v) => `IRD number: ${v}` },
];

const engine = new Engine(DETECTORS);
const nationalIn = (text: string) => engine.scan(text).findings.filter((f) => f.type === 'NATIONAL_ID').map((f) => ({ id: f.detector, value: text.slice(f.start, f.end) }));

describe('national identifiers of the world, with the whole registry', () => {
  it('covers every kind world.ts registers', () => {
    expect(KINDS.map((k) => k.id).sort()).toEqual(worldIdentifiers.map((d) => d.id).sort());
  });

  describe.each(KINDS.map((k) => [k.id, k] as const))('%s', (_id, kind) => {
    it.each(kind.valid.map((v) => [v] as const))('finds %s in a sentence of its language', (value) => {
      expect(value).not.toBe('');
      expect(nationalIn(kind.say(value))).toContainEqual({ id: kind.id, value });
    });
    it.each(kind.wrong.map((v) => [v] as const))('leaves the look-alike %s alone', (value) => {
      expect(nationalIn(kind.say(value))).toEqual([]);
    });
  });
});

describe('national identifiers against the other numbers', () => {
  const types = (text: string) => engine.scan(text).findings.map((f) => [f.type, text.slice(f.start, f.end)]);

  it('a SIN with its word is a national identifier, not an SSN or a phone number', () => {
    expect(types('SIN: 046 454 286')).toEqual([['NATIONAL_ID', '046 454 286']]);
    expect(types('SIN 046-454-286')).toEqual([['NATIONAL_ID', '046-454-286']]);
  });

  it('a South African id that is also a Luhn-valid card number stays a national identifier near its word', () => {
    const id = gen.luhn('520312500908');
    expect(types(`ID number: ${id}`)).toEqual([['NATIONAL_ID', id]]);
  });

  it('a number that needs its word is not reported where the word is only part of another ("sin" in "using")', () => {
    expect(nationalIn('using 046 454 286 as the key')).toEqual([]);
  });

  it('takes the word after the number too, within 48 characters', () => {
    expect(nationalIn('046 454 286 is the social insurance number on file')).toEqual([{ id: 'national.ca-sin', value: '046 454 286' }]);
    expect(nationalIn('046 454 286 was written on the first page of the form, then social insurance number')).toEqual([]);
  });

  it('reads digits of other scripts (Arabic-Indic) as the digits they are', () => {
    const id = gen.luhn('123456789'), arabic = [...id].map((c) => String.fromCharCode(0x660 + Number(c))).join('');
    expect(nationalIn(`رقم الهوية: ${arabic}`)).toEqual([{ id: 'national.sa-id', value: arabic }]);
  });

  it('reads a number touching the words of scripts without spaces, and full-width digits', () => {
    expect(nationalIn('個人番号１２３４５６７８９０１８を')).toEqual([{ id: 'national.jp-my-number', value: '１２３４５６７８９０１８' }]);
  });
});

describe('ordinary numbers in each language are no national identifiers', () => {
  const paragraphs: Record<string, string> = {
    en: 'Order 4471 shipped on 12 March 2024: 3 boxes, 25 kg, invoice total 1,249.50 USD. Call the desk on extension 2210. Using batch 20240312 we sold 1500 units.',
    ja: '2024年3月12日に会議を行いました。参加者は35名、予算は1,200,000円です。資料は全12ページ、会議室は3階の305号室です。',
    ko: '2024년 3월 12일 회의에는 35명이 참석했습니다. 예산은 1,200,000원이며 자료는 12쪽입니다. 회의실은 305호입니다.',
    zh: '2024年3月12日召开会议，共有35人参加，预算为1200000元。会议资料共12页，会议室在3楼305室。',
    hi: 'बैठक 12 मार्च 2024 को हुई। 35 लोग आए और बजट 1,200,000 रुपये था। कमरा संख्या 305 है।',
    th: 'การประชุมวันที่ 12 มีนาคม 2567 มีผู้เข้าร่วม 35 คน งบประมาณ 1,200,000 บาท ห้องประชุม 305',
    ms: 'Mesyuarat pada 12 Mac 2024 dihadiri 35 orang. Bajet ialah RM 1,200,000 dan bilik mesyuarat 305.',
    id: 'Rapat pada 12 Maret 2024 dihadiri 35 orang. Anggaran Rp 1.200.000.000 dan ruang rapat 305.',
    fr: 'La réunion du 12 mars 2024 a réuni 35 personnes. Le budget est de 1 200 000 euros, salle 305, commande 4471.',
    es: 'La reunión del 12 de marzo de 2024 reunió a 35 personas, sin incidencias. El presupuesto es de 1.200.000 euros, sala 305.',
    pt: 'A reunião de 12 de março de 2024 teve 35 participantes. O orçamento é de R$ 1.200.000,00, sala 305, pedido 4471.',
    he: 'הפגישה ב-12 במרץ 2024 כללה 35 משתתפים. התקציב הוא 1,200,000 ש"ח, חדר 305.',
    ar: 'عقد الاجتماع في 12 مارس 2024 بحضور 35 شخصا. الميزانية 1,200,000 ريال، القاعة 305.',
  };
  it.each(Object.entries(paragraphs))('%s', (_lang, text) => {
    expect(nationalIn(text)).toEqual([]);
  });
});
