import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { deviceTokenIn } from '../../../domain/auth';
import { enrolDevice, listDevices, replacePreviousEnrolment, requireSessionDevice, revokeDevice } from '../../auth';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf } from '../../http/env';
import { DbUuid, ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';

const DeviceSchema = z
  .object({
    id: DbUuid,
    name: z.string(),
    enrolledAt: z.string(),
    revokedAt: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
    appVersion: z.string().nullable(),
    queueDepth: z.number().int().nullable(),
    replacesDeviceId: DbUuid.nullable(),
    version: z.number().int(),
  })
  .openapi('Device');

const list = createRoute({
  method: 'get',
  path: '/api/devices',
  tags: ['devices'],
  summary: 'Enrolled handhelds',
  security: bearer,
  responses: { 200: jsonResponse('Devices', z.object({ devices: z.array(DeviceSchema) })), ...authErrors },
});

const enrol = createRoute({
  method: 'post',
  path: '/api/devices',
  tags: ['devices'],
  summary: 'Enrol a handheld; the token is shown once',
  security: bearer,
  request: { body: jsonBody(z.object({ name: z.string().trim().min(1, 'is required').max(100) })) },
  responses: { 201: jsonResponse('Enrolled', z.object({ device: DeviceSchema, token: z.string() })), ...badRequest, ...authErrors },
});

const revoke = createRoute({
  method: 'post',
  path: '/api/devices/{id}/revoke',
  tags: ['devices'],
  summary: 'Revoke a handheld: its sessions end at once',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(z.object({ reason: z.string().trim().min(1, 'is required').max(500) })) },
  responses: { 200: jsonResponse('Revoked', DeviceSchema), ...badRequest, ...authErrors, 404: jsonResponse('No such device', ErrorSchema), 409: jsonResponse('Already revoked', ErrorSchema) },
});

const replace = createRoute({
  method: 'post',
  path: '/api/devices/replace',
  tags: ['devices'],
  summary: "Record that this handheld's enrolment replaces its previous one",
  description:
    'Sent by a handheld enrolled again, with its new token in X-Lotline-Device and the previous token in the body: ops it queued under the previous device id are then still its own. The previous enrolment may be revoked; one still active is revoked now. Written once and audited (`device.replaces`); the same request again answers the same.',
  security: bearer,
  request: {
    headers: z.object({ 'x-lotline-device': z.string().max(200).optional() }),
    body: jsonBody(z.object({ previousToken: z.string().max(200).refine((token) => deviceTokenIn(token) === token, 'must be a device token (dev_...)') })),
  },
  responses: {
    200: jsonResponse('Recorded, now or by an earlier request', z.object({ device: DeviceSchema, previous: DeviceSchema })),
    ...badRequest,
    ...authErrors,
    409: jsonResponse('The previous enrolment was replaced by another, this one already replaces another, or the two would replace each other', ErrorSchema),
    422: jsonResponse("The previous token belongs to no device, or is this device's own", ErrorSchema),
  },
});

export function deviceRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json({ devices: await listDevices(deps.db) }, 200))
    .openapi(enrol, async (c) => c.json(await enrolDevice(deps.db, actorOf(c.get('session')!), c.req.valid('json').name), 201))
    .openapi(revoke, async (c) =>
      c.json(await revokeDevice(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json').reason), 200),
    )
    .openapi(replace, async (c) => {
      const session = c.get('session')!;
      const device = await requireSessionDevice(deps.db, session, c.req.valid('header')['x-lotline-device']);
      return c.json(await replacePreviousEnrolment(deps.db, actorOf(session), device.id, c.req.valid('json').previousToken), 200);
    });
}
