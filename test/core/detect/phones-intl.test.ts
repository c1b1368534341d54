import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';

const numbers = (text: string, type: 'PHONE' | 'FAX'): string[] => scan(text).findings.filter((f) => f.type === type).map((f) => text.slice(f.start, f.end));

describe('phone and fax numbers after their labels, checked in the countries of the label (libphonenumber-js)', () => {
  it.each([
    ['Pamplona Tfno. 848428434 E-mail', '848428434'],
    ['Tlf. 609 518571', '609 518571'],
    ['Teléfono:942202528', '942202528'],
    ['móvil: 653 343 435', '653 343 435'],
    ['Telefon: 030 12345678', '030 12345678'],
    ['Handy 0171 1234567', '0171 1234567'],
    ['Tél. : 01 23 45 67 89', '01 23 45 67 89'],
    ['Portable 06 12 34 56 78', '06 12 34 56 78'],
    ['Cellulare 347 123 4567', '347 123 4567'],
    ['Telefoon 020 123 4567', '020 123 4567'],
    ['Telemóvel 912 345 678', '912 345 678'],
    ['電話：03-1234-5678', '03-1234-5678'],
    ['Tfno: 986413144 ext 1530', '986413144 ext 1530'],
  ])('%s', (text, value) => {
    expect(numbers(text, 'PHONE')).toContain(value);
  });

  it.each([
    ['Tfno. 848428434 Fax 848422528', '848422528'],
    ['Telefax: 030 12345679', '030 12345679'],
    ['Télécopie : 01 23 45 67 80', '01 23 45 67 80'],
    ['Fax: (5982) 487-3837', '(5982) 487-3837'],
  ])('fax: %s', (text, value) => {
    expect(numbers(text, 'FAX')).toContain(value);
    expect(numbers(text, 'PHONE')).not.toContain(value);
  });

  it('reads an unbroken national number only after a label, and only when its plan allows it', () => {
    expect(numbers('Pedido 848428434 enviado', 'PHONE')).toEqual([]);
    expect(numbers('Tfno. 123456789', 'PHONE')).toEqual([]);
  });

  it('keeps North American numbers as they were', () => {
    expect(numbers('call (310) 555-1234', 'PHONE')).toEqual(['(310) 555-1234']);
  });
});

describe('the numbering plans', () => {
  it('are libphonenumber-js\'s min metadata, cut to the countries the engine reads numbers in', async () => {
    const full = (await import('libphonenumber-js/metadata.min.json')).default as { version: number; country_calling_codes: Record<string, string[]>; countries: Record<string, unknown> };
    const cut = (await import('../../../src/core/detect/detectors/phone-plans.json')).default as typeof full;
    // To make it again: keep these countries of the installed metadata, and the calling codes that name them.
    const keep = Object.keys(cut.countries);
    expect(cut.version).toBe(full.version);
    for (const c of keep) expect(cut.countries[c], c).toEqual(full.countries[c]);
    for (const [code, countries] of Object.entries(full.country_calling_codes)) {
      const kept = countries.filter((c) => keep.includes(c));
      expect(cut.country_calling_codes[code] ?? [], code).toEqual(kept);
    }
  });
});
