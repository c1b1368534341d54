/** Finding the element an employee is working in, through shadow roots, same-origin frames and editors' markup. */
import { hasWord, PROMPT_WORDS, SEND_WORDS, TOOL_WORDS } from './words';

export type Editable = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', '']);

// Elements of a same-origin child frame belong to another realm, where `instanceof HTMLInputElement` is false:
// the checks below go by tag name.
const isInput = (el: Element): el is HTMLInputElement => el.localName === 'input';
const isTextarea = (el: Element): el is HTMLTextAreaElement => el.localName === 'textarea';

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return isTextarea(el) || (isInput(el) && TEXT_INPUTS.has(el.type));
}

export function isFileInput(el: unknown): el is HTMLInputElement {
  return el instanceof HTMLInputElement && el.type === 'file';
}

/**
 * An element's shadow root, closed ones included: extensions may see into closed roots (chrome.dom in
 * Chromium, openOrClosedShadowRoot in Firefox), and editors in web components often use them.
 */
export function shadowRootOf(el: Element): ShadowRoot | null {
  if (el.shadowRoot) return el.shadowRoot;
  const api = globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: HTMLElement): ShadowRoot | null } } };
  const firefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  try {
    return api.chrome?.dom?.openOrClosedShadowRoot?.(el as HTMLElement) ?? null;
  } catch {
    return null; // not an HTMLElement of this realm (an SVG node)
  }
}

/**
 * The innermost element an event started at. Open shadow roots are in the event's path; a closed one shows
 * only its host, and the element inside that has focus is the one the employee works in.
 */
export function origin(event: Event): Element | undefined {
  const first = event.composedPath()[0];
  let el = first instanceof Element ? first : first instanceof Text ? (first.parentElement ?? undefined) : undefined;
  for (let root = el && shadowRootOf(el); el && root?.activeElement; root = shadowRootOf(el)) el = root.activeElement;
  return el;
}

const isEditableHost = (el: Element | null): el is HTMLElement => Boolean(el && (el as HTMLElement).isContentEditable);

/** The text field or the contenteditable host (the outermost editable ancestor) that holds `el`. */
export function editableOf(el: Element | undefined): Editable | undefined {
  if (!el) return undefined;
  if (isTextField(el)) return el;
  if (!isEditableHost(el)) return undefined;
  let host: HTMLElement = el;
  for (let p = parentOf(host); isEditableHost(p); p = parentOf(p)) host = p;
  return host;
}

const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);

/** What the employee has typed or pasted into a field, as the page would send it. */
export function textOf(el: Editable): string {
  return isTextarea(el) || isInput(el) ? el.value : el.innerText;
}

/** A field's own words: placeholder, label, name, id, and the text of the labels that point at it. */
function hintsOf(el: Editable): string[] {
  const hints = [el.getAttribute('placeholder'), el.getAttribute('aria-label'), el.getAttribute('data-placeholder'), el.getAttribute('title'), el.id, el.getAttribute('name')];
  for (const label of (el as HTMLInputElement).labels ?? []) hints.push(label.textContent);
  for (const id of el.getAttribute('aria-labelledby')?.split(/\s+/) ?? []) hints.push(el.ownerDocument.getElementById(id)?.textContent ?? null);
  return hints.filter((h): h is string => Boolean(h)).map((h) => h.replace(/[-_]/g, ' '));
}

/**
 * Whether Enter in this field sends (a chat or AI prompt, a comment or note box) rather than starting a new
 * line: fields that describe themselves so, in any of the guard's languages, or that tell the keyboard that
 * Enter sends. A single-line input in a form submits the form, which is guarded as such.
 */
export function looksLikePrompt(el: Editable): boolean {
  if (isInput(el) && el.form) return false;
  if (/^(send|go|search|done)$/.test(el.getAttribute('enterkeyhint') ?? '')) return true;
  return hintsOf(el).some((h) => hasWord(h, PROMPT_WORDS));
}

/** Labels longer than this are sentences around a control (a card), not the name of a button. */
const BUTTON_LABEL_MAX = 40;

/** A control's name as a screen reader would read it, in the order a page most often sets it. */
function nameOf(el: Element): string | undefined {
  const testId = el.getAttribute('data-testid') ?? el.getAttribute('data-test-id');
  return [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('data-tooltip'), (el as HTMLInputElement).value && isInput(el) ? (el as HTMLInputElement).value : null, (el as HTMLElement).innerText, testId?.replace(/[-_]/g, ' ')]
    .map((s) => s?.trim())
    .find((s) => s);
}

/**
 * A button that sends what its composer holds, named Send, Post, Save, Reply, Comment... in any of the guard's
 * languages (Senden, Envoyer, Enviar, 送信...), by text, label, title or test id.
 */
export function isSendButton(el: Element): boolean {
  const name = nameOf(el);
  return Boolean(name && name.length <= BUTTON_LABEL_MAX && hasWord(name, SEND_WORDS) && !hasWord(name, TOOL_WORDS));
}

/** The clickable element (button, role=button, submit input) that an event's origin belongs to. */
export function buttonOf(el: Element | undefined): HTMLElement | undefined {
  const b = el?.closest('button, [role="button"], input[type="submit"], input[type="button"], input[type="image"]');
  return b instanceof HTMLElement ? b : undefined;
}

/** How many ancestors an activation climbs to find a clickable `<div>` or `<span>` around an icon. */
const CLICKABLE_DEPTH = 4;

