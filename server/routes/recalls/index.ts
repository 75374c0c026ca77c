import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { SIGNATURE_MEANINGS } from '../../../domain/lots';
import { EFFECTIVENESS_LEVELS, FDA_CLASSES, JURISDICTIONS, RECALL_DEPTHS, RECALL_STATES, type RecallState } from '../../../domain/recall';
import type { AppDeps, AppEnv } from '../../http/env';
import { signInGuard } from '../../http/env';
import { DbUuid, ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { listRecallExceptions } from '../../supervision/exceptions';
import { FrozenScopeSchema, RecallCaseSchema, RecallStepOutcomeSchema, RecallStepSchema } from './case-schemas';
import { ScopeInputSchema } from './schemas';
import { RecallScopeDiffSchema, RecallScopeSchema } from './scope-schemas';
import { StockExceptionSchema } from '../supervision';
import { createRecall, getRecall, listRecalls, readFrozenScope, readScope, readScopeDiff, recallTransitions, refuseConflicts, transitionRecall, type ScopeInput } from '../../recall';

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);

const TermsSchema = z.object({
  reason: text(2000),
  healthHazard: z.string().trim().max(4000).optional(),
  classes: z
    .object({
      fda: z.enum(FDA_CLASSES).nullish(),
      nmpa: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
      euFsca: z.boolean().optional(),
    })
    .optional(),
  depth: z.enum(RECALL_DEPTHS).nullish(),
  strategy: z.string().trim().max(4000).optional(),
  effectiveness: z.object({ level: z.enum(EFFECTIVENESS_LEVELS), percent: z.number().int().nullish() }).nullish(),
  jurisdictions: z.array(z.enum(JURISDICTIONS)).max(3).optional(),
});

const CaseSchema = RecallCaseSchema;
const notFound = { 404: jsonResponse('No such case, or the scope input matches nothing', ErrorSchema) } as const;
const conflictResponse = { 409: jsonResponse('A lot of the scope is held by another open case, or the case changed meanwhile', ErrorSchema) } as const;
const refused = { 422: jsonResponse('The terms or the step are refused', ErrorSchema) } as const;

const create = createRoute({
  method: 'post',
  path: '/api/recalls',
  tags: ['recall'],
  summary: 'Start a recall case (a draft) from one scope input',
  security: bearer,
  request: { body: jsonBody(TermsSchema.extend({ scope: ScopeInputSchema, ownerId: DbUuid.optional(), drill: z.boolean().optional() })) },
  responses: {
    201: jsonResponse('The draft', z.object({ case: CaseSchema })),
    200: jsonResponse('Every lot of the scope is already held by this open case: the request joined it, and no draft was made', z.object({ case: CaseSchema, joined: z.literal(true) })),
    ...badRequest, ...authErrors, ...notFound, ...conflictResponse, ...refused },
});

const list = createRoute({
  method: 'get',
  path: '/api/recalls',
  tags: ['recall'],
  summary: 'Recall cases, newest first',
  security: bearer,
  request: { query: z.object({ state: z.enum(RECALL_STATES).optional(), drill: z.enum(['true', 'false']).optional() }) },
  responses: { 200: jsonResponse('Cases', z.object({ cases: z.array(CaseSchema) })), ...badRequest, ...authErrors },
});

const scopeDiff = createRoute({
  method: 'get',
  path: '/api/recalls/{id}/scope-diff',
  tags: ['recall'],
  summary: 'What the case input reaches today against the scope the case froze: lots reached since or no longer, consignees shipped more or less',
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('The differences', RecallScopeDiffSchema), ...badRequest, ...authErrors, ...notFound, 409: jsonResponse('The case has not frozen a scope yet', ErrorSchema) },
});

