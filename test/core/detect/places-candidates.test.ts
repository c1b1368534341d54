import { describe, expect, it } from 'vitest';
import { combinePatterns, matchedSpan } from '../../../src/core/detect/combine';
import { postcodeDetector, POSTCODE_PATTERNS } from '../../../src/core/detect/detectors/places/postcodes';
import { findStreets, STREET_ANCHORS } from '../../../src/core/detect/detectors/places/streets';
import { NonAsciiWords } from '../../../src/core/detect/detectors/places/words';
import { KeywordScanner } from '../../../src/core/detect/keywords';
import { digitWindows, execInParts, partsOf } from '../../../src/core/detect/windows';
import { random } from '../../random';

/**
 * The place detectors find their candidates from the token stream and confirm them with sticky regexes at known
 * positions. What they find must be what the global scans they replace found: each is compared here with that
 * scan, on generated texts made of the pieces that its patterns read.
 */
function generated(pieces: readonly string[], seed: number, count: number, length: number): string[] {
  const r = random(seed);
  return Array.from({ length: count }, () => Array.from({ length }, () => pieces[Math.floor(r() * pieces.length)]!).join(''));
}

const FILLER = ' and then the results of the quarterly review were sent to everyone on the list for comment '.repeat(3);

describe('postcodes from digit runs', () => {
  /** The engine's way: the patterns as one alternation, over the windows around digits, at most 2,000 matches. */
  function scanned(text: string): string[] {
    const c = combinePatterns(POSTCODE_PATTERNS)[0]!;
    const out: string[] = [];
    execInParts(c.regex, partsOf(text, digitWindows(text)), (m, offset) => {
      const hit = matchedSpan(c, m);
      if (!hit) return;
      out.push(`${hit.span[0] + offset}-${hit.span[1] + offset} ${hit.pattern.name}`);
      return out.length < 2000;
    });
    return out;
  }
  const found = (text: string): string[] =>
    postcodeDetector.find!(text, text.toLowerCase(), new Map()).map((c) => `${c.start}-${c.end} ${c.why[0]!.replace(/^pattern (\S+) .*/, '$1')}`);

  const pieces = ['CP', 'C.P.', 'C. P', 'Código Postal', 'codigo postal', 'PLZ', 'Postleitzahl', 'code postal', 'CAP', 'NPA', 'postcode', 'C.A.P.', 'Cód. Postal', 'cód Postal', 'Código-Postal', 'Code Postal', '郵便番号', '〒', 'xCP', ' ', '  ', '\t', ':', ': ', '.', ',', ' - ', '-', '/',
    '28016', '1015 CJ', '1015CJ', 'D-10115', 'AB-12345', 'C1031', 'C1031ABC', '100-0001', '100－0001', '1100-053', '2015', '12', '123456', '1234567', '7', '-12345', 'x-12345', 'AB-1234', 'a 12345', '_12345', ' Madrid', ' Berlin', ' Ámsterdam', 'ab ', 'Zürich ', 'x', 'E', '\n',
    ' '.repeat(40), '\t'.repeat(50), 'Calle Mayor 5'];
  it.each([1, 2, 3])('finds what the scan of the digit windows finds (seed %i)', (seed) => {
    for (const text of generated(pieces, seed, 150, 60)) expect(found(text), text).toEqual(scanned(text));
  });
  it('finds the same where digits are sparse and the windows are apart', () => {
    for (const text of generated([...pieces, FILLER, FILLER, FILLER], 4, 100, 40)) expect(found(text), text).toEqual(scanned(text));
  });
  it('finds a label far before its number only inside the window around it', () => {
    for (const gap of [10, 40, 47, 48, 49, 60, 100]) {
      const text = `${FILLER}CP:${' '.repeat(gap)}28016 ${FILLER}`;
      expect(found(text), `gap ${gap}`).toEqual(scanned(text));
    }
    expect(found(`CP:${' '.repeat(60)}28016`)).toHaveLength(1); // near the start: one window, the whole text
  });
  it('stops at 2,000 matches, as the engine does', () => {
    const text = 'Barcelona 08017 '.repeat(2500);
    expect(found(text)).toHaveLength(2000);
    expect(found(text)).toEqual(scanned(text));
  });
});

describe('non-ASCII street and facility words', () => {
  const words = ['clínic', 'policlínic', 'hôpital', 'centre d’atenció', 'saúde', 'vía', 'víavía', 'p.º', 'pº', 'straße', 'allée'];
  /** One search per word, each word's occurrences left to right without overlap. */
  function searched(lower: string): number[] {
    const out: number[] = [];
    for (const w of words) for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) out.push(i);
    return out.sort((a, b) => a - b);
  }
  const seeker = new NonAsciiWords(words);
  const found = (lower: string): number[] => {
    const out: number[] = [];
    seeker.positions(lower, out);
    return out.sort((a, b) => a - b);
  };
  it('finds every occurrence that a search per word finds', () => {
    const pieces = [...words, 'í', 'ía', 'v', 'ví', 'a', ' ', 'poli', 'clín', 'ic', 'centre d', '’', 'd’atenció', 'º', 'p.', 'stra', 'ße', 'x'];
    for (const text of generated(pieces, 5, 300, 30)) expect(found(text), text).toEqual(searched(text));
  });
  it('refuses an ASCII word, which the automaton finds', () => expect(() => new NonAsciiWords(['calle'])).toThrow());
});

describe('street patterns only in the windows where their words stand', () => {
  const scanner = new KeywordScanner([...STREET_ANCHORS]);
  const streets = (text: string, everyWindow: boolean) => {
    const lower = text.toLowerCase();
    return findStreets(text, lower, scanner.scan(lower), everyWindow);
  };
  const pieces = ['Calle Miguel Benitez 90', 'c/ del Abedul 5-7, 2º dcha', 'Hauptstraße 12a', 'Berliner Strasse 5', 'Bahnweg 3', '12 bis rue de la Paix', '12 bd Saint-Germain', '5 Bd Haussmann', 'Via Giuseppe Verdi, 5', 'Plaza Mayor', 'deviation', 'true', 'trivial', 'via', 'Via', 'rue', 'Rue',
    'during 1971', 'Ring 5', 'string 5', 'xweg 5', 'Weg', 'Avda. de França, s/n', 'Pº de Gracia 3', 'Vía Láctea 4', ' ', '  ', ',', '.', '\n', '12', '3 ', 'Mayor', 'de la', 'x', 'é', '\u00a0', FILLER];
  it.each([6, 7])('finds what running every pattern in every window finds (seed %i)', (seed) => {
    for (const text of generated(pieces, seed, 200, 30)) expect(streets(text, false), text).toEqual(streets(text, true));
  });
});
