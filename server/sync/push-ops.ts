import { planOp, validateOp, type OpPayload, type PlannedException } from '../../domain/ops';
import { sameDocument, type Collection, type OpDoc, type OpOutcome, type OpProblem, type PushRow } from '../../sync';
import { appendAudit, type AuditEntry } from '../audit';
import { transactionWithRetry, type Db, type Queryable } from '../db';
import { postFacts, postMoves, type Move, type OpFacts } from '../ledger';
import { ops as opsSpec } from './collections';
import { notifyChanges } from './notify';
import { createBatchLots } from './batch-lots';
import { loadBatchContext, readMasterData, type BatchContext } from './op-context';
import { postPicks } from './pick-progress';
import { requestLabels } from './print-ops';

/** An exception as the device shows it: its kind and details, the English message left out. */
function problemOf(exception: PlannedException): OpProblem {
  const { message: _english, ...params } = exception.details;
  return { code: exception.kind, params: params as OpProblem['params'] };
}

const rejected = (reason: string): OpOutcome => ({ message: reason, problems: [{ code: 'rejected', params: { reason } }] });

export interface Pusher {
  userId: string;
  username: string;
  deviceId: string;
}

type OpState = OpDoc & { _deleted: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Incoming {
  doc: OpState;
  /** Set when the op can be stored but not applied. */
  rejection?: string;
  op?: OpPayload;
}

/** Shape checks that decide whether an op can be stored at all, and whether it can be applied. */
function screen(doc: OpState, pusher: Pusher): Incoming {
  if (doc.deviceId !== pusher.deviceId) return { doc, rejection: 'this op belongs to another device' };
  if (typeof doc.deviceTime !== 'string' || Number.isNaN(Date.parse(doc.deviceTime))) return { doc, rejection: 'deviceTime: must be an ISO time' };
  if (doc.status === 'cancelled') return { doc };
  if (doc.status !== 'queued') return { doc, rejection: `a device may only send queued ops (got ${String(doc.status)})` };
  const checked = validateOp(String(doc.type), doc.payload);
  return checked.ok ? { doc, op: checked.op } : { doc, rejection: checked.reason };
}

export interface PushResult {
  conflicts: OpState[];
  applied: number;
  exceptions: number;
  rejected: number;
}

/**
 * Takes a batch of ops from one device. New ops are stored and applied exactly once, by id,
 * in one transaction with their moves, balances, exceptions and audit rows; an op the server
 * already has is never applied again, and the device gets the server's copy back if its idea
 * of the op differs.
 */
export async function pushOps(db: Db, pusher: Pusher, rows: readonly PushRow<OpDoc>[]): Promise<PushResult> {
  const storable: Incoming[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const doc = row.newDocumentState;
    if (typeof doc?.id !== 'string' || !UUID.test(doc.id) || seen.has(doc.id)) continue; // cannot be stored or already in this batch
    seen.add(doc.id);
    storable.push(screen(doc, pusher));
  }
  if (storable.length === 0) return { conflicts: [], applied: 0, exceptions: 0, rejected: 0 };
  // Ops are keyed by their ids, so a batch can run again after a deadlock or a lost connection:
  // what the first attempt committed comes back as known ops, never applied twice.
  return transactionWithRetry(db, (tx) => storeAndApply(tx, pusher, storable), { idempotent: true });
}

async function storeAndApply(tx: Queryable, pusher: Pusher, storable: readonly Incoming[]): Promise<PushResult> {
  const result: PushResult = { conflicts: [], applied: 0, exceptions: 0, rejected: 0 };
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO ops (id, type, device_id, user_id, device_time, payload, status)
     SELECT r.id, r.type, $2::uuid, COALESCE(u.id, $3::uuid), r.device_time, COALESCE(r.payload, '{}'::jsonb), 'queued'
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, type text, user_id uuid, device_time timestamptz, payload jsonb)
       LEFT JOIN users u ON u.id = r.user_id
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      JSON.stringify(
        storable.map(({ doc }) => ({
          id: doc.id,
          type: String(doc.type).slice(0, 40),
          user_id: typeof doc.userId === 'string' && UUID.test(doc.userId) ? doc.userId : null,
          device_time: Number.isNaN(Date.parse(doc.deviceTime)) ? new Date().toISOString() : doc.deviceTime,
          payload: typeof doc.payload === 'object' && doc.payload !== null ? doc.payload : {},
        })),
      ),
      pusher.deviceId,
      pusher.userId,
    ],
  );
  const fresh = new Set(inserted.rows.map((r) => r.id));

  // Ops the server already had: never applied twice; a differing device copy gets the master back.
  const known = storable.filter((s) => !fresh.has(s.doc.id));
  if (known.length > 0) {
    const masters = await tx.query<Record<string, unknown>>(`SELECT ${opsSpec.select} FROM ops WHERE id = ANY($1::uuid[])`, [known.map((k) => k.doc.id)]);
    const byId = new Map(masters.rows.map((r) => [r.id as string, { ...opsSpec.toDocument(r), _deleted: false }]));
    for (const { doc } of known) {
      const master = byId.get(doc.id);
      if (master && !sameDocument(master, doc)) result.conflicts.push(master);
    }
  }

  const incoming = storable.filter((s) => fresh.has(s.doc.id));
  const applicable = incoming.filter((s): s is Incoming & { op: OpPayload } => !s.rejection && s.op !== undefined);
  let ctx: BatchContext | undefined;
  let lotsCreated = 0;
  if (applicable.length > 0) {
    const batch = applicable.map((a) => a.op);
    const master = await readMasterData(tx, batch);
    lotsCreated = await createBatchLots(tx, batch, master);
    ctx = await loadBatchContext(tx, batch, master);
  }
  const outcomes: { id: string; status: string; outcome: unknown; applied: boolean }[] = [];
  const moves: Move[] = [];
  const facts: OpFacts[] = [];
  const exceptions: { op_id: string; kind: string; lot_id: string | null; location_id: string | null; details: unknown }[] = [];
  const audit: AuditEntry[] = [];
  const picks: { op_id: string; pick_list_id: string; gtin: string; lot_id: string; qty: number }[] = [];

  for (const item of incoming) {
    const { doc } = item;
    if (item.rejection) {
      outcomes.push({ id: doc.id, status: 'rejected', outcome: rejected(item.rejection), applied: false });
      result.rejected++;
      audit.push({ action: 'op.rejected', entityType: 'op', entityId: doc.id, after: { type: doc.type, reason: item.rejection } });
      continue;
    }
    if (doc.status === 'cancelled' || !item.op || !ctx) {
      outcomes.push({ id: doc.id, status: 'cancelled', outcome: { message: 'cancelled on the device before it was sent', problems: [{ code: 'cancelled', params: {} }] }, applied: false });
      continue;
    }
    const op = item.op;
    const plan = planOp(op, ctx);
    const actorId = typeof doc.userId === 'string' && UUID.test(doc.userId) ? doc.userId : pusher.userId;
    const opMoves = plan.moves.map((m) => ({ ...m, reason: `op.${op.type}`, opId: doc.id, actorId }));
    ctx.record(opMoves, plan.serials, plan.pick);
    if (plan.pick) picks.push({ op_id: doc.id, pick_list_id: plan.pick.pickListId, gtin: plan.pick.gtin, lot_id: plan.pick.lotId, qty: plan.pick.qty });
    moves.push(...opMoves);
    facts.push({ opId: doc.id, actorId, edges: plan.edges, shipment: plan.shipment, customerReturn: plan.customerReturn, serials: plan.serials });
    for (const e of plan.exceptions) exceptions.push({ op_id: doc.id, kind: e.kind, lot_id: e.lotId, location_id: e.locationId, details: e.details });
    if (op.type === 'print') {
      const printed = await requestLabels(tx, { id: actorId, name: pusher.username, deviceId: pusher.deviceId }, doc.id, op.payload, ctx, applicable);
      if (!printed.ok) {
        outcomes.push({ id: doc.id, status: 'rejected', outcome: rejected(printed.message), applied: false });
        result.rejected++;
        audit.push({ action: 'op.rejected', entityType: 'op', entityId: doc.id, after: { type: op.type, reason: printed.message } });
        continue;
      }
      plan.message = printed.message;
    }
    const made = op.type === 'produce' ? { lotNumber: op.payload.lotNumber } : {};
    const found = plan.exceptions.length ? { exceptions: plan.exceptions.map((e) => e.kind), problems: plan.exceptions.map(problemOf) } : {};
    outcomes.push({ id: doc.id, status: plan.status, outcome: { message: plan.message, ...made, ...found }, applied: true });
    if (plan.status === 'applied') result.applied++;
    else result.exceptions++;
    audit.push({ action: `op.${op.type}`, entityType: 'op', entityId: doc.id, after: { payload: op.payload, status: plan.status, moves: opMoves.length, exceptions: plan.exceptions.map((e) => e.kind) } });
  }

  await postMoves(tx, moves);
  await postFacts(tx, facts);
  if (exceptions.length > 0) {
    await tx.query(
      `INSERT INTO stock_exceptions (op_id, kind, lot_id, location_id, details)
       SELECT op_id, kind, lot_id, location_id, details FROM jsonb_to_recordset($1::jsonb) AS r(op_id uuid, kind text, lot_id uuid, location_id uuid, details jsonb)`,
      [JSON.stringify(exceptions)],
    );
  }
  const pickedLists = ctx?.pickedLists() ?? [];
  if (picks.length > 0) await postPicks(tx, picks, pickedLists, audit);
  if (outcomes.length > 0) {
    await tx.query(
      `UPDATE ops SET status = r.status, outcome = r.outcome, applied_at = CASE WHEN r.applied THEN now() END
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, status text, outcome jsonb, applied boolean)
        WHERE ops.id = r.id`,
      [JSON.stringify(outcomes)],
    );
  }
  await tx.query('UPDATE devices SET last_seen_at = now(), last_user_id = $2 WHERE id = $1', [pusher.deviceId, pusher.userId]);
  await appendAudit(tx, { id: pusher.userId, name: pusher.username, deviceId: pusher.deviceId }, audit);
  if (outcomes.length > 0) {
    // Only what this batch changed, and its ops only to the device that sent them.
    const changed: Collection[] = ['ops'];
    if (moves.length > 0) changed.push('balances');
    if (lotsCreated > 0) changed.push('lots');
    if (pickedLists.length > 0) changed.push('picklists');
    await notifyChanges(tx, changed, { devices: [pusher.deviceId] });
  }
  return result;
}
