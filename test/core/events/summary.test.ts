import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';
import { summarize } from '../../../src/core/events/summary';

const TEXT = 'Patient Maria Gonzalez, SSN 219-09-9999, diagnosed with diabetes; card 4111 1111 1111 1111 on file.';

describe('summarize', () => {
  it('counts findings by type with masked previews and never a value', () => {
    const text = `${TEXT} Second SSN 078-05-1121 and again 219-09-9999.`;
    const summary = summarize(text, scan(text).findings);
    const ssn = summary.find((s) => s.type === 'SSN');
    expect(ssn).toMatchObject({ count: 3, category: 'phi' });
    expect(ssn?.previews).toHaveLength(2);
    expect(JSON.stringify(summary)).not.toMatch(/219-09-9999|078-05-1121|4111 1111 1111 1111|Gonzalez/);
    expect(summary.map((s) => s.type)).not.toContain('MEDICAL_TERM');
  });
});
