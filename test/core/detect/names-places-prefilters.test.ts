import { describe, expect, it } from 'vitest';
import { findAddresses, forAddressLines } from '../../../src/core/detect/detectors/addresses';
import { CUES_BEFORE, cueBefore, LOWERCASE_NAME, lowercaseNameMatches } from '../../../src/core/detect/detectors/people-and-places';
import { FACILITY_ANCHORS, findFacilities } from '../../../src/core/detect/detectors/places/facilities';
import { findPostcodes } from '../../../src/core/detect/detectors/places/postcodes';
import { listed, listedUncached } from '../../../src/core/detect/detectors/places/towns';
import { hasNonAscii, NonAsciiWords } from '../../../src/core/detect/detectors/places/words';
import { KeywordScanner } from '../../../src/core/detect/keywords';
import { random } from '../../random';

/**
 * Issue 16, round 5: the names and places stages skip work where a cheap test says it can find nothing. Each
 * skip is checked here against the path it spares, kept as the oracle, on generated texts made of the pieces
 * that path reads.
 */
function generated(pieces: readonly string[], seed: number, count: number, length: number): string[] {
  const r = random(seed);
  return Array.from({ length: count }, () => Array.from({ length }, () => pieces[Math.floor(r() * pieces.length)]!).join(''));
}

const FILLER = ' and then the results of the quarterly review were sent to everyone on the list for comment '.repeat(3);

describe('lower-case names from the starts of their cues', () => {
  /** The global scan that lowercaseNameMatches() replaces. */
  const scanned = (text: string): string[] => [...text.matchAll(new RegExp(LOWERCASE_NAME.source, 'gu'))].map((m) => `${m.index} ${m[0]} ${m[1]}`);
  const found = (text: string): string[] => lowercaseNameMatches(text).map((m) => `${m.index} ${m[0]} ${m[1]}`);
  const pieces = ['name is', 'name:', 'named', 'name', 'call me', 'calls me', 'called me', 'call', 'i am', "i'm", 'i', 'am', 'my ', 'hi ', 'rename', 'renamed', 'recall me', 'Name is',
    'I am', ' ', ' ', '  ', '\n', '\t', 'vitoria', 'borna', 'ana', 'x', 'Ana', '.', ':', '_', '1', "'", "x'", "'s", 'names', 'caller'];
  it.each([1, 2, 3, 4])('finds what the global scan finds in ASCII text, from the tokens (seed %i)', (seed) => {
    const texts = generated(pieces, seed, 400, 30);
    for (const text of texts) expect(found(text), text).toEqual(scanned(text));
    expect(texts.filter((t) => found(t).length).length).toBeGreaterThan(20);
  });
  it.each([1, 2])('finds what the global scan finds in text beyond ASCII (seed %i)', (seed) => {
    for (const text of generated([...pieces, 'jerković', 'é', 'éname', '’', 'i’m'], seed, 300, 30)) expect(found(text), text).toEqual(scanned(text));
  });
  it('finds overlapping cues left to right, as the scan does', () => {
    const text = 'my name is i am ana and i am named bob, they call me i am sam';
    expect(found(text)).toEqual(scanned(text));
    expect(found(text).length).toBeGreaterThan(1);
  });
  it('finds nothing without a cue', () => expect(found('Patient Anna Smith, seen today.')).toEqual([]));
});

