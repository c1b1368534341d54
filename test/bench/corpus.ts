/**
 * A deterministic mixed corpus for benchmarks: clinical notes, business mail, source code and logs, with
 * identifiers and secrets sprinkled at realistic rates. Generated, so that no real person's data is needed.
 */
import { random } from '../random';

const FIRST = ['Anna', 'James', 'Maria', 'Wei', 'Fatima', 'Lars', 'Priya', 'Carlos', 'Olga', 'Kwame'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Kowalski', 'Okafor', 'Lindqvist', 'Patel', 'Rossi', 'Ivanova', 'Mensah'];
const DRUGS = ['metformin', 'lisinopril', 'atorvastatin', 'apixaban', 'sertraline', 'omeprazole'];
const DX = ['type 2 diabetes', 'hypertension', 'atrial fibrillation', 'COPD', 'major depressive disorder', 'CKD stage 3'];

export const KINDS = ['clinical', 'business', 'code', 'logs', 'prose'] as const;
export type Kind = (typeof KINDS)[number];

/** `bytes` of generated text: of one kind, or (the default) all kinds mixed with a few rare secrets and IDs. */
export function mixedCorpus(bytes: number, seed = 42, only?: Kind): string {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = (digits: number) => Array.from({ length: digits }, () => Math.floor(r() * 10)).join('');
  const byKind: Record<Kind, () => string> = {
    clinical: () => `Patient ${pick(FIRST)} ${pick(LAST)} (MRN ${n(8)}), ${40 + Math.floor(r() * 45)}-year-old with ${pick(DX)}, seen at Lakeside Clinic on March ${1 + Math.floor(r() * 27)}, 2024. Continue ${pick(DRUGS)} ${n(2)} mg daily; recheck A1c in 3 months. Call ${n(3)}-555-${n(4)} with questions.\n`,
    business: () => `Hi team,\nthe Q${1 + Math.floor(r() * 4)} batch record review for lot ${n(6)} is attached. Deviation CAPA-${n(4)} is closed; the stability data look fine and the client signed off. Please send comments to ${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}@example.com by Friday.\nThanks\n`,
    code: () => `export function total(items: Item[]): number {\n  // sums the line amounts in cents\n  return items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);\n}\nconst API_BASE = "https://api.example.com/v2";\n`,
    logs: () => `2024-05-${10 + Math.floor(r() * 18)}T12:${n(2)}:${n(2)}Z INFO request id=${n(12)} path=/api/orders/${n(6)} status=200 duration_ms=${n(3)} client=10.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}\n`,
    prose: () => `The granulation step uses microcrystalline cellulose and magnesium stearate; blend uniformity passed at ${n(2)}.${n(1)} percent. Hold time before compression must not exceed 48 hours per the master batch record.\n`,
  };
  const kinds = only ? [byKind[only]] : Object.values(byKind);
  const rare = [
    () => `SSN on file: 536-${n(2)}-${n(4)}\n`,
    () => `card 4111 1111 1111 1111 exp 09/27\n`,
    () => `AWS_SECRET_ACCESS_KEY=${Array.from({ length: 40 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(r() * 62)]).join('')}\n`,
  ];
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = !only && r() < 0.03 ? pick(rare)() : pick(kinds)();
    parts.push(p);
    size += p.length;
  }
  return parts.join('').slice(0, bytes);
}
