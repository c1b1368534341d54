import type { Guard } from '../guard';
import { insertText, transferOf } from '../replay';
import { editableOf, origin } from '../targets';
import { clipboardContent } from './paste';

/**
 * Drops of text and files, on fields, editors and upload zones. A drop is always held when it carries files
 * (they must be read); when allowed, the same drop is dispatched again at the same point for the page's own
 * handlers, and text dropped on a plain field is inserted at its caret.
 */
export function guardDrop(guard: Guard, signal: AbortSignal): void {
  addEventListener(
    'dragenter',
    () => guard.warm(),
    { capture: true, signal },
  );
  addEventListener(
    'drop',
    (e) => {
      if (!e.isTrusted || !e.dataTransfer) return;
      const content = clipboardContent(e.dataTransfer);
      if (!content.text.trim() && !content.files?.length) return;
      const share = { channel: 'drop' as const, text: content.text, files: content.files, redactable: !content.files?.length };
      if (guard.decideNow(share)) return;
      content.html = e.dataTransfer.getData('text/html') || undefined;
      e.preventDefault();
      e.stopImmediatePropagation();
      const target = origin(e);
      const at = { clientX: e.clientX, clientY: e.clientY, screenX: e.screenX, screenY: e.screenY };
      void guard.decide(share).then((verdict) => {
        if (!verdict.go || !target) return;
        const delivered = verdict.text === content.text ? content : { text: verdict.text };
        const drop = new DragEvent('drop', { ...at, dataTransfer: transferOf(delivered), bubbles: true, cancelable: true, composed: true });
        const unhandled = target.dispatchEvent(drop);
        const field = editableOf(target);
        if (unhandled && field && delivered.text) insertText(field, delivered.text);
      });
    },
    { capture: true, signal },
  );
}
