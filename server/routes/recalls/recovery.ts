import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { SIGNATURE_MEANINGS } from '../../../domain/lots';
import { DISPOSITION_ACTIONS } from '../../../domain/recall';
import type { AppDeps, AppEnv } from '../../http/env';
import { signInGuard } from '../../http/env';
import { ErrorSchema, SignatureSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { RecallCaseSchema } from './case-schemas';
import { CaseReconciliationSchema, ReconciledConsigneeSchema, RecordedDispositionSchema } from './recovery-schemas';
import { explainGap, getRecall, readReconciliation, recordDisposition, recordReply } from '../../recall';

const qty = z.number().min(0).max(1e12);
const customerCode = z.string().trim().min(1, 'is required').max(40);

const ReplySchema = z
  .object({
    customerCode,
    onHand: qty,
    returned: qty,
    destroyed: qty,
    corrected: qty,
    lost: qty.optional(),
    subDistributed: z.array(z.object({ name: z.string().trim().min(1).max(200), qty: qty })).max(200).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi('RecallConsigneeReply');

const password = z.string().min(1, 'is required to sign').max(200);

const DispositionSchema = z
  .object({
    lotId: z.string().uuid(),
    action: z.enum(DISPOSITION_ACTIONS),
    qty: z.number().positive().max(1e12),
    note: z.string().trim().max(2000).optional(),
    meaning: z.enum(SIGNATURE_MEANINGS),
    password,
    witness: z.object({ username: z.string().trim().min(1, 'is required').max(64), password }).strict(),
  })
  .strict()
  .openapi('RecallDisposition');

const ExplanationSchema = z.object({ customerCode, explanation: z.string().trim().min(1, 'is required').max(4000), meaning: z.enum(SIGNATURE_MEANINGS), password }).strict().openapi('RecallGapExplanation');

const notFound = { 404: jsonResponse('No such case', ErrorSchema) } as const;
const conflict = { 409: jsonResponse('The case is not recovering (draft, closed or cancelled)', ErrorSchema) } as const;
const refused = { 422: jsonResponse('Not a consignee of the case, a lot outside its scope, a witness who is the signer, more than came back, or no gap to explain', ErrorSchema) } as const;

const reconciliation = createRoute({
  method: 'get',
  path: '/api/recalls/{id}/reconciliation',
  tags: ['recall'],
  summary: 'Per consignee: shipped, returned, destroyed, corrected, on hand, lost, the gap and its signed explanation; flagged returns and dispositions',
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('The closure report figures', z.object({ case: RecallCaseSchema, reconciliation: CaseReconciliationSchema })), ...badRequest, ...authErrors, ...notFound },
});

const reply = createRoute({
  method: 'post',
  path: '/api/recalls/{id}/replies',
  tags: ['recall'],
  summary: "Record a consignee's answer: quantity on hand, returned, destroyed, corrected, lost and passed on to whom",
  security: bearer,
  request: { params: UuidParam, body: jsonBody(ReplySchema) },
  responses: { 201: jsonResponse("The consignee's figures after the answer", z.object({ consignee: ReconciledConsigneeSchema })), ...badRequest, ...authErrors, ...notFound, ...conflict, ...refused },
});

const disposition = createRoute({
  method: 'post',
  path: '/api/recalls/{id}/dispositions',
  tags: ['recall'],
  summary: 'What becomes of returned recalled units (destroy, rework, relabel, return to supplier), signed by QA and witnessed by a second user',
  security: bearer,
  request: { params: UuidParam, body: jsonBody(DispositionSchema) },
  responses: { 201: jsonResponse('The disposition with both signatures', z.object({ disposition: RecordedDispositionSchema })), ...badRequest, ...authErrors, ...notFound, ...conflict, ...refused },
});

const explanation = createRoute({
  method: 'post',
  path: '/api/recalls/{id}/gap-explanations',
  tags: ['recall'],
  summary: "Explain and sign a consignee's gap so the case can close",
  security: bearer,
  request: { params: UuidParam, body: jsonBody(ExplanationSchema) },
  responses: { 201: jsonResponse("The consignee's figures with the explanation", z.object({ consignee: ReconciledConsigneeSchema, signature: SignatureSchema })), ...badRequest, ...authErrors, ...notFound, ...conflict, ...refused },
});

export function recallRecoveryRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(reconciliation, async (c) => {
      const id = c.req.valid('param').id;
      const found = await getRecall(deps.db, id);
      return c.json({ case: found, reconciliation: await readReconciliation(deps.db, id) }, 200);
    })
    .openapi(reply, async (c) => {
      const { customerCode: code, ...body } = c.req.valid('json');
      const consignee = await recordReply(deps.db, c.get('session')!, c.req.valid('param').id, code, { ...body, lost: body.lost ?? 0, subDistributed: body.subDistributed ?? [], note: body.note ?? '' });
      return c.json({ consignee }, 201);
    })
    .openapi(disposition, async (c) => {
      const body = c.req.valid('json');
      const made = await recordDisposition(deps.db, c.get('session')!, c.req.valid('param').id, { ...body, note: body.note ?? '' }, signInGuard(deps));
      return c.json({ disposition: made }, 201);
    })
    .openapi(explanation, async (c) => {
      const made = await explainGap(deps.db, c.get('session')!, c.req.valid('param').id, c.req.valid('json'), signInGuard(deps));
      return c.json({ consignee: made.consignee, signature: made.signature }, 201);
    });
}
