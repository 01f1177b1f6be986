import { networkInterfaces } from 'node:os';

/** A Host header as browsers send it: a name or an IPv4 address, or an IPv6 address in brackets, with an optional port. */
const HOST = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::\d{1,5})?$/i;

/**
 * The names the hub answers to. A web page on another name that resolves to this PC (DNS
 * rebinding) must not reach the hub through a browser here, so a request is served only when its
 * Host is the address the hub is bound to, this PC's loopback names, a name the hall configured
 * (--allowed-host), or, on a hub bound to every address (0.0.0.0 or ::), one of this PC's
 * addresses as they are now.
 */
export function hostCheck(bindHost: string, allowedHosts: readonly string[]): (host: string | undefined) => boolean {
  const names = new Set(['localhost', '127.0.0.1', '::1', bindHost, ...allowedHosts].map((n) => n.toLowerCase()));
  const everyAddress = bindHost === '0.0.0.0' || bindHost === '::';
  return (host) => {
    const m = HOST.exec(host ?? '');
    const name = (m?.[1] ?? m?.[2])?.toLowerCase();
    if (!name) return false;
    if (names.has(name)) return true;
    return everyAddress && Object.values(networkInterfaces()).some((addresses) => addresses?.some((a) => a.address.toLowerCase() === name));
  };
}
