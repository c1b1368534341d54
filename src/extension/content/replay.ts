import { isTextField, type Editable } from './targets';

/**
 * The guard's listeners stop only trusted events (the employee's own actions): events made by script, the
 * page's or the ones the guard dispatches here to deliver allowed content, carry nothing the page does not
 * already hold, and a page cannot fill the audit trail or the screen with forged shares.
 */

export interface ClipboardContent {
  text: string;
  html?: string;
  files?: readonly File[];
}

export function transferOf(content: ClipboardContent): DataTransfer {
  const dt = new DataTransfer();
  if (content.text) dt.setData('text/plain', content.text);
  if (content.html) dt.setData('text/html', content.html);
  for (const f of content.files ?? []) dt.items.add(f);
  return dt;
}

/**
 * Delivers a held paste. Rich editors (ProseMirror, Quill, Lexical, CKEditor, TinyMCE, roosterjs) handle a
 * paste event themselves, so a new paste event with the same data goes through their own code and undo
 * history. Where nobody handles it (a plain field or contenteditable), the browser's own insertText command
 * inserts the text as typing would, with native undo.
 */
export function deliverPaste(target: Element, field: Editable | undefined, content: ClipboardContent): void {
  const event = new ClipboardEvent('paste', { clipboardData: transferOf(content), bubbles: true, cancelable: true, composed: true });
  const unhandled = target.dispatchEvent(event);
  if (unhandled && field && content.text) insertText(field, content.text);
}

/**
 * The browser's insertText command is slow on long text (100 KB into a textarea takes seconds): above this
 * size the text is put in place directly, at the cost of the browser's native undo for that insertion.
 */
const COMMAND_INSERT_MAX = 16 * 1024;

/** Inserts text at the caret the way typing does (input events, native undo), or directly when it is long. */
export function insertText(target: Editable, text: string): void {
  target.focus();
  const doc = target.ownerDocument;
  if (text.length <= COMMAND_INSERT_MAX && doc.execCommand('insertText', false, text)) return;
  if (isTextField(target)) {
    target.setRangeText(text, target.selectionStart ?? target.value.length, target.selectionEnd ?? target.value.length, 'end');
  } else {
    const selection = doc.getSelection();
    const range = selection?.rangeCount ? selection.getRangeAt(0) : doc.createRange();
    if (!selection?.rangeCount) {
      range.selectNodeContents(target);
      range.collapse(false);
    }
    range.deleteContents();
    const lines = text.split('\n');
    const fragment = doc.createDocumentFragment();
    lines.forEach((line, i) => fragment.append(...(i ? [doc.createElement('br')] : []), doc.createTextNode(line)));
    const last = fragment.lastChild;
    range.insertNode(fragment);
    if (last) {
      range.setStartAfter(last);
      range.collapse(true);
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
  }
  target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}

/** Replaces everything in a field with `text` (a redacted prompt), keeping the editor's undo history. */
export function replaceAllText(target: Editable, text: string): void {
  target.focus();
  if (isTextField(target)) target.select();
  else {
    const range = target.ownerDocument.createRange();
    range.selectNodeContents(target);
    const sel = target.ownerDocument.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }
  insertText(target, text);
}
