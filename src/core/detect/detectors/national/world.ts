import type { Detector } from '../../types';
import { africanAndOceanianIdentifiers } from './world-africa-oceania';
import { americanIdentifiers } from './world-americas';
import { asianIdentifiers } from './world-asia';

/** The national identifiers of Israel, Asia, the Americas, Africa and Oceania. */
export const worldIdentifiers: readonly Detector[] = [...asianIdentifiers, ...americanIdentifiers, ...africanAndOceanianIdentifiers];
