import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, evaluate, imageReading, parsePolicy, Policy, type PolicyInput } from '../../../src/core/policy';

const policy = (p: Partial<PolicyInput> = {}) => Policy.parse({ ...DEFAULT_POLICY, ...p });

describe('readImages: when the text in images is read', () => {
  it('reads images bound outside the organisation by default', () => {
    expect(Policy.parse({ version: 1, rules: [] }).readImages).toBe('external');
  });

  it('still takes the boolean of earlier versions: true reads every image, false none', () => {
    expect(policy({ readImages: true }).readImages).toBe('always');
    expect(policy({ readImages: false }).readImages).toBe('never');
    // What parsing gives parses again (the background hands policies on in their parsed form).
    expect(Policy.parse(policy({ readImages: true })).readImages).toBe('always');
  });

  it('refuses anything else, and says what it takes', () => {
    const r = parsePolicy({ ...DEFAULT_POLICY, readImages: 'sometimes' });
    expect(r.ok).toBe(false);
    expect(r.ok || r.errors.join('\n')).toMatch(/readImages/);
  });
});

describe('imageReading: OCR, and whether an unread image fails, by destination', () => {
  const acme = { internalDomains: ['acme-cdmo.com', 'jane@partner.example'], exceptions: { hosts: ['intranet.example'], recipients: [] } };

  it('external (the default): reads images bound outside; an unread one there is a failure', () => {
    const p = policy(acme);
    expect(imageReading(p, 'app.slack.com')).toEqual({ ocr: true, unreadFails: true });
    expect(imageReading(p, 'wiki.acme-cdmo.com')).toEqual({ ocr: false, unreadFails: false });
    expect(imageReading(p, 'acme-cdmo.com')).toEqual({ ocr: false, unreadFails: false });
    // A look-alike host is outside; an address among the internal domains names no host.
    expect(imageReading(p, 'acme-cdmo.com.evil.example')).toEqual({ ocr: true, unreadFails: true });
    expect(imageReading(p, 'partner.example')).toEqual({ ocr: true, unreadFails: true });
    // Nothing is checked on an excepted host, so nothing is read there.
    expect(imageReading(p, 'intranet.example')).toEqual({ ocr: false, unreadFails: false });
  });

  it('always reads images inside too; never reads none, so images bound outside fall to the failure mode', () => {
    expect(imageReading(policy({ ...acme, readImages: 'always' }), 'wiki.acme-cdmo.com')).toEqual({ ocr: true, unreadFails: false });
    expect(imageReading(policy({ ...acme, readImages: 'never' }), 'app.slack.com')).toEqual({ ocr: false, unreadFails: true });
  });
});

describe('an unread image under the failure modes', () => {
  const upload = { channel: 'file-upload' as const, file: { name: 'shot.png', type: 'image/png', unscannable: true }, failure: 'image' as const };

  it('fails closed by default: it counts as PHI and secrets (a warning; into AI assistants a block)', () => {
    const d = evaluate(DEFAULT_POLICY, [], { ...upload, host: 'app.slack.com' });
    expect([d.action, d.rule]).toEqual(['warn', 'warn-phi']);
    expect(d.explanation).toMatch(/could not be scanned \(image\)/);
    expect(evaluate(DEFAULT_POLICY, [], { ...upload, host: 'chatgpt.com' }).action).toBe('block');
  });

  it('failures.image open lets it through and records it (the behaviour before images were read)', () => {
    expect(evaluate(policy({ failures: { image: 'open' } }), [], { ...upload, host: 'app.slack.com' }).action).toBe('audit');
  });
});
