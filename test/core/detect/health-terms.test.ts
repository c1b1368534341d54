import { describe, expect, it } from 'vitest';
import { countedTerms, findHealthTerms } from '../../../src/core/detect/detectors/health/terms';

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
