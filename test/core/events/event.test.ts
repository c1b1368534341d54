import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';
import { BulwarkEvent, redactFreeText, toOcsf } from '../../../src/core/events/event';
import { importHashKey, keyedHash, normaliseValue } from '../../../src/core/events/hash';
import { summarize } from '../../../src/core/events/summary';

const PLANTED = ['219-09-9999', '48213377', 'Maria Gonzalez', 'maria.gonzalez@partner-clinic.com', '4111 1111 1111 1111'];
const TEXT = `Patient Maria Gonzalez (MRN 48213377, SSN 219-09-9999, maria.gonzalez@partner-clinic.com), card 4111 1111 1111 1111, admitted with pneumonia.`;

const event = (over: Record<string, unknown> = {}) => ({
  id: '0b5f6c1e-8a52-4c2e-9a57-2f8f4f0a9d11',
  time: '2026-11-25T10:00:00.000Z',
  device: { id: 'device-42', user: 'j.doe@ourpharma.com' },
  browser: { name: 'Chrome', version: '150' },
  extensionVersion: '0.1.0',
  policyVersion: 7,
  channel: 'email-send',
  destination: { host: 'mail.google.com', categories: ['webmail'] },
  recipientDomains: ['partner-clinic.com'],
  findings: summarize(TEXT, scan(TEXT).findings).map(({ type, category, count, previews }) => ({ type, category, count, previews })),
  rule: 'phi-outside',
  action: 'warn',
  outcome: 'sent',
  justification: redactFreeText('Her SSN 219-09-9999 is needed by the insurer'),
  ...over,
});

describe('the event schema', () => {
  it('takes an event built the way the guard builds it, and no planted value is in it or in its OCSF form', () => {
    const parsed = BulwarkEvent.parse(event());
    const out = JSON.stringify([parsed, toOcsf(parsed)]);
    for (const v of PLANTED) expect(out).not.toContain(v);
    expect(parsed.justification).toBe('Her SSN [SSN] is needed by the insurer');
    expect(redactFreeText('ssn_219-09-9999_referral.csv')).toBe('ssn_[SSN]_referral.csv');
  });

  it('refuses raw values wherever they could slip in', () => {
    const refused = (over: Record<string, unknown>) => BulwarkEvent.safeParse(event(over)).success;
    expect(refused({ findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['219-09-9999'] }] })).toBe(false);
    expect(refused({ justification: 'Her SSN 219-09-9999 is needed' })).toBe(false);
    expect(refused({ file: { name: 'ssn_219-09-9999_referral.csv', type: 'text/csv', size: 10 } })).toBe(false);
    expect(refused({ recipientDomains: ['maria.gonzalez@partner-clinic.com'] })).toBe(false);
    expect(refused({ text: TEXT })).toBe(false);
    expect(refused({ findings: [{ type: 'SSN', category: 'phi', count: 1, previews: [], hashes: ['219099999'] }] })).toBe(false);
  });

  it('maps to an OCSF Data Security Finding', () => {
    const ocsf = toOcsf(BulwarkEvent.parse(event({ action: 'block', outcome: 'cancelled' })));
    expect(ocsf).toMatchObject({ class_uid: 2006, category_uid: 2, type_uid: 200601, action_id: 2, disposition_id: 2, time: Date.parse('2026-11-25T10:00:00.000Z') });
    expect(ocsf).toMatchObject({ metadata: { uid: '0b5f6c1e-8a52-4c2e-9a57-2f8f4f0a9d11' }, dst_endpoint: { hostname: 'mail.google.com' }, data_security: { detection_pattern: 'phi-outside' } });
  });
});

describe('keyed hashes', () => {
  it('correlate one value written two ways, differ between organisations, and are not the value', async () => {
    const ours = await importHashKey(new Uint8Array(32).fill(7));
    const theirs = await importHashKey(new Uint8Array(32).fill(9));
    const a = await keyedHash(ours, normaliseValue('219-09-9999'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await keyedHash(ours, normaliseValue('219 09 9999'))).toBe(a);
    expect(await keyedHash(theirs, normaliseValue('219-09-9999'))).not.toBe(a);
    expect(await keyedHash(ours, normaliseValue('219-09-9998'))).not.toBe(a);
  });
});
