import { genericWebmail } from './generic-webmail';
import { gmail } from './gmail';
import { outlook } from './outlook';
import type { Compose } from './webmail';

/** Site adapters first, the generic one last: the first that recognises a compose window answers. */
const ADAPTERS = [gmail, outlook, genericWebmail];

export function composeAt(el: Element, host: string): Compose | undefined {
  for (const a of ADAPTERS) {
    if (!a.matches(host)) continue;
    const c = a.composeOf(el);
    if (c) return c;
  }
  return undefined;
}

export type { Compose } from './webmail';
