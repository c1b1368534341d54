/**
 * A deterministic corpus of clinical letters in the languages of issue 17 (Spanish, German, French, Italian,
 * Dutch, Portuguese, Japanese) and English: each with a patient's name, a date as the language writes it, a record
 * number, an address with its postcode, a telephone number and clinical words. Generated: no real person's data.
 */
import { random } from '../random';

export const LANGUAGES = ['en', 'es', 'de', 'fr', 'it', 'nl', 'pt', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

type Pick = <T>(xs: readonly T[]) => T;
type Digits = (n: number) => string;

const LETTERS: Record<Language, (pick: Pick, n: Digits, day: number) => string> = {
  en: (pick, n, day) => `Patient: ${pick(['Anna', 'James', 'Maria'])} ${pick(['Smith', 'Garcia', 'Okafor'])}, MRN ${n(8)}, seen on March ${day}, 2024 at 14 Elm Street, Springfield, IL 62704. Diagnosis: type 2 diabetes; continue metformin 500 mg twice daily. Phone (217) 555-${n(4)}.\n`,
  es: (pick, n, day) => `Nombre: ${pick(['Ernesto', 'Blanca', 'Lucía'])}. Apellidos: ${pick(['Rivera Bueno', 'Ramos Ibáñez', 'García López'])}. NHC: ${n(6)}. Domicilio: Calle Mayor ${n(2)}, 28013 Madrid. Fecha de ingreso: ${day} de marzo de 2024. Paciente de 70 años con diabetes mellitus tipo 2 e hipertensión arterial; se inicia tratamiento con metformina. Teléfono: 91 ${n(3)} ${n(2)} ${n(2)}.\n`,
  de: (pick, n, day) => `Sehr geehrte Frau Kollegin, wir berichten über Herrn ${pick(['Lukas', 'Jonas', 'Felix'])} ${pick(['Müller', 'Schmidt', 'Becker'])}, geb. ${day}.04.1956, wohnhaft Hauptstraße ${n(2)}, 10115 Berlin, Fallnummer ${n(7)}, der sich am ${day}. März 2024 mit Dyspnoe und Beinödemen vorstellte. Diagnose: dekompensierte Herzinsuffizienz. Tel. 030 ${n(8)}.\n`,
  fr: (pick, n, day) => `Compte rendu d'hospitalisation de Mme ${pick(['Camille', 'Léa', 'Chloé'])} ${pick(['Dubois', 'Lefèvre', 'Moreau'])}, née le ${day} mars 1961, demeurant 12 rue des Lilas, 69003 Lyon, numéro de dossier ${n(8)}. Admise le ${day} mars 2024 pour une pneumopathie; traitement par amoxicilline. Tél. 04 ${n(2)} ${n(2)} ${n(2)} ${n(2)}.\n`,
  it: (pick, n, day) => `Si ricovera il sig. ${pick(['Marco', 'Luca', 'Giovanni'])} ${pick(['Rossi', 'Bianchi', 'Esposito'])}, nato il ${day} marzo 1950, residente in via Garibaldi ${n(2)}, 20121 Milano, cartella clinica n. ${n(7)}, il ${day} marzo 2024 per dolore toracico. Diagnosi: infarto miocardico acuto. Tel. 02 ${n(4)} ${n(4)}.\n`,
  nl: (pick, n, day) => `Geachte collega, betreft dhr. ${pick(['Daan', 'Sem', 'Lucas'])} ${pick(['de Vries', 'Jansen', 'van den Berg'])}, geboren ${day} maart 1958, Kerkstraat ${n(2)}, 1017 GC Amsterdam, patiëntnummer ${n(7)}, opgenomen op ${day} maart 2024 met koorts. Diagnose: urineweginfectie; behandeling met nitrofurantoïne. Telefoon 020 ${n(3)} ${n(4)}.\n`,
  pt: (pick, n, day) => `Doente ${pick(['João', 'Ana', 'Pedro'])} ${pick(['Silva', 'Santos', 'Ferreira'])}, nascido a ${day} de março de 1949, residente na Rua Augusta ${n(2)}, 1100-053 Lisboa, número de processo ${n(7)}, internado a ${day} de março de 2024 por pneumonia. Diagnóstico: insuficiência respiratória. Telefone 21 ${n(3)} ${n(4)}.\n`,
  ja: (pick, n, day) => `患者氏名：${pick(['佐藤', '鈴木', '高橋'])} ${pick(['太郎', '花子', '一郎'])} 様、カルテ番号 ${n(7)}、〒100-0001 東京都千代田区千代田${n(1)}丁目${n(1)}番${n(1)}号。2024年3月${day}日に入院。診断：2型糖尿病、高血圧。メトホルミンを継続。電話 03-${n(4)}-${n(4)}。\n`,
};

/** `bytes` of generated clinical letters in one language. */
export function lettersIn(language: Language, bytes: number, seed = 5): string {
  const r = random(seed);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)]!;
  const n: Digits = (digits) => Array.from({ length: digits }, (_, i) => Math.floor(r() * (i ? 10 : 9)) + (i ? 0 : 1)).join('');
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = LETTERS[language](pick, n, 1 + Math.floor(r() * 27));
    parts.push(p);
    size += p.length;
  }
  return parts.join('').slice(0, bytes);
}
