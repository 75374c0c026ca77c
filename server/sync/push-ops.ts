import { findUnstorableText, planOp, storableJson, storableText, validateOp, type OpPayload, type PlannedException } from '../../domain/ops';
import { sameDocument, type Collection, type OpDoc, type OpOutcome, type OpProblem, type PushRow } from '../../sync';
import { appendAudit, type AuditEntry } from '../audit';
import { transactionWithRetry, type Db, type Queryable } from '../db';
import { AppError } from '../errors';
import { postFacts, postMoves, type Move, type OpFacts } from '../ledger';
import { ops as opsSpec } from './collections';
import { notifyChanges } from './notify';
import { createBatchLots } from './batch-lots';
import { loadBatchContext, readMasterData, type BatchContext } from './op-context';
import { postPicks } from './pick-progress';
import { requestLabels } from './print-ops';
import { recordLabelVerified, spoolSsccLabel } from '../packaging/sscc-label';
import { PACKING_LOCK, applyContainerOp } from '../packaging/apply';
import { containerLines, markShipped } from '../packaging/ship';
import { UUID_TEXT } from '../../domain/text';
import { claimReceivedContainers, recordReceivedContainer } from '../receiving/receive-container';

/** An exception as the device shows it: its kind and details, the English message left out. */
function problemOf(exception: PlannedException): OpProblem {
  const { message: _english, ...params } = exception.details;
  return { code: exception.kind, params: params as OpProblem['params'] };
}

const rejected = (reason: string, problem?: OpProblem): OpOutcome => ({ message: reason, problems: [problem ?? { code: 'rejected', params: { reason } }] });

export interface Pusher {
  userId: string;
  username: string;
  deviceId: string;
}

type OpState = OpDoc & { _deleted: boolean };


interface Incoming {
  doc: OpState;
  /** Set when the op can be stored but not applied. */
  rejection?: string;
  /** The rejection as a code the device words itself; `rejected` with the reason when absent. */
  problem?: OpProblem;
  op?: OpPayload;
  /** Who the op is credited to: the user it names when that user signed in on this handheld, else the one pushing it. */
  userId: string;
}

/** Who may be named on this device's ops, and which device ids are this handheld's. */
export interface PushScope {
  /** This enrolment and the ones it replaced: ops queued before a re-enrolment are still this handheld's. */
  chain: ReadonlySet<string>;
  /** Users who signed in online on this handheld: only they can have signed in on it offline. */
  signedIn: ReadonlySet<string>;
}

/** The op with everything the database could not store made storable, kept as a record of what was sent. */
function storableDoc(doc: OpState): OpState {
  return { ...doc, type: storableText(String(doc.type)) as OpState['type'], payload: storableJson(doc.payload) as OpState['payload'] };
}

