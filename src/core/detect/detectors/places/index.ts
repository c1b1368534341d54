import type { Detector } from '../../types';
import { facilityDetector } from './facilities';
import { japaneseDetector } from './japanese';
import { postcodeDetector } from './postcodes';
import { streetDetector } from './streets';
import { townDetector } from './towns';

/** Places of Europe and Japan (issue 17): streets, postcodes, towns and provinces, hospitals and health centres. */
export const intlPlaceDetectors: Detector[] = [streetDetector, postcodeDetector, townDetector, facilityDetector, japaneseDetector];
