import { describe, expect, it } from 'vitest';
import { evaluate, LocalizedMessages, messageIn, parsePolicy } from '../../../src/core/policy';

const messages = { en: 'Ask the privacy office.', de: 'Fragen Sie den Datenschutz.', pt: 'Pergunte à privacidade.', 'pt-BR': 'Pergunte ao time de privacidade.', fr_CA: 'Demandez au bureau.' };

describe("a rule's message in the employee's language", () => {
  it('picks the exact language, then its base, then another variant of it', () => {
    expect(messageIn('pt-BR', undefined, messages)).toBe('Pergunte ao time de privacidade.');
    expect(messageIn('pt_BR', undefined, messages)).toBe('Pergunte ao time de privacidade.');
    expect(messageIn('pt-PT', undefined, messages)).toBe('Pergunte à privacidade.');
    expect(messageIn('de-CH', undefined, messages)).toBe('Fragen Sie den Datenschutz.');
    expect(messageIn('fr', undefined, messages)).toBe('Demandez au bureau.');
  });

  it('then the plain message, then English, then the first language listed', () => {
    expect(messageIn('ja', 'Plain text.', messages)).toBe('Plain text.');
    expect(messageIn('ja', undefined, messages)).toBe('Ask the privacy office.');
    expect(messageIn('ja', undefined, { de: 'Nur Deutsch.', it: 'Solo italiano.' })).toBe('Nur Deutsch.');
    expect(messageIn('ja', undefined, { 'en-GB': 'Colour.' })).toBe('Colour.');
  });

  it('keeps the plain string of earlier policies working, and nothing when there is no message', () => {
    expect(messageIn('de', 'Keys never go to AI tools.')).toBe('Keys never go to AI tools.');
    expect(messageIn('de')).toBeUndefined();
  });

  it('travels from the rule into the decision', () => {
    const parsed = parsePolicy({ version: 1, rules: [{ id: 'all', match: {}, action: 'warn', message: 'Check.', messages: { de: 'Prüfen.' } }] });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const decision = evaluate(parsed.policy, [], { channel: 'paste', host: 'x.example' });
    expect(decision.message).toBe('Check.');
    expect(decision.messages).toEqual({ de: 'Prüfen.' });
  });
});

describe('validation of messages by language', () => {
  const errors = (messages: unknown) => {
    const r = parsePolicy({ version: 1, rules: [{ id: 'r', match: {}, action: 'block', messages }] });
    return r.ok ? [] : r.errors;
  };

  it('accepts language codes as browsers and administrators write them', () => {
    expect(LocalizedMessages.safeParse({ en: 'a', pt_BR: 'b', 'pt-PT': 'c', 'zh-Hant-TW': 'd' }).success).toBe(true);
  });

  it('says clearly what is wrong, and where', () => {
    expect(errors({})).toEqual(['rules[0].messages: at least one language, for example {"en": "..."}']);
    expect(errors('Text')).toEqual(['rules[0].messages: a map of language to text, such as {"en": "...", "de": "..."} (one text for every language goes in message)']);
    expect(errors({ english: 'x' })).toEqual(['rules[0].messages.english: "english" is not a language code such as "en", "de", "pt" or "pt_BR"']);
    expect(errors({ de: '' })).toEqual(['rules[0].messages.de: an empty message']);
    expect(errors({ pt_BR: 'a', 'pt-br': 'b' })).toEqual(['rules[0].messages.pt-br: "pt-br": the same language twice (pt_BR and pt-BR are one)']);
    expect(errors({ de: 'x'.repeat(501) })[0]).toMatch(/^rules\[0\]\.messages\.de: /);
  });
});
