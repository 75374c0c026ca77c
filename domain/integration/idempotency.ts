import { canonicalJson } from '../text';

/**
 * An Idempotency-Key names one intended write. Printable ASCII only, so a key cannot look
 * the same as another and differ in storage.
 */
export const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,200}$/;

export function isIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY.test(key);
}

/**
 * The text a request is recognised by when its key comes again: the route and the body in
 * canonical JSON, so the same content with its keys in another order is the same request.
 */
export function requestFingerprint(route: string, body: unknown): string {
  return canonicalJson([route, body ?? null]);
}

export type Replay = { kind: 'replay'; status: number; body: unknown } | { kind: 'mismatch'; firstRoute: string };

/** What to do with a key seen before: give the first answer again, or refuse a different request. */
export function judgeReplay(stored: { route: string; requestHash: string; status: number; body: unknown }, route: string, requestHash: string): Replay {
  if (stored.route !== route || stored.requestHash !== requestHash) return { kind: 'mismatch', firstRoute: stored.route };
  return { kind: 'replay', status: stored.status, body: stored.body };
}