/**
 * The element an activation (pointer or key) works on when the page did not mark it as a button: the nearest
 * ancestor that is focusable, has an inline handler, or shows the pointer cursor (a clickable `<div>`). Links
 * that lead somewhere are navigation, and fields are where typing happens: neither is an activation.
 */
export function activatableOf(el: Element | undefined): HTMLElement | undefined {
  if (!el || editableOf(el) || inGuardUi(el)) return undefined;
  const button = buttonOf(el);
  if (button) return button;
  for (let e: Element | null = el, i = 0; e && i < CLICKABLE_DEPTH && e.localName !== 'body'; e = e.parentElement, i++) {
    if (e.localName === 'a') return leadsSomewhere(e as HTMLAnchorElement) ? undefined : (e as HTMLElement);
    if (e.hasAttribute('onclick') || e.hasAttribute('tabindex') || e.ownerDocument.defaultView?.getComputedStyle(e).cursor === 'pointer') return e as HTMLElement;
  }
  return undefined;
}

/** The guard's own dialog and markers (elements named bulwark-*): pressing their buttons sends nothing. */
export function inGuardUi(el: Element): boolean {
  for (let e: Element | null = el; e; e = parentOf(e)) if (e.localName.startsWith('bulwark-')) return true;
  return false;
}

const leadsSomewhere = (a: HTMLAnchorElement): boolean => {
  const href = a.getAttribute('href');
  return Boolean(href && !href.startsWith('#') && !href.startsWith('javascript:'));
};

const TOOL_ROLES = new Set(['tab', 'checkbox', 'switch', 'radio', 'option', 'combobox', 'menuitemcheckbox', 'menuitemradio', 'slider', 'spinbutton', 'treeitem', 'link']);

/**
 * A control that works on the composer instead of sending it: formatting (Bold, which toggles: aria-pressed),
 * pickers and menus (emoji, attach, more: they open something, aria-haspopup/aria-expanded), tabs and
 * checkboxes, Reset, a file chooser's label, and controls named so (Bold, Emoji, Anhängen, Cancel...).
 */
export function isTool(el: Element): boolean {
  if (el.hasAttribute('aria-pressed') || el.hasAttribute('aria-haspopup') || el.hasAttribute('aria-expanded')) return true;
  if (TOOL_ROLES.has(el.getAttribute('role') ?? '')) return true;
  if ((el as HTMLButtonElement).type === 'reset' || el.closest('label')?.querySelector('input[type="file"]')) return true;
  const name = nameOf(el);
  return Boolean(name && name.length <= BUTTON_LABEL_MAX && hasWord(name, TOOL_WORDS) && !hasWord(name, SEND_WORDS));
}

/** How far up from a send button the guard looks for the fields it sends. */
const COMPOSER_DEPTH = 6;

/**
 * The composer a send button belongs to: the fields of its form, or else of the nearest ancestor (up to six
 * levels) whose fields hold text, looking into shadow roots and same-origin frames. An empty search box
 * nearer to the button than the message does not stand in for it; where no field holds text, the nearest.
 */
export function composerFields(button: Element): Editable[] {
  const form = (button as HTMLButtonElement).form ?? button.closest('form');
  if (form) return formFields(form);
  let nearest: Editable[] = [];
  let scope: Element | null = parentOf(button);
  for (let i = 0; scope && i < COMPOSER_DEPTH; i++, scope = parentOf(scope)) {
    const fields = fieldsIn(scope);
    if (!nearest.length) nearest = fields;
    const holding = fields.filter((f) => textOf(f).trim());
    if (holding.length) return holding;
  }
  return nearest;
}

/**
 * What a form sends: its controls wherever they stand (`<textarea form="id">` outside it), hidden inputs a
 * script filled, and the editors inside it. Passwords stay out: they are the employee's own.
 */
export function formFields(form: HTMLFormElement): Editable[] {
  const out = fieldsIn(form);
  for (const el of form.elements) {
    const hidden = isInput(el) && el.type === 'hidden' && el.value.trim();
    if ((hidden || isTextField(el)) && !out.includes(el as Editable) && (el as HTMLInputElement).type !== 'password') out.push(el as Editable);
  }
  return out;
}

const FIELD_SELECTOR = 'textarea, input, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';
/** Elements looked at for shadow roots and frames in one composer: a composer is small, a whole page is not. */
const WALK_MAX = 3000;

/** The editable fields under `root`: in its shadow roots (closed ones too) and same-origin frames as well. */
export function fieldsIn(root: ParentNode): Editable[] {
  const out: Editable[] = [];
  const add = (el: Element) => {
    const e = editableOf(el);
    if (e && !out.includes(e) && !(isInput(e) && e.type === 'password')) out.push(e);
  };
  const visit = (node: ParentNode, budget: { left: number }) => {
    for (const el of node.querySelectorAll(FIELD_SELECTOR)) add(el);
    for (const el of node.querySelectorAll('*')) {
      if (--budget.left < 0) return;
      // Closed roots hang on custom elements (web components); asking the browser for every <div> would cost.
      const shadow = el.shadowRoot ?? (el.localName.includes('-') ? shadowRootOf(el) : null);
      if (shadow) visit(shadow, budget);
      if (el.localName === 'iframe') {
        const doc = sameOriginDocument(el as HTMLIFrameElement);
        if (doc?.body) {
          if (doc.designMode === 'on') add(doc.body);
          visit(doc.body, budget);
        }
      }
    }
  };
  visit(root, { left: WALK_MAX });
  return out;
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}
