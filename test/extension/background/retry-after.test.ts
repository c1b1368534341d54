import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../../src/extension/background/retry-after';

describe('Retry-After', () => {
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);
  it('reads delay-seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs(new Date(now + 45_000).toUTCString(), now)).toBe(45_000);
    expect(retryAfterMs(new Date(now - 45_000).toUTCString(), now)).toBe(0);
    expect([retryAfterMs(null, now), retryAfterMs('', now), retryAfterMs('soon', now), retryAfterMs('-5', now), retryAfterMs('1.5', now)]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
