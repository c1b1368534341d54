import type { Channel } from '../../core/policy/schema';

/** Something an employee is about to share, as one decision covers it. */
export interface Share {
  channel: Channel;
  /** The text (a paste, a prompt, an email's subject and body); empty when only files go. */
  text: string;
  files?: readonly File[];
  recipients?: readonly string[];
  /** Whether the guard can deliver a redacted version of `text` (a paste or a prompt, not a form of fields). */
  redactable: boolean;
}

/** Go on (with this text, redacted where the employee chose so) or stop. */
export type Verdict = { go: false } | { go: true; text: string };

/** Where content goes: this frame's host; an about:blank or srcdoc frame belongs to the page that made it. */
export function destinationHost(): string {
  if (location.hostname) return location.hostname.toLowerCase();
  try {
    return new URL(self.origin).hostname.toLowerCase();
  } catch {
    return '';
  }
}
