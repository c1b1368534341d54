// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { composerFields, editableOf, isSendButton, looksLikePrompt } from '../../../src/extension/content/targets';

beforeEach(() => {
  document.body.innerHTML = '';
});

const el = (html: string) => {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
};

describe('what the guard takes for a prompt, a send button and a composer', () => {
  it('a multi-line field that calls itself a message or prompt sends on Enter; a notes field does not', () => {
    expect(looksLikePrompt(el('<textarea placeholder="Ask anything"></textarea>') as HTMLTextAreaElement)).toBe(true);
    expect(looksLikePrompt(el('<div contenteditable="true" id="prompt-textarea"></div>'))).toBe(true);
    expect(looksLikePrompt(el('<textarea aria-label="Message #general"></textarea>') as HTMLTextAreaElement)).toBe(true);
    expect(looksLikePrompt(el('<textarea name="notes"></textarea>') as HTMLTextAreaElement)).toBe(false);
    expect(looksLikePrompt(el('<div contenteditable="true" role="textbox" aria-label="Document body"></div>'))).toBe(false);
  });

  it('send buttons by text, label, tooltip or test id', () => {
    expect(isSendButton(el('<button>Send</button>'))).toBe(true);
    expect(isSendButton(el('<button aria-label="Send prompt">➤</button>'))).toBe(true);
    expect(isSendButton(el('<div role="button" data-tooltip="Send ‪(Ctrl-Enter)‬"></div>'))).toBe(true);
    expect(isSendButton(el('<button data-testid="send-button"></button>'))).toBe(true);
    expect(isSendButton(el('<button>Sender settings</button>'))).toBe(false);
    expect(isSendButton(el('<button>Cancel</button>'))).toBe(false);
  });

  it('the composer of a send button: its form, or the nearest ancestor with a field', () => {
    document.body.innerHTML = '<div><div><textarea id="t"></textarea></div><div><button id="b">Send</button></div></div><textarea id="far"></textarea>';
    expect(composerFields(document.getElementById('b')!).map((f) => f.id)).toEqual(['t']);
  });

  it('the editing host of a node deep inside a contenteditable', () => {
    document.body.innerHTML = '<div contenteditable="true" id="host"><p><b id="deep">x</b></p></div>';
    expect(editableOf(document.getElementById('deep')!)?.id).toBe('host');
  });
});
