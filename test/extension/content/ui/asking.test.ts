import { describe, expect, it } from 'vitest';
import type { FindingSummary } from '../../../../src/core/events/summary';
import { offerFor } from '../../../../src/extension/content/ui/asking';

const SSN: FindingSummary = { type: 'SSN', category: 'pii', count: 1, previews: ['2••-••-••99'] };
const CODE: FindingSummary = { type: 'SOURCE_CODE', category: 'ip', count: 1, previews: ['def •••'], passage: true };

describe('what the dialog offers', () => {
  it('redaction where values stop the share and the content can be rewritten', () => {
    expect(offerFor({ action: 'redact', requireJustification: false, because: ['SSN'] }, [SSN, CODE], true)).toEqual({ decision: { action: 'redact', requireJustification: false, because: ['SSN'] }, canRedact: true });
    expect(offerFor({ action: 'warn', requireJustification: false, because: ['SSN'] }, [SSN], false).canRedact).toBe(false);
  });

  it('a redact rule over a passage blocks: there is nothing to remove a code block from', () => {
    expect(offerFor({ action: 'redact', requireJustification: false, because: ['SOURCE_CODE'] }, [CODE], true)).toMatchObject({ decision: { action: 'block' }, canRedact: false });
  });

  it('a warning over a passage asks why instead of offering to remove it', () => {
    expect(offerFor({ action: 'warn', requireJustification: false, because: ['SOURCE_CODE', 'SSN'] }, [SSN, CODE], true)).toMatchObject({ decision: { action: 'warn', requireJustification: true }, canRedact: false });
  });

  it('content that could not be scanned (nothing stops it by name) is never offered redaction', () => {
    expect(offerFor({ action: 'redact', requireJustification: false, because: [] }, [], true)).toMatchObject({ decision: { action: 'block' }, canRedact: false });
  });
});
