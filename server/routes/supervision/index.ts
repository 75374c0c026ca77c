import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { RESOLUTIONS } from '../../../domain/ops';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf } from '../../http/env';
import { DbUuid, ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { listExceptions, resolveException } from '../../supervision/exceptions';
import { deviceHealth, listOps } from '../../supervision/ops';
import { sessionStillValid, streamChanges } from '../../sync/sse';

export const StockExceptionSchema = z
  .object({
    id: z.string(),
    opId: z.string(),
    opType: z.string(),
    deviceId: z.string(),
    deviceName: z.string(),
    username: z.string(),
    kind: z.string(),
    lotId: z.string().nullable(),
    lotNumber: z.string().nullable(),
    locationId: z.string().nullable(),
    locationCode: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    status: z.enum(['open', 'resolved']),
    resolution: z.string().nullable(),
    resolutionReason: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .openapi('StockException');

const OpSummarySchema = z
  .object({ id: z.string(), type: z.string(), deviceId: z.string(), deviceName: z.string(), username: z.string(), deviceTime: z.string(), receivedAt: z.string(), status: z.string(), message: z.string().nullable(), problems: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])) })), payload: z.record(z.string(), z.unknown()) })
  .openapi('OpSummary');

const exceptions = createRoute({
  method: 'get',
  path: '/api/exceptions',
  tags: ['supervision'],
  summary: 'Stock exceptions raised by ops, newest first',
  security: bearer,
  request: { query: z.object({ status: z.enum(['open', 'resolved']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: jsonResponse('Exceptions', z.object({ exceptions: z.array(StockExceptionSchema) })), ...badRequest, ...authErrors },
});

const resolve = createRoute({
  method: 'post',
  path: '/api/exceptions/{id}/resolve',
  tags: ['supervision'],
  summary: 'Accept, adjust with a counter-move, or reverse the op',
  security: bearer,
  request: {
    params: UuidParam,
    body: jsonBody(z.object({ action: z.enum(RESOLUTIONS), reason: z.string().trim().min(1, 'is required').max(500), version: z.number().int().positive() })),
  },
  responses: {
    200: jsonResponse('Resolved', StockExceptionSchema),
    ...badRequest,
    ...authErrors,
    404: jsonResponse('No such exception', ErrorSchema),
    409: jsonResponse('Resolved or changed by someone else', ErrorSchema),
    422: jsonResponse('This resolution does not fit the exception', ErrorSchema),
  },
});

const ops = createRoute({
  method: 'get',
  path: '/api/ops',
  tags: ['supervision'],
  summary: 'Ops by device and status, newest first',
  security: bearer,
  request: {
    query: z.object({
      deviceId: DbUuid.optional(),
      status: z.enum(['queued', 'applied', 'exception', 'rejected', 'cancelled']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: { 200: jsonResponse('Ops', z.object({ ops: z.array(OpSummarySchema) })), ...badRequest, ...authErrors },
});

const health = createRoute({
  method: 'get',
  path: '/api/devices/health',
  tags: ['supervision'],
  summary: 'Per device: last user, ops today, rejected ops, open exceptions, and why its pushes fail if they do',
  security: bearer,
  responses: {
    200: jsonResponse('Device health', z.object({ devices: z.array(z.object({ deviceId: z.string(), lastUser: z.string().nullable(), opsToday: z.number(), rejectedOps: z.number(), openExceptions: z.number(), pushFailing: z.object({ code: z.string(), message: z.string(), at: z.string(), failures: z.number().int() }).nullable() })) })),
    ...authErrors,
  },
});

const events = createRoute({
  method: 'get',
  path: '/api/events/stream',
  tags: ['supervision'],
  summary: 'Server-sent change events for the console',
  security: bearer,
  responses: { 200: { description: 'text/event-stream' }, ...authErrors },
});

export function supervisionRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(exceptions, async (c) => {
      const q = c.req.valid('query');
      return c.json({ exceptions: await listExceptions(deps.db, q.status, q.limit) }, 200);
    })
    .openapi(resolve, async (c) => c.json(await resolveException(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(ops, async (c) => c.json({ ops: await listOps(deps.db, c.req.valid('query')) }, 200))
    .openapi(health, async (c) => c.json({ devices: await deviceHealth(deps.db) }, 200))
    .openapi(events, (c) => streamChanges(c, deps.hub, null, sessionStillValid(deps.db, c)));
}
