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

/** The browser's UI language as a BCP 47 tag ("pt-BR"), the one its i18n picks messages by; "en" when unknown. */
export function uiLanguage(): string {
  let language = '';
  try {
    language = browser.i18n.getUILanguage();
  } catch {
    // No i18n API here (unit tests).
  }
  language ||= typeof navigator === 'undefined' ? '' : navigator.language;
  return (language || 'en').replace(/_/g, '-');
}

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
