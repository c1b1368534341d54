import { textOf } from '../targets';
import { recipientsIn, type WebmailAdapter } from './webmail';

const HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'];

/**
 * Outlook on the web: recipient wells labelled To/Cc/Bcc hold persona chips (address in the title or text),
 * the subject input is labelled "Add a subject", the body is a contenteditable labelled "Message body".
 */
export const outlook: WebmailAdapter = {
  id: 'outlook',
  matches: (host) => HOSTS.includes(host),
  composeOf(el) {
    const root = el.closest('[role="main"], [role="dialog"], form') ?? undefined;
    const body = root?.querySelector<HTMLElement>('[contenteditable="true"][aria-label^="Message body" i]');
    if (!root || !body) return undefined;
    const wells = [...root.querySelectorAll('[aria-label="To"], [aria-label="Cc"], [aria-label="Bcc"], [aria-label^="To recipients" i], [aria-label^="Cc recipients" i]')];
    return {
      recipients: [...new Set(wells.flatMap(recipientsIn))],
      subject: root.querySelector<HTMLInputElement>('input[aria-label="Add a subject" i], input[placeholder="Add a subject" i], input[aria-label="Subject" i]')?.value ?? '',
      body: textOf(body),
      bodyField: body,
      attachments: [...root.querySelectorAll('[role="listitem"][aria-label*="." i][title], [data-attachment-name]')].map((a) => a.getAttribute('data-attachment-name') ?? a.getAttribute('title') ?? ''),
    };
  },
};
