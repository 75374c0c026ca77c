import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { CHANGE_REQUEST_STATUSES, MASTER_DATA_KINDS, kindOfPath, pathOfKind, type MasterDataKind } from '../../../domain/masterdata';
import { signInGuard, type AppDeps, type AppEnv } from '../../http/env';
import { DbUuid, ErrorSchema, authErrors, badRequest, bearer, jsonBody, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';
import { AppError } from '../../errors';
import { approveChangeRequest, diffVersions, listChangeRequests, listVersions, rejectChangeRequest, restoreVersion } from '../../masterdata';

const KIND_PATHS = MASTER_DATA_KINDS.map(pathOfKind) as [string, ...string[]];

const RecordParams = z.object({
  // Any text, so that an unknown kind is answered with its own code rather than a schema error.
  kind: z.string().openapi({ param: { name: 'kind', in: 'path' }, description: `One of ${KIND_PATHS.join(', ')}`, example: 'items' }),
  id: DbUuid.openapi({ param: { name: 'id', in: 'path' } }),
});
const version = z.number().int().min(1);
const reason = z.string().trim().min(1, 'is required').max(500);

const SignatureViewSchema = z.object({ signedBy: z.string(), username: z.string(), meaning: z.string(), signedAt: z.string() }).openapi('MasterDataSignature');
const HistorySchema = z
  .object({
    kind: z.enum(MASTER_DATA_KINDS),
    id: z.string(),
    currentVersion: z.number().int(),
    versions: z.array(
      z.object({
        version: z.number().int(),
        change: z.enum(['created', 'updated', 'deleted', 'backfilled']),
        reason: z.string(),
        changedBy: z.string().openapi({ description: 'The user, or the integration, import or seed that wrote the change' }),
        changedAt: z.string(),
        restoredFrom: z.number().int().nullable(),
        regulated: z.boolean().openapi({ description: 'Changes a field regulators hold the manufacturer to, against the version before' }),
        signature: SignatureViewSchema.nullable(),
        data: z.record(z.string(), z.unknown()).openapi({ description: 'The whole row as this version stored it' }),
      }),
    ),
  })
  .openapi('MasterDataHistory');
const FieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown(), regulated: z.boolean() }).openapi('MasterDataChange');

const errors = {
  403: jsonResponse('A regulated change without a valid QC signature (signature_required, qc_signature_required, signature_failed)', ErrorSchema),
  404: jsonResponse('No such kind, record or version (unknown_kind, not_found, version_not_found)', ErrorSchema),
  409: jsonResponse('A unique value taken by another record, the record changed meanwhile, or deleted', ErrorSchema),
  422: jsonResponse('The version reads as the current one (no_change), or holds what a live change would refuse today (invalid_content)', ErrorSchema),
};

const versions = createRoute({
  method: 'get',
  path: '/api/master-data/{kind}/{id}/versions',
  tags: ['master-data'],
  summary: 'Every version of an item, location, number rule, customer, supplier or packaging spec, with who, when and why',
  security: bearer,
  request: { params: RecordParams },
  responses: { 200: jsonResponse('The history, oldest version first', HistorySchema), ...badRequest, ...authErrors, ...errors },
});
const diff = createRoute({
  method: 'get',
  path: '/api/master-data/{kind}/{id}/diff',
  tags: ['master-data'],
  summary: 'What changed from one version to another, field by field',
  security: bearer,
  request: { params: RecordParams, query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }) },
  responses: { 200: jsonResponse('Changes', z.object({ changes: z.array(FieldChangeSchema) })), ...badRequest, ...authErrors, ...errors },
});
const restore = createRoute({
  method: 'post',
  path: '/api/master-data/{kind}/{id}/restore',
  tags: ['master-data'],
  summary: "Write an earlier version's content again as a new version (history is never rewritten)",
  description:
    'A restore that changes a regulated field (an item GTIN, a number rule pattern, a location kind...) needs a QC electronic signature: the password of the signed-in QC user, or of a QC colleague named by username. Without one it is refused with 403 signature_required; nothing is written. A unique value (code, GTIN, SKU, name) now held by another record is refused with 409 conflict naming the field.',
  security: bearer,
  request: {
    params: RecordParams,
    body: jsonBody(
      z.object({
        version,
        baseVersion: version.openapi({ description: 'The version the person saw as current; another one in between is refused (409 stale_version)' }),
        reason,
        signature: z.object({ username: z.string().min(1).max(100).optional(), password: z.string().min(1, 'is required to sign') }).optional(),
      }),
    ),
  },
  responses: { 200: jsonResponse('The history with the new version', HistorySchema), ...badRequest, ...authErrors, ...errors },
});

