import { describe, expect, it } from 'vitest';
import { defaultEngine } from '../../../src/core/detect/registry';

/** The LOCATION and ZIP values the engine finds in a text. */
function places(text: string): string[] {
  return defaultEngine()
    .scan(text)
    .findings.filter((f) => f.type === 'LOCATION' || f.type === 'ZIP')
    .map((f) => text.slice(f.start, f.end));
}

describe('street addresses of Europe, found whole', () => {
  it.each([
    ['Domicilio: Calle Miguel Benitez 90.', 'Calle Miguel Benitez 90'],
    ['vive en c/ del Abedul 5-7, 2º dcha, Madrid', 'c/ del Abedul 5-7, 2º dcha'],
    ['C/ Martín de los Heros, 80, 5º D 28008 Madrid', 'C/ Martín de los Heros, 80, 5º D'],
    ['Avda. de França, s/n. 17007 Girona', 'Avda. de França, s/n'],
    ['Paseo de la Castellana, 261, 28046 Madrid', 'Paseo de la Castellana, 261'],
    ['Carretera de Toledo km 12,500', 'Carretera de Toledo km 12,500'],
    ['wohnt in der Hauptstraße 12a in Köln', 'Hauptstraße 12a'],
    ['Anschrift: Berliner Allee 5, 40212 Düsseldorf', 'Berliner Allee 5'],
    ['au 12 bis rue de la Paix à Paris', '12 bis rue de la Paix'],
    ['abita in Via Giuseppe Verdi, 5', 'Via Giuseppe Verdi, 5'],
    ['woont op Keizersgracht 123, 1015 CJ Amsterdam', 'Keizersgracht 123'],
    ['mora na Rua Augusta, 100, 1100-053 Lisboa', 'Rua Augusta, 100'],
  ])('%s', (text, value) => expect(places(text)).toContain(value));
});

describe('postcodes in context', () => {
  it.each([
    ['Localidad/ Provincia: Madrid.\nCP: 28016.', '28016'],
    ['Paseo de la Castellana, 261, 28046 Madrid', '28046'],
    ['Hauptstraße 5, D-10115 Berlin', 'D-10115'],
    ['PLZ: 80331', '80331'],
    ['Keizersgracht 123, 1015 CJ Amsterdam', '1015 CJ'],
    ['Rua Augusta 100, 1100-053 Lisboa', '1100-053'],
    ['Barcelona 08017, España', '08017'],
    ['〒100-0001 東京都千代田区千代田1-1', '100-0001'],
  ])('%s', (text, value) => expect(places(text)).toContain(value));

  it.each([
    'se administraron 10000 Unidades de heparina',
    'en 2015 Madrid organizó el congreso',
    'la dosis fue de 28046 mg en total',
    'Der Patient erhielt 10000 Einheiten Heparin',
    'Call 555-1234 Tomorrow',
  ])('leaves running-text numbers alone: %s', (text) => expect(places(text).filter((p) => /^\d/.test(p))).toEqual([]));
});

describe('towns, provinces and regions', () => {
  it.each([
    ['Localidad/ Provincia: Hellín, Albacete.', ['Hellín', 'Albacete']],
    ['varón de 42 años, residente en Mérida (Extremadura)', ['Mérida']],
    ['Wohnort: Köln', ['Köln']],
    ['il paziente vive a Bergamo da anni', ['Bergamo']],
    ['Avda. de Elvas s/n. 06080 Badajoz. (España)', ['Badajoz']],
    ['C/ Salamanca 5. 36211 Vigo (Pontevedra). España', ['Vigo', 'Pontevedra']],
    ['Woonplaats: Utrecht', ['Utrecht']],
  ])('%s', (text, values) => {
    const found = places(text);
    for (const v of values) expect(found).toContain(v);
  });

  it.each([
    'enfermedad de Crohn en remisión',
    'Der Befund aus Sicht der Kardiologie ist stabil',
    'a Framingham risk score of 20%',
    'Have you been to a Harvey Leach concert before?',
  ])('leaves ordinary capitalised words alone: %s', (text) => expect(places(text)).toEqual([]));
});

describe('hospitals and health centres by their whole name', () => {
  it.each([
    ['ingresa en el Hospital Universitario de Getafe por fiebre', 'Hospital Universitario de Getafe'],
    ['remitido al Complejo Hospitalario de Navarra.', 'Complejo Hospitalario de Navarra'],
    ['Servicio de Urología, Hospital Universitario 12 de Octubre, Madrid', 'Hospital Universitario 12 de Octubre'],
    ['seguimiento en el Centro de Salud Barrio del Pilar desde', 'Centro de Salud Barrio del Pilar'],
    ['en el Servicio de Digestivo del Hospital Son Dureta donde', 'Hospital Son Dureta'],
    ['Aufnahme im Universitätsklinikum Hamburg-Eppendorf wegen', 'Universitätsklinikum Hamburg-Eppendorf'],
    ['im Evangelischen Krankenhaus Bielefeld behandelt', 'Evangelischen Krankenhaus Bielefeld'],
    ['suivi au CHU de Bordeaux depuis', 'CHU de Bordeaux'],
    ["ricoverato all'Ospedale San Raffaele di Milano", 'Ospedale San Raffaele di Milano'],
    ['opgenomen in het Antoni van Leeuwenhoek Ziekenhuis', 'Antoni van Leeuwenhoek Ziekenhuis'],
    ['聖路加国際病院に入院した', '聖路加国際病院'],
  ])('%s', (text, value) => expect(places(text)).toContain(value));

  it('ends the name before the street that follows it and finds the street', () => {
    const found = places('Hospital Universitario Doctor Peset Gaspar Aguilar 90. 46017 - Valencia');
    expect(found).toContain('Hospital Universitario Doctor Peset');
    expect(found).toContain('Gaspar Aguilar 90');
    expect(found).toContain('Valencia');
  });

  it.each(['the hospital road was closed', 'ingresó en el hospital por la tarde', 'Clinic Manager Jones called', '大学病院に紹介された'])(
    'leaves ordinary words alone: %s',
    (text) => expect(places(text)).toEqual([]),
  );
});

describe('Japanese addresses', () => {
  it.each([
    ['住所：東京都千代田区丸の内一丁目2番3号', '東京都千代田区丸の内一丁目2番3号'],
    ['大阪府大阪市北区梅田3-1-1 在住', '大阪府大阪市北区梅田3-1-1'],
  ])('%s', (text, value) => expect(places(text)).toContain(value));
});
