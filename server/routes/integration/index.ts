import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { INBOUND_KINDS, INBOUND_RECORDS, externalId as ExternalId, normaliseExternalId, type InboundKind } from '../../../domain/integration';
import { AppError } from '../../errors';
import type { AppDeps, AppEnv } from '../../http/env';
import { ErrorSchema, badRequest, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { idempotencyKeyOf, readRecord, writeBatch, writeOne, type IntegrationCaller } from '../../integration';

/** The most rows one batch takes; a larger load is sent as several batches, each answered row by row. */
export const BATCH_MAX_ROWS = 10_000;

const apiKey: Record<string, string[]>[] = [{ apiKey: [] }, { integrationBearer: [] }];

const keyErrors = {
  401: { description: 'No API key, or a key unknown, revoked or past its grace period', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: "The key lacks this route's scope", content: { 'application/json': { schema: ErrorSchema } } },
  429: { description: 'Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

const RowResultSchema = z
  .object({
    index: z.number().int(),
    externalId: z.string().nullable(),
    outcome: z.enum(['created', 'updated', 'unchanged', 'pending', 'error']).openapi({ description: 'pending: the row changes a regulated field of master data and waits, unwritten, for a QC signature (requestId)' }),
    id: z.string().optional(),
    requestId: z.string().optional().openapi({ description: 'The master-data change request that holds a pending row, or that a change_pending row waits behind' }),
    field: z.string().optional(),
    message: z.string().optional(),
    code: z.enum(['invalid', 'duplicate', 'unknown_reference', 'conflict', 'change_pending']).optional(),
    problems: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  })
  .openapi('IntegrationRowResult');

const BatchAnswerSchema = z
  .object({
    summary: z.object({ rows: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), pending: z.number().int(), errors: z.number().int() }),
    results: z.array(RowResultSchema),
  })
  .openapi('IntegrationBatchAnswer');

const IdempotencyHeader = z.object({
  'idempotency-key': z.string().optional().openapi({ description: 'Same key and same body: the first answer again. Same key, other body: 409.' }),
});

const ExternalIdParam = z.object({ externalId: ExternalId.openapi({ param: { name: 'externalId', in: 'path' }, type: 'string' }) });

const noun: Record<InboundKind, string> = {
  items: 'an item (with its UDI-DI attributes)',
  suppliers: 'a supplier',
  customers: 'a customer (consignee, address, phone, GLN)',
  locations: 'a stock location',
  'purchase-orders': 'a purchase order or advance ship notice',
  'sales-orders': 'a sales order',
  'work-orders': 'a work order (a new one numbers its finished lot)',
};

export function integrationRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const callerOf = (c: { get(key: 'integration'): IntegrationCaller | undefined }): IntegrationCaller => c.get('integration')!;
  for (const kind of INBOUND_KINDS) {
    // One loop for every kind: the routes differ only in the record's schema.
    const record = INBOUND_RECORDS[kind] as unknown as z.ZodObject<{ externalId: typeof ExternalId }>;
    const body = record.omit({ externalId: true }).extend({ externalId: z.string().optional() });
    const tags = ['integration'];
    const put = createRoute({
      method: 'put',
      path: `/api/integration/${kind}/{externalId}`,
      tags,
      summary: `Create or update ${noun[kind]} by its external id`,
      description: 'The body is the whole record: a field left out is stored empty or at its default. Ids are trimmed; ids with inner or full-width spaces, full-width letters or control characters are refused.',
      security: apiKey,
      request: { params: ExternalIdParam, headers: IdempotencyHeader, body: jsonBody(body) },
      responses: {
        201: jsonResponse('Created', RowResultSchema),
        200: jsonResponse('Updated, or unchanged (outcome says which)', RowResultSchema),
        202: jsonResponse('A change of a regulated field (GTIN, UDI-DI, shelf life, location kind...) of an existing record: held, unwritten, as a change request for QC to sign (outcome pending, requestId)', RowResultSchema),
        ...badRequest,
        ...keyErrors,
        409: jsonResponse('Idempotency-Key used for another body, a natural key held by another record, or a change of the record already waiting for QC (change_pending)', ErrorSchema),
        422: jsonResponse('A reference (supplier, customer, item) is not known by that external id', ErrorSchema),
      },
    });
    const batch = createRoute({
      method: 'post',
      path: `/api/integration/${kind}/batch`,
      tags,
      summary: `Create or update many: ${noun[kind]} per row`,
      description: `Up to ${BATCH_MAX_ROWS} rows, each answered by its index: created, updated, unchanged, pending (a regulated change of master data held for a QC signature, with its requestId), or error with the field and message. Good rows are written even when others fail (207); a failed row is never reported written.`,
      security: apiKey,
      request: { headers: IdempotencyHeader, body: jsonBody(z.object({ rows: z.array(z.unknown().openapi({ description: `${kind} record, as the PUT body plus externalId` })).min(1, 'has no rows').max(BATCH_MAX_ROWS, `has more than ${BATCH_MAX_ROWS} rows`) })) },
      responses: { 200: jsonResponse('Every row written or unchanged', BatchAnswerSchema), 207: jsonResponse('Some rows failed; the others were written', BatchAnswerSchema), ...badRequest, ...keyErrors, 409: jsonResponse('Idempotency-Key used for another body', ErrorSchema) },
    });
    const get = createRoute({
      method: 'get',
      path: `/api/integration/${kind}/{externalId}`,
      tags,
      summary: `Read ${noun[kind]} by its external id`,
      security: apiKey,
      request: { params: ExternalIdParam },
      responses: { 200: jsonResponse('The stored record', z.object({ id: z.string(), externalId: z.string(), version: z.number().int(), record: z.record(z.string(), z.unknown()) })), ...badRequest, ...keyErrors, 404: jsonResponse('No record has that external id', ErrorSchema) },
    });

    app.openapi(put, async (c) => {
      const { externalId } = c.req.valid('param');
      const { externalId: inBody, ...fields } = c.req.valid('json') as Record<string, unknown> & { externalId?: string };
      if (inBody !== undefined) {
        const verdict = normaliseExternalId(inBody);
        if (!verdict.ok || verdict.id !== externalId) throw new AppError(400, 'invalid_request', 'body.externalId: does not match the external id in the path', { field: 'body.externalId' });
      }
      const idempotencyKey = idempotencyKeyOf(c.req.header('idempotency-key'));
      const route = `PUT /api/integration/${kind}/${externalId}`;
      const answer = await writeOne(deps.db, callerOf(c), kind, { ...fields, externalId }, { route, idempotencyKey });
      if (answer.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(answer.body as z.infer<typeof RowResultSchema>, answer.status as 200 | 201 | 202);
    });
    app.openapi(batch, async (c) => {
      const idempotencyKey = idempotencyKeyOf(c.req.header('idempotency-key'));
      const answer = await writeBatch(deps.db, callerOf(c), kind, c.req.valid('json').rows, { route: `POST /api/integration/${kind}/batch`, idempotencyKey });
      if (answer.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(answer.body as z.infer<typeof BatchAnswerSchema>, answer.status as 200 | 207);
    });
    app.openapi(get, async (c) => {
      const found = await readRecord(deps.db, kind, c.req.valid('param').externalId);
      if (!found) throw new AppError(404, 'not_found', `No ${kind} record has the external id ${c.req.valid('param').externalId}.`);
      return c.json(found, 200);
    });
  }
  return app;
}
