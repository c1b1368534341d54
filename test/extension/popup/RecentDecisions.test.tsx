// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordDecision } from '../../../src/extension/background/decisions';
import { RecentDecisions } from '../../../src/extension/popup/RecentDecisions';
import { speak } from '../speak';

const settle = () => new Promise((r) => setTimeout(r, 30));

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '<div id="app"></div>';
});

describe('the popup: recent decisions', () => {
  it('lists what happened, where, what was found and under which rule, newest first', async () => {
    await recordDecision({ channel: 'paste', host: 'chatgpt.com', action: 'block', rule: 'secrets-to-ai', outcome: 'cancelled', findings: [{ type: 'SECRET', category: 'secret', count: 1, previews: ['g••••••••••••Uy'], hashes: [] }] });
    await recordDecision({ channel: 'email-send', host: 'mail.google.com', action: 'warn', rule: 'warn-phi', outcome: 'sent', findings: [{ type: 'SSN', category: 'phi', count: 2, previews: [], hashes: [] }] });
    render(<RecentDecisions />, document.getElementById('app')!);
    await settle();
    const items = [...document.querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toContain('email to mail.google.com: shared after a warning · 2 Social Security numbers · rule warn-phi');
    expect(items[1]).toContain('paste to chatgpt.com: blocked · 1 passwords, keys or tokens · rule secrets-to-ai');
  });

  it('says when nothing has been checked yet', async () => {
    render(<RecentDecisions />, document.getElementById('app')!);
    await settle();
    expect(document.body.textContent).toBe('No shares checked on this device yet.');
  });

  it("shows dates, counts and outcomes in the browser's language", async () => {
    const quiet = speak('de');
    await recordDecision({ channel: 'paste', host: 'chatgpt.com', action: 'warn', rule: 'warn-phi', outcome: 'redacted', findings: [{ type: 'PERSON', category: 'phi', count: 1234, previews: [], hashes: [] }] });
    render(<RecentDecisions />, document.getElementById('app')!);
    await settle();
    const time = document.querySelector('time')!;
    expect(time.textContent).toBe(new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time.dateTime)));
    expect(time.textContent).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    expect(document.querySelector('h2')?.textContent).toBe('Letzte Entscheidungen');
    expect(document.querySelector('li')?.textContent).toContain('chatgpt.com (Einfügen): ohne die sensiblen Werte geteilt · 1.234 Namen · Regel warn-phi');
    quiet();
  });
});
