import type { Detector } from '../../types';
import { europeanIdentifiers } from './europe';
import { worldIdentifiers } from './world';

/** Personal, tax, social-security and health-insurance numbers of many countries, each confirmed by its check. */
export const nationalDetectors: readonly Detector[] = [...europeanIdentifiers, ...worldIdentifiers];
