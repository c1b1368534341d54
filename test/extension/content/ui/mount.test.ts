// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pageIsDark } from '../../../../src/extension/content/ui/mount';

describe('the dialog follows the page', () => {
  it('is dark on a dark page and light on a light one, by the page background', () => {
    document.body.setAttribute('style', 'background-color: rgb(24, 24, 27)');
    expect(pageIsDark(document)).toBe(true);
    document.body.setAttribute('style', 'background-color: rgb(250, 250, 250)');
    expect(pageIsDark(document)).toBe(false);
  });

  it('falls back to the system setting when the page sets no background', () => {
    document.body.removeAttribute('style');
    document.documentElement.removeAttribute('style');
    expect(pageIsDark(document)).toBe(matchMedia('(prefers-color-scheme: dark)').matches);
  });
});
