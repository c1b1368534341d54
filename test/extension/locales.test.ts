import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/core/detect/types';
import { CHANNELS } from '../../src/core/policy';

const read = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string; placeholders?: object }>;
const english = read('en');

describe('translations', () => {
  it('English names every entity type and channel the dialog can show', () => {
    for (const type of ENTITY_TYPES) expect(english[`type_${type}`]?.message, type).toBeTruthy();
    for (const channel of CHANNELS) expect(english[`channel_${channel.replace(/-/g, '_')}`]?.message, channel).toBeTruthy();
  });

  for (const lang of readdirSync('public/_locales').filter((l) => l !== 'en'))
    it(`${lang} has every English message, with the same placeholders`, () => {
      const other = read(lang);
      for (const [key, m] of Object.entries(english)) {
        expect(other[key]?.message, `${lang}: ${key}`).toBeTruthy();
        expect(Object.keys(other[key]?.placeholders ?? {}), `${lang}: ${key}`).toEqual(Object.keys(m.placeholders ?? {}));
      }
    });
});
