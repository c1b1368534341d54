import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/core/detect/engine';
import { DETECTORS } from '../../../src/core/detect/registry';
import { decodeProtectedData, encodeProtectedData, protectedDataDetectors } from '../../../src/core/protect/bundle';
import { buildEdm, EdmMatcher, normaliseCell, type EdmSpec } from '../../../src/core/protect/edm';
import { sipKey } from '../../../src/core/protect/siphash';
import { isoDate, people } from './generate';

const key = sipKey(Uint8Array.from({ length: 16 }, (_, i) => i * 7));
const otherKey = sipKey(Uint8Array.from({ length: 16 }, (_, i) => i * 11));
const spec: EdmSpec = {
  id: 'patients',
  name: 'Patients',
  category: 'pii',
  columns: [
    { name: 'name', kind: 'text' },
    { name: 'date_of_birth', kind: 'date' },
    { name: 'mrn', kind: 'id' },
    { name: 'ssn', kind: 'number' },
  ],
  combos: [[0, 1], [2], [3]],
  proximity: 200,
};
const table = people(5_000, 7);
const rows = table.map((p) => [p.name, isoDate(p), p.mrn, p.ssn]);
const data = buildEdm(spec, rows, key);
const matcher = new EdmMatcher(data, key);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const found = (text: string, m = matcher) => m.find(text).map((x) => `${x.columns.join('+')}:${text.slice(x.start, x.end)}`);

describe('exact data match', () => {
  const p = table[1234]!, q = table[4321]!;
  const { y, m, d } = p.dob;

  it('finds a name with the date of birth of the same row, however the date is written', () => {
    for (const date of [isoDate(p), `${m}/${d}/${y}`, `${d} ${MONTHS[m - 1]} ${y}`, `${MONTHS[m - 1]} ${d}, ${y}`, `${d}.${m}.${y}`])
      expect(found(`Patient ${p.name.toUpperCase()}, born ${date}, seen today.`), date).toEqual([`name+date_of_birth:${p.name.toUpperCase()}`, `name+date_of_birth:${date}`]);
  });

  it('does not join one row\'s name with another\'s date of birth, nor a name alone', () => {
    expect(found(`${p.name} was born ${isoDate(q)}`)).toEqual([]);
    expect(found(`Ask ${p.name} about the meeting.`)).toEqual([]);
  });

  it('wants the combination near: a name and a date of birth 300 characters apart are two facts', () => {
    expect(found(`${p.name} ${'.'.repeat(300)} ${isoDate(p)}`)).toEqual([]);
  });

  it('finds unique columns alone, however they are punctuated', () => {
    expect(found(`record ${p.mrn.toLowerCase()} updated`)).toEqual([`mrn:${p.mrn.toLowerCase()}`]);
    expect(found(`ssn ${p.ssn.replace(/-/g, ' ')}`)).toEqual([`ssn:${p.ssn.replace(/-/g, ' ')}`]);
    expect(found(`ssn ${p.ssn.replace(/-/g, '')}`)).toEqual([`ssn:${p.ssn.replace(/-/g, '')}`]);
  });

  it('finds nothing of values of the same shape that are not in the table, nor with another key', () => {
    expect(found('Patient Kalomi Renvel, born 1961-04-12, MRN-0000001, SSN 123-45-6789.')).toEqual([]);
    expect(found(`${p.name} ${isoDate(p)} ${p.mrn}`, new EdmMatcher(data, otherKey))).toEqual([]);
  });

  it('normalises case, accents and separators the same on both sides', () => {
    expect(normaliseCell('text', '  Zoë   MÜLLER ')).toBe('zoe muller');
    const accents = buildEdm({ ...spec, combos: [[0]] }, [['Zoë Müller']], key);
    expect(found('met ZOE MULLER today', new EdmMatcher(accents, key))).toEqual(['name:ZOE MULLER']);
  });

  it('sends no value in clear: the published table holds none of its names, dates or numbers', () => {
    const json = JSON.stringify(encodeProtectedData({ version: 1, tables: [data], documentSets: [] }));
    for (const row of table.slice(0, 200)) {
      for (const part of [...row.name.split(' '), row.mrn, row.ssn, isoDate(row)]) expect(json.includes(part)).toBe(false);
      expect(json.includes(row.ssn.replace(/-/g, ''))).toBe(false);
    }
  });

  it('survives publication and works in the engine, where a row near a diagnosis is PHI', () => {
    const decoded = decodeProtectedData(JSON.parse(JSON.stringify(encodeProtectedData({ version: 3, tables: [data], documentSets: [] }))));
    const engine = new Engine([...DETECTORS, ...protectedDataDetectors(decoded, key)]);
    const r = engine.scan(`Re: ${p.name} (DOB ${isoDate(p)}) – metformin started for diabetes.`);
    const edm = r.findings.filter((f) => f.type === 'EDM_MATCH');
    expect(edm.map((f) => f.detector)).toEqual(['org.patients', 'org.patients']);
    expect(edm.every((f) => f.category === 'phi')).toBe(true);
    expect(r.labels).toContain('PHI');
  });

  it('refuses malformed published data with the reason', () => {
    const good = encodeProtectedData({ version: 1, tables: [data], documentSets: [] });
    expect(() => decodeProtectedData({ ...good, tables: [{ ...good.tables[0]!, lo: 'AAAAAA==' }] })).toThrow(/differ in length/);
    expect(() => decodeProtectedData({ ...good, tables: [{ ...good.tables[0]!, spec: { ...spec, combos: [[9]] } }] })).toThrow(/column the table does not have/);
    expect(() => decodeProtectedData({ version: 'x' })).toThrow();
  });
});

describe('exact data match on hostile text', () => {
  it('stops looking up after 20,000 hits when a text repeats rows over and over, and still reports them', () => {
    const p = table[9]!;
    const text = `${p.name} ${isoDate(p)} ${p.mrn} `.repeat(10_000);
    const matches = matcher.find(text);
    // Each repetition gives three cells; the hits stop at 20,000, so do the matches.
    expect(matches.length).toBeGreaterThan(6_000);
    expect(matches.length).toBeLessThanOrEqual(20_000);
    expect(matches.at(-1)!.start).toBeLessThan(text.length * 0.75);
  });
});
