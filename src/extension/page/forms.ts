import type { Bridge } from './bridge';
import { networkUrl } from './screen';

/**
 * form.submit() fires no submit event, and requestSubmit() (or a submit button's click() from script) fires
 * one that is not trusted, which the content guard's submit listener leaves alone: both navigate with the
 * form's fields. The content script reads the fields itself (form.elements: a <textarea form="id"> outside the
 * form, hidden inputs filled by script); an allowed form goes on inside the call, a held one after an allow.
 */
export function hookForms(win: Window & typeof globalThis, bridge: Bridge): void {
  const proto = win.HTMLFormElement.prototype;
  const passing = new WeakSet<HTMLFormElement>();
  /** Runs `go` now when the form may go, after an allow when it must be held, never when it is stopped. */
  const held = (form: HTMLFormElement, go: () => void): void => {
    const id = bridge.id();
    if (bridge.nowForm(form, id)) return go();
    const action = networkUrl(form.getAttribute('action') ?? '', win.document.baseURI) ?? new URL(win.document.baseURI);
    void bridge.ask({ id, kind: 'form', url: action.origin + action.pathname, parts: [] }).then((answer) => {
      if (!answer.go) return;
      passing.add(form);
      try {
        go();
      } finally {
        passing.delete(form);
      }
    });
  };
  const guard = <A extends unknown[]>(original: (this: HTMLFormElement, ...args: A) => void) =>
    function (this: HTMLFormElement, ...args: A): void {
      if (passing.has(this)) return original.apply(this, args);
      held(this, () => original.apply(this, args));
    };
  proto.submit = guard(proto.submit);
  proto.requestSubmit = guard(proto.requestSubmit);

  // A submit button clicked by script submits its form as requestSubmit(button) does: decided before the click.
  // Wrapped on HTMLElement (click lives there): touching HTMLButtonElement would build its interface at every page load.
  const click = win.HTMLElement.prototype.click;
  win.HTMLElement.prototype.click = function (this: HTMLElement) {
    const form = (this.localName === 'button' || this.localName === 'input') && (this as HTMLButtonElement).type === 'submit' && !(this as HTMLButtonElement).disabled ? (this as HTMLButtonElement).form : null;
    if (!form || passing.has(form)) return click.call(this);
    held(form, () => click.call(this));
  };
}
