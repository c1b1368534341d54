import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/core/detect';
import { AGE_OVER_89_PATTERNS, ageOver89Starts } from '../../../src/core/detect/detectors/dates';
import { cptStarts, icdNdcStarts, MEDICAL_CODE_PATTERNS } from '../../../src/core/detect/detectors/health';
import { CAS_PATTERNS, casStarts } from '../../../src/core/detect/detectors/ip/chemistry';
import { patternsAtDigits, scanAroundDigits, type Starts } from '../../../src/core/detect/detectors/ip/runs';
import { tokensOf } from '../../../src/core/detect/tokens';
import type { Pattern } from '../../../src/core/detect/types';
import { mixedCorpus } from '../../bench/corpus';
import { random } from '../../random';

/**
 * Digit-gated detectors whose patterns are tried only where `starts` says a match can begin (at digit runs and
 * the labels before them) must give what the engine's scan of each regex over the windows around digits gives,
 * kept here as the oracle: the same candidates in the same order, on generated texts dense with near matches,
 * on the bench's corpus and on every detector's examples.
 */
const cases: [string, Pattern[], [Pattern[], Starts][], string[]][] = [
  ['pii.age-over-89', AGE_OVER_89_PATTERNS, [[AGE_OVER_89_PATTERNS, ageOver89Starts]], ['92', '101', '119', '120', '89', '9', '1101', 'aged', 'AGE:', 'age', 'Aged ', 'age:', ' years', '-year-old', ' yo', 'y/o', 'yrs', '-old', ' old', 'x', '_', '\n', '\t', '  ', ' '.repeat(50), '-', '.']],
  ['ip.cas-number', CAS_PATTERNS, [[CAS_PATTERNS, casStarts]], ['50-78-2', '7732-18-5', '1234567-12-3', '12345678-12-3', '-78-2', '50-78', '-2', '-', '--', '2', '78', 'CAS', 'CAS No.', 'CAS RN', 'CAS Registry No.', 'CAS#', 'CASE', 'xCAS', ' ', '\t', ' '.repeat(50), ':', '#', 'No', 'Number', 'a']],
  ['health.medical-code', MEDICAL_CODE_PATTERNS, [[MEDICAL_CODE_PATTERNS.slice(0, 2), icdNdcStarts], [MEDICAL_CODE_PATTERNS.slice(2), cptStarts]], ['E11', '.9', 'E', 'E1A', 'E1B.5', 'B', '1A', '2B', 'U', 'Z', 'A', '1', '12', '1234', '12345', '123456', '-', '0002', '8215', '01', 'CPT', 'cpt', 'CPT code', 'Cpt#', 'code', ':', '#', 'F', 't', ' ', '\n', ' '.repeat(50), '.', '_', 'x']],
];

function generated(pieces: readonly string[], seed: number): string[] {
  const r = random(seed);
  return Array.from({ length: 400 }, () => Array.from({ length: 30 + Math.floor(r() * 60) }, () => pieces[Math.floor(r() * pieces.length)]!).join(''));
}

const show = (c: { start: number; end: number; score: number; why: string[] }): string => `${c.start}-${c.end} ${c.score} ${c.why.join(';')}`;

describe('patterns tried at the digit runs where they can begin', () => {
  const corpus = [mixedCorpus(256 * 1024), mixedCorpus(256 * 1024, 7, 'config')].flatMap((t) => Array.from({ length: 8 }, (_, i) => t.slice(i * 32768, (i + 1) * 32768)));
  it.each(cases)('%s: what the scans around digits find', (id, patterns, groups, pieces) => {
    const atDigits = patternsAtDigits(groups), oracle = scanAroundDigits(patterns);
    const examples = DETECTORS.flatMap((d) => [...d.examples.match.map((e) => e.text), ...d.examples.noMatch]);
    // Texts long enough that the windows around digits do not cover the whole text, and texts where they do.
    const sparse = generated(pieces, 5).map((t, i) => `${'word '.repeat(40 + (i % 30))}${t}${' prose'.repeat(30)}${t}`);
    let found = 0;
    for (const text of [...generated(pieces, 1), ...sparse, ...corpus, ...examples]) {
      const expected = oracle(text).map(show);
      found += expected.length;
      expect(atDigits(text).map(show), `${id}: ${JSON.stringify(text.slice(0, 200))}`).toEqual(expected);
    }
    expect(found).toBeGreaterThan(300); // the texts hold matches, so the comparison means something
  });

  it('scans as the engine does when a label stands too far before its number for the window around it', () => {
    const text = `${'filler words '.repeat(20)}CAS${' '.repeat(60)}50-78-2 and age${' '.repeat(60)}95 and CPT${' '.repeat(60)}99213`;
    for (const [, patterns, groups] of cases) expect(patternsAtDigits(groups)(text).map(show)).toEqual(scanAroundDigits(patterns)(text).map(show));
    let asked = 0;
    patternsAtDigits([[CAS_PATTERNS, (t, k, add) => (asked++, casStarts(t, k, add))]])(text);
    expect(asked).toBe(1);
    // The starts say so: a label 60 blanks before its number is past the reach of the window.
    expect(casStarts(text, tokensOf(text), () => {})).toBe(false);
  });
});
