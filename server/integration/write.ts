import { judgeRows, summarise, type BatchSummary, type InboundKind, type JudgedRow, type RowResult } from '../../domain/integration';
import { appendAudit } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { heldKindOf } from '../../domain/masterdata';
import { stateMasterDataChange } from '../masterdata/change-context';
import { changeRequestGate } from '../masterdata/change-requests';
import { notifyChanges } from '../sync/notify';
import { integrationActor, markKeyUsed, type IntegrationCaller } from './api-keys';
import { runIdempotent, type Answer } from './idempotency';
import { RECORD_SPECS } from './records';
import { upsertRows } from './upsert';

export interface WriteRequest {
  route: string;
  idempotencyKey: string | undefined;
}

export interface BatchAnswer {
  summary: BatchSummary;
  results: RowResult[];
}

/**
 * Writes judged rows and audits them in one transaction: each record created or updated, and
 * the key's use (route, Idempotency-Key, counts) under the integration's name. A request that
 * wrote nothing leaves the audit chain as it was.
 */
async function writeJudged(tx: Queryable, caller: IntegrationCaller, kind: InboundKind, judged: readonly JudgedRow<{ externalId: string }>[], request: WriteRequest): Promise<RowResult[]> {
  const spec = RECORD_SPECS[kind];
  const actor = integrationActor(caller);
  // The master-data history names the integration and what it sent; a batch is one reason for its rows.
  const why = judged.length === 1 ? `integration upsert ${judged[0]!.externalId}` : `integration batch of ${judged.length} (${request.route})`;
  await stateMasterDataChange(tx, { actor, reason: why });
  // A regulated change of master data waits for QC's signature as a change request instead.
  const held = heldKindOf(kind);
  const gate = held ? changeRequestGate(held, { keyId: caller.keyId, name: actor.name }, request.idempotencyKey) : undefined;
  const { results, audit } = await upsertRows(tx, actor, spec, judged, gate);
  if (audit.length > 0) {
    await markKeyUsed(tx, caller.keyId);
    const summary = summarise(results);
    await appendAudit(tx, actor, [
      ...audit,
      { action: 'api_key.used', entityType: 'api_key', entityId: caller.keyId, after: { route: request.route, idempotencyKey: request.idempotencyKey ?? null, keyPrefix: caller.prefix, ...summary } },
    ]);
    if (spec.collections) await notifyChanges(tx, spec.collections);
  }
  return results;
}

/** A batch: every row answered by its index, the good ones written even when others fail. */
export async function writeBatch(db: Db, caller: IntegrationCaller, kind: InboundKind, rows: readonly unknown[], request: WriteRequest): Promise<Answer> {
  const spec = RECORD_SPECS[kind];
  return runIdempotent(db, caller, request.idempotencyKey, request.route, { rows }, async (tx) => {
    const judged = judgeRows(rows, spec.schema, spec.uniqueFields);
    const results = await writeJudged(tx, caller, kind, judged, request);
    const summary = summarise(results);
    // 207: the rows' own outcomes differ, and the caller must read them.
    return { status: summary.errors > 0 ? 207 : 200, body: { summary, results } satisfies BatchAnswer as unknown as Record<string, unknown> };
  });
}

/** One record by its external id; a row problem is the whole answer (400, 409 or 422). */
export async function writeOne(db: Db, caller: IntegrationCaller, kind: InboundKind, record: { externalId: string }, request: WriteRequest): Promise<Answer> {
  return runIdempotent(db, caller, request.idempotencyKey, request.route, record, async (tx) => {
    const [result] = await writeJudged(tx, caller, kind, [{ index: 0, externalId: record.externalId, ok: true, value: record }], request);
    if (result!.outcome === 'error') {
      if (result!.code === 'change_pending') throw new AppError(409, 'change_pending', `T${result!.message!.slice(1)}.`, { field: 'externalId', requestId: result!.requestId });
      const [status, code] = result!.code === 'unknown_reference' ? ([422, 'unknown_reference'] as const) : result!.code === 'conflict' ? ([409, 'conflict'] as const) : ([400, 'invalid_request'] as const);
      throw new AppError(status, code, `body.${result!.field}: ${result!.message}`, { field: `body.${result!.field}`, problems: result!.problems });
    }
    // 202: accepted, not written; QC's signature decides (the requestId says where it waits).
    return { status: result!.outcome === 'created' ? 201 : result!.outcome === 'pending' ? 202 : 200, body: { ...result } as Record<string, unknown> };
  });
}

/** A stored record as the integration sees it, by its external id. */
export async function readRecord(db: Queryable, kind: InboundKind, externalId: string): Promise<{ id: string; externalId: string; version: number; record: Record<string, unknown> } | null> {
  const spec = RECORD_SPECS[kind];
  const found = await db.query<{ id: string; version: number; stored: Record<string, unknown> }>(`SELECT t.id, t.version, ${spec.stored} AS stored FROM ${spec.table} t WHERE t.external_id = $1`, [externalId]);
  const row = found.rows[0];
  return row ? { id: row.id, externalId, version: row.version, record: row.stored } : null;
}
