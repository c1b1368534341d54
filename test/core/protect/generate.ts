/** Generated tables and documents for the exact-data and fingerprint tests and benchmarks: seeded, so runs repeat. */
import { random } from '../../random';

export { random };

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sa', 'tor', 'vel', 'an', 'bri', 'cas', 'dor', 'el', 'fin', 'gar', 'hel', 'is', 'jor', 'kel', 'lin', 'mar', 'nor', 'os', 'per', 'quin', 'ros', 'sel', 'tam', 'ul', 'ven', 'wil'];

export function word(r: () => number, parts = 2 + Math.floor(r() * 2)): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}

const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export interface Person {
  name: string;
  dob: { y: number; m: number; d: number };
  mrn: string;
  ssn: string;
}

export function people(n: number, seed = 1): Person[] {
  const r = random(seed);
  return Array.from({ length: n }, () => ({
    name: `${cap(word(r))} ${cap(word(r))}`,
    dob: { y: 1930 + Math.floor(r() * 80), m: 1 + Math.floor(r() * 12), d: 1 + Math.floor(r() * 28) },
    mrn: `MRN-${pad(Math.floor(r() * 1e7), 7)}`,
    ssn: `${pad(100 + Math.floor(r() * 800), 3)}-${pad(1 + Math.floor(r() * 98), 2)}-${pad(1 + Math.floor(r() * 9998), 4)}`,
  }));
}

export const isoDate = (p: Person): string => `${p.dob.y}-${pad(p.dob.m, 2)}-${pad(p.dob.d, 2)}`;

/** A document of `words` words in sentences, from its own seed. */
export function documentText(seed: number, words: number): string {
  const r = random(seed);
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(i % 12 === 0 ? cap(word(r)) : word(r));
  return out.join(' ').replace(/(\S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+)/g, '$1.');
}
