import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { SIGNING_ROLES, USERNAME_PATTERN } from '../../../domain/auth';
import { createUser, listUsers, unlockAccount, updateUser } from '../../auth';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf } from '../../http/env';
import { ErrorSchema, LocaleSchema, RoleSchema, UserSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';

const Password = z.string().min(8, 'must be at least 8 characters').max(200);

const NewUserBody = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(USERNAME_PATTERN, 'must be 2-40 letters, digits, dot, dash or underscore'),
    displayName: z.string().trim().min(1, 'is required').max(100),
    password: Password,
    roles: z.array(RoleSchema).min(1, 'needs at least one role'),
    locale: LocaleSchema.optional(),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .superRefine((user, ctx) => {
    const signing = user.roles.filter((role) => SIGNING_ROLES.includes(role));
    if (signing.length > 0 && !user.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: `is required: ${signing.join(', ')} can sign records` });
  })
  .openapi('NewUser');

const UnlockBody = z.object({ reason: z.string().trim().min(1, 'is required').max(500) }).openapi('Unlock');

const UserChangeBody = z
  .object({
    version: z.number().int().positive(),
    reason: z.string().trim().min(1, 'is required').max(500),
    displayName: z.string().trim().min(1).max(100).optional(),
    roles: z.array(RoleSchema).min(1).optional(),
    locale: LocaleSchema.optional(),
    active: z.boolean().optional(),
    password: Password.optional(),
  })
  .openapi('UserChange');

const list = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['users'],
  summary: 'All users',
  security: bearer,
  responses: { 200: jsonResponse('Users', z.object({ users: z.array(UserSchema) })), ...authErrors },
});

const create = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['users'],
  summary: 'Create a user',
  security: bearer,
  request: { body: jsonBody(NewUserBody) },
  responses: { 201: jsonResponse('Created', UserSchema), ...badRequest, ...authErrors, 409: jsonResponse('The user name is taken', ErrorSchema) },
});

const update = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['users'],
  summary: 'Change roles, name, locale, active flag or password (with the version you saw); not your own roles or password',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(UserChangeBody) },
  responses: { 200: jsonResponse('Changed', UserSchema), ...badRequest, ...authErrors, 404: jsonResponse('No such user', ErrorSchema), 409: jsonResponse('Changed by someone else meanwhile', ErrorSchema) },
});

const unlock = createRoute({
  method: 'post',
  path: '/api/users/{id}/unlock',
  tags: ['users'],
  summary: 'Lift the lock after failed signatures and any sign-in backoff of a user',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(UnlockBody) },
  responses: { 204: { description: 'Unlocked' }, ...badRequest, ...authErrors, 404: jsonResponse('No such user', ErrorSchema) },
});

export function userRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json({ users: await listUsers(deps.db) }, 200))
    .openapi(create, async (c) => {
      const body = c.req.valid('json');
      const actor = actorOf(c.get('session')!);
      const user = await deps.db.transaction((tx) => createUser(tx, actor, body));
      return c.json(user, 201);
    })
    .openapi(update, async (c) => {
      const { version, reason, ...change } = c.req.valid('json');
      const user = await updateUser(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, version, change, reason);
      return c.json(user, 200);
    })
    .openapi(unlock, async (c) => {
      await unlockAccount(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json').reason);
      return c.body(null, 204);
    });
}
