import { hostMatches } from './destinations';
import type { Policy } from './schema';

/** What the guard does with the images of one share: read their text (OCR), and whether one left unread fails. */
export interface ImageReading {
  ocr: boolean;
  /** An image whose text was not read counts as unscannable (the `image` failure), so the failure mode decides. */
  unreadFails: boolean;
}

/**
 * Images bound outside the organisation are the blind spot (a screenshot of a record is text to whoever gets
 * it): they are read by default, and one that cannot be read is not taken for clean. Inside the organisation
 * (a host under internalDomains) nothing leaves it; on an excepted host nothing is checked at all.
 */
export function imageReading(policy: Policy, host: string): ImageReading {
  const h = host.toLowerCase();
  const excepted = policy.exceptions.hosts.some((p) => hostMatches(p, h));
  const internal = policy.internalDomains.some((d) => !d.includes('@') && (h === d || h.endsWith(`.${d}`)));
  const outside = !excepted && !internal;
  return { ocr: !excepted && (policy.readImages === 'always' || (policy.readImages === 'external' && outside)), unreadFails: outside };
}
