import { describe, expect, it } from 'vitest';
import { detectLanguage, languageAt, paragraphLanguages } from '../../../src/core/detect/language';
import { random } from '../../random';

const SENTENCES = {
  en: 'The patient was admitted to the hospital with chest pain and was discharged after three days.',
  es: 'El paciente fue ingresado en el hospital por dolor torácico y recibió el alta a los tres días.',
  de: 'Der Patient wurde mit Brustschmerzen in das Krankenhaus aufgenommen und nach drei Tagen entlassen.',
  fr: "Le patient a été admis à l'hôpital pour une douleur thoracique et il est sorti après trois jours.",
  it: 'Il paziente è stato ricoverato in ospedale per dolore toracico ed è stato dimesso dopo tre giorni.',
  nl: 'De patiënt werd opgenomen in het ziekenhuis met pijn op de borst en na drie dagen ontslagen.',
  pt: 'O doente foi internado no hospital com dor torácica e teve alta depois de três dias.',
  ja: '患者は胸痛のため入院し、三日後に退院しました。',
} as const;

describe('detectLanguage', () => {
  for (const [lang, text] of Object.entries(SENTENCES))
    it(`tells ${lang} from one sentence`, () => expect(detectLanguage(text)).toBe(lang));

  it('tells the language of a form from its labels, where it has no stop words', () => {
    expect(detectLanguage('Vorname: Klaus\nNachname: Wagner\nGeburtsdatum: 01.02.1950')).toBe('de');
    expect(detectLanguage('Nombre: Ernesto\nApellidos: Rivera Bueno\nDomicilio: Calle Mayor 3')).toBe('es');
  });

  it('says nothing where there is nothing to tell by', () => {
    expect(detectLanguage('Dr. Koch')).toBeUndefined();
    expect(detectLanguage('')).toBeUndefined();
    expect(detectLanguage('12345 67890')).toBeUndefined();
  });

  it('reads a range of the text only', () => {
    const text = `${SENTENCES.en} ${SENTENCES.de}`;
    expect(detectLanguage(text, 0, SENTENCES.en.length)).toBe('en');
    expect(detectLanguage(text, SENTENCES.en.length + 1)).toBe('de');
  });
});

describe('paragraphLanguages', () => {
  it('gives each paragraph of a mixed text its own language', () => {
    const text = [SENTENCES.en, SENTENCES.de, SENTENCES.ja, SENTENCES.fr].join('\n\n');
    expect(paragraphLanguages(text).map((p) => p.language)).toEqual(['en', 'de', 'ja', 'fr']);
    expect(languageAt(text, 0)).toBe('en');
    expect(languageAt(text, text.indexOf('Krankenhaus'))).toBe('de');
    expect(languageAt(text, text.indexOf('患者'))).toBe('ja');
    expect(languageAt(text, text.length - 1)).toBe('fr');
  });

  it('gives a paragraph too short to tell the language of the whole text', () => {
    const text = `${SENTENCES.es}\n\nDr. Pérez\n\n${SENTENCES.es}`;
    expect(paragraphLanguages(text).map((p) => p.language)).toEqual(['es']);
    expect(languageAt(text, text.indexOf('Pérez'))).toBe('es');
  });

  it('takes a text it cannot tell for English, the engine’s first language', () => {
    expect(paragraphLanguages('Koch')).toEqual([{ start: 0, end: 4, language: 'en' }]);
  });

  it('covers the whole text with paragraphs in order', () => {
    const text = `${SENTENCES.it}\n \n${SENTENCES.nl}\n\n\n${SENTENCES.pt}`;
    const ps = paragraphLanguages(text);
    expect(ps.map((p) => p.language)).toEqual(['it', 'nl', 'pt']);
    expect(ps[0]!.start).toBe(0);
    expect(ps[ps.length - 1]!.end).toBe(text.length);
    for (let i = 1; i < ps.length; i++) expect(ps[i]!.start).toBeGreaterThan(ps[i - 1]!.end);
  });

  it('splits at blank lines exactly where /\\n[ \\t\\r]*\\n/ does', () => {
    const pieces = ['\n', '\n', ' ', '\t', '\r', 'x', SENTENCES.de, SENTENCES.fr];
    const r = random(16);
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: 1 + Math.floor(r() * 16) }, () => pieces[Math.floor(r() * pieces.length)]).join('');
      const expected: { start: number; end: number }[] = [];
      let start = 0;
      for (const m of [...text.matchAll(/\n[ \t\r]*\n/g), undefined]) {
        const end = m ? m.index : text.length;
        if (end > start) expected.push({ start, end });
        if (m) start = m.index + m[0].length;
      }
      if (!expected.length) continue; // nothing but blank lines: one paragraph of the whole text
      // Neighbours of one language are merged: every paragraph found is a run of whole expected ones.
      const found = paragraphLanguages(text);
      const bounds = new Set(expected.flatMap((p) => [p.start, p.end]));
      for (const p of found) expect(bounds.has(p.start) && bounds.has(p.end), JSON.stringify(text)).toBe(true);
      expect([found[0]!.start, found[found.length - 1]!.end]).toEqual([expected[0]!.start, expected[expected.length - 1]!.end]);
    }
  });
});
