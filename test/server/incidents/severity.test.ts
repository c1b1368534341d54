import { describe, expect, it } from 'vitest';
import type { BulwarkEvent } from '../../../src/core/events/event';
import { derivedSeverity, eventSeverity, graver } from '../../../src/server/incidents/severity';

const finding = (category: BulwarkEvent['findings'][number]['category'], count = 1): BulwarkEvent['findings'][number] => ({ type: 'EMAIL', category, count, previews: [], hashes: [] });
const to = (...categories: BulwarkEvent['destination']['categories']): BulwarkEvent['destination'] => ({ host: 'example.net', categories });

describe('the severity of an event', () => {
  it('is low for a little personal data to a known tool', () => {
    expect(derivedSeverity({ findings: [finding('pii')], destination: to('webmail') })).toBe('low');
    expect(derivedSeverity({ findings: [finding('ip', 9)], destination: to('collaboration') })).toBe('low');
  });

  it('rises one step for health data or secrets, for a bulk export and for a far destination', () => {
    expect(derivedSeverity({ findings: [finding('phi')], destination: to('webmail') })).toBe('medium');
    expect(derivedSeverity({ findings: [finding('pii', 4), finding('pii', 6)], destination: to('webmail') })).toBe('medium');
    expect(derivedSeverity({ findings: [finding('pii')], destination: to('generative-ai') })).toBe('medium');
    expect(derivedSeverity({ findings: [finding('secret')], destination: to('file-sharing') })).toBe('high');
    expect(derivedSeverity({ findings: [finding('pii'), finding('phi', 12)], destination: to('generative-ai') })).toBe('critical');
  });

  it('counts unscannable content as grave and a host on no list as far', () => {
    expect(derivedSeverity({ findings: [], destination: to('webmail') })).toBe('medium');
    expect(derivedSeverity({ findings: [finding('pii')], destination: to() })).toBe('medium');
    expect(derivedSeverity({ findings: [finding('pii')], destination: to('unknown') })).toBe('medium');
  });

  it("takes the rule's own severity over the derived one", () => {
    expect(eventSeverity({ findings: [finding('phi', 50)], destination: to('generative-ai') }, 'low')).toBe('low');
    expect(eventSeverity({ findings: [finding('pii')], destination: to('webmail') }, undefined)).toBe('low');
  });

  it('keeps the graver of two', () => {
    expect(graver('low', 'high')).toBe('high');
    expect(graver('critical', 'medium')).toBe('critical');
  });
});
