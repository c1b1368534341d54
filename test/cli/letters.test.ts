import { describe, expect, it } from 'vitest';
import { parseLetter, readLetters } from '../../src/cli/letters';

describe('the hand-written letters of npm run eval', () => {
  it('reads a marked-up letter as its text and the spans of what was marked', () => {
    const row = parseLetter('x', 'Herr {P:Jan Petersen}, geb. {D:30.01.1975}, Fall {I:58820141}.');
    expect(row.full_text).toBe('Herr Jan Petersen, geb. 30.01.1975, Fall 58820141.');
    expect(row.spans.map((s) => [s.entity_type, row.full_text.slice(s.start_position, s.end_position)])).toEqual([
      ['PERSON', 'Jan Petersen'], ['DATE', '30.01.1975'], ['UNIQUE_IDENTIFIER', '58820141'],
    ]);
  });

  it('refuses a mark it does not know, naming the letter', () => {
    expect(() => parseLetter('de-3', 'a {Q:b} c')).toThrow(/de-3: unknown mark Q/);
  });

  it('has letters in the seven languages of issue 17, every mark closed', () => {
    const letters = readLetters();
    expect([...letters.keys()]).toEqual(['de', 'es', 'fr', 'it', 'ja', 'nl', 'pt']);
    for (const rows of letters.values()) for (const r of rows) {
      expect(r.spans.length, r.id).toBeGreaterThan(3);
      expect(r.full_text, r.id).not.toMatch(/\{[A-Z]:/);
    }
  });
});
