import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { changeOwnPassword, login, revokeSession } from '../../auth';
import { appendAudit } from '../../audit';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf, signInGuard } from '../../http/env';
import { ErrorSchema, UserSchema, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { clientAddress } from '../../http/transport';
import { validationHook } from '../../http/validation';

const LoginBody = z
  .object({
    username: z.string().trim().min(1, 'is required').max(40),
    password: z.string().min(1, 'is required').max(200),
  })
  .openapi('LoginRequest');

const LoginResponse = z
  .object({ token: z.string(), expiresAt: z.string(), user: UserSchema, deviceId: z.string().nullable(), passwordChangeRequired: z.boolean() })
  .openapi('LoginResponse');

const PasswordChangeBody = z
  .object({
    currentPassword: z.string().min(1, 'is required').max(200),
    newPassword: z.string().min(10, 'must be at least 10 characters').max(200),
  })
  .openapi('PasswordChange');

const passwordRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['auth'],
  summary: 'Change your own password (the only call allowed while a first password must be changed)',
  security: bearer,
  request: { body: jsonBody(PasswordChangeBody) },
  responses: {
    204: { description: 'Changed; other sessions of this user are ended' },
    ...badRequest,
    ...authErrors,
  },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in; a handheld also sends its enrolment token in X-Lotline-Device',
  request: { body: jsonBody(LoginBody), headers: z.object({ 'x-lotline-device': z.string().max(200).optional() }) },
  responses: {
    200: jsonResponse('Signed in', LoginResponse),
    ...badRequest,
    401: jsonResponse('Wrong user name or password, or the device is unknown or revoked', ErrorSchema),
    403: jsonResponse('The account is disabled, or locked after failed signatures', ErrorSchema),
    429: jsonResponse('Too many failed attempts for this account or from this address: wait Retry-After seconds', ErrorSchema),
  },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  security: bearer,
  responses: { 200: jsonResponse('The user of this session', z.object({ user: UserSchema, expiresAt: z.string(), deviceId: z.string().nullable() })), ...authErrors },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'End this session',
  security: bearer,
  responses: { 204: { description: 'Signed out' }, ...authErrors },
});

export function authRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(loginRoute, async (c) => {
      const body = c.req.valid('json');
      const result = await login(
        deps.db,
        { username: body.username, password: body.password, client: clientAddress(c, deps.transport), deviceToken: c.req.valid('header')['x-lotline-device'] },
        deps.sessionHours,
        signInGuard(deps),
      );
      return c.json(
        { token: result.token, expiresAt: result.expiresAt.toISOString(), user: result.user, deviceId: result.deviceId, passwordChangeRequired: result.passwordChangeRequired },
        200,
      );
    })
    .openapi(meRoute, (c) => {
      const session = c.get('session')!;
      return c.json({ user: session.user, expiresAt: session.expiresAt.toISOString(), deviceId: session.deviceId }, 200);
    })
    .openapi(logoutRoute, async (c) => {
      const session = c.get('session')!;
      const token = c.req.header('authorization')!.slice(7).trim();
      await deps.db.transaction(async (tx) => {
        await revokeSession(tx, token);
        await appendAudit(tx, actorOf(session), [{ action: 'auth.logout', entityType: 'user', entityId: session.user.id }]);
      });
      return c.body(null, 204);
    })
    .openapi(passwordRoute, async (c) => {
      const body = c.req.valid('json');
      const token = c.req.header('authorization')!.slice(7).trim();
      await changeOwnPassword(deps.db, c.get('session')!, token, body.currentPassword, body.newPassword);
      return c.body(null, 204);
    });
}
