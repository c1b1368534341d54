import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** Reads a locale's catalogue as the browser does (public/_locales/<folder>/messages.json). */
export const catalogue = (folder: string): Catalogue => JSON.parse(readFileSync(`public/_locales/${folder}/messages.json`, 'utf8')) as Catalogue;

/**
 * Makes the fake browser speak a language as Chrome would: getUILanguage answers `language` ("es", "pt-BR"),
 * getMessage reads that locale's folder and fills placeholders ($NAME$ -> its content -> $1 -> the first value).
 */
export function speak(language: string, folder = language.replace('-', '_')) {
  const messages = catalogue(folder);
  const ui = vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(language);
  const get = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const values = typeof subs === 'string' ? [subs] : (subs ?? []);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) =>
      (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (__, n: string) => values[Number(n) - 1] ?? ''),
    );
  });
  return () => (ui.mockRestore(), get.mockRestore());
}
