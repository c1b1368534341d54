import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';
import { DEFAULT_POLICY, evaluate, parsePolicy, Policy, type EvaluationContext, type PolicyInput } from '../../../src/core/policy';

const PHI = 'Pt Anna S. (MRN: 00123456) seen at Lakeside Clinic on March 5th, 2021 for hypertension.';
const SECRET = 'export GITHUB_TOKEN=ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUy';
const PII = 'Call Laura Carvalho on (310) 555-1234 about the invoice.';
const CLEAN = 'The quarterly review is on the agenda for the team meeting.';

const paste = (host: string, extra: Partial<EvaluationContext> = {}): EvaluationContext => ({ channel: 'paste', host, ...extra });
const decide = (text: string, ctx: EvaluationContext, policy = DEFAULT_POLICY) => evaluate(policy, scan(text).findings, ctx);
const policy = (p: PolicyInput) => Policy.parse(p);

describe('the bundled default policy', () => {
  it('warns before PHI leaves, on any site and channel', () => {
    const d = decide(PHI, paste('example.org'));
    expect([d.action, d.rule]).toEqual(['warn', 'warn-phi']);
    expect(decide(PHI, { channel: 'email-send', host: 'mail.google.com', recipients: ['x@y.com'] }).action).toBe('warn');
  });

  it('blocks secrets into generative AI and warns about them elsewhere', () => {
    expect(decide(SECRET, paste('chatgpt.com'))).toMatchObject({ action: 'block', rule: 'secrets-to-generative-ai', matched: ['secrets-to-generative-ai', 'warn-secrets'] });
    expect(decide(SECRET, paste('github.com')).action).toBe('warn');
  });

  it('audits personal data and allows clean text', () => {
    expect(decide(PII, paste('example.org')).action).toBe('audit');
    const clean = decide(CLEAN, paste('chatgpt.com'));
    expect(clean).toMatchObject({ action: 'allow', explanation: 'No rule applies.' });
    expect(clean.rule).toBeUndefined();
  });

  it('treats content that could not be scanned as PHI and secrets (fails closed)', () => {
    expect(evaluate(DEFAULT_POLICY, [], paste('chatgpt.com', { channel: 'file-upload', failure: 'encrypted' })).action).toBe('block');
    const d = evaluate(DEFAULT_POLICY, [], paste('example.org', { failure: 'too-large' }));
    expect(d.action).toBe('warn');
    expect(d.explanation).toMatch(/could not be scanned \(too-large\)/);
  });

  it('explains a decision without the values it found', () => {
    const d = decide(PHI, paste('example.org'));
    expect(d.explanation).toMatch(/^1 person, 1 mrn, .* going to example\.org by paste needs a second look: rule "warn-phi"\.$/);
    for (const value of ['Anna', '00123456', 'Lakeside', 'March']) expect(d.explanation).not.toContain(value);
  });
});

