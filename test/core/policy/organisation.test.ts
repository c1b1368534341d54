import { describe, expect, it } from 'vitest';
import { engineFor, evaluate, parsePolicy, Policy, type PolicyInput } from '../../../src/core/policy';

const policyWith = (classifiers: PolicyInput['classifiers'], rules: PolicyInput['rules'] = []) => Policy.parse({ version: 1, rules, classifiers });

const found = (policy: Policy, text: string, type: string) =>
  engineFor(policy)
    .scan(text)
    .findings.filter((f) => f.type === type)
    .map((f) => text.slice(f.start, f.end));

describe("the organisation's own classifiers", () => {
  const policy = policyWith({
    compoundCodes: [{ id: 'compounds', formats: ['BWX-####', 'BW-@@##'] }],
    dictionaries: [
      { id: 'projects', kind: 'project', terms: ['Falcon', 'Project Osprey', 'Kestrel-2'] },
      { id: 'clients', kind: 'client', terms: ['Novaris Biologics', 'Müller Pharma'] },
      { id: 'products', kind: 'product', terms: ['VELOXA'], caseSensitive: true },
    ],
    patterns: [{ id: 'stability-protocols', regex: 'STP-\\d{2}-\\d{3}[A-Z]?' }],
  });

  it('finds compound codes in their formats and nothing like them', () => {
    expect(found(policy, 'Assay for BWX-0042 and BW-QA17 attached', 'COMPOUND_CODE')).toEqual(['BWX-0042', 'BW-QA17']);
    expect(found(policy, 'BWX-00421 BWX-42 XBWX-0042 bwx-0042 BW-qa17', 'COMPOUND_CODE')).toEqual([]);
  });

  it('finds dictionary terms as whole words, in any case unless asked', () => {
    expect(found(policy, 'The falcon timeline slipped; PROJECT OSPREY and Kestrel-2 are on track.', 'ORG_TERM')).toEqual(['falcon', 'PROJECT OSPREY', 'Kestrel-2']);
    expect(found(policy, 'Falconry club; Kestrel-23 unrelated', 'ORG_TERM')).toEqual([]);
    expect(found(policy, 'Samples from Müller Pharma and novaris biologics', 'ORG_TERM')).toEqual(['Müller Pharma', 'novaris biologics']);
    expect(found(policy, 'VELOXA launch, not veloxa the word', 'ORG_TERM')).toEqual(['VELOXA']);
  });

  it('runs custom patterns', () => {
    expect(found(policy, 'per STP-23-118B and STP-9-1', 'CUSTOM_PATTERN')).toEqual(['STP-23-118B']);
  });

  it('lets a rule name a classifier, and labels the text IP', () => {
    const p = policyWith(policy.classifiers, [{ id: 'clients-to-ai', match: { classifiers: ['clients'], destinations: ['generative-ai'] }, action: 'block' }]);
    const scan = (t: string) => engineFor(p).scan(t);
    const ctx = { channel: 'paste', host: 'chatgpt.com' } as const;
    expect(evaluate(p, scan('summarise the Novaris Biologics tech transfer').findings, ctx).action).toBe('block');
    expect(evaluate(p, scan('summarise the Falcon tech transfer').findings, ctx).action).toBe('allow');
    expect(scan('Falcon').labels).toEqual(['IP']);
  });

  it('builds the engine once per policy', () => {
    expect(engineFor(policy)).toBe(engineFor(policy));
    expect(engineFor(policyWith({}))).not.toBe(engineFor(policy));
  });

  it('refuses unsafe or malformed configuration with the path of the mistake', () => {
    const r = parsePolicy({
      version: 1,
      rules: [],
      classifiers: {
        patterns: [{ id: 'bad', regex: '(\\w+\\s?)+$' }],
        compoundCodes: [{ id: 'bad', formats: ['ABCD'] }],
        dictionaries: [{ id: 'big', terms: Array.from({ length: 5001 }, (_, i) => `term${i}`) }],
      },
    });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toContainEqual(expect.stringMatching(/^classifiers\.patterns\[0\]\.regex: .*nested quantifiers/));
    expect(errors).toContainEqual(expect.stringMatching(/^classifiers\.compoundCodes\[0\]\.formats\[0\]: .*# or @/));
    expect(errors).toContainEqual(expect.stringMatching(/^classifiers\.dictionaries: 5001 terms/));
    expect(errors).toContainEqual(expect.stringMatching(/duplicate classifier id "bad"/));
  });
});
