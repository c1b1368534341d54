import { z } from 'zod';
import { unsafeRegexReason } from './safe-regex';

/**
 * The organisation's own classifiers, configured in policy: its compound-code formats, its dictionaries of
 * project code names, clients and products, and its regular expressions. Exact-data tables and document
 * fingerprints are data, not configuration: they come signed beside the policy (see protected-data).
 */
export const ClassifierId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes');

/** "ABC-####": # a digit, @ a capital letter, anything else itself. */
export const CodeFormat = z
  .string()
  .regex(/^[A-Za-z0-9#@\-/._ ]{3,40}$/, 'letters, digits, # (a digit), @ (a capital letter), - / . _ and spaces; 3 to 40 characters')
  .refine((f) => /[#@]/.test(f), 'a format needs at least one # or @ (otherwise it is a dictionary word)');

export const MAX_DICTIONARY_TERMS = 5_000;

export const Classifiers = z
  .object({
    compoundCodes: z
      .array(z.object({ id: ClassifierId, description: z.string().max(300).optional(), formats: z.array(CodeFormat).min(1).max(50) }).strict())
      .max(50)
      .default([])
      .describe('Compound and project code formats, e.g. "ABC-####" (COMPOUND_CODE).'),
    dictionaries: z
      .array(
        z
          .object({
            id: ClassifierId,
            description: z.string().max(300).optional(),
            kind: z.enum(['project', 'client', 'product', 'other']).default('other'),
            terms: z.array(z.string().trim().min(2).max(100)).min(1),
            caseSensitive: z.boolean().default(false),
          })
          .strict(),
      )
      .max(50)
      .default([])
      .describe('Project code names, client and product names, matched as whole words (ORG_TERM).'),
    patterns: z
      .array(
        z
          .object({
            id: ClassifierId,
            description: z.string().max(300).optional(),
            regex: z.string().min(1).describe('A JavaScript regular expression without slashes, checked for catastrophic backtracking.'),
            ignoreCase: z.boolean().default(false),
            score: z.number().min(0.5).max(1).default(0.9),
          })
          .strict()
          .superRefine((p, ctx) => {
            const reason = unsafeRegexReason(p.regex, p.ignoreCase);
            if (reason) ctx.addIssue({ code: 'custom', path: ['regex'], message: reason });
          }),
      )
      .max(100)
      .default([])
      .describe('Regular expressions of the organisation (CUSTOM_PATTERN).'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const terms = c.dictionaries.reduce((n, d) => n + d.terms.length, 0);
    if (terms > MAX_DICTIONARY_TERMS) ctx.addIssue({ code: 'custom', path: ['dictionaries'], message: `${terms} terms: at most ${MAX_DICTIONARY_TERMS} in all (use an exact-data table for long lists)` });
    const seen = new Set<string>();
    for (const [kind, list] of [['compoundCodes', c.compoundCodes], ['dictionaries', c.dictionaries], ['patterns', c.patterns]] as const)
      list.forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [kind, i, 'id'], message: `duplicate classifier id "${x.id}"` });
        seen.add(x.id);
      });
  });

export type Classifiers = z.infer<typeof Classifiers>;
