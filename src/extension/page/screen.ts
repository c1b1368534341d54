import { MAX_TEXT, type BridgeAnswer, type BridgeKind } from '../bridge-protocol';
import { readBlobs, splitQuery, type Outgoing } from './body';
import type { Bridge } from './bridge';

/**
 * The one way every API decides a request: first the synchronous path (allowed requests go on at once, inside
 * the call, so that XMLHttpRequest and sendBeacon keep their semantics), then, for a request that must be held,
 * the asynchronous one with its Blobs read. `true`: go on now; otherwise the answer to wait for.
 */
export function screen(bridge: Bridge, url: URL, out: Outgoing, kind: BridgeKind = 'upload'): true | Promise<BridgeAnswer> {
  const { base, query } = splitQuery(url);
  const parts = query ? [...out.parts, query] : out.parts;
  if (!parts.length && !out.blobs.length) return true;
  const id = bridge.id();
  const size = parts.reduce((n, p) => n + ('body' in p ? p.body.length : p.value.length), 0);
  if (bridge.now({ id, url: base, parts, files: out.blobs.length > 0 || size > MAX_TEXT })) return true;
  return readBlobs(out.blobs).then((files) => bridge.ask({ id, kind, url: base, parts: [...parts, ...files] }));
}

/** Only requests that leave the device over the network are checked (not blob:, data: or about: URLs). */
export function networkUrl(input: unknown, base: string, protocols = /^(https?|wss?):$/): URL | undefined {
  try {
    const url = new URL(String(input), base);
    return protocols.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

export const STOPPED = 'stopped by Bulwark, your organization’s data protection';
