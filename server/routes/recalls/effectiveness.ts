import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { CHECK_METHODS, CONTACT_METHODS, CONTACT_STEPS } from '../../../domain/recall';
import { systemClock } from '../../clock';
import type { AppDeps, AppEnv } from '../../http/env';
import { ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { CaseEffectivenessSchema, DueEscalationSchema } from './effectiveness-schemas';
import { drawConsignees, readDueEscalations, readEffectiveness, recordCheck, recordContact } from '../../recall';

const customerCode = z.string().trim().min(1, 'is required').max(40);
const note = z.string().trim().max(2000).optional();

const DrawSchema = z.object({ seed: z.string().trim().min(1, 'is required when given').max(200).optional() }).strict().openapi('RecallEffectivenessDraw');

const CheckSchema = z
  .object({
    customerCode,
    method: z.enum(CHECK_METHODS),
    reached: z.boolean(),
    receivedNotice: z.boolean().optional(),
    followedInstructions: z.boolean().optional(),
    onHand: z.number().min(0).max(1e12).optional(),
    note,
  })
  .strict()
  .openapi('RecallEffectivenessCheck');

const ContactSchema = z
  .object({ customerCode, step: z.enum(CONTACT_STEPS), method: z.enum(CONTACT_METHODS), at: z.string().max(40).optional(), note })
  .strict()
  .openapi('RecallConsigneeContact');

const State = CaseEffectivenessSchema;
const notFound = { 404: jsonResponse('No such case', ErrorSchema) } as const;
const conflict = { 409: jsonResponse('The case is not open or recovering, or drew its consignees with another seed', ErrorSchema) } as const;
const refused = { 422: jsonResponse('Not a consignee of the case, not drawn for checks, a check that contradicts itself, or a contact not yet made', ErrorSchema) } as const;

const state = createRoute({
  method: 'get',
  path: '/api/recalls/{id}/effectiveness',
  tags: ['recall'],
  summary: 'The draw of consignees to check, what each check found, every contact, whether the consignee answered and the next escalation step with when it is due',
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('The effectiveness checks', State), ...badRequest, ...authErrors, ...notFound },
});

const draw = createRoute({
  method: 'post',
  path: '/api/recalls/{id}/effectiveness/draw',
  tags: ['recall'],
  summary: "Draw the consignees to check by the case's level, reproducibly from a seed (the case id unless given); made once",
  security: bearer,
  request: { params: UuidParam, body: jsonBody(DrawSchema) },
  responses: { 201: jsonResponse('The draw, just made', State), 200: jsonResponse('The draw made before with the same seed', State), ...badRequest, ...authErrors, ...notFound, ...conflict, ...refused },
});

const check = createRoute({
  method: 'post',
  path: '/api/recalls/{id}/effectiveness/checks',
  tags: ['recall'],
  summary: 'Record what a check of a drawn consignee found: reached, notice received, instructions followed, quantity on hand',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(CheckSchema) },
  responses: { 201: jsonResponse('The checks after the result', State), ...badRequest, ...authErrors, ...notFound, ...conflict, ...refused },
});

const contact = createRoute({
  method: 'post',
  path: '/api/recalls/{id}/effectiveness/contacts',
  tags: ['recall'],
  summary: 'Record an attempt to reach a drawn consignee at a step of the ladder (repeat contact, registered letter, visit) and when it was made',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(ContactSchema) },
  responses: { 201: jsonResponse('The checks after the contact', State), ...badRequest, ...authErrors, ...notFound, ...conflict, ...refused },
});

const escalations = createRoute({
  method: 'get',
  path: '/api/recalls/escalations',
  tags: ['recall'],
  summary: 'Drawn consignees of open cases who have not answered and whose next step is due, or who were never contacted',
  security: bearer,
  responses: { 200: jsonResponse('The follow-up worklist', z.object({ asOf: z.string(), escalations: z.array(DueEscalationSchema) })), ...authErrors },
});

export function recallEffectivenessRoutes(deps: AppDeps) {
  const now = () => (deps.clock ?? systemClock).now();
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(escalations, async (c) => {
      const at = now();
      return c.json({ asOf: at.toISOString(), escalations: await readDueEscalations(deps.db, at) }, 200);
    })
    .openapi(state, async (c) => c.json(await readEffectiveness(deps.db, c.req.valid('param').id, now()), 200))
    .openapi(draw, async (c) => {
      const id = c.req.valid('param').id;
      const outcome = await drawConsignees(deps.db, c.get('session')!, id, c.req.valid('json').seed);
      return c.json(await readEffectiveness(deps.db, id, now()), outcome.made ? 201 : 200);
    })
    .openapi(check, async (c) => {
      const id = c.req.valid('param').id;
      const body = c.req.valid('json');
      await recordCheck(deps.db, c.get('session')!, id, { ...body, note: body.note ?? '' });
      return c.json(await readEffectiveness(deps.db, id, now()), 201);
    })
    .openapi(contact, async (c) => {
      const id = c.req.valid('param').id;
      const body = c.req.valid('json');
      await recordContact(deps.db, c.get('session')!, id, { ...body, note: body.note ?? '' }, now());
      return c.json(await readEffectiveness(deps.db, id, now()), 201);
    });
}
