import { PICK_LIST_STATUSES } from '../../../domain/ops';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf } from '../../http/env';
import { ErrorSchema, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { createPickList, listPickLists } from '../../supervision/pick-lists';


const PickListSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    customer: z.string().nullable(),
    customerCode: z.string().nullable(),
    minShelfLifeDays: z.number().int(),
    toLocationCode: z.string(),
    lines: z.array(z.object({ gtin: z.string(), qty: z.number(), pickedQty: z.number(), remainingQty: z.number(), status: z.enum(['open', 'done']) })),
    status: z.enum(PICK_LIST_STATUSES),
    recallBreaks: z.array(z.object({ caseNumber: z.string(), gtin: z.string(), lotNumber: z.string(), qty: z.number() })),
    version: z.number().int(),
  })
  .openapi('PickList');

const list = createRoute({
  method: 'get',
  path: '/api/picklists',
  tags: ['picking'],
  summary: 'Pick lists',
  security: bearer,
  request: { query: z.object({ status: z.enum(PICK_LIST_STATUSES).optional() }) },
  responses: { 200: jsonResponse('Pick lists', z.object({ pickLists: z.array(PickListSchema) })), ...badRequest, ...authErrors },
});

const create = createRoute({
  method: 'post',
  path: '/api/picklists',
  tags: ['picking'],
  summary: 'Create a pick list for the handhelds',
  security: bearer,
  request: {
    body: jsonBody(
      z.object({
        number: z.string().trim().min(1, 'is required').max(40),
        customerCode: z.string().trim().max(40).nullable().optional(),
        toLocationCode: z.string().min(1).max(30),
        lines: z.array(z.object({ gtin: z.string().regex(/^\d{14}$/, 'must be a 14-digit GTIN'), qty: z.number().positive() })).min(1, 'needs at least one line').max(200),
      }),
    ),
  },
  responses: { 201: jsonResponse('Created', PickListSchema), ...badRequest, ...authErrors, 409: jsonResponse('The number is taken', ErrorSchema) },
});

export function pickListRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json({ pickLists: await listPickLists(deps.db, c.req.valid('query').status) }, 200))
    .openapi(create, async (c) => c.json(await createPickList(deps.db, actorOf(c.get('session')!), c.req.valid('json')), 201));
}
