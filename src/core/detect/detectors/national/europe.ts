import type { Detector } from '../../types';
import { easternEuropeanIdentifiers } from './europe-east';
import { northernEuropeanIdentifiers } from './europe-north';
import { southernEuropeanIdentifiers } from './europe-south';
import { westernEuropeanIdentifiers } from './europe-west';

/** The national identifiers of the EU-27, the United Kingdom, Switzerland, Norway, Iceland and Turkey. */
export const europeanIdentifiers: readonly Detector[] = [
  ...westernEuropeanIdentifiers,
  ...southernEuropeanIdentifiers,
  ...northernEuropeanIdentifiers,
  ...easternEuropeanIdentifiers,
];
