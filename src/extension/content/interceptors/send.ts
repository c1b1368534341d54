import type { Guard } from '../guard';
import { destinationHost, type Share } from '../share';
import { replaceAllText } from '../replay';
import { composeAt } from '../sites';
import { activatableOf, buttonOf, composerFields, editableOf, formFields, inGuardUi, isSendButton, isTool, looksLikePrompt, origin, textOf, type Editable } from '../targets';

interface Sending {
  share: Share;
  /** The one field whose text a redaction rewrites before sending. */
  field?: Editable;
}

/** An email when a webmail adapter recognises a compose window around `el`; else the text of `fields`. */
function sendingFrom(guard: Guard, el: Element, fields: readonly Editable[], channel: 'form-submit' | 'prompt-submit'): Sending {
  const compose = composeAt(el, destinationHost());
  if (compose) {
    const attachments = compose.attachments.length ? `\n\n${compose.attachments.join('\n')}` : '';
    return { share: { channel: 'email-send', text: [compose.subject, compose.body].filter(Boolean).join('\n\n') + attachments, recipients: compose.recipients, redactable: false } };
  }
  const holding = fields.filter((f) => textOf(f).trim());
  // One field is sent as it stands (a redaction rewrites it); several as the recipient reads them together.
  if (holding.length === 1) return { share: { channel, text: textOf(holding[0]!), redactable: true }, field: holding[0] };
  return { share: { channel, text: guard.textOfFields(holding.map(textOf)), redactable: false } };
}

const isFormSubmitButton = (b: Element): b is HTMLButtonElement | HTMLInputElement =>
  (b.localName === 'button' || b.localName === 'input') && (b as HTMLButtonElement).type === 'submit' && Boolean((b as HTMLButtonElement).form);

/** The events of one pointer or key activation, in order, from the one the guard held to the click. */
const POINTER_SEQUENCE = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'] as const;
const KEY_SEQUENCE = ['keydown', 'keypress', 'keyup'] as const;
/** A held gesture's later events are swallowed for this long at most (a press held down, then let go elsewhere). */
const GESTURE_MS = 1000;
/** How long the composer found for a control stands: the events of one press come within this. */
const COMPOSER_MEMORY_MS = 500;

/**
 * The moment typed text leaves: a form's submit, Enter (or Ctrl/Cmd+Enter) in a prompt or message field, a
 * Send button's click, an email's send, and any other activation that sends what a composer holds.
 *
 * Recognised gestures (a submit, a button named Send/Post/Senden/送信..., Enter in a field named as a message or
 * prompt) are decided for any content: allowed content goes on untouched inside the event.
 *
 * The general rule, for gestures the guard cannot recognise by name (an icon, "Add a comment", a clickable
 * `<div>`, an app that acts on pointerdown, mousedown or keyup, Enter in a field labelled "Notes"): a trusted
 * activation (pointerdown, mousedown, click, Enter or Space on a control; Enter in a single-line field or a
 * message field) is held and decided as a send when
 *   - it lands on something clickable (a button, role=button, a focusable or pointer-cursor element), not in a
 *     field and not on a link that leads elsewhere (navigation sends nothing the network backstop misses);
 *   - the control is not a tool: formatting toggles (aria-pressed), pickers and menus (aria-haspopup,
 *     aria-expanded: emoji, attach, more), tabs and checkboxes, and controls named Bold, Emoji, Cancel... in
 *     any of the guard's languages;
 *   - and the field watcher's ledger says that policy would stop what the composer around it holds.
 * Harmless content never waits (the ledger answers from what it scanned while the employee typed), and a tool
 * never asks, whatever the composer holds. Held gestures are swallowed to their end (the click, the keyup),
 * so that the app acts on none of their events, and replayed whole after an allow.
 */
