import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';
import { importHashKey, keyedHash, keyedHashNow, normaliseValue } from '../../../src/core/events/hash';
import { evaluate, GrantedException, Policy, withValueHashes, type EvaluationContext, type PolicyInput } from '../../../src/core/policy';

const TWO_SSNS = 'Employee file: SSN 219-09-9999 and, for the spouse, SSN 078-05-1120.';
const KEY = new Uint8Array(32).map((_, i) => i * 7 + 1);
const NOW = Date.parse('2026-12-03T12:00:00Z');
const LATER = '2026-12-10T12:00:00Z';

const policyWith = (granted: PolicyInput['exceptions'] extends infer E ? (E extends { granted?: infer G } ? G : never) : never): Policy =>
  Policy.parse({
    version: 3,
    rules: [
      { id: 'block-ssn', description: 'Social security numbers stay inside.', match: { entityTypes: ['SSN'] }, action: 'block' },
      { id: 'warn-secrets', match: { categories: ['secret'] }, action: 'warn' },
    ],
    exceptions: { granted },
  });

const ctx = (extra: Partial<EvaluationContext> = {}): EvaluationContext => ({ channel: 'paste', host: 'chat.example.com', user: 'hana@acme.com', now: NOW, ...extra });
const decide = (policy: Policy, text: string, c: EvaluationContext) => evaluate(policy, scan(text).findings, withValueHashes(policy, c, text, KEY));
const hashOf = (value: string) => keyedHashNow(KEY, normaliseValue(value));

describe('exceptions the security team granted', () => {
  it('without one, the rule decides, names what blocks and carries its description', () => {
    const d = decide(policyWith([]), TWO_SSNS, ctx());
    expect(d).toMatchObject({ action: 'block', rule: 'block-ssn', because: ['SSN'], description: 'Social security numbers stay inside.' });
    expect(d.exceptions).toBeUndefined();
  });

  it("takes a rule out for its person at its host until it expires, and records that it was used", () => {
    const p = policyWith([{ id: 'req-1', user: 'Hana@Acme.com', host: 'chat.example.com', rule: 'block-ssn', expiresAt: LATER }]);
    const d = decide(p, TWO_SSNS, ctx());
    expect(d).toMatchObject({ action: 'audit', exceptions: ['req-1'] });
    expect(d.rule).toBeUndefined();
    expect(d.explanation).toMatch(/exception.*req-1/);
    // Another person, another host, after the expiry: the rule decides again.
    expect(decide(p, TWO_SSNS, ctx({ user: 'tom@acme.com' })).action).toBe('block');
    expect(decide(p, TWO_SSNS, ctx({ user: undefined })).action).toBe('block');
    expect(decide(p, TWO_SSNS, ctx({ host: 'mail.example.com' })).action).toBe('block');
    expect(decide(p, TWO_SSNS, ctx({ now: Date.parse(LATER) })).action).toBe('block');
  });

  it('for everyone, for every host, for one rule only', () => {
    const p = policyWith([{ id: 'all', rule: 'block-ssn', expiresAt: LATER }]);
    expect(decide(p, TWO_SSNS, ctx({ user: 'tom@acme.com', host: 'x.org' })).action).toBe('audit');
    // The other rule is untouched.
    expect(decide(p, 'export GITHUB_TOKEN=ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUy', ctx()).action).toBe('warn');
  });

  it('for a subdomain pattern', () => {
    const p = policyWith([{ id: 'sub', host: '*.example.com', rule: 'block-ssn', expiresAt: LATER }]);
    expect(decide(p, TWO_SSNS, ctx({ host: 'chat.example.com' })).action).toBe('audit');
    expect(decide(p, TWO_SSNS, ctx({ host: 'example.org' })).action).toBe('block');
  });

  it('for certain values: only those go; another value still decides', () => {
    const both = policyWith([{ id: 'vals', user: 'hana@acme.com', rule: 'block-ssn', hashes: [hashOf('219-09-9999'), hashOf('078-05-1120')], expiresAt: LATER }]);
    expect(decide(both, TWO_SSNS, ctx())).toMatchObject({ action: 'audit', exceptions: ['vals'] });
    // The same value written otherwise is the same value.
    expect(decide(both, 'SSN 219 09 9999', ctx()).action).toBe('audit');
    const one = policyWith([{ id: 'one', rule: 'block-ssn', hashes: [hashOf('219-09-9999')], expiresAt: LATER }]);
    const d = decide(one, TWO_SSNS, ctx());
    expect(d).toMatchObject({ action: 'block', because: ['SSN'] });
    expect(d.exceptions).toBeUndefined();
    // Without the key (a browser that is not enrolled) values cannot be matched: the rule decides.
    expect(evaluate(both, scan(TWO_SSNS).findings, withValueHashes(both, ctx(), TWO_SSNS, undefined)).action).toBe('block');
  });

  it('are refused when they would switch off every check for a person', () => {
    expect(GrantedException.safeParse({ id: 'x', user: 'hana@acme.com', expiresAt: LATER }).success).toBe(false);
    expect(GrantedException.safeParse({ id: 'x', user: 'hana@acme.com', rule: 'block-ssn' }).success).toBe(false);
    expect(GrantedException.safeParse({ id: 'x', hashes: ['ab'], expiresAt: LATER }).success).toBe(false);
    expect(GrantedException.safeParse({ id: 'x', host: 'chat.example.com', expiresAt: LATER }).success).toBe(true);
  });

  it('hash values as events do: the synchronous hash is the WebCrypto one', async () => {
    const key = await importHashKey(KEY);
    for (const v of ['219099999', 'anna.s@example.org', 'ü·ß']) expect(keyedHashNow(KEY, v)).toBe(await keyedHash(key, v));
  });
});
