import type { Guard } from '../guard';
import { deliverPaste, type ClipboardContent } from '../replay';
import { keepSelection } from '../selection';
import { editableOf, origin } from '../targets';

/**
 * Paste into anything: fields, contenteditable, rich editors, and pages that read the clipboard themselves.
 * Small text is decided inside the event (it goes on untouched when policy allows); otherwise the paste is
 * held and delivered afterwards, as it was or redacted, through the editor's own paste handling.
 */
export function guardPaste(guard: Guard, signal: AbortSignal): void {
  addEventListener(
    'paste',
    (e) => {
      if (!e.isTrusted || !e.clipboardData) return;
      const data = e.clipboardData;
      const content = clipboardContent(data);
      if (!content.text.trim() && !content.files?.length) return;
      const share = { channel: 'paste' as const, text: content.text, files: content.files, redactable: true };
      if (guard.decideNow(share)) return;
      content.html = data.getData('text/html') || undefined;
      e.preventDefault();
      e.stopImmediatePropagation();
      const target = origin(e);
      const selection = keepSelection(target);
      void guard.decide(share).then(async (verdict) => {
        if (!verdict.go || !target) return;
        await selection.restore();
        deliverPaste(target, editableOf(target), verdict.text === content.text ? content : { text: verdict.text });
      });
    },
    { capture: true, signal },
  );
}

/** Plain text and files; the HTML is read only when the share is held (it is long, and only delivery needs it). */
export function clipboardContent(data: DataTransfer): ClipboardContent {
  let text = data.getData('text/plain');
  // Some sources put only HTML on the clipboard: its text is what a rich editor would insert.
  if (!text) {
    const html = data.getData('text/html');
    if (html) text = new DOMParser().parseFromString(html, 'text/html').body.innerText ?? '';
  }
  return { text, files: [...data.files] };
}
