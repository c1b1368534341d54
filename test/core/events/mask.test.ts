import { describe, expect, it } from 'vitest';
import { mask } from '../../../src/core/events/mask';

describe('mask', () => {
  it('keeps the shape and the ends of a long value, hides the rest', () => {
    expect(mask('4111 1111 1111 1111')).toBe('4••• •••• •••• ••11');
    expect(mask('jane.doe@example.com')).toBe('j•••.•••@•••••••.•om');
  });

  it('hides short values whole', () => {
    expect(mask('536-22')).toBe('•••-••');
    expect(mask('Anna')).toBe('••••');
  });

  it('never returns more than two characters of the value in clear', () => {
    const value = 'AKIAZ7QX3T5B2NDKQW4L';
    const clear = [...mask(value)].filter((c) => c !== '•');
    expect(clear.length).toBeLessThanOrEqual(3);
  });
});
