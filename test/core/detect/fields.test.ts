import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';
import { textOfFields } from '../../../src/core/detect/fields';

describe('the fields of one send, read as one text', () => {
  it('keeps every value on its own line', () => {
    expect(textOfFields(['Jane Roe', '', '  A note about lunch. '])).toBe('Jane Roe\nA note about lunch.');
  });

  it('joins adjacent short pieces into one identifier the engine finds', () => {
    const text = textOfFields(['Social security number', '219', '09', '9999']);
    expect(text.split('\n').at(-1)).toBe('219-09-9999');
    expect(scan(text).findings.map((f) => f.type)).toContain('SSN');
    expect(textOfFields(['219-09', '9999']).split('\n').at(-1)).toBe('219-09-9999');
  });

  it('does not join values that are sentences, or a single piece', () => {
    expect(textOfFields(['Hello there', 'how are you'])).toBe('Hello there\nhow are you');
    expect(textOfFields(['42'])).toBe('42');
    // A long value breaks the run: the pieces on either side are not joined across it.
    expect(textOfFields(['12', 'a longer sentence here', '34'])).toBe('12\na longer sentence here\n34');
  });
});

describe('pieces as people type them into split boxes', () => {
  it('takes pieces with the separator or brackets typed with them', () => {
    expect(textOfFields(['219-', '09-', '9999']).split('\n').at(-1)).toBe('219-09-9999');
    expect(textOfFields(['(555)', '123', '4567']).split('\n').at(-1)).toBe('555-123-4567');
    expect(scan(textOfFields(['SSN', '219 ', ' 09', '9999'])).findings.map((f) => f.type)).toContain('SSN');
  });

  it('joins full-width pieces, which the engine reads as ASCII', () => {
    const text = textOfFields(['Social security number', '２１９', '０９', '９９９９']);
    expect(scan(text).findings.map((f) => f.type)).toContain('SSN');
  });

  it('does not join values without a digit (names, labels) into a run, nor punctuation alone', () => {
    expect(textOfFields(['Anna', 'Roe'])).toBe('Anna\nRoe');
    expect(textOfFields(['Anna', '219', '09', '9999']).split('\n').at(-1)).toBe('219-09-9999');
    expect(textOfFields(['-', '42'])).toBe('-\n42');
  });
});
