/** Finding the element an employee is working in, through shadow roots and editors' nested markup. */

export type Editable = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', '']);

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type));
}

export function isFileInput(el: unknown): el is HTMLInputElement {
  return el instanceof HTMLInputElement && el.type === 'file';
}

/**
 * An element's shadow root, closed ones included: extensions may see into closed roots (chrome.dom in
 * Chromium, openOrClosedShadowRoot in Firefox), and editors in web components often use them.
 */
function shadowRootOf(el: Element): ShadowRoot | null {
  if (el.shadowRoot) return el.shadowRoot;
  const api = globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: HTMLElement): ShadowRoot | null } } };
  const firefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  return el instanceof HTMLElement ? (api.chrome?.dom?.openOrClosedShadowRoot?.(el) ?? null) : null;
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

/** The text field or the contenteditable host (the outermost editable ancestor) that holds `el`. */
export function editableOf(el: Element | undefined): Editable | undefined {
  if (!el) return undefined;
  if (isTextField(el)) return el;
  if (!(el instanceof HTMLElement) || !el.isContentEditable) return undefined;
  let host: HTMLElement = el;
  for (let p = parentOf(host); p instanceof HTMLElement && p.isContentEditable; p = parentOf(p)) host = p;
  return host;
}

const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);

/** What the employee has typed or pasted into a field, as the page would send it. */
export function textOf(el: Editable): string {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el.innerText;
}

const PROMPT_HINT = /\b(prompt|message|ask|chat|reply|send|question|compose|write)\b/i;

/**
 * Whether Enter in this field sends (a chat or AI prompt) rather than starting a new line: fields that describe
 * themselves as a message or prompt (a single-line input in a form submits the form, which is guarded as such).
 */
export function looksLikePrompt(el: Editable): boolean {
  if (el instanceof HTMLInputElement && el.form) return false;
  const hints = [el.getAttribute('placeholder'), el.getAttribute('aria-label'), el.getAttribute('data-placeholder'), el.id, el.getAttribute('name')];
  return hints.some((h) => h && PROMPT_HINT.test(h.replace(/[-_]/g, ' ')));
}

const SEND_WORDS = /^(send|submit|post|reply|ask|go|run|share|upload|send message|send prompt)\b/i;

/** A button that sends what its composer holds: named Send, Submit, Post... by text, label, title or test id. */
export function isSendButton(el: Element): boolean {
  const label = [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('data-tooltip'), el.getAttribute('data-testid')?.replace(/[-_]/g, ' '), (el as HTMLElement).innerText]
    .map((s) => s?.trim())
    .find((s) => s);
  return Boolean(label && SEND_WORDS.test(label));
}

/** The clickable element (button, role=button, submit input) that an event's origin belongs to. */
export function buttonOf(el: Element | undefined): HTMLElement | undefined {
  const b = el?.closest('button, [role="button"], input[type="submit"], input[type="button"]');
  return b instanceof HTMLElement ? b : undefined;
}

/**
 * The composer a send button belongs to: the editable fields of its form, or else of the nearest ancestor
 * (up to six levels) that holds one.
 */
export function composerFields(button: Element): Editable[] {
  const form = (button as HTMLButtonElement).form ?? button.closest('form');
  if (form) return fieldsIn(form);
  let scope: Element | null = button.parentElement;
  for (let i = 0; scope && i < 6; i++, scope = scope.parentElement) {
    const fields = fieldsIn(scope);
    if (fields.length) return fields;
  }
  return [];
}

export function fieldsIn(root: ParentNode): Editable[] {
  const out: Editable[] = [];
  for (const el of root.querySelectorAll('textarea, input, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]')) {
    const e = editableOf(el);
    if (e && !out.includes(e) && !(e instanceof HTMLInputElement && e.type === 'password')) out.push(e);
  }
  return out;
}
