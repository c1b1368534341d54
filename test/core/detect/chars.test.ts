import { describe, expect, it } from 'vitest';
import { ownString } from '../../../src/core/detect/chars';
import { mixedCorpus } from '../../bench/corpus';

describe('ownString', () => {
  it('keeps every character of what it copies, whatever the string is as a property key', () => {
    const text = mixedCorpus(150_000);
    const odd = ['', '0', '123', '4294967295', '-1', '1e3', '__proto__', 'constructor', 'toString', 'length', '\ud800 lone surrogate', 'NaN', 'Symbol(x)', '\u0000'];
    for (const s of [...odd, text.slice(70_000, 140_000), text.slice(1), text]) {
      const copy = ownString(s);
      expect(copy.length).toBe(s.length);
      expect(copy === s).toBe(true);
    }
  });
});
