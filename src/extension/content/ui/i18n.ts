import browser from 'webextension-polyfill';
import english from '../../../../public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, unknown> }>;

/**
 * The employee's language through the browser's i18n (public/_locales); English where the browser has no
 * message (tests, a key missing from a translation). Placeholders are $1, $2... in the English catalogue's form.
 */
export function t(key: string, ...subs: string[]): string {
  let message = '';
  try {
    message = browser.i18n.getMessage(key, subs);
  } catch {
    // No i18n API here (unit tests): English below.
  }
  if (message) return message;
  const entry = (english as Catalogue)[key];
  const names = Object.keys(entry?.placeholders ?? {});
  return (entry?.message ?? key).replace(/\$([A-Z_]+)\$/g, (_, name: string) => subs[names.indexOf(name.toLowerCase())] ?? '');
}

/**
 * The employee's language as a BCP 47 tag ("pt-BR"): the browser's UI language where the catalogue the browser
 * reads is of that language (de-AT reads de) or English (a language Bulwark has no catalogue for may still have
 * the administrator's message), else the catalogue's (headless Chromium started with --lang=de answers
 * getUILanguage() with en-US while it shows German). "en" when nothing is known (tests).
 */
export function uiLanguage(): string {
  let shown = '';
  let browserLanguage = '';
  try {
    shown = browser.i18n.getMessage('languageTag');
    browserLanguage = browser.i18n.getUILanguage();
  } catch {
    // No i18n API here (unit tests).
  }
  browserLanguage = (browserLanguage || (typeof navigator === 'undefined' ? '' : navigator.language)).replace(/_/g, '-');
  const base = (tag: string) => tag.split('-')[0]!.toLowerCase();
  if (!shown || base(shown) === 'en' || base(shown) === base(browserLanguage)) return browserLanguage || shown || 'en';
  return shown;
}

/** The name of a policy id in the catalogue: nameOf('channel', 'file-upload') reads channel_file_upload. */
export const nameOf = (kind: string, id: string): string => t(`${kind}_${id.replace(/-/g, '_')}`);

/** The message of `key`_one or `key`_other that fits `count` in the employee's language (Intl.PluralRules). */
export function plural(key: string, count: number): string {
  const one = new Intl.PluralRules(uiLanguage()).select(count) === 'one';
  return t(`${key}_${one ? 'one' : 'other'}`, formatNumber(count));
}

/** A count as the employee writes it ("1,234", "1.234", "1 234"). */
export const formatNumber = (n: number): string => new Intl.NumberFormat(uiLanguage()).format(n);

/** A moment as the employee reads it: a medium date and a short time of their language. */
export const formatDateTime = (at: string | number | Date): string => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));

/** The extension's own page (popup, options) in the employee's language: its lang attribute and title. */
export function localizeDocument(titleKey: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(titleKey);
}
