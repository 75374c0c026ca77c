import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './env';

export interface TransportOptions {
  /** This process terminates TLS itself (--tls-cert/--tls-key). */
  tls: boolean;
  /** A reverse proxy in front terminates TLS and says so in X-Forwarded-Proto / X-Forwarded-For. */
  trustProxy: boolean;
}

// Half a year; browsers then refuse plain HTTP to this host, so it is sent only over HTTPS.
const HSTS = 'max-age=15552000';

/** Whether the browser reached us over HTTPS: our own TLS, or a proxy we were told to believe. */
export function isHttps(c: Context, transport: TransportOptions): boolean {
  if (transport.tls) return true;
  if (!transport.trustProxy) return false;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * The caller's address, for the sign-in rate limit and the audit trail. Behind a trusted proxy
 * every connection comes from the proxy, so the address the proxy appended last is the caller.
 */
export function clientAddress(c: Context, transport: TransportOptions | undefined): string {
  if (transport?.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (forwarded && forwarded.length > 0) return forwarded[forwarded.length - 1]!;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

/** Strict-Transport-Security on every answer that went out over HTTPS, and never over HTTP. */
export function strictTransport(transport: TransportOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (isHttps(c, transport)) c.header('Strict-Transport-Security', HSTS);
  };
}
