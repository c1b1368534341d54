import { describe, expect, it } from 'vitest';
import { DecisionReport, ToBackground } from '../../src/extension/messages';
import { BridgeRequestSchema } from '../../src/extension/content/bridge-schema';
import { t } from '../../src/extension/content/ui/i18n';

const report = { channel: 'paste', host: 'chat.example.com', action: 'warn', rule: 'warn-phi', outcome: 'sent', findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['2••-••-••99'] }] };

describe('messages between the guard and the background', () => {
  it('a decision report carries masked previews only', () => {
    expect(DecisionReport.safeParse(report).success).toBe(true);
    const leaking = { ...report, findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['219-09-9999'] }] };
    expect(DecisionReport.safeParse(leaking).error?.issues[0]?.message).toBe('a preview must be masked');
    expect(DecisionReport.safeParse({ ...report, text: 'the pasted text' }).success).toBe(false);
  });

  it('the background accepts only the known message types', () => {
    expect(ToBackground.safeParse({ type: 'decision', report }).success).toBe(true);
    expect(ToBackground.safeParse({ type: 'load-decider' }).success).toBe(true);
    expect(ToBackground.safeParse({ type: 'load-decider', file: '/other.js' }).success).toBe(false);
    expect(ToBackground.safeParse({ type: 'eval', code: '1' }).success).toBe(false);
  });
});

describe('the bridge from the page world', () => {
  const file = new Blob(['a,b'], { type: 'text/csv' });
  it('accepts an upload request of files and fields', () => {
    expect(BridgeRequestSchema.safeParse({ tag: 'bulwark.bridge.v1', id: '1', kind: 'upload', url: 'https://x.example/u', parts: [{ file }, { field: 'note', value: 'hi' }] }).success).toBe(true);
  });
  it('refuses requests without parts, with unknown fields, with a bad URL or with too many parts', () => {
    const ok = { tag: 'bulwark.bridge.v1', id: '1', kind: 'upload', url: 'https://x.example/u', parts: [{ file }] };
    for (const bad of [{ ...ok, parts: [] }, { ...ok, extra: 1 }, { ...ok, url: 'javascript:alert(1)' }, { ...ok, url: `https://x.example/${'a'.repeat(5000)}` }, { ...ok, parts: Array(101).fill({ file }) }, { ...ok, kind: 'exec' }, { ...ok, parts: [{ file: 'not a blob' }] }])
      expect(BridgeRequestSchema.safeParse(bad).success).toBe(false);
  });
});

describe('the dialog text', () => {
  it('falls back to English with its placeholders filled', () => {
    expect(t('whereLine', 'paste', 'chat.example.com')).toBe('Your paste to chat.example.com.');
    expect(t('progress', '40')).toBe('40% checked');
  });
});
