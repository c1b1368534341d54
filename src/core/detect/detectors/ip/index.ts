import type { Detector } from '../../types';
import { biologyDetectors } from './biology';
import { chemistryDetectors } from './chemistry';
import { manufacturingDetectors } from './manufacturing';
import { markingDetectors } from './markings';
import { sourceCodeDetectors } from './source-code';

/** The intellectual-property classifiers that need no configuration; the organisation's own come from policy. */
export const ipDetectors: Detector[] = [...markingDetectors, ...chemistryDetectors, ...biologyDetectors, ...manufacturingDetectors, ...sourceCodeDetectors];
