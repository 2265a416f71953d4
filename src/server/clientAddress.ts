// Whose request it is, for limits kept per visitor: the socket's peer, or, when that peer is a reverse proxy the
// service named in TRUST_PROXY, the client the proxy says it forwarded (X-Forwarded-For). A header from anyone else
// is ignored: any client can write one.
import { BlockList, isIP } from 'node:net';

/** The proxies whose X-Forwarded-For is believed: addresses or CIDR ranges ("10.0.0.5", "10.0.0.0/8", "::1"). */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly empty: boolean;

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address, prefix] = entry.split('/');
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(prefix), family);
    }
    this.empty = entries.length === 0;
  }

  has(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }
}

/** Whether a TRUST_PROXY entry is an address or a CIDR range. */
export function isProxyEntry(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits >= 0 && bits <= (family === 6 ? 128 : 32);
}

/** The address as IPv4 when a dual-stack socket wrote an IPv4 client as IPv6 ("::ffff:10.0.0.5"): the same client. */
export const plainAddress = (address: string): string =>
  address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

/**
 * The client: the peer, unless the peer is a trusted proxy; then the nearest address in X-Forwarded-For (read from
 * the right, past further trusted proxies) that is not one. A malformed header leaves the proxy's own address.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string {
  const socketAddress = plainAddress(peer ?? '');
  if (trusted.empty || !trusted.has(socketAddress) || !forwardedFor) return socketAddress;
  const hops = forwardedFor.split(',').map((hop) => plainAddress(hop.trim()));
  if (hops.some((hop) => isIP(hop) === 0)) return socketAddress;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    if (!trusted.has(hops[index])) return hops[index];
  }
  return hops[0];
}
