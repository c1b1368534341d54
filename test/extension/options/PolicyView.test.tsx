// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../src/extension/background/start';
import { PolicyView } from '../../../src/extension/options/PolicyView';
import { speak } from '../speak';

const settle = () => new Promise((r) => setTimeout(r, 30));

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '<div id="app"></div>';
});

describe('the options page', () => {
  it("shows the organisation's policy rule by rule, with nothing to edit", async () => {
    startBackground();
    await fakeBrowser.storage.managed.set({
      policy: { version: 4, name: 'ACME CDMO', rules: [{ id: 'phi-outside', match: { categories: ['phi'], recipients: 'external' }, action: 'block' }, { id: 'off', enabled: false, match: {}, action: 'audit' }], exceptions: { hosts: ['ehr.acme.example'] } },
    });
    render(<PolicyView />, document.getElementById('app')!);
    await settle();
    expect(document.querySelector('[data-testid=source]')?.textContent).toContain('Set by your organization · ACME CDMO · version 4');
    expect([...document.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['phi-outsidepatient health information · external recipientsblock']);
    expect(document.body.textContent).toContain('Not checked on: ehr.acme.example');
    expect(document.querySelectorAll('input, textarea, select, button')).toHaveLength(0);
  });

  it('says when the network check is page level only (no blocking webRequest: an unpacked or store install)', async () => {
    startBackground();
    render(<PolicyView />, document.getElementById('app')!);
    await settle();
    expect(document.querySelector('[data-testid=network]')?.textContent).toContain('Network check: page level only');
  });

  it('says when the network backstop is on (blocking webRequest granted, as to a policy install)', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    startBackground();
    render(<PolicyView />, document.getElementById('app')!);
    await settle();
    expect(contains).toHaveBeenCalledWith({ permissions: ['webRequestBlocking'] });
    expect(document.querySelector('[data-testid=network]')?.textContent).toContain('Network check: on (installed by your organization)');
    contains.mockRestore();
  });

  it("reads in the browser's language: the page, its title, the rules' conditions and actions", async () => {
    const quiet = speak('de');
    startBackground();
    await fakeBrowser.storage.managed.set({
      policy: { version: 4, name: 'ACME CDMO', rules: [{ id: 'secrets-ai', match: { categories: ['secret'], destinations: ['generative-ai'], channels: ['paste'] }, action: 'warn', requireJustification: true }] },
    });
    render(<PolicyView />, document.getElementById('app')!);
    await settle();
    expect(document.documentElement.lang).toBe('de');
    expect(document.title).toBe('Bulwark-Richtlinie');
    expect(document.querySelector('[data-testid=source]')?.textContent).toBe('Von Ihrer Organisation festgelegt · ACME CDMO · Version 4. Diese Einstellungen können nicht geändert werden.');
    expect([...document.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual(['Passwörter, Schlüssel und Token · Ziel: KI-Dienste · Kanal: Einfügen', 'warnen (mit Begründung)']);
    quiet();
  });
});
