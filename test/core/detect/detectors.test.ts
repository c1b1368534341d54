import { describe, expect, it } from 'vitest';
import { DETECTORS, Engine, ENTITY_TYPES, ORGANISATION_TYPES } from '../../../src/core/detect';

// Every detector carries examples that must and must not match; this runs them all, each detector alone.
describe.each(DETECTORS.map((d) => [d.id, d] as const))('detector %s', (_id, detector) => {
  const engine = new Engine([detector]);

  it('declares examples of both kinds', () => {
    expect(detector.examples.match.length).toBeGreaterThan(0);
    expect(detector.examples.noMatch.length).toBeGreaterThan(0);
  });

  it.each(detector.examples.match.map((e) => [e.value ?? e.text, e] as const))('finds %j', (value, example) => {
    const at = example.text.indexOf(value);
    expect(at, 'the example value must appear in its text').toBeGreaterThanOrEqual(0);
    const spans = engine.scan(example.text).findings.map((f) => example.text.slice(f.start, f.end));
    expect(spans).toContain(value);
  });

  it.each(detector.examples.noMatch.map((t) => [t] as const))('leaves %j alone', (text) => {
    expect(engine.scan(text).findings.map((f) => text.slice(f.start, f.end))).toEqual([]);
  });
});

describe('the registry', () => {
  it('has unique ids named after their category (national identifiers after their country and kind)', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const prefix = { secret: 'secret', health: 'health', ip: 'ip', manufacturing: 'ip', pii: 'pii', phi: 'pii' } as const;
    for (const d of DETECTORS) {
      if (d.type === 'NATIONAL_ID') expect(d.id, d.id).toMatch(/^national\.[a-z]{2}-[a-z0-9-]+$/);
      else expect(d.id.startsWith(`${prefix[d.category]}.`), d.id).toBe(true);
    }
  });

  it('covers every entity type of the vocabulary but those of the organisation\'s own classifiers', () => {
    const covered = new Set([...DETECTORS.map((d) => d.type), ...ORGANISATION_TYPES]);
    expect(ENTITY_TYPES.filter((t) => !covered.has(t))).toEqual([]);
  });

  it('gives every detector either patterns or a find hook, and lower-case keywords', () => {
    for (const d of DETECTORS) {
      expect(Boolean(d.patterns?.length) !== Boolean(d.find), d.id).toBe(true);
      for (const k of d.keywords ?? []) expect(k, d.id).toBe(k.toLowerCase());
    }
  });
});
