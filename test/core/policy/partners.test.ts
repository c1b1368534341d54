import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';
import { evaluate, Policy, type EvaluationContext } from '../../../src/core/policy';
import { covered, partnerOf } from '../../../src/core/policy/partners';

const PHI = 'Pt Anna S. (MRN: 00123456) seen at Lakeside Clinic on March 5th, 2021 for hypertension.';
const SECRET = 'export GITHUB_TOKEN=ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUy';
const NOW = Date.parse('2026-06-01T12:00:00Z');

const policy = Policy.parse({
  version: 1,
  internalDomains: ['bulwark-pharma.com'],
  partners: [
    { id: 'acme-cro', name: 'Acme CRO', kind: 'cro', domains: ['acme-cro.com'], hosts: ['portal.acme-cro.net'], agreements: [{ kind: 'baa', categories: ['phi'], expires: '2026-12-31' }] },
    { id: 'vialco', name: 'Vialco', kind: 'supplier', domains: ['vialco.de'], agreements: [{ kind: 'confidentiality', categories: ['ip', 'secret'] }] },
    { id: 'lapsed', name: 'Lapsed Labs', kind: 'subcontractor', domains: ['lapsed.com'], agreements: [{ kind: 'baa', categories: ['phi'], expires: '2026-05-31' }] },
  ],
  rules: [
    { id: 'phi-partner-without-baa', match: { categories: ['phi'], party: { is: 'uncovered', agreements: ['baa'] } }, action: 'block' },
    { id: 'phi-unknown-party', match: { categories: ['phi'], party: { is: 'unknown' } }, action: 'warn' },
    { id: 'phi-covered', match: { categories: ['phi'], party: { is: 'covered' } }, action: 'audit' },
  ],
});

const email = (...to: string[]): EvaluationContext => ({ channel: 'email-send', host: 'mail.google.com', recipients: to, now: NOW });
const decide = (text: string, ctx: EvaluationContext) => evaluate(policy, scan(text).findings, ctx);

describe('the third-party register in policy', () => {
  it('resolves names to partners, subdomains included, the longest name first', () => {
    expect(partnerOf(policy.partners, 'mail.acme-cro.com')?.id).toBe('acme-cro');
    expect(partnerOf(policy.partners, 'ACME-CRO.com')?.id).toBe('acme-cro');
    expect(partnerOf(policy.partners, 'eu.portal.acme-cro.net')?.id).toBe('acme-cro');
    expect(partnerOf(policy.partners, 'notacme-cro.com')).toBeUndefined();
    expect(partnerOf(policy.partners, 'acme-cro.com.evil.io')).toBeUndefined();
    const nested = [{ id: 'a', domains: ['acme.com'], hosts: [] }, { id: 'b', domains: ['lab.acme.com'], hosts: [] }];
    expect(partnerOf(nested, 'x.lab.acme.com')?.id).toBe('b');
  });

  it('counts an agreement in force through its last day, of the kinds asked, covering every category', () => {
    const acme = policy.partners[0]!;
    expect(covered(acme, ['phi'], '2026-12-31', ['baa'])).toBe(true);
    expect(covered(acme, ['phi'], '2027-01-01', ['baa'])).toBe(false);
    expect(covered(acme, ['phi'], '2026-06-01', ['dpa'])).toBe(false);
    expect(covered(acme, ['phi', 'secret'], '2026-06-01')).toBe(false);
  });

  it('blocks PHI to a partner without a BAA, allows it to one with a BAA, warns to an unknown party', () => {
    expect(decide(PHI, email('jo@vialco.de'))).toMatchObject({ action: 'block', rule: 'phi-partner-without-baa' });
    expect(decide(PHI, email('jo@vialco.de')).explanation).toContain('going to mail.google.com (webmail) (Vialco: no agreement (BAA) covering phi) by email-send is blocked');
    expect(decide(PHI, email('jo@gmail.com')).explanation).toContain('(gmail.com: not in the third-party register)');
    expect(decide(PHI, email('jo@mail.acme-cro.com'))).toMatchObject({ action: 'audit', rule: 'phi-covered' });
    expect(decide(PHI, email('jo@gmail.com'))).toMatchObject({ action: 'warn', rule: 'phi-unknown-party' });
    // An expired BAA is no BAA.
    expect(decide(PHI, email('jo@lapsed.com'))).toMatchObject({ action: 'block', rule: 'phi-partner-without-baa' });
  });

  it('takes every external recipient: one uncovered partner among covered ones blocks, internal ones do not count', () => {
    expect(decide(PHI, email('a@acme-cro.com', 'b@vialco.de')).action).toBe('block');
    expect(decide(PHI, email('a@acme-cro.com', 'b@bulwark-pharma.com'))).toMatchObject({ action: 'audit', rule: 'phi-covered' });
    expect(decide(PHI, email('b@bulwark-pharma.com')).action).toBe('allow'); // no external party: no rule of this policy applies
  });

  it('takes the destination host when there are no recipients', () => {
    expect(decide(PHI, { channel: 'file-upload', host: 'portal.acme-cro.net', now: NOW })).toMatchObject({ action: 'audit', rule: 'phi-covered' });
    expect(decide(PHI, { channel: 'paste', host: 'files.vialco.de', now: NOW }).action).toBe('block');
    expect(decide(PHI, { channel: 'paste', host: 'chatgpt.com', now: NOW }).action).toBe('warn');
  });

  it('applies only to the categories the rule found: secrets to a partner without a BAA are not PHI', () => {
    expect(decide(SECRET, email('jo@vialco.de')).action).toBe('allow');
  });

  it('keeps policies without a register valid', () => {
    expect(Policy.parse({ version: 1, rules: [] }).partners).toEqual([]);
    expect(() => Policy.parse({ version: 1, rules: [{ id: 'x', match: { party: { is: 'sometimes' } }, action: 'block' }] })).toThrow();
  });
});
