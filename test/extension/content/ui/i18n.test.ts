import { describe, expect, it } from 'vitest';
import { formatNumber, plural, t, uiLanguage } from '../../../../src/extension/content/ui/i18n';
import { speak } from '../../speak';

describe("the employee's language", () => {
  it("is the browser's UI language where the catalogue it reads is of that language", () => {
    const quiet = speak('de-AT', 'de');
    expect(uiLanguage()).toBe('de-AT');
    quiet();
  });

  it("is the catalogue's language where the browser says otherwise (headless Chromium with --lang)", () => {
    const quiet = speak('en-US', 'de');
    expect(uiLanguage()).toBe('de');
    quiet();
  });

  it("is the browser's language where Bulwark has no catalogue for it (English shows, Polish formats)", () => {
    const quiet = speak('pl', 'en');
    expect(uiLanguage()).toBe('pl');
    expect(t('cancel')).toBe('Cancel');
    expect(formatNumber(1234.5)).toBe(new Intl.NumberFormat('pl').format(1234.5));
    quiet();
  });

  it('chooses the plural form by the language’s rules', () => {
    const quiet = speak('fr');
    // French: 0 and 1 are singular.
    expect([0, 1, 2].map((n) => plural('ruleCount', n))).toEqual(['0 règle', '1 règle', '2 règles']);
    quiet();
    expect([0, 1, 2].map((n) => plural('ruleCount', n))).toEqual(['0 rules', '1 rule', '2 rules']);
  });
});
