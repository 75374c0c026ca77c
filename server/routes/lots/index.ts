import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { LOT_STATUSES, SIGNATURE_MEANINGS } from '../../../domain/lots';
import { AppError } from '../../errors';
import type { AppDeps, AppEnv } from '../../http/env';
import { actorOf, signInGuard } from '../../http/env';
import { ErrorSchema, SignatureSchema, UuidParam, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { MAX_ATTACHMENT_BYTES, readAttachment, storeAttachment } from '../../lots/attachments';
import { runExpiryJob } from '../../lots/expiry-job';
import { lotHistory } from '../../lots/history';
import { acknowledgeAlert, listAlerts, qcQueue } from '../../lots/qc';
import { MAX_TRACE_DEPTH, traceLot } from '../../lots/trace';
import { recordTraceServed } from '../../lots/trace-log';
import { transitionLot } from '../../lots/transition';

const notFound = { 404: jsonResponse('Not found', ErrorSchema) } as const;

const Origin = z.enum(['received', 'produced']);
const QcQueueEntrySchema = z
  .object({
    id: z.string(),
    lotNumber: z.string(),
    gtin: z.string(),
    itemName: z.string(),
    itemNameZh: z.string().nullable(),
    supplier: z.string().nullable(),
    supplierLot: z.string().nullable(),
    origin: Origin,
    manufacturedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    onHand: z.number(),
    locations: z.array(z.string()),
    waitingSince: z.string(),
    version: z.number().int(),
  })
  .openapi('QcQueueEntry');
const HistoryEventSchema = z
  .object({
    at: z.string(),
    kind: z.enum(['move', 'status', 'genealogy', 'shipment', 'return', 'exception', 'alert', 'label']),
    action: z.string().openapi({ description: "What happened, in the ledger's words: op.receive, lot.status, consumed_into, ..." }),
    actor: z.string().nullable(),
    summary: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('LotHistoryEvent');
const TraceSchema = z
  .object({
    root: z.string(),
    direction: z.enum(['forward', 'backward']),
    depth: z.number().int(),
    serial: z.string().nullable().openapi({ description: 'The serial the trace followed out of the root lot, for a serial trace' }),
    lots: z.array(
      z.object({
        id: z.string(),
        lotNumber: z.string(),
        gtin: z.string(),
        itemName: z.string(),
        itemNameZh: z.string().nullable(),
        status: z.enum(LOT_STATUSES),
        origin: Origin,
        supplier: z.string().nullable(),
        supplierLot: z.string().nullable(),
        expiresOn: z.string().nullable(),
        depth: z.number().int().openapi({ description: 'Hops from the lot the trace started at' }),
      }),
    ),
    edges: z.array(z.object({ parentLotId: z.string(), childLotId: z.string(), qty: z.number(), workOrder: z.string().nullable(), serials: z.array(z.string()) })),
    stock: z.array(z.object({ lotId: z.string(), locationCode: z.string(), locationName: z.string(), qty: z.number() })),
    shipments: z.array(z.object({ lotId: z.string(), shipment: z.string(), customerCode: z.string(), customerName: z.string(), qty: z.number(), serial: z.string().nullable(), shippedAt: z.string() })),
    containers: z
      .array(z.object({ lotId: z.string(), sscc: z.string(), level: z.enum(['inner', 'case', 'pallet']), qty: z.number(), serials: z.number().int(), outermost: z.string(), shippedAt: z.string().nullable() }))
      .openapi({ description: 'Cases and pallets holding the reached lots, each with the outermost container it sits in' }),
    truncated: z.boolean().openapi({ description: 'Whether the walk stopped at the depth limit with further links left' }),
  })
  .openapi('Trace');
const LotAlertSchema = z
  .object({
    id: z.string(),
    lotId: z.string(),
    lotNumber: z.string(),
    gtin: z.string(),
    itemName: z.string(),
    itemNameZh: z.string().nullable(),
    kind: z.enum(['near_expiry', 'expired']),
    windowDays: z.number().int(),
    expiresOn: z.string().nullable(),
    raisedAt: z.string(),
    acknowledgedBy: z.string().nullable(),
  })
  .openapi('LotAlert');

const queue = createRoute({
  method: 'get',
  path: '/api/qc/queue',
  tags: ['qc'],
  summary: 'Lots in quarantine waiting for a QC decision',
  security: bearer,
  responses: { 200: jsonResponse('Inspection queue', z.object({ lots: z.array(QcQueueEntrySchema) })), ...authErrors },
});

const QcResultSchema = z.object({ test: z.string().trim().min(1).max(100), value: z.string().max(200), unit: z.string().max(20).nullish(), pass: z.boolean().nullish() });

const transition = createRoute({
  method: 'post',
  path: '/api/lots/{id}/status',
  tags: ['qc'],
  summary: 'Release, hold, reject, recall or dispose of a lot under an electronic signature',
  security: bearer,
  request: {
    params: UuidParam,
    body: jsonBody(
      z.object({
        to: z.enum(LOT_STATUSES),
        reason: z.string().trim().min(1, 'is required').max(500),
        meaning: z.enum(SIGNATURE_MEANINGS),
        password: z.string().min(1, 'is required to sign').max(200),
        version: z.number().int().positive(),
        results: z.array(QcResultSchema).max(100).optional(),
        attachments: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256')).max(20).optional(),
      }),
    ),
  },
  responses: {
    200: jsonResponse('The lot changed status', z.object({ lotId: z.string(), from: z.enum(LOT_STATUSES), to: z.enum(LOT_STATUSES), version: z.number(), signature: SignatureSchema })),
    ...badRequest,
    ...authErrors,
    ...notFound,
    409: jsonResponse('The lot changed meanwhile', ErrorSchema),
    422: jsonResponse('The status machine refuses this change', ErrorSchema),
  },
});

const history = createRoute({
  method: 'get',
  path: '/api/lots/{id}/history',
  tags: ['lots'],
  summary: "One lot's timeline from the ledger and the audit log",
  security: bearer,
  request: { params: UuidParam },
  responses: { 200: jsonResponse('Timeline', z.object({ events: z.array(HistoryEventSchema) })), ...badRequest, ...authErrors, ...notFound },
});

const trace = createRoute({
  method: 'get',
  path: '/api/lots/{id}/trace',
  tags: ['lots'],
  summary: 'Forward trace (finished lots, stock, customers) or backward trace (components, supplier lots)',
  security: bearer,
  request: {
    params: UuidParam,
    query: z.object({
      direction: z.enum(['forward', 'backward']).default('forward'),
      depth: z.coerce.number().int().min(1).max(MAX_TRACE_DEPTH).default(MAX_TRACE_DEPTH),
      serial: z.string().min(1).max(20).optional(),
    }),
  },
  responses: { 200: jsonResponse('Trace', TraceSchema), ...badRequest, ...authErrors, ...notFound },
});

const upload = createRoute({
  method: 'post',
  path: '/api/attachments',
  tags: ['qc'],
  summary: 'Upload QC evidence (the raw file as the body); answers its SHA-256',
  security: bearer,
  request: { query: z.object({ name: z.string().trim().min(1, 'is required').max(200) }) },
  responses: { 201: jsonResponse('Stored', z.object({ sha256: z.string(), size: z.number() })), ...badRequest, ...authErrors, 413: jsonResponse('Too large', ErrorSchema) },
});

const download = createRoute({
  method: 'get',
  path: '/api/attachments/{sha256}',
  tags: ['qc'],
  summary: 'Download QC evidence by its SHA-256',
  security: bearer,
  request: { params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256') }) },
  responses: { 200: { description: 'The file' }, ...badRequest, ...authErrors, ...notFound },
});

const alerts = createRoute({
  method: 'get',
  path: '/api/alerts',
  tags: ['lots'],
  summary: 'Expiry and near-expiry alerts',
  security: bearer,
  request: { query: z.object({ open: z.enum(['true', 'false']).default('true') }) },
  responses: { 200: jsonResponse('Alerts', z.object({ alerts: z.array(LotAlertSchema) })), ...badRequest, ...authErrors },
});

const acknowledge = createRoute({
  method: 'post',
  path: '/api/alerts/{id}/acknowledge',
  tags: ['lots'],
  summary: 'Acknowledge an alert',
  security: bearer,
  request: { params: UuidParam },
  responses: { 204: { description: 'Acknowledged' }, ...badRequest, ...authErrors, ...notFound },
});

const expire = createRoute({
  method: 'post',
  path: '/api/lots/expire',
  tags: ['lots'],
  summary: 'Run the expiry job now (it also runs daily by itself)',
  security: bearer,
  responses: { 200: jsonResponse('What the job did', z.object({ today: z.string(), expired: z.array(z.string()), nearExpiryAlerts: z.number() })), ...authErrors },
});

export function lotRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(queue, async (c) => c.json({ lots: await qcQueue(deps.db) }, 200))
    .openapi(transition, async (c) => {
      const outcome = await transitionLot(deps.db, c.get('session')!, c.req.valid('param').id, c.req.valid('json'), signInGuard(deps));
      return c.json(outcome, 200);
    })
    .openapi(history, async (c) => c.json({ events: await lotHistory(deps.db, c.req.valid('param').id) }, 200))
    .openapi(trace, async (c) => {
      const q = c.req.valid('query');
      const lotId = c.req.valid('param').id;
      const started = performance.now();
      const result = await traceLot(deps.db, lotId, { direction: q.direction, depth: q.depth, serial: q.serial ?? null });
      await recordTraceServed(deps.db, { lotId, direction: q.direction, depth: q.depth, bySerial: q.serial !== undefined, userId: c.get('session')!.user.id, durationMs: performance.now() - started });
      return c.json(result, 200);
    })
    .openapi(upload, async (c) => {
      const declared = Number(c.req.header('content-length') ?? 0);
      if (declared > MAX_ATTACHMENT_BYTES) throw new AppError(413, 'payload_too_large', `Attachments are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
      const content = new Uint8Array(await c.req.arrayBuffer());
      const stored = await storeAttachment(deps.db, c.get('session')!.user.id, { name: c.req.valid('query').name, mediaType: c.req.header('content-type') ?? 'application/octet-stream', content });
      return c.json(stored, 201);
    })
    .openapi(download, async (c) => {
      const file = await readAttachment(deps.db, c.req.valid('param').sha256);
      return c.body(file.content as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.mediaType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'x-content-type-options': 'nosniff',
      });
    })
    .openapi(alerts, async (c) => c.json({ alerts: await listAlerts(deps.db, c.req.valid('query').open === 'true') }, 200))
    .openapi(acknowledge, async (c) => {
      await acknowledgeAlert(deps.db, actorOf(c.get('session')!), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(expire, async (c) => c.json(await runExpiryJob(deps.db), 200));
}
