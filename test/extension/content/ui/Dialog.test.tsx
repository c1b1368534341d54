// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Dialog, type DialogProps } from '../../../../src/extension/content/ui/Dialog';
import { speak } from '../../speak';

const base: Omit<DialogProps, 'onChoice'> = {
  decision: { action: 'warn', rule: 'warn-phi', requireJustification: true },
  channel: 'paste',
  host: 'chat.example.com',
  summary: [{ type: 'SSN', category: 'phi', count: 2, previews: ['2••-••-••99'] }],
  unreadable: [],
  canRedact: true,
  canRequest: false,
};

function show(props: Partial<DialogProps> = {}) {
  const onChoice = vi.fn();
  act(() => render(<Dialog {...base} {...props} onChoice={onChoice} />, document.getElementById('root')!));
  const buttons = () => [...document.querySelectorAll('button')].map((b) => b.textContent);
  const press = (name: string) => act(() => [...document.querySelectorAll('button')].find((b) => b.textContent === name)!.click());
  return { onChoice, buttons, press };
}

function type(field: HTMLTextAreaElement, text: string) {
  act(() => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
});

describe('the guard dialog', () => {
  it('is an alert dialog that says what was found, masked, where, and gives the rule as a reference at the end', () => {
    show();
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Check before you share');
    const text = dialog.textContent!;
    expect(text).toContain('Your paste to chat.example.com.');
    expect(text).toContain('2 Social Security numbers');
    expect(text).toContain('2••-••-••99');
    expect(document.querySelector('#bw-body > :last-child')!.textContent).toBe('Reference: warn-phi');
    // The category is said once, not on every line.
    expect(text.match(/patient health information/g)).toHaveLength(1);
  });

  it("leads with the administrator's message and the rule's description, before any machine text", () => {
    show({ decision: { action: 'block', rule: 'no-ssn', requireJustification: false, message: 'SSNs stay in the HR system.', description: 'Blocks social security numbers outside HR.' } });
    const lines = [...document.querySelectorAll('#bw-body > p')].map((p) => p.textContent);
    expect(lines.slice(0, 2)).toEqual(['SSNs stay in the HR system.', 'Blocks social security numbers outside HR.']);
  });

  it('says what stops the share apart from what was merely found', () => {
    show({
      decision: { action: 'block', rule: 'no-secrets', requireJustification: false, because: ['SECRET'] },
      summary: [
        { type: 'EMAIL', category: 'pii', count: 3, previews: ['a••@•••.com'] },
        { type: 'SECRET', category: 'secret', count: 1, previews: ['ghp_••••'] },
      ],
    });
    const lists = [...document.querySelectorAll('#bw-body ul')].map((ul) => [ul.previousElementSibling!.textContent, ul.textContent]);
    expect(lists).toEqual([
      ['What stops it:', expect.stringContaining('keys or tokens')],
      ['Also found:', expect.stringContaining('email')],
    ]);
  });

  it('a warning offers cancel, redact and share anyway; share anyway needs the justification policy asks for', () => {
    const { onChoice, buttons, press } = show();
    expect(buttons()).toEqual(['Cancel', 'Remove sensitive values and share', 'Share anyway']);
    press('Share anyway');
    expect(onChoice).not.toHaveBeenCalled();
    expect(document.querySelector('[role="alert"]')!.textContent).toBe('Please give a reason to continue.');
    type(document.querySelector('textarea')!, 'Sending to the treating physician');
    press('Share anyway');
    expect(onChoice).toHaveBeenCalledWith({ kind: 'continue', justification: 'Sending to the treating physician' });
  });

  it('shows a justification box only where the rule asks for one', () => {
    const { onChoice, press } = show({ decision: { action: 'warn', rule: 'warn-phi', requireJustification: false } });
    expect(document.querySelector('textarea')).toBeNull();
    press('Share anyway');
    expect(onChoice).toHaveBeenCalledWith({ kind: 'continue', justification: undefined });
  });

  it('offers the employee no requests where nobody could decide them (a browser that is not enrolled)', () => {
    const { buttons } = show({ canRequest: false });
    expect(buttons()).not.toContain("This isn't sensitive");
    expect(show({ canRequest: true, decision: { action: 'block', requireJustification: false } }).buttons()).not.toContain('Request an exception');
  });

  it('"This isn\'t sensitive" sends a report with an optional note, then says where the answer will be', () => {
    const { onChoice, buttons, press } = show({ canRequest: true, decision: { action: 'block', rule: 'no-ssn', requireJustification: false } });
    expect(buttons()).toEqual(['Cancel', "This isn't sensitive", 'Request an exception']);
    press("This isn't sensitive");
    const note = document.querySelector('textarea')!;
    expect(note.closest('label')!.textContent).toContain('What is it? (optional)');
    press('Send report');
    expect(onChoice).not.toHaveBeenCalled();
    expect(document.querySelector('[role="status"]')!.textContent).toMatch(/answer will appear in Bulwark's menu/);
    press('Close');
    expect(onChoice).toHaveBeenCalledWith({ kind: 'request', request: { kind: 'false-positive', reason: undefined } });
  });

  it('an exception request needs a reason and says where, which values and for how long', () => {
    const { onChoice, press } = show({ canRequest: true, decision: { action: 'block', rule: 'no-ssn', requireJustification: false } });
    press('Request an exception');
    press('Send request');
    expect(document.querySelector('[role="alert"]')!.textContent).toBe('Please say why you need the exception.');
    type(document.querySelector('textarea')!, 'Payroll migration this week');
    const radios = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => [r.closest('label')!.textContent!.trim(), r.checked])).toEqual([
      ['Only on chat.example.com', true],
      ['On every site', false],
    ]);
    act(() => radios[1]!.click());
    const values = document.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect([values.closest('label')!.textContent!.trim(), values.checked]).toEqual(['Only the values found here', true]);
    const days = document.querySelector('select')!;
    expect(days.closest('label')!.textContent).toContain('For how long');
    act(() => {
      days.value = '30';
      days.dispatchEvent(new Event('change', { bubbles: true }));
    });
    press('Send request');
    press('Close');
    expect(onChoice).toHaveBeenCalledWith({ kind: 'request', request: { kind: 'exception', reason: 'Payroll migration this week', scope: { thisHostOnly: false, theseValuesOnly: true, days: 30 } } });
  });

  it('Back returns to the decision without sending anything', () => {
    const { onChoice, buttons, press } = show({ canRequest: true });
    press('Request an exception');
    press('Back');
    expect(buttons()).toContain('Share anyway');
    expect(onChoice).not.toHaveBeenCalled();
  });

  it('an exception for a passage (a code block) cannot be limited to values', () => {
    const { press } = show({ canRequest: true, summary: [{ type: 'SOURCE_CODE', category: 'ip', count: 1, previews: ['def •••'], passage: true }] });
    press('Request an exception');
    expect(document.querySelector('input[type="checkbox"]')).toBeNull();
  });

  it('a block offers nothing but cancel, with the rule message and help link', () => {
    const { buttons } = show({ decision: { action: 'block', rule: 'no-secrets', requireJustification: false, message: 'Keys never go to AI tools.', helpUrl: 'https://intranet.example.com/dlp' } });
    expect(buttons()).toEqual(['Cancel']);
    expect(document.body.textContent).toContain("This can't be shared here");
    expect(document.body.textContent).toContain('Keys never go to AI tools.');
    expect(document.querySelector('a')!.getAttribute('href')).toBe('https://intranet.example.com/dlp');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it("links the rule's training when it has one, and shows no such link otherwise", () => {
    show({ decision: { action: 'warn', rule: 'phi-by-email', requireJustification: false, training: 'https://lms.example.com/phi' } });
    const link = document.querySelector<HTMLAnchorElement>('a.training')!;
    expect(link.getAttribute('href')).toBe('https://lms.example.com/phi');
    expect(link.textContent).toBe('Take the training');
    expect(link.getAttribute('rel')).toContain('noopener');
    show({ decision: { action: 'warn', rule: 'phi-by-email', requireJustification: false } });
    expect(document.querySelector('a.training')).toBeNull();
  });

  it('offers no redaction where the content cannot be rewritten (files, emails)', () => {
    const { buttons } = show({ canRedact: false, decision: { action: 'warn', requireJustification: false } });
    expect(buttons()).toEqual(['Cancel', 'Share anyway']);
  });

  it('Escape cancels, and keys typed in it do not reach the page', () => {
    const { onChoice } = show();
    const pageSaw = vi.fn();
    document.addEventListener('keydown', pageSaw);
    act(() => void document.querySelector('[role="alertdialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(onChoice).toHaveBeenCalledWith({ kind: 'cancel' });
    expect(pageSaw).not.toHaveBeenCalled();
  });

  it("speaks the browser's language: titles, what was found, buttons", () => {
    const quiet = speak('es');
    const { buttons } = show();
    expect(document.getElementById('bw-title')!.textContent).toBe('Compruébelo antes de compartir');
    expect(document.body.textContent).toContain('Destino: chat.example.com (pegado).');
    expect(document.body.textContent).toContain('2 números de la Seguridad Social de EE. UU.');
    expect(buttons()).toEqual(['Cancelar', 'Eliminar los valores sensibles y compartir', 'Compartir de todos modos']);
    quiet();
  });

  const localized = { action: 'block' as const, requireJustification: false, message: 'Ask the privacy office first.', messages: { de: 'Fragen Sie zuerst den Datenschutz.', pt_PT: 'Pergunte primeiro ao gabinete de privacidade.' } };
  for (const [language, expected] of [
    ['de-AT', 'Fragen Sie zuerst den Datenschutz.'],
    ['pt-BR', 'Pergunte primeiro ao gabinete de privacidade.'],
    ['ja', 'Ask the privacy office first.'],
  ] as const)
    it(`shows the rule's message in the employee's language where it has one (${language})`, () => {
      const quiet = speak(language, language === 'pt-BR' ? 'pt_BR' : language.slice(0, 2));
      show({ decision: localized });
      expect(document.querySelector('.message')!.textContent).toBe(expected);
      quiet();
    });

  it("shows the administrator's message in a language Bulwark has no catalogue for", () => {
    const quiet = speak('pl', 'en');
    show({ decision: { ...localized, messages: { ...localized.messages, pl: 'Najpierw zapytaj dział ochrony danych.' } } });
    expect(document.querySelector('.message')!.textContent).toBe('Najpierw zapytaj dział ochrony danych.');
    expect(document.getElementById('bw-title')!.textContent).toBe("This can't be shared here");
    quiet();
  });
});