const ChangeRequestSchema = z
  .object({
    id: z.string(),
    kind: z.enum(MASTER_DATA_KINDS),
    recordId: z.string(),
    externalId: z.string(),
    baseVersion: z.number().int().openapi({ description: "The record's row version the change was proposed against; a record written since makes approval stale" }),
    proposed: z.record(z.string(), z.unknown()).openapi({ description: 'The columns the integration sent, as they will be written' }),
    changes: z.array(FieldChangeSchema),
    regulatedFields: z.array(z.string()),
    requestedBy: z.string().openapi({ description: 'The integration whose API key sent the change' }),
    requestedAt: z.string(),
    status: z.enum(CHANGE_REQUEST_STATUSES),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    signature: SignatureViewSchema.nullable(),
    reason: z.string().nullable(),
  })
  .openapi('MasterDataChangeRequest');
const RequestParams = z.object({ id: DbUuid.openapi({ param: { name: 'id', in: 'path' } }) });
const decisionErrors = {
  403: jsonResponse('No valid QC signature (qc_signature_required, signature_failed, account_locked)', ErrorSchema),
  404: jsonResponse('No such change request (not_found)', ErrorSchema),
  409: jsonResponse('Already decided (request_decided), the record changed since (stale_request), or a unique value now taken (conflict); nothing written', ErrorSchema),
};

const changeRequests = createRoute({
  method: 'get',
  path: '/api/master-data/change-requests',
  tags: ['master-data'],
  summary: 'Changes of regulated master data sent by the integration API, held for a QC signature',
  security: bearer,
  request: { query: z.object({ status: z.enum(CHANGE_REQUEST_STATUSES).optional() }) },
  responses: { 200: jsonResponse('Change requests, newest first (at most 500)', z.object({ requests: z.array(ChangeRequestSchema) })), ...badRequest, ...authErrors },
});
const approve = createRoute({
  method: 'post',
  path: '/api/master-data/change-requests/{id}/approve',
  tags: ['master-data'],
  summary: "Apply a held change with QC's electronic signature, as one new version carrying it",
  description: 'The password of the signed-in QC user, or of a QC colleague named by username, as for a restore. The record must be at the row version the change was proposed against.',
  security: bearer,
  request: {
    params: RequestParams,
    body: jsonBody(z.object({ reason: reason.optional(), signature: z.object({ username: z.string().min(1).max(100).optional(), password: z.string().min(1, 'is required to sign') }) })),
  },
  responses: { 200: jsonResponse('The request, approved', ChangeRequestSchema), ...badRequest, ...authErrors, ...decisionErrors },
});
const reject = createRoute({
  method: 'post',
  path: '/api/master-data/change-requests/{id}/reject',
  tags: ['master-data'],
  summary: 'Refuse a held change with a reason; the record stays as it is',
  security: bearer,
  request: { params: RequestParams, body: jsonBody(z.object({ reason })) },
  responses: { 200: jsonResponse('The request, rejected', ChangeRequestSchema), ...badRequest, ...authErrors, ...decisionErrors },
});

function kindOf(segment: string): MasterDataKind {
  const kind = kindOfPath(segment);
  if (!kind) throw new AppError(404, 'unknown_kind', `${segment.slice(0, 40)} is not master data under version control; one of ${KIND_PATHS.join(', ')}.`, { field: 'kind' });
  return kind;
}

export function masterDataRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(changeRequests, async (c) => c.json({ requests: await listChangeRequests(deps.db, c.req.valid('query').status) }, 200))
    .openapi(approve, async (c) => c.json(await approveChangeRequest(deps.db, c.get('session')!, c.req.valid('param').id, c.req.valid('json'), signInGuard(deps)), 200))
    .openapi(reject, async (c) => c.json(await rejectChangeRequest(deps.db, c.get('session')!, c.req.valid('param').id, c.req.valid('json').reason), 200))
    .openapi(versions, async (c) => {
      const { kind, id } = c.req.valid('param');
      return c.json(await listVersions(deps.db, kindOf(kind), id), 200);
    })
    .openapi(diff, async (c) => {
      const { kind, id } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      return c.json({ changes: await diffVersions(deps.db, kindOf(kind), id, from, to) }, 200);
    })
    .openapi(restore, async (c) => {
      const { kind, id } = c.req.valid('param');
      return c.json(await restoreVersion(deps.db, c.get('session')!, kindOf(kind), id, c.req.valid('json'), signInGuard(deps)), 200);
    });
}
