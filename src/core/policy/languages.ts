import { z } from 'zod';

/** A language as browsers and administrators write it: "en", "de", "pt_BR" or "pt-BR", "zh-Hant-TW". */
const LANGUAGE_CODE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}$/;

const MAX_LANGUAGES = 50;

/** A rule's message in several languages: `{"en": "...", "de": "..."}`. */
export const LocalizedMessages = z
  .record(z.string(), z.string().min(1, 'an empty message').max(500), { error: 'a map of language to text, such as {"en": "...", "de": "..."} (one text for every language goes in message)' })
  .superRefine((m, ctx) => {
    const codes = Object.keys(m);
    if (!codes.length) ctx.addIssue({ code: 'custom', message: 'at least one language, for example {"en": "..."}' });
    if (codes.length > MAX_LANGUAGES) ctx.addIssue({ code: 'custom', message: `${codes.length} languages: at most ${MAX_LANGUAGES}` });
    const seen = new Set<string>();
    for (const code of codes) {
      if (!LANGUAGE_CODE.test(code)) ctx.addIssue({ code: 'custom', path: [code], message: `"${code}" is not a language code such as "en", "de", "pt" or "pt_BR"` });
      else if (seen.has(normalized(code))) ctx.addIssue({ code: 'custom', path: [code], message: `"${code}": the same language twice (pt_BR and pt-BR are one)` });
      seen.add(normalized(code));
    }
  });
export type LocalizedMessages = z.infer<typeof LocalizedMessages>;

/** "pt_BR", "PT-br" -> "pt-br": one spelling to compare. */
const normalized = (code: string): string => code.toLowerCase().replace(/_/g, '-');

/**
 * The message an employee who reads `language` sees: their exact language (pt-BR), its base (pt), another
 * variant of it (pt-PT), then the plain `message`, then English, then the first language the rule lists.
 */
export function messageIn(language: string, message?: string, messages?: LocalizedMessages): string | undefined {
  const entries = Object.entries(messages ?? {}).map(([code, text]) => [normalized(code), text] as const);
  const wanted = normalized(language);
  const base = wanted.split('-')[0]!;
  const exact = (code: string) => entries.find(([c]) => c === code)?.[1];
  const variant = (code: string) => entries.find(([c]) => c.startsWith(`${code}-`))?.[1];
  return exact(wanted) ?? exact(base) ?? variant(base) ?? message ?? exact('en') ?? variant('en') ?? entries[0]?.[1];
}