/** Shape checks that decide whether an op can be stored at all, and whether it can be applied. */
function screen(doc: OpState, pusher: Pusher, scope: PushScope): Incoming {
  const attributed = doc.userId === pusher.userId || scope.signedIn.has(doc.userId);
  const userId = attributed ? doc.userId : pusher.userId;
  const refuse = (rejection: string, problem?: OpProblem, stored = doc): Incoming => ({ doc: stored, userId, rejection, ...(problem ? { problem } : {}) });
  if (!scope.chain.has(doc.deviceId)) return refuse('this op belongs to another device');
  const unstorable = findUnstorableText({ type: doc.type, userId: doc.userId, deviceTime: doc.deviceTime, payload: doc.payload });
  if (unstorable !== null) {
    return refuse(`${unstorable}: holds a NUL or a broken character (unpaired surrogate)`, { code: 'unstorable_text', params: { field: unstorable } }, storableDoc(doc));
  }
  if (typeof doc.deviceTime !== 'string' || Number.isNaN(Date.parse(doc.deviceTime))) return refuse('deviceTime: must be an ISO time');
  if (!attributed) {
    const named = typeof doc.userId === 'string' ? doc.userId.slice(0, 40) : null;
    return refuse('the op names a user who never signed in on this device', { code: 'unattributable_user', params: { userId: named } });
  }
  if (doc.status === 'cancelled') return { doc, userId };
  if (doc.status !== 'queued') return refuse(`a device may only send queued ops (got ${String(doc.status)})`);
  const checked = validateOp(String(doc.type), doc.payload);
  return checked.ok ? { doc, userId, op: checked.op } : refuse(checked.reason);
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
 * of the op differs. An op the database refuses does not take the batch down with it: the
 * batch runs again one op at a time, and that op alone is stored as rejected with the reason.
 */
export async function pushOps(db: Db, pusher: Pusher, rows: readonly PushRow<OpDoc>[]): Promise<PushResult> {
  const docs: OpState[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const doc = row.newDocumentState;
    if (typeof doc?.id !== 'string' || !UUID_TEXT.test(doc.id) || seen.has(doc.id)) continue; // cannot be stored or already in this batch
    seen.add(doc.id);
    docs.push(doc);
  }
  if (docs.length === 0) return { conflicts: [], applied: 0, exceptions: 0, rejected: 0 };
  const scope = await loadPushScope(db, pusher, docs);
  const storable = docs.map((doc) => screen(doc, pusher, scope));
  // Ops are keyed by their ids, so a batch can run again after a deadlock or a lost connection:
  // what the first attempt committed comes back as known ops, never applied twice.
  const run = (items: readonly Incoming[]) => transactionWithRetry(db, (tx) => storeAndApply(tx, pusher, scope, items), { idempotent: true });
  try {
    const result = emptyResult();
    for (const part of inPackingOrder(storable)) addResult(result, await run(part));
    return result;
  } catch (error) {
    if (opFault(error) === null) throw error;
  }
  const result = emptyResult();
  for (const item of storable) {
    let one: PushResult;
    try {
      one = await run([item]);
    } catch (error) {
      const fault = opFault(error);
      if (fault === null) throw error;
      one = await run([{ doc: item.doc, userId: item.userId, rejection: fault.reason, problem: fault.problem }]);
    }
    addResult(result, one);
  }
  return result;
}

const emptyResult = (): PushResult => ({ conflicts: [], applied: 0, exceptions: 0, rejected: 0 });

function addResult(sum: PushResult, one: PushResult): void {
  sum.conflicts.push(...one.conflicts);
  sum.applied += one.applied;
  sum.exceptions += one.exceptions;
  sum.rejected += one.rejected;
}

/**
 * A ship that names pallets takes their contents from the server's records before the batch is
 * planned, so a pallet packed offline and shipped in the same batch would leave without what was
 * packed into it: such a ship starts a new part, run after the packs before it have committed.
 * Any other batch stays whole.
 */
export function inPackingOrder<T extends { op?: OpPayload }>(items: readonly T[]): T[][] {
  const parts: T[][] = [[]];
  let packed = false;
  for (const item of items) {
    const op = item.op;
    if (packed && op?.type === 'ship' && op.payload.containers?.length) {
      parts.push([]);
      packed = false;
    }
    if (op?.type === 'pack' || op?.type === 'unpack') packed = true;
    parts.at(-1)!.push(item);
  }
  return parts.filter((p) => p.length > 0);
}

/**
 * SQLSTATE classes that say the op's own data cannot be written (data exception, integrity
 * violation, program limit): running it again gives the same answer. Anything else (a lost
 * connection, a bug) fails the push, and the device keeps the op to send again.
 */
const OP_DATA_FAULTS = /^(22|23|54)/;

function opFault(error: unknown): { reason: string; problem: OpProblem } | null {
  if (error instanceof AppError && error.status < 500) {
    return { reason: error.message, problem: { code: 'op_failed', params: { cause: error.code, reason: error.message } } };
  }
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && OP_DATA_FAULTS.test(code)) {
    const reason = storableText(error instanceof Error ? error.message : 'the database refused the op').slice(0, 300);
    return { reason, problem: { code: 'op_failed', params: { cause: code, reason } } };
  }
  return null;
}

