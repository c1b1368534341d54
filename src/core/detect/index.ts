export { Engine, DEFAULT_MAX_CHARS, DEFAULT_MIN_SCORE, type ScanOptions } from './engine';
export { DETECTORS, defaultEngine, createEngine } from './registry';
export * from './types';

import { defaultEngine } from './registry';
import type { ScanResult } from './types';

/** Scans a text with the default detectors. */
export const scan = (text: string): ScanResult => defaultEngine().scan(text);
