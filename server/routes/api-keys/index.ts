import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { isValidGln } from '../../../domain/gs1';
import { API_SCOPES } from '../../../domain/integration';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf } from '../../http/env';
import { ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from '../../integration';

const ApiKeySchema = z
  .object({
    id: z.string(),
    integration: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the key, to tell keys apart; the key itself is never shown again' }),
    scopes: z.array(z.enum(API_SCOPES)),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    replacedBy: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    partnerGln: z.string().nullable().openapi({ description: 'The trading partner (GLN) the key speaks for: its EPCIS queries return only events shipped to that GLN' }),
    state: z.enum(['active', 'expiring', 'expired', 'revoked']),
  })
  .openapi('ApiKey');

const NewKeySchema = z.object({ key: ApiKeySchema, secret: z.string().openapi({ description: 'lk_...: shown in this answer only; Lotline keeps its hash' }) });
const notFound = { 404: jsonResponse('No such key', ErrorSchema), 409: jsonResponse('Already revoked or rotated', ErrorSchema) } as const;

const list = createRoute({ method: 'get', path: '/api/api-keys', tags: ['integration'], summary: 'API keys of every integration (never their secrets)', security: bearer, responses: { 200: jsonResponse('Keys', z.object({ keys: z.array(ApiKeySchema) })), ...authErrors } });
const create = createRoute({
  method: 'post',
  path: '/api/api-keys',
  tags: ['integration'],
  summary: 'A new API key for an integration; its secret is shown once',
  security: bearer,
  request: {
    body: jsonBody(
      z.object({
        integration: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'must be lower-case letters, digits and . _ - (2 to 40)'),
        scopes: z.array(z.enum(API_SCOPES)).min(1, 'needs at least one scope'),
        partnerGln: z
          .string()
          .regex(/^\d{13}$/, 'must be a 13-digit GLN')
          .refine(isValidGln, 'has a wrong check digit')
          .nullable()
          .optional()
          .openapi({ description: "Binds the key to a trading partner's GLN: its EPCIS queries see only events whose destination is that GLN" }),
      }),
    ),
  },
  responses: { 201: jsonResponse('Created', NewKeySchema), ...badRequest, ...authErrors },
});
const rotate = createRoute({
  method: 'post',
  path: '/api/api-keys/{id}/rotate',
  tags: ['integration'],
  summary: 'Replace a key: the new secret is shown once; the old key works for graceMinutes more (0 = ends now)',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(z.object({ graceMinutes: z.number().int().min(0).max(7 * 24 * 60).default(24 * 60) })) },
  responses: { 201: jsonResponse('Rotated', NewKeySchema.extend({ replaced: ApiKeySchema })), ...badRequest, ...authErrors, ...notFound },
});
const revoke = createRoute({
  method: 'post',
  path: '/api/api-keys/{id}/revoke',
  tags: ['integration'],
  summary: 'End a key at once',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(z.object({ reason: z.string().trim().min(1, 'is empty').max(500) })) },
  responses: { 200: jsonResponse('Revoked', ApiKeySchema), ...badRequest, ...authErrors, ...notFound },
});

export function apiKeyRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json({ keys: await listApiKeys(deps.db) }, 200))
    .openapi(create, async (c) => {
      const actor = actorOf(c.get('session')!);
      return c.json(await createApiKey(deps.db, { ...actor, id: actor.id! }, c.req.valid('json')), 201);
    })
    .openapi(rotate, async (c) => {
      const actor = actorOf(c.get('session')!);
      return c.json(await rotateApiKey(deps.db, { ...actor, id: actor.id! }, c.req.valid('param').id, c.req.valid('json').graceMinutes), 201);
    })
    .openapi(revoke, async (c) => c.json(await revokeApiKey(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json').reason), 200));
}
