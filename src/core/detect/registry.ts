import { dateDetectors } from './detectors/dates';
import { healthDetectors } from './detectors/health';
import { ipDetectors } from './detectors/ip';
import { labelledDetectors } from './detectors/labelled';
import { nationalDetectors } from './detectors/national';
import { numberDetectors } from './detectors/numbers';
import { peopleAndPlaceDetectors } from './detectors/people-and-places';
import { intlPlaceDetectors } from './detectors/places';
import { secretDetectors } from './detectors/secrets';
import { webDetectors } from './detectors/web';
import { Engine, type ScanOptions } from './engine';
import type { Detector } from './types';

/** Every detector the product ships, in one list: the registry that tests, docs and policy read. */
export const DETECTORS: readonly Detector[] = [
  ...secretDetectors,
  ...webDetectors,
  // Before the other numbers: a national number with its word wins a tie with a card or phone number.
  ...nationalDetectors,
  ...numberDetectors,
  ...labelledDetectors,
  ...dateDetectors,
  ...peopleAndPlaceDetectors,
  ...intlPlaceDetectors,
  ...healthDetectors,
  ...ipDetectors,
];

let shared: Engine | undefined;

/** The default engine, built on first use. */
export function defaultEngine(): Engine {
  return (shared ??= new Engine(DETECTORS));
}

export const createEngine = (options: ScanOptions = {}, detectors: readonly Detector[] = DETECTORS): Engine => new Engine(detectors, options);