describe('rules', () => {
  it('block beats warn whatever their order; among equals the first listed decides', () => {
    const p = policy({
      version: 1,
      rules: [
        { id: 'first-warn', match: { categories: ['phi'] }, action: 'warn', message: 'first' },
        { id: 'second-warn', match: { categories: ['pii'] }, action: 'warn', message: 'second' },
        { id: 'late-block', match: { entityTypes: ['MRN'] }, action: 'block' },
      ],
    });
    expect(decide(PHI, paste('a.com'), p)).toMatchObject({ action: 'block', rule: 'late-block', matched: ['late-block', 'first-warn', 'second-warn'] });
    const noMrn = policy({ ...p, rules: p.rules.slice(0, 2) });
    expect(decide(PHI, paste('a.com'), noMrn)).toMatchObject({ rule: 'first-warn', message: 'first' });
  });

  it('redact sits between block and warn', () => {
    const p = policy({ version: 1, rules: [{ id: 'w', match: { categories: ['pii'] }, action: 'warn' }, { id: 'r', match: { categories: ['pii'] }, action: 'redact' }] });
    expect(decide(PII, paste('a.com'), p).action).toBe('redact');
  });

  it('counts: a bulk rule applies from its minimum count on', () => {
    const p = policy({ version: 1, rules: [{ id: 'bulk', match: { categories: ['pii'], minCount: 10 }, action: 'block' }] });
    const one = 'SSN 536-22-8726';
    const ten = Array.from({ length: 10 }, (_, i) => `SSN 536-22-87${10 + i}`).join('\n');
    expect(decide(one, paste('a.com'), p).action).toBe('allow');
    expect(decide(ten, paste('a.com'), p).action).toBe('block');
  });

  it('ignores findings under the minimum score, quasi-identifiers and health words', () => {
    const p = policy({ version: 1, rules: [{ id: 'any', match: { categories: ['pii'], minScore: 0.95 }, action: 'block' }] });
    expect(decide('a woman from Texas with dementia, seen on Tuesday', paste('a.com'), p).action).toBe('allow');
    expect(decide('card 4111 1111 1111 1111', paste('a.com'), p).action).toBe('block');
  });

  it('matches channels, hosts and kinds of destination', () => {
    const p = policy({
      version: 1,
      destinations: { 'generative-ai': ['ai.internal.example'] },
      rules: [
        { id: 'uploads-to-sharing', match: { channels: ['file-upload'], destinations: ['file-sharing'], categories: ['pii'] }, action: 'block' },
        { id: 'prompts', match: { destinations: ['generative-ai'], categories: ['pii'] }, action: 'warn', requireJustification: true },
        { id: 'one-host', match: { hosts: ['*.partner.example'], categories: ['pii'] }, action: 'audit' },
      ],
    });
    expect(decide(PII, { channel: 'file-upload', host: 'www.dropbox.com' }, p).action).toBe('block');
    expect(decide(PII, { channel: 'paste', host: 'www.dropbox.com' }, p).action).toBe('allow');
    expect(decide(PII, paste('ai.internal.example'), p)).toMatchObject({ action: 'warn', requireJustification: true });
    expect(decide(PII, paste('eu.partner.example'), p).action).toBe('audit');
    expect(decide(PII, paste('partner.example'), p).action).toBe('allow');
  });

  it('tells internal from external recipients, with allowed recipients counting as internal', () => {
    const p = policy({
      version: 1,
      internalDomains: ['acme-cdmo.com'],
      exceptions: { recipients: ['auditor@regulator.gov'] },
      rules: [{ id: 'external-phi', match: { categories: ['phi'], recipients: 'external' }, action: 'block' }],
    });
    const mail = (recipients: string[]): EvaluationContext => ({ channel: 'email-send', host: 'outlook.office.com', recipients });
    expect(decide(PHI, mail(['qa@acme-cdmo.com', 'ops@eu.acme-cdmo.com']), p).action).toBe('allow');
    expect(decide(PHI, mail(['qa@acme-cdmo.com', 'auditor@regulator.gov']), p).action).toBe('allow');
    expect(decide(PHI, mail(['qa@acme-cdmo.com', 'someone@gmail.com']), p).action).toBe('block');
    expect(decide(PHI, paste('outlook.office.com'), p).action).toBe('allow');
  });

  it('matches file facts: type, size, encryption', () => {
    const p = policy({
      version: 1,
      rules: [
        { id: 'encrypted', match: { files: { encrypted: true } }, action: 'block', message: 'Encrypted files cannot be checked.', helpUrl: 'https://intranet.example/dlp' },
        { id: 'big-spreadsheets', match: { files: { types: ['.xlsx', 'text/csv'], minSizeBytes: 1000 } }, action: 'warn' },
      ],
    });
    const upload = (file: EvaluationContext['file']): EvaluationContext => ({ channel: 'file-upload', host: 'a.com', file });
    expect(evaluate(p, [], upload({ name: 'x.zip', encrypted: true }))).toMatchObject({ action: 'block', message: 'Encrypted files cannot be checked.', helpUrl: 'https://intranet.example/dlp' });
    expect(evaluate(p, [], upload({ name: 'lots.XLSX', size: 5000 })).action).toBe('warn');
    expect(evaluate(p, [], upload({ name: 'rows', type: 'text/csv', size: 5000 })).action).toBe('warn');
    expect(evaluate(p, [], upload({ name: 'small.xlsx', size: 10 })).action).toBe('allow');
    expect(evaluate(p, [], paste('a.com')).action).toBe('allow');
  });

  it('lets an administrator fail open: unscannable content passes and is recorded', () => {
    const p = policy({ ...DEFAULT_POLICY, failures: { 'too-large': 'open' } });
    expect(evaluate(p, [], paste('chatgpt.com', { failure: 'too-large' })).action).toBe('audit');
    expect(evaluate(p, [], paste('chatgpt.com', { failure: 'timeout' })).action).toBe('block');
  });

  it('checks nothing on an allowed host, and skips disabled rules', () => {
    const p = policy({ ...DEFAULT_POLICY, exceptions: { hosts: ['*.acme-cdmo.com'] } });
    expect(decide(SECRET, paste('wiki.acme-cdmo.com'), p)).toMatchObject({ action: 'allow', matched: [] });
    const off = policy({ version: 1, rules: [{ id: 'off', enabled: false, match: { categories: ['secret'] }, action: 'block' }] });
    expect(decide(SECRET, paste('a.com'), off).action).toBe('allow');
  });
});

describe('the policy schema', () => {
  it('explains every error with its JSON path', () => {
    const r = parsePolicy({
      version: 0,
      rules: [
        { id: 'dup', match: { categories: ['phi'] }, action: 'warn' },
        { id: 'dup', match: { categories: ['nope'], hosts: ['https://x.com/'] }, action: 'block', requireJustification: true },
      ],
      surprise: true,
    });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.some((e) => e.startsWith('version: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('rules[1].match.categories[0]: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('rules[1].match.hosts[0]: a host such as'))).toBe(true);
    expect(errors.some((e) => e.startsWith('(document): ') && e.includes('surprise'))).toBe(true);
  });

  it('refuses duplicate rule ids and justifications outside warn', () => {
    const r = parsePolicy({
      version: 2,
      rules: [
        { id: 'a', match: {}, action: 'warn' },
        { id: 'a', match: {}, action: 'block', requireJustification: true },
      ],
    });
    expect(r.ok ? [] : r.errors).toEqual(['rules[1].id: duplicate rule id "a"', 'rules[1].requireJustification: only a warn rule can ask for a justification']);
  });

  it("takes a rule's training link (https only) and hands it to the dialog with the decision", () => {
    const rule = (training: string) => parsePolicy({ version: 4, rules: [{ id: 'phi', match: { categories: ['phi'] }, action: 'warn', training }] });
    expect(rule('http://lms.example/phi').ok).toBe(false);
    const r = rule('https://lms.example/phi');
    expect(r.ok).toBe(true);
    if (r.ok) expect(decide(PHI, paste('chatgpt.com'), r.policy)).toMatchObject({ action: 'warn', rule: 'phi', training: 'https://lms.example/phi' });
  });

  it('fills defaults', () => {
    const r = parsePolicy({ version: 3, rules: [{ id: 'x', match: { categories: ['pii'] }, action: 'audit' }] });
    expect(r.ok && r.policy).toMatchObject({ exceptions: { hosts: [], recipients: [] }, internalDomains: [], rules: [{ enabled: true, requireJustification: false, match: { minScore: 0.5, minCount: 1, recipients: 'any' } }] });
  });
});
