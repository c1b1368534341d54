import { describe, expect, it } from 'vitest';
import { combinePatterns, matchedSpan } from '../../../src/core/detect/combine';
import { BARE_SEQUENCES, GROUPED } from '../../../src/core/detect/detectors/ip/biology';
import { charClasses, patternsAtRuns } from '../../../src/core/detect/detectors/ip/runs';
import type { Pattern } from '../../../src/core/detect/types';
import { random } from '../../random';

/**
 * Patterns tried only at the starts of long runs of letters (read from the token stream's words) must find
 * what the engine's global scan of the whole text finds: compared here on generated texts of sequence pieces.
 */
function scanned(patterns: readonly Pattern[], text: string): string[] {
  const out: string[] = [];
  for (const c of combinePatterns(patterns)) {
    c.regex.lastIndex = 0;
    for (let m = c.regex.exec(text); m && out.length < 2000; m = c.regex.exec(text)) {
      if (m[0].length === 0) {
        c.regex.lastIndex++;
        continue;
      }
      const hit = matchedSpan(c, m);
      if (hit) out.push(`${hit.span[0]}-${hit.span[1]} ${hit.pattern.name}`);
    }
  }
  return out;
}

const r = random(3);
const pieces = ['ATGGCGTACGTTAGCCTAGGCTTAACGGATCCA', 'atggcgtacg', 'ttagcctagg', 'ATGC', 'acgt', 'EVQLVESGGGLVQPGGSLRLSCAASGFNIKDTYIHW', 'MALWMRLLPLL', 'xyz', 'Q', 'q', ' ', '\n', '\n       41 ', '1', '+', '/', "'", 'é', 'ACGTé', 'the', 'ACGTACGTAC', 'acgtacgtac', ' acgtacgtac acgtacgtac acgtacgtac ', ' ATGGCGTACGTTAGCCTAGGCTTAA ', ' EVQLVESGGGLVQPGGSLRLSCAASGFNIK '];
const texts = Array.from({ length: 300 }, () => Array.from({ length: 25 }, () => pieces[Math.floor(r() * pieces.length)]!).join(''));

describe('patterns at the starts of long runs', () => {
  const cases = [
    ['bare sequences', BARE_SEQUENCES, charClasses(['ACDEFGHIKLMNPQRSTUVWY', 'acdefghiklmnpqrstuvwy']), 25],
    ['grouped nucleotides', GROUPED, charClasses(['ACGTUNacgtun']), 10],
  ] as const;
  it.each(cases)('%s: what a global scan finds', (_name, patterns, classes, minRun) => {
    const atRuns = patternsAtRuns(patterns, classes, minRun);
    for (const text of texts) expect(atRuns(text).map((c) => `${c.start}-${c.end} ${c.why[0]!.replace(/^pattern (\S+) .*/, '$1')}`), text).toEqual(scanned(patterns, text));
  });
  it('refuses classes that are not letters (runs are read inside words)', () => expect(() => patternsAtRuns(GROUPED, charClasses(['0123']), 4)).toThrow());
});
