import { selectorAdapter } from './webmail';

const HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'];

/**
 * Outlook on the web: recipient wells labelled To/Cc/Bcc hold persona chips (address in the title or text),
 * the subject input is labelled "Add a subject", the body is a contenteditable labelled "Message body".
 */
export const outlook = selectorAdapter('outlook', (host) => HOSTS.includes(host), {
  root: '[role="main"], [role="dialog"], form',
  body: '[contenteditable="true"][aria-label^="Message body" i]',
  wells: '[aria-label="To"], [aria-label="Cc"], [aria-label="Bcc"], [aria-label^="To recipients" i], [aria-label^="Cc recipients" i]',
  subject: 'input[aria-label="Add a subject" i], input[placeholder="Add a subject" i], input[aria-label="Subject" i]',
  attachmentNames: (root) => [...root.querySelectorAll('[role="listitem"][aria-label*="." i][title], [data-attachment-name]')].map((a) => a.getAttribute('data-attachment-name') ?? a.getAttribute('title') ?? ''),
});
