import browser from 'webextension-polyfill';
import english from '../../../../public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string }>;

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
  const fallback = (english as Catalogue)[key]?.message ?? key;
  return fallback.replace(/\$([A-Z]+)\$/g, (_, name: string) => {
    const at = Object.keys((english as Record<string, { placeholders?: Record<string, unknown> }>)[key]?.placeholders ?? {}).indexOf(name.toLowerCase());
    return subs[at] ?? '';
  });
}
