import { fieldsIn, textOf, type Editable } from '../targets';

/** An email about to be sent: everything that policy weighs together. */
export interface Compose {
  recipients: string[];
  subject: string;
  body: string;
  attachments: string[];
  bodyField?: Editable;
}

/** Knows one webmail's compose window; `composeOf` answers for a send button or the body, else undefined. */
export interface WebmailAdapter {
  id: string;
  matches(host: string): boolean;
  composeOf(el: Element): Compose | undefined;
}

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

export function emailsIn(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const m of t?.matchAll(EMAIL) ?? []) out.add(m[0].toLowerCase());
  return [...out];
}

/** Email addresses carried by recipient chips: in attributes (Gmail's data-hovercard-id, email, title) and text. */
export function recipientsIn(root: Element): string[] {
  const texts: string[] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const a of ['email', 'data-hovercard-id', 'title', 'aria-label', 'value', 'data-email']) texts.push(el.getAttribute(a) ?? '');
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) texts.push(el.value);
    else if (!el.children.length) texts.push(el.textContent ?? '');
  }
  return emailsIn(...texts);
}

/** The body: the largest editable in the compose window that is not a recipient or subject field. */
export function largestEditable(root: Element, except: (el: Editable) => boolean): Editable | undefined {
  let best: Editable | undefined;
  for (const f of fieldsIn(root)) if (!except(f) && textOf(f).length >= (best ? textOf(best).length : 0) && (f.tagName !== 'INPUT' || !best)) best = f;
  return best;
}

/** Where a webmail keeps the parts of its compose window, as CSS selectors. */
export interface ComposeSelectors {
  /** The compose window, looked for from the send button or the body upwards. */
  root: string;
  body: string;
  /** The recipient wells (To, Cc, Bcc): addresses are read from their chips' attributes and text. */
  wells: string;
  subject: string;
  attachmentNames(root: Element): string[];
}

/** An adapter for a webmail whose compose window these selectors describe. */
export function selectorAdapter(id: string, matches: (host: string) => boolean, at: ComposeSelectors): WebmailAdapter {
  return {
    id,
    matches,
    composeOf(el) {
      const root = el.closest(at.root);
      const body = root?.querySelector<HTMLElement>(at.body);
      if (!root || !body) return undefined;
      return {
        recipients: [...new Set([...root.querySelectorAll(at.wells)].flatMap(recipientsIn))],
        subject: root.querySelector<HTMLInputElement>(at.subject)?.value ?? '',
        body: textOf(body),
        bodyField: body,
        attachments: at.attachmentNames(root),
      };
    },
  };
}
