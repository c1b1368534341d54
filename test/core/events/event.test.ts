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
  it('refuses control characters and lone surrogates in every string, at their path', () => {
    const bad = ['\u0000', '\u0007', '\n', '\u007f', '\ud800', 'x\udfffy'];
    const places: Array<[string, (t: string) => Record<string, unknown>]> = [
      ['device.id', (t) => ({ device: { id: `d${t}` } })],
      ['device.user', (t) => ({ device: { id: 'd', user: `u${t}` } })],
      ['browser.name', (t) => ({ browser: { name: t, version: '1' } })],
      ['extensionVersion', (t) => ({ extensionVersion: t })],
      ['destination.host', (t) => ({ destination: { host: `a${t}.com`, categories: [] } })],
      ['recipientDomains.0', (t) => ({ recipientDomains: [`b${t}.com`] })],
      ['file.name', (t) => ({ file: { name: `f${t}.txt`, type: 'text/plain', size: 1 } })],
      ['file.type', (t) => ({ file: { name: 'f.txt', type: `text/${t}`, size: 1 } })],
      ['rule', (t) => ({ rule: `r${t}` })],
      ['justification', (t) => ({ justification: `because${t}` })],
    ];
    for (const [path, make] of places)
      for (const t of bad) {
        const r = BulwarkEvent.safeParse(event(make(t)));
        expect(r.success, `${path} with ${JSON.stringify(t)}`).toBe(false);
        expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
      }
    expect(BulwarkEvent.safeParse(event({ justification: 'Ünïcödé and emoji \u{1F600} are fine' })).success).toBe(true);
  });

  it('turns line breaks and other control characters of free text into spaces, and lone surrogates into U+FFFD', () => {
    expect(redactFreeText('needed by\nthe insurer\t\u0000')).toBe('needed by the insurer  ');
    expect(redactFreeText('a\ud800b')).toBe('a\ufffdb');
    expect(BulwarkEvent.safeParse(event({ justification: redactFreeText('line one\r\nline two') })).success).toBe(true);
  });

  it("removes the share's own values from the employee's words, however they are written, even without context", () => {
    const found = summarize('Payroll: SSN 219-09-9999, MRN 48213377.', scan('Payroll: SSN 219-09-9999, MRN 48213377.').findings);
    expect(found.map((s) => s.type).sort()).toEqual(['MRN', 'SSN']);
    expect(redactFreeText('Migration for 219-09-9999 and 219 09 9999 (file 48213377) this week', found)).toBe('Migration for [SSN] and [SSN] (file [MRN]) this week');
    // Only whole values: a longer number that contains one is left as it is.
    expect(redactFreeText('Ticket 12190999991', found)).toBe('Ticket 12190999991');
  });

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
