import type { Guard } from '../guard';
import { destinationHost, type Share } from '../share';
import { replaceAllText } from '../replay';
import { composeAt } from '../sites';
import { buttonOf, composerFields, editableOf, fieldsIn, isSendButton, looksLikePrompt, origin, textOf, type Editable } from '../targets';

interface Sending {
  share: Share;
  /** The one field whose text a redaction rewrites before sending. */
  field?: Editable;
}

/** An email when a webmail adapter recognises a compose window around `el`; else the text of `fields`. */
function sendingFrom(el: Element, fields: readonly Editable[], channel: 'form-submit' | 'prompt-submit'): Sending {
  const compose = composeAt(el, destinationHost());
  if (compose) {
    const attachments = compose.attachments.length ? `\n\n${compose.attachments.join('\n')}` : '';
    return { share: { channel: 'email-send', text: [compose.subject, compose.body].filter(Boolean).join('\n\n') + attachments, recipients: compose.recipients, redactable: false } };
  }
  const texts = fields.map(textOf).filter((t) => t.trim());
  return { share: { channel, text: texts.join('\n'), redactable: texts.length === 1 }, field: texts.length === 1 ? fields.find((f) => textOf(f).trim()) : undefined };
}

/**
 * The moment typed text leaves: a form's submit, Enter (or Ctrl/Cmd+Enter) in a prompt or message field, a
 * Send button's click, an email's send. What was typed is checked then, not only what was pasted. Allowed
 * sends go on untouched when decided inside the event; held ones are sent again by the same route.
 */
export function guardSending(guard: Guard, signal: AbortSignal): void {
  /** The form or button the guard is submitting or clicking again after an allow. */
  let passing: EventTarget | undefined;
  const again = (target: EventTarget, send: () => void) => {
    passing = target;
    try {
      send();
    } finally {
      passing = undefined;
    }
  };

  const hold = (e: Event, sending: Sending, resend: () => void) => {
    const { share, field } = sending;
    if (!share.text.trim() || guard.decideNow(share)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    void guard.decide(share).then((verdict) => {
      if (!verdict.go) return;
      if (field && verdict.text !== share.text) replaceAllText(field, verdict.text);
      resend();
    });
  };

  addEventListener(
    'submit',
    (e) => {
      const form = e.target;
      if (!e.isTrusted || !(form instanceof HTMLFormElement) || passing === form) return;
      const submitter = (e as SubmitEvent).submitter;
      hold(e, sendingFrom(submitter ?? form, fieldsIn(form), 'form-submit'), () => again(form, () => form.requestSubmit(submitter)));
    },
    { capture: true, signal },
  );

  addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted || e.key !== 'Enter' || e.isComposing || e.shiftKey || e.altKey || e.repeat) return;
      const target = origin(e);
      const field = editableOf(target);
      if (!target || !field) return;
      const withModifier = e.ctrlKey || e.metaKey;
      // Most Enters start a new line: only a prompt field, or Ctrl/Cmd+Enter, may send (checked before the
      // costlier look for a compose window, since this runs on every Enter).
      if (!looksLikePrompt(field) && !(withModifier && !(field instanceof HTMLInputElement))) return;
      const sending = sendingFrom(field, [field], 'prompt-submit');
      // In an email body, Enter starts a line and Ctrl/Cmd+Enter sends.
      if (sending.share.channel === 'email-send' && !withModifier) return;
      const init: KeyboardEventInit = { key: 'Enter', code: 'Enter', ctrlKey: e.ctrlKey, metaKey: e.metaKey, bubbles: true, cancelable: true, composed: true };
      hold(e, sending, () => target.dispatchEvent(new KeyboardEvent('keydown', init)));
    },
    { capture: true, signal },
  );

  addEventListener(
    'click',
    (e) => {
      const button = buttonOf(origin(e));
      if (!e.isTrusted || !button || passing === button || !isSendButton(button)) return;
      // A form's submit button: the submit listener checks that form.
      if ((button instanceof HTMLButtonElement || button instanceof HTMLInputElement) && button.type === 'submit' && button.form) return;
      hold(e, sendingFrom(button, composerFields(button), 'prompt-submit'), () => again(button, () => button.click()));
    },
    { capture: true, signal },
  );
}
