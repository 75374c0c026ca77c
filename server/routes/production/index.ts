import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { CHECK_KINDS, RESETS } from '../../../domain/numbering';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf } from '../../http/env';
import { ErrorSchema, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { createCustomer, createNumberRule, createWorkOrder, listCustomers, listNumberRules, listWorkOrders } from '../../production';

const conflict = { 409: jsonResponse('Already exists', ErrorSchema) } as const;

const WorkOrderSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    gtin: z.string(),
    itemName: z.string(),
    itemNameZh: z.string().nullable(),
    lotId: z.string().nullable(),
    lotNumber: z.string().nullable().openapi({ description: 'The finished lot, numbered when the order opens' }),
    plannedQty: z.number().nullable(),
    lineCode: z.string().nullable(),
    status: z.enum(['open', 'closed']),
    createdAt: z.string(),
  })
  .openapi('WorkOrder', { description: 'A production order for one item; its finished lot is numbered when it opens' });

const NumberRuleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['lot', 'serial', 'document']).openapi({ description: 'What the rule numbers: lots (AI 10), serials (AI 21) or documents such as work orders' }),
    pattern: z.string().openapi({ description: 'Fixed text and fields such as {SITE}, {LINE}, {YYMMDD}, {SEQ:4}' }),
    reset: z.enum(RESETS).openapi({ description: 'When the sequence starts again at 1' }),
    siteCode: z.string().openapi({ description: 'What {SITE} prints' }),
    lineCode: z.string().openapi({ description: 'What {LINE} prints' }),
    check: z.enum(CHECK_KINDS).openapi({ description: 'Check character appended to each number' }),
  })
  .openapi('NumberRule', { description: 'How lot, serial or document numbers are made' });

const workOrders = createRoute({
  method: 'get',
  path: '/api/work-orders',
  tags: ['production'],
  summary: 'Work orders, newest first',
  security: bearer,
  responses: { 200: jsonResponse('Work orders', z.object({ workOrders: z.array(WorkOrderSchema) })), ...authErrors },
});
const newWorkOrder = createRoute({
  method: 'post',
  path: '/api/work-orders',
  tags: ['production'],
  summary: 'Open a work order; its finished lot is numbered at once',
  security: bearer,
  request: {
    body: jsonBody(
      z.object({
        number: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, 'is not a document number').optional(),
        gtin: z.string().regex(/^\d{14}$/, 'must be a 14-digit GTIN'),
        plannedQty: z.number().positive().max(1e9).optional(),
        lineCode: z.string().max(20).optional(),
      }),
    ),
  },
  responses: { 201: jsonResponse('Opened', WorkOrderSchema), ...badRequest, ...authErrors, ...conflict, 422: jsonResponse('Unknown item', ErrorSchema) },
});

const CustomerSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    minShelfLifeDays: z.number().int(),
    address: z.string().nullable().openapi({ description: 'Where recall letters go; null until someone enters it' }),
  })
  .openapi('Customer');
const customers = createRoute({ method: 'get', path: '/api/customers', tags: ['production'], summary: 'Customers', security: bearer, responses: { 200: jsonResponse('Customers', z.object({ customers: z.array(CustomerSchema) })), ...authErrors } });
const newCustomer = createRoute({
  method: 'post',
  path: '/api/customers',
  tags: ['production'],
  summary: 'Add a customer with the least shelf life it accepts and its address for recall letters',
  security: bearer,
  request: {
    body: jsonBody(
      z.object({
        code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'is not a customer code'),
        name: z.string().trim().min(1).max(200),
        minShelfLifeDays: z.number().int().min(0).max(3650).default(0),
        // Where recall letters to this customer go.
        address: z.string().trim().min(1, 'is empty').max(500).optional(),
      }),
    ),
  },
  responses: { 201: jsonResponse('Added', CustomerSchema), ...badRequest, ...authErrors, ...conflict },
});

const rules = createRoute({
  method: 'get',
  path: '/api/number-rules',
  tags: ['production'],
  summary: 'Lot, serial and document number rules',
  security: bearer,
  responses: { 200: jsonResponse('Rules', z.object({ rules: z.array(NumberRuleSchema) })), ...authErrors },
});
const newRule = createRoute({
  method: 'post',
  path: '/api/number-rules',
  tags: ['production'],
  summary: 'Add a number rule (checked: unique per period, at most 20 GS1 characters)',
  security: bearer,
  request: {
    body: jsonBody(
      z.object({
        name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens'),
        kind: z.enum(['lot', 'serial', 'document']),
        pattern: z.string().min(1).max(100),
        reset: z.enum(RESETS),
        siteCode: z.string().max(10).default(''),
        lineCode: z.string().max(10).default(''),
        check: z.enum(CHECK_KINDS).default('none'),
      }),
    ),
  },
  responses: { 201: jsonResponse('Added', NumberRuleSchema), ...badRequest, ...authErrors, ...conflict, 422: jsonResponse('The rule cannot make unique GS1 numbers', ErrorSchema) },
});

export function productionRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(workOrders, async (c) => c.json({ workOrders: await listWorkOrders(deps.db) }, 200))
    .openapi(newWorkOrder, async (c) => c.json(await createWorkOrder(deps.db, actorOf(c.get('session')!), c.req.valid('json')), 201))
    .openapi(customers, async (c) => c.json({ customers: await listCustomers(deps.db) }, 200))
    .openapi(newCustomer, async (c) => c.json(await createCustomer(deps.db, actorOf(c.get('session')!), c.req.valid('json')), 201))
    .openapi(rules, async (c) => c.json({ rules: await listNumberRules(deps.db) }, 200))
    .openapi(newRule, async (c) => c.json(await createNumberRule(deps.db, actorOf(c.get('session')!), c.req.valid('json')), 201));
}