export function guardSending(guard: Guard, signal: AbortSignal): void {
  /** The form or control the guard is submitting or activating again after an allow. */
  let passing: EventTarget | undefined;
  /**
   * A key pressed in the guard's own dialog (Enter on Share anyway): it closes the dialog, and its keyup then
   * lands on the page's field, where an app that sends on keyup would send a second time. That keyup is the dialog's.
   */
  let dialogKey: string | undefined;
  /** The rest of a held gesture: its events must not reach the page either. */
  let swallowing: { target: Element; until: number; last: string; ended: () => void } | undefined;
  const again = (target: EventTarget, send: () => void) => {
    passing = target;
    try {
      send();
    } finally {
      passing = undefined;
    }
  };

  const stop = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  /**
   * Holds `e` unless the share may go on at once. `after` delays the decision (and its dialog) to the end of the
   * gesture: a dialog that opened under the pointer at pointerdown would take the pointerup and the click.
   */
  const hold = (e: Event, sending: Sending, resend: () => void, after: () => Promise<void> = () => Promise.resolve()): boolean => {
    const { share, field } = sending;
    if (!share.text.trim() || guard.decideNow(share)) return false;
    stop(e);
    void after()
      .then(() => guard.decide(share))
      .then((verdict) => {
        // The held gesture's own events came before the employee's answer: later ones are theirs again.
        swallowing = undefined;
        if (!verdict.go) return;
        if (field && verdict.text !== share.text) replaceAllText(field, verdict.text);
        resend();
      });
    return true;
  };

  const endGesture = () => {
    swallowing?.ended();
    swallowing = undefined;
  };
  /** Starts swallowing the rest of a gesture; resolves when it ends (its last event, or GESTURE_MS). */
  const swallow = (target: Element, last: string): Promise<void> =>
    new Promise((ended) => {
      endGesture();
      swallowing = { target, last, until: Date.now() + GESTURE_MS, ended };
      setTimeout(ended, GESTURE_MS);
    });

  /** Swallows the later events of a held gesture; true when `e` was one. */
  const swallowed = (e: Event): boolean => {
    if (!swallowing) return false;
    const el = origin(e);
    if (Date.now() > swallowing.until || !el || !(swallowing.target === el || swallowing.target.contains(el) || el.contains(swallowing.target))) {
      if (e.type === 'pointerdown' || e.type === 'keydown') endGesture();
      return false;
    }
    stop(e);
    if (e.type === swallowing.last) endGesture();
    return true;
  };

  /** Dispatches the rest of a gesture again, from the event the guard held. */
  const replay = (target: Element, from: string, init: KeyboardEventInit) => {
    const pointer = (POINTER_SEQUENCE as readonly string[]).includes(from);
    const sequence: readonly string[] = pointer ? POINTER_SEQUENCE : from === 'keyup' ? ['keyup'] : KEY_SEQUENCE;
    again(target, () => {
      for (const type of sequence.slice(Math.max(0, sequence.indexOf(from)))) {
        const base = { bubbles: true, cancelable: true, composed: true };
        if (!pointer) target.dispatchEvent(new KeyboardEvent(type, { ...init, ...base }));
        else if (type === 'click' && target instanceof HTMLElement) target.click();
        else target.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, { ...base, isPrimary: true, pointerType: 'mouse' }) : new MouseEvent(type, base));
      }
      // Enter or Space on a button activates it: its click follows the keys.
      if (!pointer && target instanceof HTMLElement && !editableOf(target)) target.click();
    });
  };

  /** The composer of the control last activated: pointerdown, mousedown and click of one press look once. */
  let lastComposer: { control: Element; at: number; fields: Editable[] } | undefined;
  const composerOf = (control: Element): Editable[] => {
    const now = performance.now();
    if (lastComposer?.control !== control || now - lastComposer.at > COMPOSER_MEMORY_MS) lastComposer = { control, at: now, fields: composerFields(control) };
    return lastComposer.fields;
  };

  /** The general rule (above): an activation on a control whose composer holds what policy would stop. */
  const activation = (e: Event, control: HTMLElement, last: string, init: KeyboardEventInit = {}) => {
    if (passing === control || isTool(control)) return;
    const fields = composerOf(control);
    if (!fields.length || guard.wouldStop(fields) !== true) return;
    const form = isFormSubmitButton(control) ? control.form : control.closest('form');
    const sending = sendingFrom(guard, control, form ? formFields(form) : fields, form ? 'form-submit' : 'prompt-submit');
    hold(e, sending, () => replay(control, e.type, init), e.type === last ? undefined : () => swallow(control, last));
  };

  addEventListener(
    'submit',
    (e) => {
      const form = e.target;
      if (!e.isTrusted || !(form instanceof HTMLFormElement) || passing === form) return;
      const submitter = (e as SubmitEvent).submitter;
      if (submitter && passing === submitter) return;
      hold(e, sendingFrom(guard, submitter ?? form, formFields(form), 'form-submit'), () => again(form, () => form.requestSubmit(submitter)));
    },
    { capture: true, signal },
  );

  for (const type of ['pointerdown', 'mousedown'] as const)
    addEventListener(
      type,
      (e) => {
        if (!e.isTrusted || e.button !== 0 || swallowed(e)) return;
        const control = activatableOf(origin(e));
        if (control) activation(e, control, 'click');
      },
      { capture: true, signal },
    );
  for (const type of ['pointerup', 'mouseup'] as const) addEventListener(type, (e) => e.isTrusted && swallowed(e), { capture: true, signal });

  addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted || swallowed(e) || e.isComposing || e.altKey || e.repeat) return;
      const target = origin(e);
      dialogKey = target && inGuardUi(target) ? e.key : undefined;
      if (!target || dialogKey) return;
      const field = editableOf(target);
      const init: KeyboardEventInit = { key: e.key, code: e.code, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey };
      if (!field) {
        // Enter or Space on a focused control activates it, as a click does.
        const control = (e.key === 'Enter' || e.key === ' ') && !e.shiftKey ? activatableOf(target) : undefined;
        if (control) activation(e, control, 'keyup', init);
        return;
      }
      if (e.key !== 'Enter' || e.shiftKey) return;
      const withModifier = e.ctrlKey || e.metaKey;
      const singleLine = field.localName === 'input';
      // Most Enters start a new line: only a prompt field, or Ctrl/Cmd+Enter, may send (checked before the
      // costlier look for a compose window, since this runs on every Enter). Enter in a single-line field
      // outside a form (a form's is its submit) sends only by the page's own script: decided when the ledger
      // says policy would stop what the field holds.
      const mayText = looksLikePrompt(field) || (withModifier && !singleLine);
      const mayStop = singleLine && !(field as HTMLInputElement).form && guard.wouldStop([field]) === true;
      if (!mayText && !mayStop) return;
      const sending = sendingFrom(guard, field, [field], 'prompt-submit');
      // In an email body, Enter starts a line and Ctrl/Cmd+Enter sends.
      if (sending.share.channel === 'email-send' && !withModifier) return;
      // The keypress and keyup of a held Enter are held too: some apps send on keyup.
      hold(e, sending, () => replay(target, 'keydown', init), () => swallow(target, 'keyup'));
    },
    { capture: true, signal },
  );
  for (const type of ['keypress', 'keyup'] as const)
    addEventListener(
      type,
      (e) => {
        if (!e.isTrusted || swallowed(e)) return;
        const el = origin(e);
        if (type === 'keyup' && e.key === dialogKey && el && !inGuardUi(el)) stop(e);
        if (type === 'keyup') dialogKey = undefined;
      },
      { capture: true, signal },
    );

  addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || swallowed(e)) return;
      const el = origin(e);
      if (!el || inGuardUi(el)) return;
      const button = buttonOf(el);
      if (button && passing !== button && isSendButton(button)) {
        // A form's submit button: the submit listener checks that form.
        if (isFormSubmitButton(button)) return;
        hold(e, sendingFrom(guard, button, composerFields(button), 'prompt-submit'), () => again(button, () => button.click()));
        return;
      }
      const control = activatableOf(el);
      if (control && !isFormSubmitButton(control)) activation(e, control, 'click');
    },
    { capture: true, signal },
  );
}
