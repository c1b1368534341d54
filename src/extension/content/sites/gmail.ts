import { textOf } from '../targets';
import { recipientsIn, type WebmailAdapter } from './webmail';

/**
 * Gmail's compose window (a dialog, or inline in a reply): recipients are chips that carry the address in
 * data-hovercard-id or email attributes, the subject is input[name=subjectbox], the body a contenteditable
 * labelled "Message Body", attachments are links labelled "Attachment: name".
 */
export const gmail: WebmailAdapter = {
  id: 'gmail',
  matches: (host) => host === 'mail.google.com',
  composeOf(el) {
    const root = el.closest('[role="dialog"], form, .M9, .ip') ?? undefined;
    const body = root?.querySelector<HTMLElement>('[contenteditable="true"][aria-label="Message Body"], [contenteditable="true"][g_editable="true"]');
    if (!root || !body) return undefined;
    const wells = [...root.querySelectorAll('[name="to"], [name="cc"], [name="bcc"], [aria-label^="To"], [aria-label^="Cc"], [aria-label^="Bcc"]')];
    return {
      recipients: [...new Set(wells.flatMap(recipientsIn))],
      subject: root.querySelector<HTMLInputElement>('input[name="subjectbox"]')?.value ?? '',
      body: textOf(body),
      bodyField: body,
      attachments: [...root.querySelectorAll('[aria-label^="Attachment:"]')].map((a) => a.getAttribute('aria-label')!.replace(/^Attachment:\s*/, '')),
    };
  },
};
