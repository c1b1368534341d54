import { describe, expect, it } from 'vitest';
import { scan } from '../../../../src/core/detect';
import { redact } from '../../../../src/core/detect/redact';
import { redactionLabels } from '../../../../src/extension/content/ui/redaction-labels';
import { speak } from '../../speak';

const TEXT = 'Patient Maria Gonzalez, SSN 219-09-9999, card 4111 1111 1111 1111 on file.';

describe('redaction labels', () => {
  it('write what stands in for a value in the browser language', () => {
    const quiet = speak('es');
    const out = redact(TEXT, scan(TEXT).findings, redactionLabels());
    expect(out).toContain('[NOMBRE]');
    expect(out).toContain('SSN [NÚMERO DE SEGURIDAD SOCIAL]');
    expect(out).toContain('card [NÚMERO DE TARJETA] on file.');
    quiet();
  });

  it('are the type ids in English, so the English redaction reads as it always did', () => {
    const quiet = speak('en');
    expect(redact(TEXT, scan(TEXT).findings, redactionLabels())).toBe(redact(TEXT, scan(TEXT).findings));
    quiet();
  });

  it('fall back to English (the type ids) where the browser has no catalogue', () => {
    expect(redactionLabels().PERSON).toBe('PERSON');
    expect(redactionLabels().NATIONAL_ID).toBe('NATIONAL_ID');
  });
});
