// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { Marker, type MarkerProps } from '../../../../src/extension/content/ui/Marker';

const phi: MarkerProps = { action: 'warn', summary: [{ type: 'SSN', category: 'phi', count: 1, previews: ['2••-••-••99'] }] };

const show = (props: MarkerProps) => act(() => render(<Marker {...props} />, document.getElementById('root')!));
const button = () => document.querySelector('button')!;

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
});

describe('the field marker', () => {
  it('is a button named by what the field holds and what policy will do, announced politely', () => {
    show(phi);
    expect(button().getAttribute('aria-label')).toBe('Contains patient data: your organization will ask before this is sent');
    expect(document.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    show({ action: 'block', summary: [{ type: 'SECRET', category: 'secret', count: 1, previews: ['gh••••••Uy'] }] });
    expect(button().getAttribute('aria-label')).toBe('Contains a password, key or token: your organization does not allow sending this here');
  });

  it('shows what was found, masked, only when pressed', () => {
    show(phi);
    expect(document.body.textContent).not.toContain('2••-••-••99');
    act(() => button().click());
    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(document.body.textContent).toContain('2••-••-••99');
    expect(document.body.textContent).not.toContain('219-09-9999');
  });
});
