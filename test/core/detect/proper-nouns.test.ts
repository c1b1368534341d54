import { describe, expect, it } from 'vitest';
import { capitalisedTokens } from '../../../src/core/detect/detectors/proper-nouns';
import { random } from '../../random';

/** A capital beyond the BMP (mathematical bold A): a text that holds one is read with the CAP_WORD regex. */
const ASTRAL_CAPITAL = '\u{1d400}';

/** The capitalised words of a text as the regex reads them (the definition), and as the token stream does. */
const byRegex = (text: string) => capitalisedTokens(`${text} ${ASTRAL_CAPITAL}`).filter((t) => t.start < text.length);
const byTokens = (text: string) => capitalisedTokens(text);
const words = (text: string) => byTokens(text).map((t) => t.word);

describe('capitalised words', () => {
  it('starts at the first capital of a run of letters, marks, apostrophes and hyphens, and skips words inside words and codes', () => {
    expect(words("Dr. O'Brien met d'Artagnan, Jean-Paul and iPhone users at CHA2DS2-VASc (a hyphen starts one); anti-Xa; Smith's; Bob'- user_Name")).toEqual(['Dr', "O'Brien", 'Artagnan', 'Jean-Paul', 'VASc', 'Xa', "Smith's", 'Bob']);
  });

  it('reads each text as CAP_WORD does, whatever its characters', () => {
    const alphabet = ['a', 'b', 'z', 'B', 'Q', 'é', 'É', 'ß', 'İ', 'Σ', 'ǅ', 'ǆ', '\u0301', "'", '’', '-', ' ', ' ', ' ', '.', '_', '/', '1', '\n', '\u{20000}', '😀', '\ud800', 'が'];
    const r = random(16);
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(r() * 24) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
      expect(byTokens(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});
