import { editableOf, isTextField } from './targets';

/**
 * Remembers where the caret was when a share was held, so that content delivered after a dialog lands where
 * the employee meant it. Editors read the DOM selection on selectionchange, which fires asynchronously: after
 * restoring, wait for it before delivering.
 */
export function keepSelection(target: Element | undefined): { restore: () => Promise<void> } {
  const field = editableOf(target);
  if (field && isTextField(field)) {
    const [start, end] = [field.selectionStart, field.selectionEnd];
    return {
      restore: async () => {
        field.focus();
        if (start !== null && end !== null) field.setSelectionRange(start, end);
      },
    };
  }
  const selection = target?.ownerDocument.getSelection();
  const range = selection && selection.rangeCount ? selection.getRangeAt(0).cloneRange() : undefined;
  return {
    restore: async () => {
      if (!field) return;
      field.focus();
      if (range && selection) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
      await new Promise((r) => setTimeout(r, 30));
    },
  };
}
