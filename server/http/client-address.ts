import { BlockList, isIP } from 'node:net';

/** Addresses and networks (`10.0.0.5`, `10.0.0.0/8`, `::1`) whose X-Forwarded-For we believe. */
export type TrustedProxies = readonly string[];

/** The loopback proxy of the documented set-up (nginx on the same host), trusted when no list is given. */
export const LOOPBACK_PROXIES: TrustedProxies = ['127.0.0.1', '::1'];

/** Why an entry of LOTLINE_TRUSTED_PROXIES is not an address or network, or undefined when it is one. */
export function proxyEntryProblem(entry: string): string | undefined {
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return `'${entry}' is not an IP address or network (a.b.c.d, a.b.c.d/nn, IPv6)`;
  if (bits === undefined) return undefined;
  const prefix = Number(bits);
  if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) return `'${entry}' has an impossible prefix length`;
  return undefined;
}

const unmapped = (address: string) => (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

function blockList(entries: TrustedProxies): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const type = isIP(address!) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  return list;
}

const lists = new WeakMap<TrustedProxies, BlockList>();

export function isTrustedProxy(address: string, trusted: TrustedProxies): boolean {
  const plain = unmapped(address);
  const family = isIP(plain);
  if (!family || trusted.length === 0) return false;
  let list = lists.get(trusted);
  if (!list) lists.set(trusted, (list = blockList(trusted)));
  return list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The caller's address. X-Forwarded-For is believed only when the connection comes from a
 * trusted proxy, and then read from the right: each trusted hop appended the address it saw,
 * so the first address that is not a trusted proxy is the caller. A forged entry further left
 * is never reached; an entry that is not an address stops the walk at the hop that added it.
 */
export function callerAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  if (!peer || !isIP(unmapped(peer))) return 'unknown';
  let caller = unmapped(peer);
  if (!isTrustedProxy(caller, trusted) || !forwardedFor) return caller;
  const hops = forwardedFor.split(',').map((s) => s.trim()).reverse();
  for (const hop of hops) {
    const address = unmapped(hop);
    if (!isIP(address)) return caller;
    caller = address;
    if (!isTrustedProxy(address, trusted)) return caller;
  }
  return caller;
}
