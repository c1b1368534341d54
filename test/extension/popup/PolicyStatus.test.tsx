// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../src/extension/background/start';
import { PolicyStatus } from '../../../src/extension/popup/PolicyStatus';
import { speak } from '../speak';

const settle = () => new Promise((r) => setTimeout(r, 30));

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '<div id="app"></div>';
});

describe('the popup', () => {
  it('shows that the extension is managed, with the policy in force', async () => {
    startBackground();
    await fakeBrowser.storage.managed.set({ policy: { version: 9, name: 'ACME CDMO', rules: [{ id: 'a', match: {}, action: 'audit' }] } });
    render(<PolicyStatus />, document.getElementById('app')!);
    await settle();
    expect(document.querySelector('[data-testid=source]')?.textContent).toBe('Managed by your organization');
    expect(document.body.textContent).toContain('ACME CDMO · version 9 · 1 rule');
  });

  it('shows the default protection when nothing is configured', async () => {
    startBackground();
    render(<PolicyStatus />, document.getElementById('app')!);
    await settle();
    expect(document.querySelector('[data-testid=source]')?.textContent).toBe('Default protection (no policy from your organization)');
  });

  it('says so when the background cannot answer', async () => {
    render(<PolicyStatus />, document.getElementById('app')!);
    await settle();
    expect(document.querySelector('[role=alert]')?.textContent).toMatch(/could not read its policy/);
  });

  it('says when the network check is page level only (no blocking webRequest: an unpacked or store install)', async () => {
    startBackground();
    render(<PolicyStatus />, document.getElementById('app')!);
    await settle();
    expect(document.querySelector('[data-testid=network]')?.textContent).toContain('Network check: page level only');
  });

  it('says when the network backstop is on (blocking webRequest granted, as to a policy install)', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    startBackground();
    render(<PolicyStatus />, document.getElementById('app')!);
    await settle();
    expect(contains).toHaveBeenCalledWith({ permissions: ['webRequestBlocking'] });
    expect(document.querySelector('[data-testid=network]')?.textContent).toContain('Network check: on (installed by your organization)');
    contains.mockRestore();
  });

  it("speaks the browser's language, with its plural rules and its digits", async () => {
    const quiet = speak('fr');
    startBackground();
    await fakeBrowser.storage.managed.set({ policy: { version: 1200, name: 'ACME', rules: [{ id: 'a', match: {}, action: 'audit' }, { id: 'b', match: {}, action: 'audit' }] } });
    render(<PolicyStatus />, document.getElementById('app')!);
    await settle();
    expect(document.querySelector('[data-testid=source]')?.textContent).toBe('Géré par votre organisation');
    // French groups thousands with a narrow no-break space.
    expect(document.body.textContent).toContain('ACME · version 1\u202f200 · 2 règles');
    expect(document.documentElement.lang).toBe('fr');
    quiet();
  });
});
