/** Addresses of the events view. Its filters live in the address, so that a link is shareable and back keeps them. */

export type EventsParams = URLSearchParams | Record<string, string>;

/** The events view with these filters: `#/events?user=%3Dhana&category=phi`. */
export const eventsHref = (params: EventsParams): string => {
  const q = new URLSearchParams(params).toString();
  return q ? `#/events?${q}` : '#/events';
};

/** The events of exactly this user, device, destination or rule ("=" asks for the whole value, not a part). */
export const eventsOf = (key: 'user' | 'device' | 'host' | 'rule', value: string): string => eventsHref({ [key]: `=${value}` });

/** The events whose findings carry this keyed hash: other events with the same value. */
export const eventsWithHash = (hash: string): string => eventsHref({ hash });
