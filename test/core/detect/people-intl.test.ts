import { describe, expect, it } from 'vitest';
import { defaultEngine } from '../../../src/core/detect';
import { readBefore } from '../../../src/core/detect/detectors/people-intl';

const engine = defaultEngine();
const people = (text: string): string[] => engine.scan(text).findings.filter((f) => f.type === 'PERSON').map((f) => text.slice(f.start, f.end));

describe('people in Spanish', () => {
  it('finds names after name and role labels, whole, double surnames included', () => {
    const text = 'Datos del paciente.\nNombre: Julio.\nApellidos: Hortaleza Díaz.\nNHC: 368503.\nMédico: Ignacio Navarro Cuéllar NºCol: 28 28 70973.\nPaciente: Varón de 70 años.';
    expect(people(text)).toEqual(['Julio', 'Hortaleza Díaz', 'Ignacio Navarro Cuéllar']);
  });

  it('finds a name after a title, and given names with both surnames and particles', () => {
    const text = 'La paciente, María José García López, de 45 años, fue atendida por el Dr. Juan Pérez de la Fuente en la consulta.';
    expect(people(text)).toEqual(['María José García López', 'Dr. Juan Pérez de la Fuente']);
  });

  it('ends a name where a service, a hospital or a street begins', () => {
    const text = 'El paciente fue remitido a consulta.\nRemitido por: Dra. Ana Ruiz Gil Servicio de Urología Hospital Clínico San Carlos c/ Gaspar Aguilar 5.';
    expect(people(text)).toEqual(['Ana Ruiz Gil']);
  });

  it('takes no capitalised word for a name on its own: headings, services, months, countries, eponyms', () => {
    const text = 'Informe Clínico.\nFecha de Ingreso: 12 de marzo.\nPaís: España.\nExploración física con signo de Romberg positivo. Servicio de Medicina Interna. Hemograma normal. En Julio se repitió la Analítica.';
    expect(people(text)).toEqual([]);
  });
});

describe('people in German', () => {
  it('takes German nouns for no names: every noun is capitalised', () => {
    const text = 'Der Patient wurde in der Klinik für Innere Medizin aufgenommen. Die Anamnese ergab keine Allergien, der Befund war unauffällig. Die Therapie mit Metformin wurde fortgesetzt. Koch und Fischer sind Berufe.';
    expect(people(text)).toEqual([]);
  });

  it('finds names after Herr, Frau, Dr. med. and Prof., and after name labels', () => {
    const text = 'Sehr geehrter Herr Kollege, wir berichten über Frau Anna Schneider, die von Dr. med. Koch überwiesen wurde.\nVorname: Klaus\nNachname: Wagner';
    expect(people(text)).toEqual(['Frau Anna Schneider', 'Koch', 'Klaus', 'Wagner']);
  });
});

describe('signatures', () => {
  it('takes the line after a closing formula for a name, in German and Spanish', () => {
    expect(people('Wir bitten um Kontrolle in drei Monaten.\n\nMit freundlichen Grüßen\n\nKatharina Wojciechowska\nOberärztin der Klinik')).toEqual(['Katharina Wojciechowska']);
    expect(people('Se recomienda control en tres meses por su médico de cabecera.\nAtentamente,\nLeocadia Villaescusa Otxoa')).toEqual(['Leocadia Villaescusa Otxoa']);
  });

  it('takes no heading after a paragraph for a signature', () => {
    expect(people('Die Kontrolle ergab keinen Befund in der Untersuchung.\nDiagnose\nAkute Bronchitis')).toEqual([]);
  });
});

describe('people in French, Italian, Dutch and Portuguese', () => {
  it('French: labels with a space before the colon, M./Mme/Dr', () => {
    expect(people('Nom : Dupont\nPrénom : Marie\nLe patient a été vu par le Dr Martin et Mme Lefèvre au service de cardiologie.')).toEqual(['Dupont', 'Marie', 'Dr Martin', 'Mme Lefèvre']);
  });

  it('Italian: Dott., Dott.ssa, and labels on one line', () => {
    expect(people('Il paziente è stato visitato dal Dott. Marco Rossi e dalla Dott.ssa Giulia Bianchi. Nome: Luca Cognome: Ferrari')).toEqual(['Dott. Marco Rossi', 'Giulia Bianchi', 'Luca', 'Ferrari']);
  });

  it('Dutch: particles van, de, van der', () => {
    expect(people('De patiënt werd gezien door dr. Jan de Vries en mevr. Anna van der Berg in het ziekenhuis.')).toEqual(['Jan de Vries', 'Anna van der Berg']);
  });

  it('Portuguese: Dr. and Dra. with dos', () => {
    expect(people('O doente foi observado pelo Dr. João Silva e pela Dra. Maria dos Santos no hospital.')).toEqual(['Dr. João Silva', 'Dra. Maria dos Santos']);
  });

  it('Portuguese and French clinical sentences without names give none', () => {
    expect(people('O doente apresenta Hipertensão Arterial e Diabetes Mellitus tipo II. A Ecografia Abdominal foi normal.')).toEqual([]);
    expect(people("Le patient présente une Insuffisance Cardiaque. L'Échographie montre une Fraction d'Éjection normale.")).toEqual([]);
  });
});

describe('people in Japanese', () => {
  it('finds family names with honorifics and names after a label', () => {
    expect(people('患者名：山田花子\n田中先生の診察を受けました。佐藤様にご連絡ください。')).toEqual(['山田花子', '田中', '佐藤']);
  });

  it('takes no word before an honorific for a name unless it is a family name', () => {
    expect(people('担当の先生に相談してください。患者は胸痛のため入院しました。')).toEqual([]);
  });
});

describe('English is read as before', () => {
  it('still finds capitalised names that no list knows', () => {
    expect(people('Yesterday I met Wojciechowski Brzęczyszczykiewicz at the station.')).toEqual(['Wojciechowski Brzęczyszczykiewicz']);
  });
});

describe('readBefore', () => {
  it('reads the last word, the one before it and the mark after it', () => {
    expect(readBefore('remitido por: ')).toEqual({ last: 'por', prev: 'remitido', sep: ' ', mark: ':' });
    expect(readBefore('visitato dalla dott.ssa ')).toEqual({ last: 'ssa', prev: 'dott', sep: '.', mark: '' });
    expect(readBefore('vive en c/')).toEqual({ last: 'c', prev: 'en', sep: ' ', mark: '/' });
    expect(readBefore('')).toEqual({ last: '', prev: '', sep: '', mark: '' });
  });
});
