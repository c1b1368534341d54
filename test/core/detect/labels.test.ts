import { describe, expect, it } from 'vitest';
import { documentLabels } from '../../../src/core/detect/labels';
import type { Category, EntityType, Finding } from '../../../src/core/detect/types';

const finding = (type: EntityType, category: Category, start: number, quasi = false): Finding => ({ type, category, detector: 'test', start, end: start + 5, score: 0.9, why: [], quasi });
const term = (start: number) => finding('MEDICAL_TERM', 'health', start);
const person = (start: number) => finding('PERSON', 'pii', start);

describe('documentLabels', () => {
  it('makes an identifier PHI only near a health term, naming the term', () => {
    const near = person(1_000), far = person(5_000), t = term(1_200);
    const { labels, phi, contextOf } = documentLabels([near, t, far]);
    expect(phi).toEqual([near]);
    expect(contextOf.get(near)).toBe(t);
    expect(contextOf.has(far)).toBe(false);
    expect(labels).toEqual(['PHI', 'PII']);
  });

  it('makes every identifier of a clinical text PHI, with no single term as the context', () => {
    const terms = Array.from({ length: 8 }, (_, i) => term(i * 100));
    const ids = [person(50), person(9_000), finding('PERSON', 'pii', 9_500, true)];
    const { phi, contextOf } = documentLabels([...terms, ...ids].sort((a, b) => a.start - b.start));
    expect(phi).toEqual(ids.slice(0, 2));
    expect(contextOf.size).toBe(0);
  });

  it('drops batch numbers out of manufacturing context from IP, and keeps SECRET and IP labels', () => {
    const lot = finding('BATCH_NUMBER', 'ip', 0), key = finding('SECRET', 'secret', 100);
    expect(documentLabels([lot, key])).toMatchObject({ labels: ['SECRET'], outOfContext: [lot] });
    const words = finding('MANUFACTURING_TERM', 'manufacturing', 50);
    expect(documentLabels([lot, words, key])).toMatchObject({ labels: ['SECRET', 'IP'], outOfContext: [] });
  });
});
