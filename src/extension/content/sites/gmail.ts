import { selectorAdapter } from './webmail';

/**
 * Gmail's compose window (a dialog, or inline in a reply): recipients are chips that carry the address in
 * data-hovercard-id or email attributes, the subject is input[name=subjectbox], the body a contenteditable
 * labelled "Message Body", attachments are links labelled "Attachment: name".
 */
export const gmail = selectorAdapter('gmail', (host) => host === 'mail.google.com', {
  root: '[role="dialog"], form, .M9, .ip',
  body: '[contenteditable="true"][aria-label="Message Body"], [contenteditable="true"][g_editable="true"]',
  wells: '[name="to"], [name="cc"], [name="bcc"], [aria-label^="To"], [aria-label^="Cc"], [aria-label^="Bcc"]',
  subject: 'input[name="subjectbox"]',
  attachmentNames: (root) => [...root.querySelectorAll('[aria-label^="Attachment:"]')].map((a) => a.getAttribute('aria-label')!.replace(/^Attachment:\s*/, '')),
});
