import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf } from '../../http/env';
import { ErrorSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { listRfidRuns } from '../../printing/rfid-reconcile';
import { setRfidPolicy } from '../../printing/printers';
import { resolveUncertainTag } from '../../printing/rfid-resolve';
import { PrinterRfidPolicyChange, PrinterRfidPolicySchema, RfidRunSchema } from './rfid-schemas';

const errors = { 404: jsonResponse('Not found', ErrorSchema), 409: jsonResponse('Conflict', ErrorSchema), 422: jsonResponse('Refused', ErrorSchema) } as const;
const reason = z.string().trim().min(1, 'is required').max(500);
const epc = z
  .string()
  .trim()
  .regex(/^(0x)?[0-9A-Fa-f]{24,64}$/, 'must be the tag’s EPC in hexadecimal: 24 to 64 digits')
  .openapi({ description: 'The EPC read from the physical tag with a reader or wedge' });

const runs = createRoute({
  method: 'get',
  path: '/api/rfid-runs',
  tags: ['printing'],
  summary: 'The latest print runs with RFID labels, newest first, each with printed = encoded + voided + uncertain',
  security: bearer,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
  responses: { 200: jsonResponse('Runs', z.object({ runs: z.array(RfidRunSchema) })), ...badRequest, ...authErrors },
});

const resolveTag = createRoute({
  method: 'post',
  path: '/api/print-jobs/{id}/rfid/resolve',
  tags: ['printing'],
  summary: 'Settle an RFID label in doubt: the EPC read from its tag binds the serial when it is the one written, else voids it; a destroyed label voids it',
  security: bearer,
  request: {
    params: UuidParam,
    body: jsonBody(z.discriminatedUnion('action', [z.object({ action: z.literal('tag_read'), epc, reason }).strict(), z.object({ action: z.literal('destroyed'), reason }).strict()])),
  },
  responses: {
    200: jsonResponse(
      'Settled',
      z.object({
        jobId: z.string(),
        serial: z.string(),
        epc: z.string(),
        epcRead: z.string().nullable(),
        outcome: z.enum(['encoded', 'voided']),
        reason: z.enum(['wrong_tag', 'destroyed']).nullable(),
      }),
    ),
    ...badRequest,
    ...authErrors,
    ...errors,
  },
});

const policy = createRoute({
  method: 'patch',
  path: '/api/printers/{id}/rfid-policy',
  tags: ['printing'],
  summary: "Change a printer's RFID policy: retry at all, how many labels to retry (over the template's), how long to wait for a read-back",
  security: bearer,
  request: { params: UuidParam, body: jsonBody(PrinterRfidPolicyChange) },
  responses: { 200: jsonResponse('Changed', z.object({ id: z.string(), name: z.string(), rfidPolicy: PrinterRfidPolicySchema, version: z.number().int() })), ...badRequest, ...authErrors, ...errors },
});

export function rfidRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(runs, async (c) => c.json({ runs: await listRfidRuns(deps.db, c.req.valid('query').limit) }, 200))
    .openapi(resolveTag, async (c) => c.json(await resolveUncertainTag(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(policy, async (c) => {
      const printer = await setRfidPolicy(deps.db, actorOf(c.get('session')!), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ id: printer.id, name: printer.name, rfidPolicy: printer.rfidPolicy, version: printer.version }, 200);
    });
}
