import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PolicyAnswer } from '../../../src/extension/messages';
import { backstopReady, backstopState } from '../../../src/extension/background/backstop/start';
import { startBackground } from '../../../src/extension/background/start';

const PHI = 'Patient Maria Gonzalez, MRN 48213377, SSN 219-09-9999, was admitted with diabetic ketoacidosis.';
const settle = () => new Promise((r) => setTimeout(r, 30));

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the backstop in the background (fake browser)', () => {
  it('keeps the managed policy in memory for the synchronous decision, refreshed when storage changes', async () => {
    startBackground();
    await backstopReady();
    expect(backstopState().policy.name).toBe('Bulwark default');
    await fakeBrowser.storage.managed.set({ policy: { version: 5, name: 'ACME', rules: [{ id: 'a', match: {}, action: 'audit' }], exceptions: { hosts: ['ehr.acme.example'] } }, eventsUrl: 'https://dlp.acme.example/events' });
    await settle();
    expect(backstopState().policy.name).toBe('ACME');
    expect(backstopState().skipOrigins.has('https://dlp.acme.example')).toBe(true);
  });

  it('answers get-policy with the mode and the session key, and keeps consents of a tab in session storage', async () => {
    startBackground();
    const answer = PolicyAnswer.parse(await fakeBrowser.runtime.sendMessage({ type: 'get-policy' }));
    expect(answer.network).toBe('page-only');
    expect(answer.consentKey).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'consent', hashes: ['0123456789abcdef'] });
    // The fake runtime gives no sender tab: a consent must come from a page.
    expect(reply).toEqual({ ok: false });
    expect(await fakeBrowser.runtime.sendMessage({ type: 'consent', hashes: [PHI] })).toEqual({ error: 'malformed message' });
  });
});
