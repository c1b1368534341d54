import { describe, expect, it } from 'vitest';
import { lowercaseNameCues } from '../../../src/core/detect/detectors/people-and-places';
import { random } from '../../random';

/** LOWERCASE_NAME as a global search over the whole text: the definition the token-led search must keep. */
const LOWERCASE_NAME = /\b(?:name is|name:|named|calls? me|called me|i am|i'm)\s+(\p{Ll}{2,}(?: \p{Ll}+){0,2})/gu;
const spans = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => [m.index, m[0]]);

describe('lower-case names after "my name is"', () => {
  it('finds the cues where a global search would, inside words after an apostrophe or a letter beyond ASCII too', () => {
    const text = "my name is vitoria; she’named bob, l'i'm zoë x. _named ana; éname is luca; renamed; 2i am ola; I'm Bob";
    expect(spans(lowercaseNameCues(text))).toEqual(spans(text.matchAll(LOWERCASE_NAME)));
    expect(lowercaseNameCues(text).map((m) => m[1])).toEqual(['vitoria', 'bob', 'zoë x', 'luca']);
  });

  it('agrees with the global search on any text', () => {
    const pieces = ['name is ', 'name:', 'named ', 'call me ', 'calls me ', 'called me ', 'i am ', "i'm ", 'my ', 'bob ', 'zoë ', 'é', "'", '’', '_', '2', 'Bob ', 'ana maria ', ' ', '\n', 'x', 're', 'ñ', 'i'];
    const r = random(16);
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(r() * 12) }, () => pieces[Math.floor(r() * pieces.length)]).join('');
      expect(spans(lowercaseNameCues(text)), JSON.stringify(text)).toEqual(spans(text.matchAll(LOWERCASE_NAME)));
    }
  });
});