describe('a chunk without non-ASCII characters', () => {
  it('is told from one with them, each text by its own answer', () => {
    const texts = ['plain ascii text', 'café', 'x'.repeat(1000) + '’', 'also plain', '', 'ß'];
    // Asked in turn and again (the memo holds two texts): the answer is always the text's own.
    for (let round = 0; round < 3; round++)
      for (const [i, t] of texts.entries()) {
        expect(hasNonAscii(t), t).toBe(/[^\x00-\x7f]/.test(t));
        expect(hasNonAscii(texts[(i + 3) % texts.length]!)).toBe(/[^\x00-\x7f]/.test(texts[(i + 3) % texts.length]!));
      }
  });

  it('gives the non-ASCII words no positions, and one with them the positions a search finds', () => {
    const words = ['clínic', 'hôpital', 'centre d’atenció', 'straße'];
    const seeker = new NonAsciiWords(words);
    const searched = (lower: string): number[] =>
      words.flatMap((w) => {
        const at: number[] = [];
        for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) at.push(i);
        return at;
      }).sort((a, b) => a - b);
    const pieces = [...words, 'clinic', 'hopital', 'strasse', ' ', 'í', 'ô', '’', 'x', 'Clínic', 'HÔPITAL'];
    for (const text of generated(pieces, 7, 300, 12)) {
      const lower = text.toLowerCase(), out: number[] = [];
      seeker.positions(lower, out, text);
      expect(out.sort((a, b) => a - b), text).toEqual(searched(lower));
    }
  });

  it('finds the addresses it found with the search for non-ASCII cues', () => {
    // "tér", "straße" are found from their letters; ASCII streets from the anchors (none given here).
    expect(findAddresses('wohnt in der Hauptstraße 5, Berlin', new Map()).length).toBeGreaterThan(0);
    expect(findAddresses('wohnt in der Hauptstrasse 5, Berlin', new Map())).toEqual([]);
  });
});

describe('postcodes tried only where a value can end', () => {
  const shown = (text: string, checked: boolean): string[] => findPostcodes(text, checked).map((c) => `${c.start}-${c.end} ${c.why[0]}`);
  const pieces = ['CP', 'C.P.', 'C. P', 'C.A.P.', 'NPA', 'Postcode', 'postcode', 'Código Postal', 'Cód. Postal', 'cP', 'size', 'e', 'l', '1.2', 'PLZ', 'code postal', '〒', '郵便番号', ' ', '  ', ':', ',', ', ', ' - ', ' -', '-', '－', '.', '/', '\n', 'a ', 'ab ', 'Narón ', 'x',
    '28016', '1015', '1015 CJ', '1015CJ', 'D-10115', '100-0001', '100－0001', '1100-053', '2015', '123', '12', '123456', '12345', '1234',
    ' Madrid', ' Ávila', ' Östersund', ' madrid', ' MADRID', ' AB', 'Calle Mayor 5'];
  it.each([1, 2, 3, 4, 5])('finds what trying the regex at every digit run finds (seed %i)', (seed) => {
    for (const text of generated(pieces, seed, 200, 40)) expect(shown(text, true), text).toEqual(shown(text, false));
  });
  it('finds each shape where the check lets the regex run', () => {
    for (const text of ['Calle Mayor 5, 28046 Madrid', '1015 CJ Amsterdam', 'Rua Augusta 100, 1100-053 Lisboa', 'Narón 15407', '28046, Madrid', '28046 - Madrid', '〒100-0001', '28046 Ávila'])
      expect(shown(text, true), text).toEqual(shown(text, false));
    expect(shown('Calle Mayor 5, 28046 Madrid', true)).toHaveLength(1);
  });
});

describe('listed towns, remembered', () => {
  it('answers as the look-up does, asked once or again', () => {
    const names = ['Madrid', 'Köln', 'Mérida', 'Berlin', 'Santiago de Compostela', 'Nowhereville', 'The', 'madrid', 'Frankfurt am Main', 'Bergamo'];
    for (let round = 0; round < 2; round++) for (const n of names) expect(listed(n), n).toBe(listedUncached(n));
    expect(names.filter(listed).length).toBeGreaterThan(3);
    expect(listed('Nowhereville')).toBe(false);
  });
});

