import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../http/env';
import { ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { readHoldDevices } from '../../recall';

const HoldDevice = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(['has_hold', 'catching_up', 'not_synced']),
  acknowledgedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  queueDepth: z.number().nullable(),
});

const HoldDevices = z
  .object({
    case: z.object({ id: z.string(), number: z.string(), state: z.string(), drill: z.boolean(), heldAt: z.string().nullable(), lots: z.number() }),
    devices: z.array(HoldDevice),
    has: z.number(),
    missing: z.number(),
  })
  .openapi('RecallHoldDevices');

const devices = createRoute({
  method: 'get',
  path: '/api/recalls/{id}/devices',
  tags: ['recall'],
  summary: "Every active handheld and whether it has the case's holds: when it acknowledged them, or when it was last seen",
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('The devices, those with the holds and those without', HoldDevices), ...badRequest, ...authErrors, 404: jsonResponse('No such case', ErrorSchema) },
});

export function recallDeviceRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(devices, async (c) => c.json(await readHoldDevices(deps.db, c.req.valid('param').id), 200));
}
