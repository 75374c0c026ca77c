import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { MAX_LISTED, verifyAuditChain } from '../../audit';
import type { AppDeps, AppEnv } from '../../http/env';
import { authErrors, badRequest, bearer, jsonResponse } from '../../http/schemas';
import { validationHook } from '../../http/validation';

const AuditRowSchema = z
  .object({
    seq: z.string(),
    id: z.string(),
    at: z.string(),
    actorName: z.string(),
    deviceId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
    signatureMeaning: z.string().nullable(),
    hash: z.string(),
  })
  .openapi('AuditRow');

const BreakSchema = z
  .object({
    seq: z.string().nullable(),
    id: z.string().nullable(),
    problem: z.enum(['content_changed', 'link_broken', 'checkpoint_mismatch', 'rows_missing', 'checkpoint_forged', 'checkpoint_unreadable', 'anchor_key_missing', 'lot_status_mismatch', 'held_lots_changed']),
    message: z.string(),
    lotId: z.string().optional(),
    checkpoint: z.object({ file: z.string(), line: z.number().int(), seq: z.string().nullable(), at: z.string().nullable() }).optional(),
  })
  .openapi('AuditBreak');

const VerificationSchema = z
  .object({
    ok: z.boolean(),
    rows: z.number().int(),
    lastSeq: z.string().nullable(),
    lastHash: z.string(),
    breaks: z.array(BreakSchema).openapi({ description: `Every break, in chain order; at most ${MAX_LISTED} are listed` }),
    breakCount: z.number().int(),
    firstBreak: BreakSchema.optional(),
    anchor: z.object({
      status: z.enum(['checked', 'no_checkpoints', 'key_missing', 'not_configured']),
      checkpointDir: z.string().nullable(),
      checkpoints: z.number().int(),
      latest: z.object({ seq: z.string(), hash: z.string(), at: z.string() }).nullable(),
      rowsAfterLatest: z.number().int(),
      message: z.string(),
    }),
  })
  .openapi('AuditVerification');

const list = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: 'Audit trail, newest first; filter by entity',
  security: bearer,
  request: {
    query: z.object({
      entityType: z.string().max(40).optional(),
      entityId: z.string().max(100).optional(),
      before: z.coerce.number().int().positive().optional().openapi({ description: 'Rows with seq below this (paging)' }),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: { 200: jsonResponse('Audit rows', z.object({ rows: z.array(AuditRowSchema) })), ...badRequest, ...authErrors },
});

const verify = createRoute({
  method: 'get',
  path: '/api/audit/verify',
  tags: ['audit'],
  summary: 'Walk the hash chain, check it against the signed checkpoints and the lots, and report every break',
  security: bearer,
  responses: {
    200: jsonResponse('Verification result', VerificationSchema),
    ...authErrors,
  },
});

interface Row {
  seq: string;
  id: string;
  at: Date;
  actor_name: string;
  device_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  signature_meaning: string | null;
  hash: string;
}

export function auditRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const result = await deps.db.query<Row>(
        `SELECT seq::text AS seq, id, at, actor_name, device_id, action, entity_type, entity_id, before, after, reason, signature_meaning, hash
           FROM audit_log
          WHERE ($1::text IS NULL OR entity_type = $1) AND ($2::text IS NULL OR entity_id = $2) AND ($3::bigint IS NULL OR seq < $3)
          ORDER BY audit_log.seq DESC LIMIT $4`,
        [q.entityType ?? null, q.entityId ?? null, q.before ?? null, q.limit],
      );
      const rows = result.rows.map((r) => ({
        seq: r.seq,
        id: r.id,
        at: new Date(r.at).toISOString(),
        actorName: r.actor_name,
        deviceId: r.device_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        reason: r.reason,
        signatureMeaning: r.signature_meaning,
        hash: r.hash,
      }));
      return c.json({ rows }, 200);
    })
    .openapi(verify, async (c) => c.json(await verifyAuditChain(deps.db, { anchor: deps.auditAnchor }), 200));
}
