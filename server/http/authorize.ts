import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { resolveSession } from '../auth';
import type { ApiScope } from '../../domain/integration';
import type { Db } from '../db';
import { systemClock, type Clock } from '../clock';
import { DEFAULT_KEY_FAILURE_LIMIT, addressWait, countKeyFailure, resolveApiKey, type KeyFailureLimit } from '../integration';
import { clientAddress, type TransportOptions } from './transport';
import { AppError } from '../errors';
import { OPEN_BEFORE_PASSWORD_CHANGE, ROUTE_ACCESS, accessKey, allows, isApiKeyAccess } from './access';
import type { AppEnv } from './env';

const sessionProblems = {
  expired: ['session_expired', 'Your session has expired. Sign in again.'],
  revoked: ['session_revoked', 'You were signed out. Sign in again.'],
  unknown: ['unauthenticated', 'Sign in first.'],
  user_inactive: ['account_disabled', 'This account is disabled.'],
  device_revoked: ['device_revoked', 'This device has been revoked. Ask a supervisor to enrol it again.'],
} as const;

const keyProblems = {
  unknown: ['api_key_invalid', 'This API key is not known. Send the integration key as Authorization: Bearer lk_... or X-Api-Key.'],
  revoked: ['api_key_revoked', 'This API key was revoked. Ask the administrator for a new one.'],
  expired: ['api_key_expired', 'This API key has expired (it was rotated and its grace period is over). Use its replacement.'],
} as const;

/** The API key a request carries, from X-Api-Key or a bearer token that is one. */
function apiKeyOf(c: Parameters<MiddlewareHandler>[0]): string | undefined {
  const header = c.req.header('x-api-key')?.trim();
  if (header) return header;
  const bearer = c.req.header('authorization');
  return bearer?.startsWith('Bearer ') ? bearer.slice(7).trim() : undefined;
}

/**
 * Inbound integration routes answer to API keys only: a user's session there is refused, so a
 * write in the audit trail is either a person's or an integration's, never a mix. Nothing is
 * written for a refused key: it names no one the chain could record.
 */
async function authorizeKey(c: Parameters<MiddlewareHandler<AppEnv>>[0], db: Db, scope: ApiScope, guard: KeyGuard): Promise<void> {
  const secret = apiKeyOf(c);
  if (!secret) throw new AppError(401, 'api_key_required', 'This route takes an integration API key: Authorization: Bearer lk_... or X-Api-Key.');
  if (!secret.startsWith('lk_')) throw new AppError(401, 'api_key_required', 'This route takes an integration API key (lk_...), not a user session.');
  // An address that has failed too often waits out the window before any key of it is looked
  // at; a prefix that has, only for keys that fail (see migration 051).
  const address = clientAddress(c, guard.transport);
  const now = (guard.clock ?? systemClock).now();
  const limit = guard.limit ?? DEFAULT_KEY_FAILURE_LIMIT;
  const waiting = await addressWait(db, address, limit, now);
  if (waiting !== null) throw tooManyKeyFailures(waiting);
  const lookup = await resolveApiKey(db, secret);
  if (lookup.status !== 'valid') {
    const wait = await countKeyFailure(db, address, secret, limit, now);
    if (wait !== null) throw tooManyKeyFailures(wait);
    const [code, message] = keyProblems[lookup.status];
    throw new AppError(401, code, message);
  }
  if (!lookup.caller.scopes.includes(scope)) {
    throw new AppError(403, 'scope_missing', `This API key lacks the scope ${scope}; it has ${lookup.caller.scopes.join(', ')}.`, { required: scope, granted: lookup.caller.scopes });
  }
  c.set('integration', lookup.caller);
}

function tooManyKeyFailures(retryAfterSeconds: number): AppError {
  return new AppError(429, 'rate_limited', `Too many failed API-key attempts from this address or with this key. Wait ${retryAfterSeconds} seconds and try again.`, { retryAfterSeconds });
}

/** How failed API keys are throttled: the caller's address as the transport sees it, the clock, the limit. */
export interface KeyGuard {
  transport?: TransportOptions | undefined;
  clock?: Clock | undefined;
  limit?: KeyFailureLimit | undefined;
}

/** The route this request will be answered by, as registered (e.g. `/api/lots/:id`, `/epcis/events`). */
function matchedApiRoute(c: Parameters<MiddlewareHandler>[0]): string | undefined {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  const route = matchedRoutes(c).find((r) => r.method === method && (r.path.startsWith('/api/') || r.path.startsWith('/epcis/')));
  return route?.path;
}

/**
 * Resolves the bearer session and checks the route's entry in the access table. Runs before
 * any handler, so no handler can forget it.
 */
export function authorize(db: Db, keyGuard: KeyGuard = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('session', undefined);
    c.set('integration', undefined);
    const path = matchedApiRoute(c);
    if (!path) return next(); // not a route: the not-found handler answers
    const key = accessKey(c.req.method, path);
    const access = ROUTE_ACCESS[key];
    if (!access) throw new AppError(403, 'forbidden', 'This route is not open to anyone.');
    if (isApiKeyAccess(access)) {
      await authorizeKey(c, db, access.apiKeyScope, keyGuard);
      return next();
    }
    const header = c.req.header('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (token) {
      const lookup = await resolveSession(db, token);
      if (lookup.status === 'valid') c.set('session', lookup.session);
      else if (access !== 'public') {
        const [code, message] = sessionProblems[lookup.status];
        throw new AppError(lookup.status === 'user_inactive' ? 403 : 401, code, message);
      }
    }
    const session = c.get('session');
    if (access !== 'public' && !session) throw new AppError(401, 'unauthenticated', 'Sign in first.');
    if (session?.passwordChangeRequired && access !== 'public' && !OPEN_BEFORE_PASSWORD_CHANGE.has(key)) {
      throw new AppError(403, 'password_change_required', 'Change the first password before doing anything else (POST /api/auth/password).');
    }
    if (!allows(access, session?.user.roles)) {
      throw new AppError(403, 'forbidden', `This needs one of the roles: ${(access as readonly string[]).join(', ')}.`, { required: access });
    }
    return next();
  };
}
