import { describe, expect, it } from 'vitest';
import { defaultEngine, DETECTORS } from '../../../src/core/detect';
import { europeanIdentifiers } from '../../../src/core/detect/detectors/national/europe';

/**
 * Every European kind, through the whole engine: published example numbers and numbers made here by small
 * generators of their own (written from the specifications again, not through the detectors' checks), in a
 * sentence of their language. Each must come out as NATIONAL_ID of its kind; the same number with one digit
 * changed must not come out as that kind.
 */

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type R = () => number;
const int = (r: R, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const digitsOf = (r: R, n: number): string => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');
const sumW = (s: string, w: number[]): number => w.reduce((a, x, i) => a + x * Number(s[i]), 0);
/** A birth date as DDMMYY (day 1-28, so that every month and year holds it). */
const dmy = (r: R, y = int(r, 0, 99)) => ({ dd: pad(int(r, 1, 28), 2), mm: pad(int(r, 1, 12), 2), yy: pad(y, 2) });
const luhnDigit = (body: string): number => {
  let s = 0;
  for (let i = 0; i < body.length; i++) {
    let x = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    s += x;
  }
  return (10 - (s % 10)) % 10;
};
const iso1110 = (body: string): number => {
  let p = 10;
  for (const c of body) {
    let s = (Number(c) + p) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  return p === 1 ? 0 : 11 - p;
};
const big = (s: string): bigint => BigInt(s);
/** Retries a generator until it gives a number (some draws have no valid check digit). */
const retry = (r: R, f: (r: R) => string | undefined): string => {
  for (;;) {
    const v = f(r);
    if (v) return v;
  }
};
const crossSum = (s: string, w: number[]): number => w.reduce((a, x, i) => a + Math.floor((x * Number(s[i])) / 10) + ((x * Number(s[i])) % 10), 0);
const letter2 = (c: string): string => pad(c.charCodeAt(0) - 64, 2);
const DNI = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CF_ODD: Record<string, number> = {};
'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').forEach((c, i) => {
  const v = i < 10 ? i : i - 10;
  CF_ODD[c] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23][v]!;
});
const cfCheck = (s: string): string => {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += i % 2 === 0 ? CF_ODD[s[i]!]! : /\d/.test(s[i]!) ? Number(s[i]) : s.charCodeAt(i) - 65;
  return String.fromCharCode(65 + (sum % 26));
};
const upper = (r: R, n: number): string => Array.from({ length: n }, () => String.fromCharCode(65 + int(r, 0, 25))).join('');
const estonian = (r: R): string | undefined => {
  const y = int(r, 0, 99), { dd, mm } = dmy(r), g = int(r, 3, 6);
  const body = `${g}${pad(y, 2)}${mm}${dd}${digitsOf(r, 3)}`;
  let c = sumW(body, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11;
  if (c === 10) c = sumW(body, [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 11;
  return body + (c === 10 ? 0 : c);
};

interface Kind {
  id: string;
  /** A sentence in the number's language; {} stands for the number. */
  sentence: string;
  published: string[];
  make?: (r: R) => string;
  /** False for kinds without a check digit (a changed digit is still a number of that kind). */
  checked?: boolean;
}

const KINDS: Kind[] = [
  { id: 'national.de-tax-id', sentence: 'Die steuerliche Identifikationsnummer (Steuer-ID) lautet {}.', published: ['86095742719', '47 036 892 816'],
    make: (r) => retry(r, () => {
      const order = '0123456789'.split('').sort(() => r() - 0.5).slice(0, 9);
      const twice = order[int(r, 0, 8)]!;
      order.splice(int(r, 0, 9), 0, twice);
      const body = order.join('');
      if (body[0] === '0') return undefined;
      const v = body + iso1110(body);
      return `${v.slice(0, 2)} ${v.slice(2, 5)} ${v.slice(5, 8)} ${v.slice(8)}`;
    }) },
  { id: 'national.de-health-insurance', sentence: 'Krankenversichertennummer der Patientin: {}', published: [],
    make: (r) => {
      const l = upper(r, 1), d = digitsOf(r, 8);
      return `${l}${d}${crossSum(letter2(l) + d, [1, 2, 1, 2, 1, 2, 1, 2, 1, 2]) % 10}`;
    } },
  { id: 'national.de-pension-insurance', sentence: 'Ihre Versicherungsnummer bei der Rentenversicherung ist {}.', published: [],
    make: (r) => {
      const { dd, mm, yy } = dmy(r), l = upper(r, 1), area = pad(int(r, 2, 89), 2), serial = pad(int(r, 0, 99), 2);
      return `${area} ${dd}${mm}${yy} ${l} ${serial} ${crossSum(area + dd + mm + yy + letter2(l) + serial, [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]) % 10}`;
    } },
  { id: 'national.at-social-security', sentence: 'Sozialversicherungsnummer (SVNR): {}', published: ['1237 010180'],
    make: (r) => retry(r, () => {
      const serial = pad(int(r, 100, 999), 3), { dd, mm, yy } = dmy(r);
      const c = sumW(`${serial}0${dd}${mm}${yy}`, [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]) % 11;
      return c === 10 ? undefined : `${serial}${c} ${dd}${mm}${yy}`;
    }) },
  { id: 'national.ch-ahv', sentence: 'Die AHV-Nummer der versicherten Person ist {}.', published: ['756.1234.5678.97'],
    make: (r) => {
      const b = `756${digitsOf(r, 9)}`;
      const s = sumW(b, [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3]);
      const v = b + ((10 - (s % 10)) % 10);
      return `${v.slice(0, 3)}.${v.slice(3, 7)}.${v.slice(7, 11)}.${v.slice(11)}`;
    } },
  { id: 'national.fr-nir', sentence: 'Son numéro de sécurité sociale est le {}.', published: [],
    make: (r) => {
      const corsica = r() < 0.2;
      const n = int(r, 1, 94), dept = corsica ? (r() < 0.5 ? '2A' : '2B') : pad(n < 20 ? n : n + 1, 2);
      const head = `${int(r, 1, 2)}${pad(int(r, 0, 99), 2)}${pad(int(r, 1, 12), 2)}`;
      const tail = `${pad(int(r, 1, 999), 3)}${pad(int(r, 1, 999), 3)}`;
      // Corsica: the number with 20 in place of 2A/2B, less 1,000,000 (2A) or 2,000,000 (2B).
      const nir = corsica ? big(head + '20' + tail) - (dept === '2A' ? 1_000_000n : 2_000_000n) : big(head + dept + tail);
      const key = pad(Number(97n - (nir % 97n)), 2);
      return `${head[0]} ${head.slice(1, 3)} ${head.slice(3)} ${dept} ${tail.slice(0, 3)} ${tail.slice(3)} ${key}`;
    } },
  { id: 'national.fr-tax-id', sentence: 'Votre numéro fiscal de référence : {}', published: [],
    make: (r) => {
      const b = `${int(r, 0, 3)}${digitsOf(r, 9)}`;
      const v = b + pad(Number(b) % 511, 3);
      return `${v.slice(0, 2)} ${v.slice(2, 4)} ${v.slice(4, 7)} ${v.slice(7, 10)} ${v.slice(10)}`;
    } },
  { id: 'national.be-national-number', sentence: 'Rijksregisternummer van de patiënt: {}', published: ['85.07.30-033.28'],
    make: (r) => {
      const after2000 = r() < 0.5, { dd, mm, yy } = dmy(r, after2000 ? int(r, 0, 24) : int(r, 30, 99));
      const b = `${yy}${mm}${dd}${pad(int(r, 1, 997), 3)}`;
      const key = 97 - Number((after2000 ? 2_000_000_000n + big(b) : big(b)) % 97n);
      return `${b.slice(0, 2)}.${b.slice(2, 4)}.${b.slice(4, 6)}-${b.slice(6)}.${pad(key, 2)}`;
    } },
  { id: 'national.nl-bsn', sentence: 'Het burgerservicenummer (BSN) van de cliënt is {}.', published: ['111222333', '123456782'],
    make: (r) => retry(r, () => {
      const b = digitsOf(r, 8), c = sumW(b, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
      return c === 10 || /^0+$/.test(b) ? undefined : `${b.slice(0, 4)}.${b.slice(4, 6)}.${b.slice(6)}${c}`;
    }) },
  { id: 'national.lu-national-id', sentence: "Numéro d'identification national (matricule) : {}", published: ['1893120105732'] },
  { id: 'national.uk-nhs', sentence: 'Patient NHS number: {}', published: ['943 476 5919'],
    make: (r) => retry(r, () => {
      const b = digitsOf(r, 9), c = (11 - (sumW(b, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
      return c === 10 ? undefined : `${b.slice(0, 3)} ${b.slice(3, 6)} ${b.slice(6)}${c}`;
    }) },
  { id: 'national.uk-nino', sentence: 'Her National Insurance number is {}.', published: ['AB 12 34 56 C'], checked: false,
    make: (r) => retry(r, () => {
      const a = 'ABCEGHJKLMNOPRSTWXYZ'[int(r, 0, 19)]!, b = 'ABCEGHJKLMNPRSTWXYZ'[int(r, 0, 18)]!;
      if (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(a + b)) return undefined;
      const d = digitsOf(r, 6);
      return `${a}${b} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${'ABCD'[int(r, 0, 3)]}`;
    }) },
  { id: 'national.uk-utr', sentence: 'Your Unique Taxpayer Reference (UTR) is {}.', published: [],
    make: (r) => {
      const b = digitsOf(r, 9);
      return `${'21987654321'[sumW(b, [6, 7, 8, 9, 10, 5, 4, 3, 2]) % 11]}${b.slice(0, 4)} ${b.slice(4)}`;
    } },
  { id: 'national.ie-ppsn', sentence: 'Please quote your PPS number {} on the form.', published: ['1234567T'],
    make: (r) => {
      const d = digitsOf(r, 7), second = r() < 0.5 ? '' : 'A';
      return `${d}${'WABCDEFGHIJKLMNOPQRSTUV'[(sumW(d, [8, 7, 6, 5, 4, 3, 2]) + (second ? 9 : 0)) % 23]}${second}`;
    } },
  { id: 'national.es-dni', sentence: 'El paciente, con DNI {}, acude a consulta.', published: ['12345678Z'],
    make: (r) => {
      const n = int(r, 0, 99_999_999);
      return `${pad(n, 8)}${DNI[n % 23]}`;
    } },
  { id: 'national.es-nie', sentence: 'Número de identidad de extranjero (NIE): {}', published: ['X1234567L'],
    make: (r) => {
      const k = int(r, 0, 2), n = digitsOf(r, 7);
      return `${'XYZ'[k]}${n}${DNI[Number(`${k}${n}`) % 23]}`;
    } },
  { id: 'national.es-social-security', sentence: 'Número de afiliación a la Seguridad Social (NASS): {}', published: [],
    make: (r) => {
      const p = int(r, 1, 52), n = int(r, 10_000_000, 99_999_999);
      return `${pad(p, 2)}/${n}/${pad(Number((big(pad(p, 2) + n)) % 97n), 2)}`;
    } },
  { id: 'national.pt-tax-id', sentence: 'O número de contribuinte (NIF) é {}.', published: ['123456789'],
    make: (r) => {
      const b = `${int(r, 1, 2)}${digitsOf(r, 7)}`, m = sumW(b, [9, 8, 7, 6, 5, 4, 3, 2]) % 11;
      return `${b}${m < 2 ? 0 : 11 - m}`;
    } },
  { id: 'national.pt-citizen-card', sentence: 'Cartão de Cidadão n.º {} válido até 2030.', published: ['00000000 0 ZZ4'],
    make: (r) => {
      const b = `${digitsOf(r, 9)}${upper(r, 2)}`;
      let s = 0;
      // The twelve characters (check last) Luhn-like, letters A-Z as 10-35: find the last digit.
      for (let i = 0; i < b.length; i++) {
        const c = b[b.length - 1 - i]!;
        let x = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
        if (i % 2 === 0) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
        s += x;
      }
      return `${b.slice(0, 8)} ${b[8]} ${b.slice(9)}${(10 - (s % 10)) % 10}`;
    } },
  { id: 'national.it-fiscal-code', sentence: 'Il codice fiscale del paziente è {}.', published: ['RSSMRA85T10A562S'],
    make: (r) => {
      let b = `${upper(r, 6)}${pad(int(r, 0, 99), 2)}${'ABCDEHLMPRST'[int(r, 0, 11)]}${pad(int(r, 1, 28) + (r() < 0.5 ? 40 : 0), 2)}${upper(r, 1)}${digitsOf(r, 3)}`;
      // Omocodia: the last digit written as its letter.
      if (r() < 0.3) b = b.slice(0, 14) + 'LMNPQRSTUV'[Number(b[14])];
      return b + cfCheck(b);
    } },
  { id: 'national.gr-amka', sentence: 'Ο ΑΜΚΑ του ασθενούς είναι {}.', published: [],
    make: (r) => {
      const { dd, mm, yy } = dmy(r), b = `${dd}${mm}${yy}${digitsOf(r, 4)}`;
      return b + luhnDigit(b);
    } },
  { id: 'national.gr-tax-id', sentence: 'Αριθμός φορολογικού μητρώου (ΑΦΜ): {}', published: ['094259216'],
    make: (r) => {
      const b = `${int(r, 0, 1)}${digitsOf(r, 7)}`;
      return b + ((sumW(b, [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10);
    } },
  { id: 'national.cy-tax-id', sentence: 'Αριθμός φορολογικής ταυτότητας (TIC): {}', published: ['00123123T'],
    make: (r) => {
      const b = `${r() < 0.5 ? 0 : 9}${digitsOf(r, 7)}`;
      const s = [...b].reduce((a, c, i) => a + (i % 2 === 0 ? [1, 0, 5, 7, 9, 13, 15, 17, 19, 21][Number(c)]! : Number(c)), 0);
      return b + String.fromCharCode(65 + (s % 26));
    } },
  { id: 'national.mt-id-card', sentence: 'Numru tal-karta tal-identità: {}', published: ['0123456M', '123456G'], checked: false },
  { id: 'national.tr-identity', sentence: 'T.C. Kimlik No: {} olan hasta', published: ['10000000146'],
    make: (r) => {
      const b = `${int(r, 1, 9)}${digitsOf(r, 8)}`, n = (i: number) => Number(b[i]);
      const d10 = (((n(0) + n(2) + n(4) + n(6) + n(8)) * 7 - (n(1) + n(3) + n(5) + n(7))) % 10 + 10) % 10;
      const d11 = ([...b].reduce((a, c) => a + Number(c), 0) + d10) % 10;
      return `${b}${d10}${d11}`;
    } },
  { id: 'national.se-personal-number', sentence: 'Patientens personnummer är {}.', published: ['811228-9874', '670919-9530'],
    make: (r) => {
      const { dd, mm, yy } = dmy(r), b = `${yy}${mm}${dd}${digitsOf(r, 3)}`;
      return `${b.slice(0, 6)}-${b.slice(6)}${luhnDigit(b)}`;
    } },
  { id: 'national.dk-cpr', sentence: 'Patientens CPR-nummer er {}.', published: ['070761-4285'], checked: false,
    make: (r) => {
      const { dd, mm, yy } = dmy(r);
      return `${dd}${mm}${yy}-${digitsOf(r, 4)}`;
    } },
  { id: 'national.fi-hetu', sentence: 'Potilaan henkilötunnus on {}.', published: ['131052-308T', '010594Y9032'],
    make: (r) => {
      const { dd, mm, yy } = dmy(r), z = pad(int(r, 2, 899), 3);
      return `${dd}${mm}${yy}${r() < 0.5 ? '-' : 'A'}${z}${'0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(`${dd}${mm}${yy}${z}`) % 31]}`;
    } },
  { id: 'national.no-birth-number', sentence: 'Pasientens fødselsnummer er {}.', published: [],
    make: (r) => retry(r, () => {
      const { dd, mm, yy } = dmy(r), b = `${dd}${mm}${yy}${digitsOf(r, 3)}`;
      const k1 = (11 - (sumW(b, [3, 7, 6, 1, 8, 9, 4, 5, 2]) % 11)) % 11;
      if (k1 === 10) return undefined;
      const k2 = (11 - (sumW(b + k1, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
      return k2 === 10 ? undefined : `${b}${k1}${k2}`;
    }) },
  { id: 'national.is-kennitala', sentence: 'Kennitala sjúklings: {}', published: ['120174-3399'],
    make: (r) => retry(r, () => {
      const { dd, mm, yy } = dmy(r), b = `${dd}${mm}${yy}${digitsOf(r, 2)}`;
      const c = (11 - (sumW(b, [3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
      return c === 10 ? undefined : `${b.slice(0, 6)}-${b.slice(6)}${c}9`;
    }) },
  { id: 'national.ee-personal-code', sentence: 'Patsiendi isikukood on {}.', published: ['37605030299'], make: (r) => retry(r, estonian) },
  { id: 'national.lt-personal-code', sentence: 'Paciento asmens kodas: {}', published: ['33309240064'], make: (r) => retry(r, estonian) },
  { id: 'national.lv-personal-code', sentence: 'Pacienta personas kods ir {}.', published: ['161175-19997'],
    make: (r) => retry(r, () => {
      const { dd, mm, yy } = dmy(r), b = `${dd}${mm}${yy}${int(r, 1, 2)}${digitsOf(r, 3)}`;
      const c = (((1101 - sumW(b, [1, 6, 3, 7, 9, 10, 5, 8, 4, 2])) % 11) + 11) % 11;
      return c === 10 ? undefined : `${b.slice(0, 6)}-${b.slice(6)}${c}`;
    }) },
  { id: 'national.pl-pesel', sentence: 'Numer PESEL pacjenta: {}', published: ['44051401359', '02070803628'],
    make: (r) => {
      const { dd, mm, yy } = dmy(r), m = r() < 0.3 ? pad(Number(mm) + 20, 2) : mm, b = `${yy}${m}${dd}${digitsOf(r, 4)}`;
      return b + ((10 - (sumW(b, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10);
    } },
  { id: 'national.pl-tax-id', sentence: 'Numer identyfikacji podatkowej (NIP): {}', published: [],
    make: (r) => retry(r, () => {
      const b = digitsOf(r, 9), c = sumW(b, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
      return c === 10 ? undefined : `${b.slice(0, 3)}-${b.slice(3, 6)}-${b.slice(6, 8)}-${b[8]}${c}`;
    }) },
  { id: 'national.cz-birth-number', sentence: 'Rodné číslo pacientky: {}', published: [],
    make: (r) => retry(r, () => {
      const { dd, mm, yy } = dmy(r, int(r, 54, 99)), b = `${yy}${pad(Number(mm) + (r() < 0.5 ? 50 : 0), 2)}${dd}${digitsOf(r, 3)}`;
      const c = Number((11n - ((big(b) * 10n) % 11n)) % 11n);
      return c === 10 ? undefined : `${b.slice(0, 6)}/${b.slice(6)}${c}`;
    }) },
  { id: 'national.hu-taj', sentence: 'A beteg TAJ száma: {}', published: [],
    make: (r) => {
      const b = digitsOf(r, 8);
      return `${b.slice(0, 3)} ${b.slice(3, 6)} ${b.slice(6)}${sumW(b, [3, 7, 3, 7, 3, 7, 3, 7]) % 10}`;
    } },
  { id: 'national.hu-tax-id', sentence: 'Adóazonosító jel: {}', published: ['8071592153'],
    make: (r) => retry(r, () => {
      const b = `8${pad(int(r, 10_000, 45_000), 5)}${digitsOf(r, 3)}`, c = sumW(b, [1, 2, 3, 4, 5, 6, 7, 8, 9]) % 11;
      return c === 10 ? undefined : b + c;
    }) },
  { id: 'national.ro-cnp', sentence: 'Codul numeric personal (CNP) al pacientului este {}.', published: ['1800101221144'],
    make: (r) => {
      const { dd, mm, yy } = dmy(r), b = `${[1, 2, 5, 6][int(r, 0, 3)]}${yy}${mm}${dd}${pad(int(r, 1, 46), 2)}${pad(int(r, 1, 999), 3)}`;
      const c = sumW(b, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
      return b + (c === 10 ? 1 : c);
    } },
  { id: 'national.bg-egn', sentence: 'ЕГН на пациента: {}', published: ['7523169263', '8032056031'],
    make: (r) => {
      const { dd, mm, yy } = dmy(r), b = `${yy}${pad(Number(mm) + (r() < 0.3 ? 40 : 0), 2)}${dd}${digitsOf(r, 3)}`;
      const c = sumW(b, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11;
      return b + (c === 10 ? 0 : c);
    } },
  { id: 'national.si-emso', sentence: 'EMŠO pacienta: {}', published: ['0101006500006'],
    make: (r) => retry(r, () => {
      const { dd, mm } = dmy(r), b = `${dd}${mm}9${pad(int(r, 0, 99), 2)}50${digitsOf(r, 3)}`;
      const m = sumW(b, [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11;
      return m === 1 ? undefined : b + (m === 0 ? 0 : 11 - m);
    }) },
  { id: 'national.si-tax-id', sentence: 'Davčna številka zavezanca: {}', published: ['15012557'],
    make: (r) => retry(r, () => {
      const b = `${int(r, 1, 9)}${digitsOf(r, 6)}`, c = 11 - (sumW(b, [8, 7, 6, 5, 4, 3, 2]) % 11);
      return c === 11 ? undefined : b + (c === 10 ? 0 : c);
    }) },
  { id: 'national.hr-oib', sentence: 'OIB pacijenta je {}.', published: ['69435151530'],
    make: (r) => {
      const b = digitsOf(r, 10);
      return b + iso1110(b);
    } },
];

const engine = defaultEngine();
/** The kind that the whole engine reports at a value's place in a sentence, if any. */
function kindAt(sentence: string, value: string): string | undefined {
  const text = sentence.replace('{}', value), at = text.indexOf(value);
  return engine.scan(text).findings.find((f) => f.type === 'NATIONAL_ID' && f.start < at + value.length && f.end > at)?.detector;
}
/** The same number with one digit (not the first) changed. */
function changed(value: string, r: R): string {
  const places = [...value].map((c, i) => (i > 0 && /\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  const i = places[int(r, 0, places.length - 1)]!;
  return value.slice(0, i) + ((Number(value[i]) + int(r, 1, 9)) % 10) + value.slice(i + 1);
}

describe('European national identifiers', () => {
  it('covers every European detector in this test', () => {
    expect(KINDS.map((k) => k.id).sort()).toEqual(europeanIdentifiers.map((d) => d.id).sort());
    for (const d of europeanIdentifiers) expect(DETECTORS).toContain(d);
  });

  describe.each(KINDS.map((k) => [k.id, k] as const))('%s', (id, kind) => {
    const r = rng([...id].reduce((a, c) => a * 31 + c.charCodeAt(0), 7) | 0);
    const values = [...kind.published, ...(kind.make ? Array.from({ length: 25 }, () => kind.make!(r)) : [])];

    it('finds valid numbers in a sentence of their language, as NATIONAL_ID of this kind', () => {
      const missed = values.filter((v) => kindAt(kind.sentence, v) !== id);
      expect(missed).toEqual([]);
    });

    // Some checks cannot catch every changed digit: a second weighting where the first gives 10 (Estonia,
    // Lithuania), 10 read as 0 or 1 (Romania, Bulgaria, Portugal). The target is the issue's: 5% at most. Kinds
    // without a check digit (the Danish CPR, the Maltese card) have their own test below.
    if (kind.checked !== false) it('does not take a number with one digit changed for this kind (5% at most)', () => {
      const wrong = values.map((v) => changed(v, r)).filter((v) => kindAt(kind.sentence, v) === id);
      expect(wrong.length).toBeLessThanOrEqual(Math.floor(values.length * 0.05));
    });
  });

  it('takes no Danish CPR number with an impossible date, and no Maltese card of zeros', () => {
    expect(kindAt('Patientens CPR-nummer er {}.', '320761-4285')).toBeUndefined();
    expect(kindAt('Patientens CPR-nummer er {}.', '071361-4285')).toBeUndefined();
    expect(kindAt('Numru tal-karta tal-identità: {}', '0000000M')).toBeUndefined();
  });

  it('wins over the phone, date and labelled-identifier detectors where its word stands', () => {
    expect(kindAt('Steuer-ID: {}', '86 095 742 719')).toBe('national.de-tax-id');
    expect(kindAt('Tel. / Steuer-ID: {}', '86 095 742 719')).toBe('national.de-tax-id');
    expect(kindAt('ID: {} (BSN)', '111222333')).toBe('national.nl-bsn');
    expect(kindAt('CPR: {}', '070761-4285')).toBe('national.dk-cpr');
    expect(kindAt('social security number {}', '1 85 05 78 006 084 91')).toBe('national.fr-nir');
  });

  it('leaves digit-only numbers alone without their word, and a check digit that holds by chance without it', () => {
    expect(kindAt('Bestellnummer {} vom 3. März', '86 095 742 719')).toBeUndefined();
    expect(kindAt('Rechnung {}', '111222333')).toBeUndefined();
    // A word that only contains the gate ("nir" in "souvenir") is not the word.
    expect(kindAt('un souvenir de 2019, ref {}', '111222333')).toBeUndefined();
  });

  // Ordinary numbers of each language: prices, dates, phone numbers, postcodes, order and invoice numbers.
  it.each([
    ['de', 'Die Rechnung Nr. 2024-00815 vom 12.03.2024 über 1.249,00 EUR ist bis zum 15. April zu zahlen. Rückfragen unter 030 1234567, Bestellnummer 4711-0815, PLZ 10115 Berlin.'],
    ['fr', 'La facture n° 2024-1187 du 12/03/2024, montant 1 249,00 €, est payable avant le 15 avril. Appelez le 01 23 45 67 89, commande 55 120 440, code postal 75011 Paris.'],
    ['es', 'El pedido 2024/00815 del 12/03/2024 por 1.249,00 € se entregará en Calle Mayor 12, 28013 Madrid. Teléfono 912 345 678, referencia 40 12345 6.'],
    ['it', 'Ordine n. 2024-815 del 12/03/2024, totale 1.249,00 euro, spedizione a Via Roma 10, 00184 Roma. Telefono 06 1234 5678, codice articolo 800 123 456.'],
    ['nl', 'Factuur 2024-0815 van 12-03-2024, bedrag € 1.249,00, te betalen vóór 15 april. Bel 020 123 4567, ordernummer 123 456 789, postcode 1012 AB Amsterdam.'],
    ['pl', 'Zamówienie nr 2024/815 z dnia 12.03.2024 na kwotę 1 249,00 zł. Telefon 22 123 45 67, numer przesyłki 00123456789, kod pocztowy 00-950 Warszawa.'],
    ['pt', 'Encomenda n.º 2024-815 de 12/03/2024, total 1 249,00 €, entrega na Rua Augusta 10, 1100-048 Lisboa. Telefone 213 456 789, referência 123 456 788.'],
    ['sv', 'Order 2024-0815 den 12 mars 2024, summa 1 249 kr, leverans till Drottninggatan 10, 111 51 Stockholm. Ring 08-123 456 78, kundnummer 811228-9875.'],
    ['el', 'Παραγγελία 2024-815 της 12/03/2024, ποσό 1.249,00 €, τηλέφωνο 210 1234567, ταχυδρομικός κώδικας 105 57 Αθήνα, κωδικός 01017012344.'],
    ['en', 'Invoice 2024-0815 dated 12/03/2024 for £1,249.00 is due on 15 April. Call 020 7946 0958, order 943 476 5918, postcode SW1A 1AA.'],
  ])('finds no national identifier in an ordinary %s paragraph', (_lang, text) => {
    expect(engine.scan(text).findings.filter((f) => f.type === 'NATIONAL_ID').map((f) => [f.detector, text.slice(f.start, f.end)])).toEqual([]);
  });
});
