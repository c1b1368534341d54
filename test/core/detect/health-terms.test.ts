import { describe, expect, it } from 'vitest';
import { countedTerms, findHealthTerms } from '../../../src/core/detect/detectors/health/terms';
import { random } from '../../random';

const terms = (text: string): string[] => countedTerms(text, text.toLowerCase()).map((t) => text.slice(t.start, t.end));

/**
 * The frame pass (ages, shorthand, codes with digits) tries its pattern only where the word pass saw a digit or a
 * slash, or before "op": these are the cases where the candidate sits at an offset from what was seen.
 */
describe('health terms: the frame pass', () => {
  it('reads ages at the start of a digit run, with or without a space or a hyphen', () => {
    const text = 'Stroke: a 70yo man, a 52-year-old woman, a 6 -month-old boy, a 3 days-old girl';
    expect(terms(text)).toEqual(['Stroke', '70yo', '52-year-old', '6 -month-old', '3 days-old']);
  });

  it('reads codes whose digits stand inside them, after a letter or a hyphen', () => {
    const text = 'T2DM, HbA1c and a1c high, COVID-19 and SARS-CoV-2 positive, CD4 low';
    expect(terms(text)).toEqual(['T2DM', 'HbA1c', 'a1c', 'COVID-19', 'COVID', 'SARS-CoV-2', 'CD4']);
  });

  it('reads shorthand around a slash and before "op" once the text has a digit or a slash', () => {
    expect(terms('s/p appendectomy, H/O asthma, post-op and preop day')).toEqual(['s/p', 'appendectomy', 'H/O', 'asthma', 'post-op', 'preop', 'preop']);
  });

  it('reads nothing of the kind inside words, numbers and paths', () => {
    for (const text of ['2024-01-05 12:30:45 asthma', 'sha512-a1cx4 asthma', 'x70yo /s/p asthma', 'build 1234yo asthma', 'sars-cov-20 asthma']) {
      expect(terms(text), text).toEqual(['asthma']);
    }
  });

  it('reads frames where lower-casing changes the length of the text (the word pass then reads shifted words)', () => {
    expect(terms('İstanbul clinic: 45yo, h/o asthma, post-op')).toEqual(['45yo', 'h/o', 'post-op']);
  });

  it('thins a long run of terms to one per 100 characters and the last of the run', () => {
    const text = Array.from({ length: 40 }, () => 'asthma').join(' ');
    const kept = findHealthTerms(text, text.toLowerCase());
    expect(kept.length).toBeLessThan(countedTerms(text, text.toLowerCase()).length);
    expect(kept.at(-1)!.end).toBe(text.length);
  });
});

/**
 * The word pass reads plain ASCII words from the token stream and the others character by character: what it
 * finds must be what reading every word character by character finds, apostrophes, accents, other scripts,
 * terms of two words and frames around them included.
 */
describe('health terms: the token pass reads what the character pass reads', () => {
  const pieces = ['asthma', 'Asthma', 'ASTHMA', 'heart', ' failure', '-failure', "failure's", "failure'", 'failureд', "patients'", "patient's", "''", "'", '’', 'don’t', 'rock\'n\'roll', 'tumoración', 'tumor', 'naïve', 'cafe\u0301', 'Москва', 'дasthma', 'asthmaд',
    'be patient', 'the patient', 'pt', 'PT', ' ', '  ', '\n', '.', ',', '-', '/', 's/p', 'H/O', 'post-op', 'preop', '70yo', '52-year-old', 'T2DM', 'HbA1c', 'COVID-19', '5 mg', '10mg', 'mcg', 'CHF', 'CHF 2,000', 'lisinopril',
    'épre-op', 'préop', 'post-opé', "x'preop", 'Post-Op', 'POSTOP', 'op', 'pre', 'post', 'pre-', 'post-', 'xpreop', '_post-op', 'SARS-CoV-2', 'sars-cov-2', 'CD4', 'cd4', 'A1c', 'a1C', 't1dm', 'T3DM', '3-month-old', '101 days-old', '9 weeks-old', '12 y/o', '4 y.o.', '1234yo', '_70yo', '/70yo', 'x70yo', 'ß70yo', '-19', '-2', 'Margaritis', 'hypertension', 'diabetic', 'blood pressure', 'x', '7', '@', 'health.ts', 'sha512-a1c', '患者', '診断', 'İstanbul', 'ǅ', 'µg', 'ª'];
  const r = random(11);
  const texts = Array.from({ length: 400 }, () => Array.from({ length: 40 }, () => pieces[Math.floor(r() * pieces.length)]!).join(r() < 0.5 ? ' ' : ''));
  it('on generated texts', () => {
    for (const text of texts) {
      const lower = text.toLowerCase();
      expect(countedTerms(text, lower), text).toEqual(countedTerms(text, lower, true));
    }
  });
});
