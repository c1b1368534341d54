import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';

/**
 * Business e-mail written as a contract manufacturer's staff write it: everyday words that are also clinical
 * ("failure", "treated", "health plan", "withdrawal", "clinical trial", "ICU", "TX", "pt"), people's names and
 * phone numbers in signatures. Only the mails about a person's health are PHI.
 */
const dir = new URL('../../fixtures/mail/', import.meta.url);
const mails = readdirSync(dir).sort().map((name) => [name, readFileSync(new URL(name, dir), 'utf8')] as const);

describe('health context in business e-mail', () => {
  it.each(mails.filter(([n]) => n.startsWith('benign')))('%s is personal data, not health information', (_n, text) => {
    const r = scan(text);
    expect(r.labels).toContain('PII');
    expect(r.labels).not.toContain('PHI');
  });

  it.each(mails.filter(([n]) => n.startsWith('phi')))('%s is health information', (_n, text) => {
    expect(scan(text).labels).toEqual(expect.arrayContaining(['PHI', 'PII']));
  });
});
