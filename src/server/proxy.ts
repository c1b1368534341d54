import { BlockList, isIP } from 'node:net';

/**
 * Which reverse proxies are believed, and what they say about the client. X-Forwarded-For/-Proto/-Host are
 * headers anybody can send: they count only when the peer of the TCP connection is a configured proxy.
 */
export class ProxyTrust {
  private readonly list = new BlockList();
  private readonly any: boolean;

  /** `trusted`: addresses and CIDR ranges, IPv4 or IPv6 ("10.0.0.0/8", "::1", "fd00::/8"). */
  constructor(
    trusted: readonly string[] = [],
    readonly publicOrigin?: string,
  ) {
    for (const entry of trusted) {
      const range = parseRange(entry);
      if (!range) throw new Error(`not an address or CIDR range: ${entry}`);
      this.list.addSubnet(range.address, range.prefix, range.family);
    }
    this.any = trusted.length > 0;
  }

  trusts(address: string | undefined): boolean {
    const a = address && normalizeAddress(address);
    if (!a || !this.any) return false;
    const family = isIP(a);
    return family !== 0 && this.list.check(a, family === 4 ? 'ipv4' : 'ipv6');
  }

  /**
   * The client's address: the peer's, or behind trusted proxies the right-most address in X-Forwarded-For that
   * is not a trusted proxy (everything left of it was written by the client and may be anything).
   */
  clientAddress(peer: string | undefined, forwardedFor: string | undefined): string {
    const direct = normalizeAddress(peer ?? '') || 'unknown';
    if (!forwardedFor || !this.trusts(direct)) return direct;
    const hops = forwardedFor.split(',').map((h) => normalizeAddress(h.trim())).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) if (!this.trusts(hops[i])) return hops[i]!;
    return hops[0] ?? direct;
  }

  /**
   * The origin browsers use for this service: the configured public origin, else the request's own as the
   * trusted proxy saw it (X-Forwarded-Proto/-Host), else as this server saw it.
   */
  origin(requestUrl: string, peer: string | undefined, forwarded: { proto?: string; host?: string }): string {
    if (this.publicOrigin) return this.publicOrigin;
    const own = new URL(requestUrl);
    if (!this.trusts(peer)) return own.origin;
    const proto = first(forwarded.proto)?.toLowerCase();
    const host = first(forwarded.host);
    const scheme = proto === 'https' || proto === 'http' ? proto : own.protocol.slice(0, -1);
    try {
      return new URL(`${scheme}://${host ?? own.host}`).origin;
    } catch {
      return own.origin;
    }
  }
}

/** The first of a comma-separated header's values (the one the outermost proxy set). */
const first = (value: string | undefined): string | undefined => value?.split(',')[0]?.trim() || undefined;

/** An address as written in a socket or a header: brackets, a port and the IPv4-mapped IPv6 prefix taken off. */
export function normalizeAddress(text: string): string {
  let a = text.trim();
  const bracketed = a.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.replace(/:\d+$/, '');
  const mapped = a.match(/^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i);
  return (mapped ? mapped[1]! : a).toLowerCase();
}

/** "10.0.0.0/8", "fd00::/8" or a single address; undefined when it is neither. */
export function parseRange(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [raw, bits, ...rest] = entry.trim().split('/');
  if (rest.length || !raw) return undefined;
  const address = normalizeAddress(raw);
  const family = isIP(address);
  if (!family) return undefined;
  const max = family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return undefined;
  return { address, prefix, family: family === 4 ? 'ipv4' : 'ipv6' };
}
