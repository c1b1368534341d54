import { fieldsIn, textOf, type Editable } from '../targets';
import { largestEditable, recipientsIn, type WebmailAdapter } from './webmail';

const RECIPIENT = /^(to|cc|bcc|recipients?|an|à|para)\s*:?\s*(recipients?)?$/i;
const SUBJECT = /^(subject|betreff|objet|asunto)\s*:?$/i;
/** How far up from the send button a compose area is looked for. */
const LEVELS = 6;

/** Whether any of the names a field goes by (aria-label, name, placeholder, id, its label) matches. */
const named = (el: Element, name: RegExp): boolean =>
  [el.getAttribute('aria-label'), el.getAttribute('name'), el.getAttribute('placeholder'), el.id, el.id ? el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null]
    .some((s) => s && name.test(s.trim()));

/**
 * Any webmail no adapter knows: a compose area (the send button's form or dialog) with a field labelled To,
 * Cc or Bcc (by aria-label, name, placeholder or label), a subject field, and the largest other editable as
 * the body. Without a recipient field it is not an email, and the prompt or form guards take over.
 */
export const genericWebmail: WebmailAdapter = {
  id: 'generic',
  matches: () => true,
  composeOf(el) {
    let root = el.closest('form, [role="dialog"], [role="form"]') ?? el.parentElement;
    for (let level = 0; root && level < LEVELS; level++, root = root.parentElement) {
      const wells = [...root.querySelectorAll('[aria-label], [name], [placeholder], [id]')].filter((f) => named(f, RECIPIENT));
      if (!wells.length) continue;
      const fields = fieldsIn(root);
      const isRecipient = (f: Editable) => wells.some((w) => w === f || w.contains(f));
      const subjectField = fields.find((f) => named(f, SUBJECT));
      const body = largestEditable(root, (f) => isRecipient(f) || f === subjectField);
      const recipients = [...new Set(wells.flatMap(recipientsIn))];
      return {
        recipients,
        subject: subjectField ? textOf(subjectField) : '',
        body: body ? textOf(body) : '',
        bodyField: body,
        attachments: [...root.querySelectorAll<HTMLInputElement>('input[type="file"]')].flatMap((i) => [...(i.files ?? [])].map((f) => f.name)),
      };
    }
    return undefined;
  },
};
