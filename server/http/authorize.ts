import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { resolveSession } from '../auth';
import type { Db } from '../db';
import { AppError } from '../errors';
import { OPEN_BEFORE_PASSWORD_CHANGE, ROUTE_ACCESS, accessKey, allows } from './access';
import type { AppEnv } from './env';

const sessionProblems = {
  expired: ['session_expired', 'Your session has expired. Sign in again.'],
  revoked: ['session_revoked', 'You were signed out. Sign in again.'],
  unknown: ['unauthenticated', 'Sign in first.'],
  user_inactive: ['account_disabled', 'This account is disabled.'],
  device_revoked: ['device_revoked', 'This device has been revoked. Ask a supervisor to enrol it again.'],
} as const;

/** The route this request will be answered by, as registered (e.g. `/api/lots/:id`). */
function matchedApiRoute(c: Parameters<MiddlewareHandler>[0]): string | undefined {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  const route = matchedRoutes(c).find((r) => r.method === method && r.path.startsWith('/api/'));
  return route?.path;
}

/**
 * Resolves the bearer session and checks the route's entry in the access table. Runs before
 * any handler, so no handler can forget it.
 */
export function authorize(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('session', undefined);
    const path = matchedApiRoute(c);
    if (!path) return next(); // not a route: the not-found handler answers
    const key = accessKey(c.req.method, path);
    const access = ROUTE_ACCESS[key];
    if (!access) throw new AppError(403, 'forbidden', 'This route is not open to anyone.');
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
