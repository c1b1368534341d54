import { entropy } from '../../checks';
import type { Verdict } from '../../types';

/** Values that documentation and templates put where a secret goes. */
const PLACEHOLDER = /^(?:x+|\*+|\.+|(?:my)?pass(?:word|wd)|secret|changeme|null|none|undefined|test|dummy|redacted)$|^[<{$%[]|your[_-]|replace|example|placeholder|xxxx|not[_-]?a[_-]?real|fake|sample/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || /^(.)\1*$/.test(value);
}

/** For credentials without a fixed shape: refuse placeholders, short and low-entropy values. */
export function credentialLike(value: string, minLength = 4, minEntropy = 1.5): Verdict {
  if (value.length < minLength || isPlaceholder(value)) return false;
  return entropy(value) >= minEntropy ? undefined : false;
}

