import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { LOOPBACK_PROXIES, callerAddress, isTrustedProxy, type TrustedProxies } from './client-address';
import type { AppEnv } from './env';

export interface TransportOptions {
  /** This process terminates TLS itself (--tls-cert/--tls-key). */
  tls: boolean;
  /** A reverse proxy in front terminates TLS and says so in X-Forwarded-Proto / X-Forwarded-For. */
  trustProxy: boolean;
  /** The proxies whose forwarded headers are believed; loopback when not given. */
  trustedProxies?: TrustedProxies | undefined;
}

const proxiesOf = (transport: TransportOptions | undefined): TrustedProxies => (transport?.trustProxy ? (transport.trustedProxies ?? LOOPBACK_PROXIES) : []);

function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // in-process requests (tests) have no socket
  }
}

// Half a year; browsers then refuse plain HTTP to this host, so it is sent only over HTTPS.
const HSTS = 'max-age=15552000';

/** Whether the browser reached us over HTTPS: our own TLS, or a proxy we were told to believe. */
export function isHttps(c: Context, transport: TransportOptions): boolean {
  if (transport.tls) return true;
  if (!transport.trustProxy) return false;
  const peer = peerAddress(c);
  if (!peer || !isTrustedProxy(peer, proxiesOf(transport))) return false;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** The caller's address, for the sign-in limits and the audit trail (see callerAddress). */
export function clientAddress(c: Context, transport: TransportOptions | undefined): string {
  return callerAddress(peerAddress(c), c.req.header('x-forwarded-for'), proxiesOf(transport));
}

/** Strict-Transport-Security on every answer that went out over HTTPS, and never over HTTP. */
export function strictTransport(transport: TransportOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (isHttps(c, transport)) c.header('Strict-Transport-Security', HSTS);
  };
}
