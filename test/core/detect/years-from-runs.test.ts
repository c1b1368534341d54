import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/core/detect';
import { YEAR_ALONE, YEAR_AT, yearsAlone, yearsAt } from '../../../src/core/detect/detectors/dates';
import { mixedCorpus } from '../../bench/corpus';
import { random } from '../../random';

/** Where a global scan of the regex finds its matches: the definition that the readings from digit runs keep. */
function scanned(re: RegExp, text: string): number[] {
  const out: number[] = [];
  const g = new RegExp(re.source, re.flags);
  for (let m = g.exec(text); m; m = g.exec(text)) out.push(m.index);
  return out;
}

/** Text dense with years and near-years: runs of digits beside every character the look-arounds test. */
function yearly(seed: number, length: number): string {
  const next = random(seed);
  const pieces = ['19', '20', '1', '2', '9', '0', '199', '2024', '1987', '20195', ' ', '.', ',', '-', '/', '_', 'a', 'Z', 'é', '\n', 'v', ':', '年'];
  let s = '';
  while (s.length < length) s += pieces[Math.floor(next() * pieces.length)]!;
  return s;
}

describe('years read from the digit runs', () => {
  const texts = [
    ...Array.from({ length: 20 }, (_, i) => yearly(i + 1, 4000)),
    ...DETECTORS.flatMap((d) => [...(d.examples?.match ?? []).map((m) => m.text), ...(d.examples?.noMatch ?? [])]),
    mixedCorpus(200 * 1024),
    'in 1977, v2019, 2019-05, 1999.5, 2001,5 and 2020_ but 1988. and (1990) at the end 2021',
  ];

  it('finds where the year regexes match, on generated text, the examples and the bench corpus', () => {
    let years = 0;
    for (const t of texts) {
      expect(yearsAlone(t)).toEqual(scanned(YEAR_ALONE, t));
      expect(yearsAt(t)).toEqual(scanned(YEAR_AT, t));
      years += yearsAt(t).length;
    }
    // The texts hold years to find, not only their absence.
    expect(years).toBeGreaterThan(500);
  });
});
