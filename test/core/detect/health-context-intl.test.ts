import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';

/** Clinical notes in seven languages: each holds an identifier, and each is protected health information. */
const clinical: [string, string][] = [
  ['es', 'Informe clínico del paciente: varón de 70 años, NHC: 368503, con antecedentes de hipertensión y diabetes, que ingresa por disnea.'],
  ['de', 'Arztbrief. Patientin, Fallnummer 2019-4711, Anamnese: Hypertonie. Befund: Herzinsuffizienz, Entlassung in die hausärztliche Betreuung.'],
  ['fr', 'Compte rendu d\'hospitalisation. Patiente, IPP 100234567, antécédents de diabète, traitement par metformine.'],
  ['it', 'Paziente ricoverata, cartella clinica 2020/11234, anamnesi di ipertensione, diagnosi di insufficienza cardiaca.'],
  ['nl', 'Ontslagbrief. Patiënt met patiëntnummer 7812345, opgenomen in het ziekenhuis met hypertensie, medicatie aangepast.'],
  ['pt', 'Paciente internada, número de processo 1234567, com hipertensão e diabetes; tratamento com insulina.'],
  ['ja', '患者ID：12345678。既往歴：高血圧。診断：糖尿病。2019年3月12日入院、治療を開始した。'],
];

/** Business texts of the same languages: personal data (a number, a phone), no health information. */
const business: [string, string][] = [
  ['es', 'Factura nº 2023-0045. Importe total: 1.200 EUR. Tratamiento de datos conforme al RGPD. Tfno. 912 345 678. Gracias por su ingreso.'],
  ['de', 'Rechnungsnummer RE-2023-114. Die Entlassung des Mitarbeiters wurde vom Betriebsrat geprüft. Telefon: 030 12345678.'],
  ['fr', 'Lettre d\'information : le diagnostic de notre réseau est terminé. Facture 2023-118, Tél. : 01 23 45 67 89.'],
  ['it', 'Newsletter: la terapia d\'urto per il mercato. Fattura 2023/77, ordine 4471-22, telefono 02 1234 5678.'],
  ['nl', 'Factuurnummer 2023-0045. De behandeling van uw klacht is afgerond. Telefoon 020 123 4567.'],
  ['pt', 'Fatura 2023-0045. O tratamento dos seus dados segue o RGPD. Telefone 212 345 678.'],
];

describe('health context in seven languages', () => {
  it.each(clinical)('a clinical note in %s is PHI', (_lang, text) => {
    expect(scan(text).labels).toEqual(expect.arrayContaining(['PHI', 'PII']));
  });

  it.each(business)('a business text in %s is personal data, not health information', (_lang, text) => {
    const r = scan(text);
    expect(r.labels).toContain('PII');
    expect(r.labels).not.toContain('PHI');
  });
});
