import type { Detector } from '../../types';

/** The national identifiers of Israel, Asia, the Americas, Africa and Oceania. */
export const worldIdentifiers: readonly Detector[] = [];