describe('cues of place before capitals, ruled out by their last letter', () => {
  const pieces = ['lives in', 'moved to', 'flew to', 'arrived at', 'arrived in', 'originally from', 'grew up in', 'born in', 'based in', 'travelling to', 'traveled to', 'university of', 'where:', 'Where:',
    'LIVES IN', 'at', 'in', 'near', '@', 'admitted to', 'transferred to', 'visit', 'visited', 'visiting', 'from', 'city of', 'home town', 'village', 'county of', 'city', 'town',
    ' ', '  ', '\n', '\t', '\u00a0', 'x', 'to', 'the', ',', '.', 'NYC', 'SUND', 'é', 'K', 'cat', 'revisited'];
  it.each(Object.entries(CUES_BEFORE))('agree with the regex %s on generated texts', (_name, cue) => {
    let found = 0;
    for (const text of generated(pieces, 9, 300, 8))
      for (let at = 0; at <= text.length; at++) {
        const expected = cue.cue.test(text.slice(Math.max(0, at - 24), at).toLowerCase());
        expect(cueBefore(cue, text, at), `${JSON.stringify(text)} at ${at}`).toBe(expected);
        if (expected) found++;
      }
    expect(found).toBeGreaterThan(100);
  });
});

describe('facility names before a tail word only in the windows that hold one', () => {
  const scanner = new KeywordScanner([...FACILITY_ANCHORS]);
  const facilities = (text: string, everyWindow: boolean) => {
    const lower = text.toLowerCase();
    return findFacilities(text, lower, scanner.scan(lower), everyWindow);
  };
  const pieces = ['Evangelisches Krankenhaus Bielefeld', 'Marienkrankenhaus', 'St. Antonius Ziekenhuis', 'Maasstad ziekenhuis', 'Sint Maartenskliniek', 'Kinderspital Zürich', 'Kantonsspital',
    'Universitätsklinikum Hamburg-Eppendorf', 'Klinikum rechts der Isar', 'Hospital Universitario La Paz', 'CHU de Bordeaux', 'Lakeside Clinic', 'the clinic', 'Hospital', 'hospital', 'Gasthuis',
    'Das Krankenhaus', 'Kliniken', 'Klinik', 'clinic', 'CS', 'CH ', ' ', '  ', ',', '.', '\n', 'Madrid', 'de', 'x', 'é', 'Spital', 'Hospital Road', FILLER];
  it.each([8, 9, 10])('finds what running every pattern in every window finds (seed %i)', (seed) => {
    const texts = generated(pieces, seed, 200, 20);
    for (const text of texts) expect(facilities(text, false), text).toEqual(facilities(text, true));
    expect(texts.filter((t) => facilities(t, false).some((c) => /[Kk]ranken|[Zz]ieken|spital|kliniek/.test(t.slice(c.start, c.end)))).length).toBeGreaterThan(20);
  });
});

describe('address lines, their indentation read before the regex', () => {
  /** The regex tried at the text's start and at every line break, as before. */
  const ADDRESS_LINE = /(?:^|\n)[ >]*\d{3,6} \p{Lu}/uy;
  const tried = (text: string): number[] => {
    const out: number[] = [];
    for (let i = 0; i >= 0 && i < text.length; i = text.indexOf('\n', i + 1)) {
      ADDRESS_LINE.lastIndex = i;
      if (ADDRESS_LINE.test(text)) out.push(i);
    }
    return out;
  };
  const found = (text: string): number[] => {
    const out: number[] = [];
    forAddressLines(text, (i) => out.push(i));
    return out;
  };
  it('finds the lines the regex finds at every line', () => {
    const pieces = ['\n', '\n', ' ', '  ', '>', '> ', '123', '12', '4567', '1234567', ' Main', ' main', 'Main', ' Élm', 'x', ':', '\t', '\r\n'];
    const texts = generated(pieces, 12, 400, 16);
    for (const text of texts) expect(found(text), JSON.stringify(text)).toEqual(tried(text));
    expect(texts.filter((t) => found(t).length).length).toBeGreaterThan(15);
  });
});
