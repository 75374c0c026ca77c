import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '../errors';

/**
 * Printers live on the plant network. A printer registered at a loopback, link-local, multicast
 * or unspecified address would let whoever registers printers make the server talk to itself
 * or to its cloud metadata service over raw TCP; only a development setup (the emulator on
 * 127.0.0.1) needs that, and says so with LOTLINE_ALLOW_LOCAL_PRINTERS=1.
 */
export function localPrintersAllowed(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.LOTLINE_ALLOW_LOCAL_PRINTERS;
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new AppError(500, 'config', `LOTLINE_ALLOW_LOCAL_PRINTERS is '${value}': set it to 1 or 0`);
}

const v4 = (address: string) => address.split('.').map(Number) as [number, number, number, number];

/** Why an address is no place for a printer, or null. */
export function localAddressKind(address: string): string | null {
  const family = isIP(address);
  if (family === 4) {
    const [a, b] = v4(address);
    if (a === 127) return 'loopback';
    if (a === 0) return 'unspecified';
    if (a === 169 && b === 254) return 'link-local';
    if (a >= 224 && a <= 239) return 'multicast';
    if (address === '255.255.255.255') return 'broadcast';
    return null;
  }
  if (family === 6) {
    const lower = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return localAddressKind(mapped[1]!);
    if (lower === '::1') return 'loopback';
    if (lower === '::') return 'unspecified';
    if (/^fe[89ab]/.test(lower)) return 'link-local';
    if (lower.startsWith('ff')) return 'multicast';
    return null;
  }
  return null;
}

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Checks a printer's host as it is registered: an IP address or a DNS name that resolves, and
 * none of its addresses local unless local printers are allowed. Refusals are 400s that say why.
 */
export async function checkPrinterHost(host: string, options: { allowLocal: boolean; resolve?: (host: string) => Promise<string[]> }): Promise<void> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (!isIP(bare) && !HOSTNAME.test(bare)) throw new AppError(400, 'invalid_request', `host: '${host}' is not an IP address or a host name`);
  if (options.allowLocal) return;
  const refuse = (kind: string, address: string) =>
    new AppError(400, 'invalid_request', `host: ${host}${address !== host ? ` (${address})` : ''} is a ${kind} address; printers must be on the plant network (set LOTLINE_ALLOW_LOCAL_PRINTERS=1 for a local emulator)`);
  if (/^localhost$|\.localhost$/i.test(bare)) throw refuse('loopback', bare);
  const addresses = isIP(bare) ? [bare] : await (options.resolve ?? resolveAll)(bare);
  for (const address of addresses) {
    const kind = localAddressKind(address);
    if (kind) throw refuse(kind, address);
  }
}

async function resolveAll(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((a) => a.address);
  } catch (error) {
    throw new AppError(400, 'invalid_request', `host: ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'lookup failed'})`);
  }
}
