import type { RedactionLabels } from '../../../core/detect/redact';
import { ENTITY_TYPES } from '../../../core/detect/types';
import { nameOf } from './i18n';

/**
 * What "Remove sensitive values and share" writes in place of each value, in the employee's language
 * ("[NOMBRE]"); the English catalogue keeps the type ids ("[PERSON]"), as the redacted text always read.
 */
export function redactionLabels(): RedactionLabels {
  return Object.fromEntries(ENTITY_TYPES.map((type) => [type, nameOf('redact', type)]));
}
