import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';

/** The values a scan finds of the identifier types (record, insurance, licence, account numbers), as text. */
function identifiers(text: string): string[] {
  const types = new Set(['MRN', 'HEALTH_PLAN_ID', 'ACCOUNT_NUMBER', 'LICENSE_NUMBER', 'NATIONAL_ID']);
  return scan(text).findings.filter((f) => types.has(f.type)).map((f) => text.slice(f.start, f.end));
}

describe('identifiers by their label, in the languages of Europe and Japan', () => {
  it.each([
    ['NHC: 368503.', '368503'],
    ['Nº de historia clínica: 4471-22', '4471-22'],
    ['NASS: 26 63514095 04.', '26 63514095 04'],
    ['Médico: Ignacio Navarro NºCol: 28 28 70973.', '28 28 70973'],
    ['Episodio: 7266589.', '7266589'],
    ['Nº tarjeta sanitaria: BBBB123456789012', 'BBBB123456789012'],
    ['Fallnummer: 2019-4711', '2019-4711'],
    ['Pat.-Nr. 0047112', '0047112'],
    ['Versichertennummer A123456780', 'A123456780'],
    ['LANR 123456601', '123456601'],
    ['numéro de dossier : 88-41234', '88-41234'],
    ['IPP 100234567', '100234567'],
    ['RPPS 10101234567', '10101234567'],
    ['n. cartella clinica 2020/11234', '2020/11234'],
    ['patiëntnummer 7812345', '7812345'],
    ['BIG-nummer 19012345601', '19012345601'],
    ['número de processo 1234567', '1234567'],
    ['患者ID：12345678（内科）', '12345678'],
    ['カルテ番号 A-0012345', 'A-0012345'],
    ['被保険者番号: 12345678', '12345678'],
  ])('%s', (text, value) => {
    expect(identifiers(text)).toContain(value);
  });

  it('leaves labels without a number, and numbers that are years, doses or postcodes, alone', () => {
    for (const text of ['La historia clínica del paciente es extensa.', 'NHC: 2019', 'Avda. de Elvas s/n. 06080 Badajoz', 'Die Krankenkasse zahlt 80 %.', 'episodio de 3 días']) {
      expect(identifiers(text), text).toEqual([]);
    }
  });

  it('does not read a Spanish social security number as a payment card (cards are grouped in fours)', () => {
    const r = scan('NASS: 37 86573566 30');
    expect(r.findings.map((f) => f.type)).not.toContain('CREDIT_CARD');
    expect(scan('card 4111 1111 1111 1111').findings.map((f) => f.type)).toContain('CREDIT_CARD');
  });
});
