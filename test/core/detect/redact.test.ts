import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';
import { redact } from '../../../src/core/detect/redact';

const TEXT = 'Patient Maria Gonzalez, SSN 219-09-9999, diagnosed with diabetes; card 4111 1111 1111 1111 on file.';

describe('redact', () => {
  it('replaces each identifier with its type and keeps the rest of the text', () => {
    const out = redact(TEXT, scan(TEXT).findings);
    expect(out).toContain('SSN [SSN]');
    expect(out).toContain('card [CREDIT_CARD] on file.');
    expect(out).toContain('diagnosed with diabetes');
    expect(out).not.toMatch(/219-09-9999|4111 1111|Gonzalez/);
  });

  it('leaves a text without findings as it was', () => {
    const plain = 'The meeting moved to Thursday afternoon.';
    expect(redact(plain, scan(plain).findings)).toBe(plain);
  });

  it('writes the label given for a type, and the type where none is given', () => {
    const out = redact(TEXT, scan(TEXT).findings, { PERSON: 'NOMBRE', SSN: '' });
    expect(out).toContain('Patient [NOMBRE],');
    expect(out).toContain('SSN [SSN]');
    expect(out).toContain('card [CREDIT_CARD] on file.');
  });
});
