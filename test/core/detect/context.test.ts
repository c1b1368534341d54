import { describe, expect, it } from 'vitest';
import { compileContext, findContext } from '../../../src/core/detect/context';
import { tokensOf } from '../../../src/core/detect/tokens';

/** The cue found around `value` in `text` (the first occurrence), with a window of `window` characters. */
const cue = (words: string[], text: string, value: string, window = 48) => {
  const at = text.indexOf(value);
  return findContext(compileContext({ words, window, after: window }), tokensOf(text), text.toLowerCase(), at, at + value.length);
};

describe('context words read from the token stream', () => {
  it('are whole words, in any case', () => {
    expect(cue(['lic'], 'public 123456', '123456')).toBeUndefined();
    expect(cue(['mrn'], 'Patient MRN: 123456', '123456')).toBe('mrn');
    expect(cue(['ssn'], 'SSN 536-22-8726', '536-22-8726')).toBe('ssn');
  });

  it('begin inside the window: the tail of a word cut by its start is no cue', () => {
    // The window of 8 characters before the value starts inside "fibrillation": "on" is its tail, not a word.
    expect(cue(['on'], 'fibrillation seen 2023', '2023', 8)).toBeUndefined();
    expect(cue(['on', 'seen'], 'fibrillation seen 2023', '2023', 8)).toBe('seen');
    expect(cue(['on'], 'fibrillation on 2023', '2023', 8)).toBe('on');
  });

  it('are runs of letters and digits: "mrn123" is not "mrn", "icd10" is a word', () => {
    expect(cue(['mrn'], 'mrn123 x 456789', '456789')).toBeUndefined();
    expect(cue(['mrn'], '9mrn x 456789', '456789')).toBeUndefined();
    expect(cue(['icd10'], 'ICD10: 456789', '456789')).toBe('icd10');
    expect(cue(['icd'], 'ICD10: 456789', '456789')).toBeUndefined();
  });

  it('stop at apostrophes and letters of other scripts, as their lower-cased text would', () => {
    expect(cue(['patient'], "the patient's id 456789", '456789')).toBe('patient');
    expect(cue(['ve'], 'naïve 456789', '456789')).toBe('ve');
  });

  it('are found after the value, and phrases with them', () => {
    expect(cue(['ssn'], '536-22-8726 (ssn)', '536-22-8726')).toBe('ssn');
    expect(cue(['social security', 'x'], 'Social Security: 536-22-8726', '536-22-8726')).toBe('social security');
    expect(cue(['número'], 'los números 123456789', '123456789')).toBeUndefined();
  });
});