const flaggedOps = createRoute({
  method: 'get',
  path: '/api/recalls/{id}/flagged-ops',
  tags: ['recall'],
  summary: "Ops booked on the case's held lots by handhelds that had not yet heard of the hold (a pick, a move, a shipment), each a stock exception naming the case",
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('The flagged ops, in the order the handhelds did them', z.object({ exceptions: z.array(StockExceptionSchema) })), ...badRequest, ...authErrors, ...notFound },
});

const get = createRoute({
  method: 'get',
  path: '/api/recalls/{id}',
  tags: ['recall'],
  summary: 'One recall case with its signed steps and the scope it froze when it opened',
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('The case', z.object({ case: CaseSchema, transitions: z.array(RecallStepSchema), scope: FrozenScopeSchema })), ...badRequest, ...authErrors, ...notFound },
});

const preview = createRoute({
  method: 'post',
  path: '/api/recalls/scope',
  tags: ['recall'],
  summary: 'What a recall of this input would reach now: lots, stock, shipments, consignees and the mass balance',
  security: bearer,
  request: { body: jsonBody(z.object({ scope: ScopeInputSchema })) },
  responses: { 200: jsonResponse('The scope', RecallScopeSchema), ...badRequest, ...authErrors, ...notFound, ...conflictResponse, ...refused },
});

const signed = { meaning: z.enum(SIGNATURE_MEANINGS), reason: text(2000), password: z.string().min(1, 'is required to sign').max(200), version: z.number().int().positive() };
const stepResponse = jsonResponse('The case after the step', RecallStepOutcomeSchema);

const open = createRoute({
  method: 'post',
  path: '/api/recalls/{id}/open',
  tags: ['recall'],
  summary: 'Open the case under an electronic signature: freeze the scope and hold every lot in it',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(z.object(signed)) },
  responses: { 200: stepResponse, ...badRequest, ...authErrors, ...notFound, ...conflictResponse, ...refused },
});

const transition = createRoute({
  method: 'post',
  path: '/api/recalls/{id}/transition',
  tags: ['recall'],
  summary: 'Move the case to another state under an electronic signature',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(z.object({ to: z.enum(RECALL_STATES), ...signed })) },
  responses: { 200: stepResponse, ...badRequest, ...authErrors, ...notFound, ...conflictResponse, ...refused },
});

export function recallRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(create, async (c) => {
      const body = c.req.valid('json');
      const made = await createRecall(deps.db, c.get('session')!, { ...body, scope: body.scope as ScopeInput });
      return made.joined ? c.json({ case: made.case, joined: true as const }, 200) : c.json({ case: made.case }, 201);
    })
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const cases = await listRecalls(deps.db, { state: q.state, drill: q.drill === undefined ? undefined : q.drill === 'true' });
      return c.json({ cases }, 200);
    })
    .openapi(preview, async (c) => {
      const scope = await readScope(deps.db, c.req.valid('json').scope as ScopeInput);
      refuseConflicts(scope);
      return c.json(scope, 200);
    })
    .openapi(get, async (c) => {
      const id = c.req.valid('param').id;
      const found = await getRecall(deps.db, id);
      return c.json({ case: found, transitions: await recallTransitions(deps.db, id), scope: await readFrozenScope(deps.db, id) }, 200);
    })
    .openapi(flaggedOps, async (c) => {
      const found = await getRecall(deps.db, c.req.valid('param').id);
      return c.json({ exceptions: await listRecallExceptions(deps.db, found.number) }, 200);
    })
    .openapi(scopeDiff, async (c) => c.json(await readScopeDiff(deps.db, c.req.valid('param').id), 200))
    .openapi(open, async (c) => {
      const outcome = await transitionRecall(deps.db, c.get('session')!, c.req.valid('param').id, { ...c.req.valid('json'), to: 'open' }, signInGuard(deps));
      return c.json(outcome, 200);
    })
    .openapi(transition, async (c) => {
      const body = c.req.valid('json');
      const outcome = await transitionRecall(deps.db, c.get('session')!, c.req.valid('param').id, { ...body, to: body.to as RecallState }, signInGuard(deps));
      return c.json(outcome, 200);
    });
}