/**
 * Cases and pallets shipped by SSCC ship what the server knows is inside them: their units become
 * the op's lines before it is planned. A container that cannot ship (never packed, shipped
 * already, inside another, named by two ops of the batch) refuses the op.
 */
async function expandShippedContainers(tx: Queryable, incoming: readonly Incoming[]): Promise<void> {
  const claimed = new Set<string>();
  for (const item of incoming) {
    const op = item.op;
    if (item.rejection || op?.type !== 'ship' || !op.payload.containers?.length) continue;
    // Packs into a pallet wait while it ships, and it ships whole.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [PACKING_LOCK]);
    const expanded = await containerLines(tx, op.payload);
    const twice = op.payload.containers.findIndex((c) => claimed.has(c.sscc));
    if (expanded.ok && twice < 0) {
      item.op = { type: 'ship', payload: expanded.payload };
      for (const c of op.payload.containers) claimed.add(c.sscc);
      continue;
    }
    const refusal = expanded.ok ? { code: 'container_shipped', field: `containers.${twice}.sscc`, message: `Container ${op.payload.containers[twice]!.sscc} ships in another op of this batch.` } : expanded.refusal;
    item.rejection = `${refusal.field}: ${refusal.message}`;
    item.problem = { code: 'op_failed', params: { cause: refusal.code, field: refusal.field, reason: refusal.message } };
  }
}

/** This handheld's device ids (it and the enrolments it replaced) and who of the users its ops name signed in on it. */
async function loadPushScope(db: Db, pusher: Pusher, docs: readonly OpState[]): Promise<PushScope> {
  const chain = await db.query<{ id: string }>(
    `WITH RECURSIVE chain(id) AS (
       SELECT $1::uuid
       UNION SELECT d.replaces_device_id FROM devices d JOIN chain c ON d.id = c.id WHERE d.replaces_device_id IS NOT NULL)
     SELECT id FROM chain`,
    [pusher.deviceId],
  );
  const ids = chain.rows.map((r) => r.id);
  const named = [...new Set(docs.map((d) => d.userId).filter((id): id is string => typeof id === 'string' && UUID_TEXT.test(id) && id !== pusher.userId))];
  const signedIn = new Set<string>();
  if (named.length > 0) {
    const found = await db.query<{ user_id: string }>('SELECT DISTINCT user_id FROM sessions WHERE device_id = ANY($1::uuid[]) AND user_id = ANY($2::uuid[])', [ids, named]);
    for (const r of found.rows) signedIn.add(r.user_id);
  }
  return { chain: new Set(ids), signedIn };
}

