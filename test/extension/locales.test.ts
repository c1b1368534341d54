import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/core/detect/types';
import { ACTIONS, CHANNELS, CONTENT_CATEGORIES, DESTINATION_CATEGORIES } from '../../src/core/policy';
import { catalogue } from './speak';

const english = catalogue('en');
const folders = readdirSync('public/_locales');
/** Chrome's locale codes for the languages issue 17 names (Chrome has pt_BR and pt_PT, no plain pt). */
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt_BR', 'pt_PT', 'ja'];
const tokens = (message: string): string[] => [...new Set([...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();

describe('translations', () => {
  it('has every language the employee can read, under the codes Chrome knows', () => {
    expect(folders.sort()).toEqual([...LANGUAGES].sort());
  });

  it("the manifest's default locale is English, which has a folder", () => {
    expect(readFileSync('wxt.config.ts', 'utf8')).toMatch(/default_locale: 'en'/);
    expect(folders).toContain('en');
  });

  it('English names every entity type, channel, action, category and kind of destination the UI can show', () => {
    for (const type of ENTITY_TYPES) expect(english[`type_${type}`]?.message, type).toBeTruthy();
    for (const type of ENTITY_TYPES) expect(english[`redact_${type}`]?.message, type).toBe(type);
    for (const channel of CHANNELS) expect(english[`channel_${channel.replace(/-/g, '_')}`]?.message, channel).toBeTruthy();
    for (const action of ACTIONS) expect(english[`action_${action}`]?.message, action).toBeTruthy();
    for (const category of CONTENT_CATEGORIES) expect(english[`category_${category}`]?.message, category).toBeTruthy();
    for (const destination of DESTINATION_CATEGORIES) expect(english[`destination_${destination.replace(/-/g, '_')}`]?.message, destination).toBeTruthy();
  });

  for (const folder of folders)
    it(`${folder}: valid JSON, every English key and no other, the same placeholders, no empty message`, () => {
      const text = readFileSync(`public/_locales/${folder}/messages.json`, 'utf8');
      expect(() => JSON.parse(text)).not.toThrow();
      const other = catalogue(folder);
      expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
      for (const [key, m] of Object.entries(english)) {
        const translated = other[key]!;
        expect(translated.message.trim(), `${folder}: ${key}`).not.toBe('');
        expect(translated.placeholders ?? {}, `${folder}: ${key}`).toEqual(m.placeholders ?? {});
        // Every $NAME$ in the text is a declared placeholder, and the translation uses each of English's.
        expect(tokens(translated.message), `${folder}: ${key}`).toEqual(Object.keys(m.placeholders ?? {}).sort());
      }
    });

  it('each catalogue names its own language, as Intl and a rule\'s messages read it', () => {
    for (const folder of folders) expect(catalogue(folder).languageTag?.message, folder).toBe(folder.replace('_', '-'));
  });

  for (const folder of folders.filter((f) => f !== 'en'))
    it(`${folder} is translated, not copied (most messages differ from English)`, () => {
      const other = catalogue(folder);
      const words = (k: string) => english[k]!.message.replace(/\$[A-Z_]+\$/g, '').match(/\p{L}+/gu)?.length ?? 0;
      const prose = Object.keys(english).filter((k) => words(k) >= 2);
      const same = prose.filter((k) => other[k]!.message === english[k]!.message);
      expect(same).toEqual([]);
    });
});
