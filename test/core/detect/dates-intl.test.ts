import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';

const dates = (text: string): string[] => scan(text).findings.filter((f) => f.type === 'DATE').map((f) => text.slice(f.start, f.end));

describe('dates as each language writes them', () => {
  it.each([
    ['Ingresó el 12 de marzo de 2019 por dolor.', '12 de marzo de 2019'],
    ['Desde marzo de 2019 en tratamiento.', 'marzo de 2019'],
    ['Cirugía en Abril de 2004.', 'Abril de 2004'],
    ['intervenido el 12-III-2019', '12-III-2019'],
    ['revisión el 3-abril-2018', '3-abril-2018'],
    ['Aufnahme am 12. März 2019.', '12. März 2019'],
    ['Entlassung am 12.03.2019', '12.03.2019'],
    ['seit Mai 2018 beschwerdefrei', 'Mai 2018'],
    ['hospitalisé le 12 mars 2019', '12 mars 2019'],
    ['revu le 1er mars', '1er mars'],
    ['vu le 12 févr. 2019', '12 févr. 2019'],
    ['ricoverato il 12 marzo 2019', '12 marzo 2019'],
    ['opgenomen op 12 maart 2019', '12 maart 2019'],
    ['internado em 12 de março de 2019', '12 de março de 2019'],
    ['2019年3月12日に入院', '2019年3月12日'],
    ['令和元年5月1日に退院', '令和元年5月1日'],
    ['平成31年に手術', '平成31年'],
    ['3月12日に受診', '3月12日'],
    ['diagnosticado en 2006 de LLC', '2006'],
    ['seit 2019 in Behandlung', '2019'],
    ['el martes acudió a urgencias', 'martes'],
    ['am Donnerstag entlassen', 'Donnerstag'],
  ])('%s', (text, value) => {
    expect(dates(text)).toContain(value);
  });

  it('leaves words that share a month\'s letters, and numbers that are no dates, alone', () => {
    for (const text of ['a 3 mar de distancia', 'Setze 5 set 2 ein', 'sept 2 fois', 'version 12-IV', 'una dosis de 2000 mg', 'la maison de 12 étages']) {
      expect(dates(text), text).toEqual([]);
    }
  });

  it('keeps English dates as they were', () => {
    expect(dates('seen on Feb 21, 2023.')).toEqual(['Feb 21, 2023']);
    expect(dates('you may 2 times')).toEqual([]);
  });
});