async function storeAndApply(tx: Queryable, pusher: Pusher, scope: PushScope, storable: readonly Incoming[]): Promise<PushResult> {
  const result: PushResult = { conflicts: [], applied: 0, exceptions: 0, rejected: 0 };
  const audit: AuditEntry[] = [];
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO ops (id, type, device_id, user_id, device_time, payload, status)
     SELECT r.id, r.type, $2::uuid, r.user_id, r.device_time, COALESCE(r.payload, '{}'::jsonb), 'queued'
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, type text, user_id uuid, device_time timestamptz, payload jsonb)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      JSON.stringify(
        storable.map(({ doc, userId }) => {
          const at = typeof doc.deviceTime === 'string' ? Date.parse(doc.deviceTime) : NaN;
          return {
            id: doc.id,
            type: String(doc.type).slice(0, 40),
            user_id: userId,
            device_time: Number.isNaN(at) ? new Date().toISOString() : new Date(at).toISOString(),
            payload: typeof doc.payload === 'object' && doc.payload !== null ? doc.payload : {},
          };
        }),
      ),
      pusher.deviceId,
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
      if (!master) continue;
      if (!scope.chain.has(master.deviceId)) {
        // An id another handheld already used: this device learns only that the id is taken.
        const reason = 'this op id is already taken by another device';
        result.conflicts.push({ ...doc, status: 'rejected', outcome: rejected(reason, { code: 'op_id_taken', params: {} }), appliedAt: null });
        audit.push({ action: 'op.id_taken', entityType: 'op', entityId: doc.id, after: { type: storableText(String(doc.type)).slice(0, 40), reason } });
        continue;
      }
      if (!sameDocument(master, doc)) result.conflicts.push(master);
    }
  }

  const incoming = storable.filter((s) => fresh.has(s.doc.id));
  await expandShippedContainers(tx, incoming);
  const containerClaims = await claimReceivedContainers(tx, incoming);
  let inboundChanged = false;
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
  const picks: { op_id: string; pick_list_id: string; gtin: string; lot_id: string; qty: number }[] = [];
  let containersChanged = false;

  for (const item of incoming) {
    const { doc } = item;
    if (item.rejection) {
      outcomes.push({ id: doc.id, status: 'rejected', outcome: rejected(item.rejection, item.problem), applied: false });
      result.rejected++;
      audit.push({ action: 'op.rejected', entityType: 'op', entityId: doc.id, after: { type: doc.type, reason: item.rejection, ...(item.problem ? { code: item.problem.code } : {}) } });
      continue;
    }
    if (doc.status === 'cancelled' || !item.op || !ctx) {
      outcomes.push({ id: doc.id, status: 'cancelled', outcome: { message: 'cancelled on the device before it was sent', problems: [{ code: 'cancelled', params: {} }] }, applied: false });
      continue;
    }
    const op = item.op;
    const plan = planOp(op, ctx);
    const actorId = item.userId;
    const opMoves = plan.moves.map((m) => ({ ...m, reason: `op.${op.type}`, opId: doc.id, actorId }));
    ctx.record(opMoves, plan.serials, plan.pick, plan.exceptions);
    if (plan.pick) picks.push({ op_id: doc.id, pick_list_id: plan.pick.pickListId, gtin: plan.pick.gtin, lot_id: plan.pick.lotId, qty: plan.pick.qty });
    moves.push(...opMoves);
    facts.push({ opId: doc.id, actorId, edges: plan.edges, shipment: plan.shipment, customerReturn: plan.customerReturn, recallReturn: plan.recallReturn, serials: plan.serials });
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
    if (op.type === 'print_sscc') {
      const spooled = await spoolSsccLabel(tx, { id: actorId, name: pusher.username, deviceId: pusher.deviceId }, doc.id, op.payload);
      if (!spooled.ok) {
        const problem: OpProblem = { code: 'op_failed', params: { cause: spooled.code, field: spooled.field, reason: spooled.message } };
        outcomes.push({ id: doc.id, status: 'rejected', outcome: rejected(`${spooled.field}: ${spooled.message}`, problem), applied: false });
        result.rejected++;
        audit.push({ action: 'op.rejected', entityType: 'op', entityId: doc.id, after: { type: op.type, reason: spooled.message, code: spooled.code, field: spooled.field } });
        continue;
      }
      plan.message = spooled.message;
      containersChanged = true;
    }
    if (op.type === 'label_verified') {
      const verified = await recordLabelVerified(tx, { id: actorId, name: pusher.username, deviceId: pusher.deviceId }, doc.id, doc.deviceTime, op.payload);
      if (!verified.ok) {
        const problem: OpProblem = { code: 'op_failed', params: { cause: verified.code, field: verified.field, reason: verified.message } };
        outcomes.push({ id: doc.id, status: 'rejected', outcome: rejected(`${verified.field}: ${verified.message}`, problem), applied: false });
        result.rejected++;
        audit.push({ action: 'op.rejected', entityType: 'op', entityId: doc.id, after: { type: op.type, reason: verified.message, code: verified.code, field: verified.field } });
        continue;
      }
      plan.message = verified.message;
      containersChanged = true;
    }
    if (op.type === 'pack' || op.type === 'unpack') {
      const packed = await applyContainerOp(tx, doc.id, op);
      if (packed.status === 'rejected') {
        const problem: OpProblem = { code: 'op_failed', params: { cause: packed.code, field: packed.field, reason: packed.message } };
        outcomes.push({ id: doc.id, status: 'rejected', outcome: rejected(`${packed.field}: ${packed.message}`, problem), applied: false });
        result.rejected++;
        audit.push({ action: 'op.rejected', entityType: 'op', entityId: doc.id, after: { type: op.type, reason: packed.message, code: packed.code, field: packed.field } });
        continue;
      }
      plan.message = packed.message;
      if (packed.status === 'applied') containersChanged = true;
      if (packed.status === 'exception') {
        plan.status = 'exception';
        plan.exceptions.push(packed.exception);
        exceptions.push({ op_id: doc.id, kind: packed.exception.kind, lot_id: packed.exception.lotId, location_id: null, details: packed.exception.details });
      }
    }
    if (op.type === 'receive_container') {
      const claim = containerClaims.get(doc.id);
      if (claim?.verdict === 'received') {
        plan.status = 'exception';
        plan.message = String(claim.exception.details.message);
        plan.exceptions.push(claim.exception);
        exceptions.push({ op_id: doc.id, kind: claim.exception.kind, lot_id: null, location_id: null, details: claim.exception.details });
      } else if (claim?.verdict === 'expected') {
        await recordReceivedContainer(tx, { userId: actorId, deviceId: pusher.deviceId, opId: doc.id }, op.payload, claim.inboundId, plan.moves);
        containersChanged = true;
        inboundChanged = true;
      }
    }
    if (op.type === 'ship' && op.payload.containers?.length) {
      await markShipped(tx, doc.id, op.payload.containers.map((c) => c.sscc));
      containersChanged = true;
    }
    const made = op.type === 'produce' ? { lotNumber: op.payload.lotNumber } : {};
    const found = plan.exceptions.length ? { exceptions: plan.exceptions.map((e) => e.kind), problems: plan.exceptions.map(problemOf) } : {};
    outcomes.push({ id: doc.id, status: plan.status, outcome: { message: plan.message, ...made, ...found }, applied: true });
    if (plan.status === 'applied') result.applied++;
    else result.exceptions++;
    audit.push({ action: `op.${op.type}`, entityType: 'op', entityId: doc.id, after: { payload: op.payload, status: plan.status, moves: opMoves.length, exceptions: plan.exceptions.map((e) => e.kind) } });
    const back = plan.recallReturn;
    if (back) {
      audit.push({
        action: back.inScope ? 'recall.return' : 'recall.return_flagged',
        entityType: back.caseId ? 'recall_case' : 'op',
        entityId: back.caseId ?? doc.id,
        after: { opId: doc.id, caseNumber: back.caseNumber, namedCase: back.namedCase, lotId: back.lotId, customerCode: back.customerCode, qty: back.qty, flag: back.flag },
      });
    }
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
  await tx.query('UPDATE devices SET last_seen_at = now(), last_user_id = $2, push_error = NULL, push_failed_at = NULL, push_failures = 0 WHERE id = $1', [pusher.deviceId, pusher.userId]);
  await appendAudit(tx, { id: pusher.userId, name: pusher.username, deviceId: pusher.deviceId }, audit);
  if (outcomes.length > 0) {
    // Only what this batch changed, and its ops only to the device that sent them.
    const changed: Collection[] = ['ops'];
    if (moves.length > 0) changed.push('balances');
    if (lotsCreated > 0) changed.push('lots');
    if (pickedLists.length > 0) changed.push('picklists');
    if (containersChanged) changed.push('containers');
    if (inboundChanged) changed.push('inbound');
    await notifyChanges(tx, changed, { devices: [pusher.deviceId] });
  }
  return result;
}
