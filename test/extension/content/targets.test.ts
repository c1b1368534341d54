// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { activatableOf, composerFields, editableOf, fieldsIn, formFields, isSendButton, isTool, looksLikePrompt } from '../../../src/extension/content/targets';
import { hasWord, PROMPT_WORDS, SEND_WORDS } from '../../../src/extension/content/words';

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

  it('send buttons in the guard\'s eight languages, by whole words only', () => {
    for (const name of ['Senden', 'Nachricht senden', 'Envoyer', 'Répondre', 'Enviar', 'Invia', 'Verzenden', 'Publicar', 'Compartilhar', '送信', 'メッセージを送信', '投稿する', 'Post', 'Save', 'Add a comment', 'Kommentieren'])
      expect(isSendButton(el(`<button>${name}</button>`)), name).toBe(true);
    for (const name of ['Sendeschluss', 'Gesendet', 'Bold', 'Fett', 'Emoji', 'Anhängen', 'Abbrechen', 'Posteingang', 'Saved searches', 'キャンセル'])
      expect(isSendButton(el(`<button>${name}</button>`)), name).toBe(false);
  });

  it('word boundaries that hold for accents and Japanese, where \\b does not', () => {
    expect(hasWord('Écrire un message…', PROMPT_WORDS)).toBe(true);
    expect(hasWord('Nachricht schreiben…', PROMPT_WORDS)).toBe(true);
    expect(hasWord('メッセージを入力してください', PROMPT_WORDS)).toBe(true);
    // "é" ends no word: "envoyé" is not "envoy…", "répondre" holds no "pond".
    expect(hasWord('envoyée', SEND_WORDS)).toBe(false);
    expect(hasWord('Einsenden', SEND_WORDS)).toBe(false);
  });

  it('Enter sends in fields named as a message, comment or note in any language, or that say Enter sends', () => {
    for (const hint of ['Nachricht schreiben…', 'Écrire un message', 'Escribe un mensaje', 'Scrivi un messaggio', 'Typ een bericht', 'Escreva uma mensagem', 'メッセージを入力', 'Add a comment'])
      expect(looksLikePrompt(el(`<textarea placeholder="${hint}"></textarea>`) as HTMLTextAreaElement), hint).toBe(true);
    expect(looksLikePrompt(el('<textarea enterkeyhint="send"></textarea>') as HTMLTextAreaElement)).toBe(true);
    document.body.innerHTML = '<label for="n">Nachricht</label><div><input id="n"></div>';
    expect(looksLikePrompt(document.getElementById('n') as HTMLInputElement)).toBe(true);
    expect(looksLikePrompt(el('<textarea placeholder="Adresse"></textarea>') as HTMLTextAreaElement)).toBe(false);
  });

  it('tools are never sends: toggles, pickers, formatting names', () => {
    expect(isTool(el('<button aria-pressed="false">B</button>'))).toBe(true);
    expect(isTool(el('<button aria-haspopup="true">☺</button>'))).toBe(true);
    expect(isTool(el('<button aria-label="Fett"></button>'))).toBe(true);
    expect(isTool(el('<button aria-label="Insert emoji"></button>'))).toBe(true);
    expect(isTool(el('<button aria-label="Send"></button>'))).toBe(false);
    expect(isTool(el('<div role="button"><svg></svg></div>'))).toBe(false);
  });

  it('activations: buttons, clickable divs; not links that lead away, not fields', () => {
    document.body.innerHTML = '<div id="d" onclick="1"><span id="icon">✓</span></div><a id="a" href="/next"><span id="in-a">x</span></a><a id="h" href="#"><i id="in-h">y</i></a><textarea id="t"></textarea><p id="p">text</p>';
    expect(activatableOf(document.getElementById('icon')!)?.id).toBe('d');
    expect(activatableOf(document.getElementById('in-a')!)).toBeUndefined();
    expect(activatableOf(document.getElementById('in-h')!)?.id).toBe('h');
    expect(activatableOf(document.getElementById('t')!)).toBeUndefined();
    expect(activatableOf(document.getElementById('p')!)).toBeUndefined();
  });

  it('a <textarea form="id"> outside its form and a hidden input filled by script are in the form\'s text', () => {
    document.body.innerHTML = '<form id="f"><input type="hidden" id="h" name="h"><input type="hidden" id="empty"><button>Save</button></form><textarea id="outside" form="f"></textarea><textarea id="other"></textarea>';
    (document.getElementById('h') as HTMLInputElement).value = 'filled by the page';
    const ids = formFields(document.getElementById('f') as HTMLFormElement).map((f) => f.id);
    expect(ids).toContain('outside');
    expect(ids).toContain('h');
    expect(ids).not.toContain('empty');
    expect(ids).not.toContain('other');
  });

  it('a composer whose nearest container holds an empty search box: the fields that hold text are taken', () => {
    document.body.innerHTML = '<div><textarea id="msg"></textarea><div class="bar"><input id="search" type="search"><button id="b">➤</button></div></div>';
    (document.getElementById('msg') as HTMLTextAreaElement).value = 'a message';
    expect(composerFields(document.getElementById('b')!).map((f) => f.id)).toEqual(['msg']);
    (document.getElementById('msg') as HTMLTextAreaElement).value = '';
    expect(composerFields(document.getElementById('b')!).map((f) => f.id)).toEqual(['search']);
  });

  it('fields inside shadow roots belong to the composer around them (frames: test/e2e/guard-typed.test.ts)', () => {
    document.body.innerHTML = '<div id="c"><x-editor id="host"></x-editor><p><x-deeper id="deeper"></x-deeper></p><button id="b">Send</button></div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<textarea id="inner"></textarea>';
    const deeper = document.getElementById('deeper')!.attachShadow({ mode: 'open' });
    deeper.innerHTML = '<span><x-in></x-in></span>';
    deeper.querySelector('x-in')!.attachShadow({ mode: 'open' }).innerHTML = '<div contenteditable="true" id="nested"></div>';
    expect(fieldsIn(document.getElementById('c')!).map((f) => f.id)).toEqual(['inner', 'nested']);
  });
});
