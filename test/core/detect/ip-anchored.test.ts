import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/core/detect/engine';
import { BATCH_NUMBER, manufacturingDetectors } from '../../../src/core/detect/detectors/ip/manufacturing';
import type { Detector } from '../../../src/core/detect/types';
import { random } from '../../random';

/**
 * A keyword-anchored detector (sticky regexes at its keywords, ip/anchored.ts) must find what the engine finds
 * with the same patterns run over the windows around its keywords, kept here as the oracle: on generated texts
 * with many keywords far apart (many windows) and close together (merged windows).
 */
const batch = manufacturingDetectors.find((d) => d.id === 'ip.batch-number')!;
const { find: _find, ...rest } = batch;
const scanned: Detector = { ...rest, patterns: [BATCH_NUMBER] };

describe('batch numbers at their keywords', () => {
  const anchored = new Engine([batch]), oracle = new Engine([scanned]);
  const pieces = ['batch', 'Batch No. ', 'lot', 'Lot: ', 'LOT # ', 'slot', 'pilot', 'lots', 'a lot of', '23A0415', 'L2304-112', '4471923', '2023', 'ab12', ' ', '\n', '-', '/', ':', '#', '.', 'x'.repeat(90), ' word'.repeat(30), 'é', 'batchlot'];
  const r = random(21);
  const texts = Array.from({ length: 300 }, () => Array.from({ length: 20 + Math.floor(r() * 80) }, () => pieces[Math.floor(r() * pieces.length)]!).join(r() < 0.5 ? ' ' : ''));
  it('finds what the scan of the windows around its keywords finds', () => {
    let found = 0;
    for (const text of texts) {
      const expected = oracle.scan(text).findings;
      found += expected.length;
      expect(anchored.scan(text).findings, text).toEqual(expected);
    }
    expect(found).toBeGreaterThan(200);
  });
});
