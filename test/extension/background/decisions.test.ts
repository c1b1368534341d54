import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recentDecisions, recordDecision } from '../../../src/extension/background/decisions';
import type { DecisionReport } from '../../../src/extension/messages';

const report = (n: number): DecisionReport => ({ channel: 'paste', host: `h${n}.example.com`, action: 'warn', outcome: 'sent', findings: [] });

beforeEach(() => fakeBrowser.reset());

describe('the record of recent decisions', () => {
  it('keeps every report when many arrive at once, newest first', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordDecision(report(i))));
    const hosts = (await recentDecisions()).map((d) => d.host);
    expect(hosts).toHaveLength(20);
    expect(hosts[0]).toBe('h19.example.com');
  });

  it('keeps the last fifty', async () => {
    for (let i = 0; i < 60; i++) await recordDecision(report(i));
    expect(await recentDecisions()).toHaveLength(50);
  });
});
