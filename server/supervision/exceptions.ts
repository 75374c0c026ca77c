import { planResolution, type ExceptionKind, type LedgerMove, type Resolution } from '../../domain/ops';
import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { lockLotBalances, postMoves } from '../ledger';
import { notifyChanges } from '../sync/notify';
import { reversePick } from '../sync/pick-progress';

export interface StockException {
  id: string;
  opId: string;
  opType: string;
  deviceId: string;
  deviceName: string;
  username: string;
  kind: ExceptionKind;
  lotId: string | null;
  lotNumber: string | null;
  locationId: string | null;
  locationCode: string | null;
  details: Record<string, unknown>;
  status: 'open' | 'resolved';
  resolution: 'accepted' | 'adjusted' | 'reversed' | null;
  resolutionReason: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
  version: number;
}

const SELECT = `SELECT e.id, e.op_id, o.type AS op_type, o.device_id, d.name AS device_name, u.username, e.kind, e.lot_id, l.lot_number,
       e.location_id, loc.code AS location_code, e.details, e.status, e.resolution, e.resolution_reason,
       ru.username AS resolved_by, e.resolved_at, e.created_at, e.version
  FROM stock_exceptions e
  JOIN ops o ON o.id = e.op_id
  JOIN devices d ON d.id = o.device_id
  JOIN users u ON u.id = o.user_id
  LEFT JOIN lots l ON l.id = e.lot_id
  LEFT JOIN locations loc ON loc.id = e.location_id
  LEFT JOIN users ru ON ru.id = e.resolved_by`;

function toException(r: Record<string, unknown>): StockException {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    id: r.id as string,
    opId: r.op_id as string,
    opType: r.op_type as string,
    deviceId: r.device_id as string,
    deviceName: r.device_name as string,
    username: r.username as string,
    kind: r.kind as ExceptionKind,
    lotId: (r.lot_id as string | null) ?? null,
    lotNumber: (r.lot_number as string | null) ?? null,
    locationId: (r.location_id as string | null) ?? null,
    locationCode: (r.location_code as string | null) ?? null,
    details: r.details as Record<string, unknown>,
    status: r.status as StockException['status'],
    resolution: (r.resolution as StockException['resolution']) ?? null,
    resolutionReason: (r.resolution_reason as string | null) ?? null,
    resolvedBy: (r.resolved_by as string | null) ?? null,
    resolvedAt: iso(r.resolved_at),
    createdAt: iso(r.created_at)!,
    version: r.version as number,
  };
}

export async function listExceptions(db: Queryable, status: 'open' | 'resolved' | undefined, limit: number): Promise<StockException[]> {
  const result = await db.query<Record<string, unknown>>(`${SELECT} WHERE ($1::text IS NULL OR e.status = $1) ORDER BY e.created_at DESC, e.id LIMIT $2`, [status ?? null, limit]);
  return result.rows.map(toException);
}

/** Ops booked on lots a recall held, which the device did before it heard of the hold: for the case's owner. */
export async function listRecallExceptions(db: Queryable, caseNumber: string): Promise<StockException[]> {
  const result = await db.query<Record<string, unknown>>(`${SELECT} WHERE e.details->>'recallCase' = $1 ORDER BY o.device_time, e.created_at, e.id LIMIT 1000`, [caseNumber]);
  return result.rows.map(toException);
}

/**
 * Resolves one exception in one transaction: the counter-moves (if any), the exception's new
 * state and the audit row. A stale version means someone else resolved it meanwhile.
 */
export async function resolveException(db: Db, actor: Actor, id: string, input: { action: Resolution; reason: string; version: number }): Promise<StockException> {
  return db.transaction(async (tx) => {
    const found = await tx.query<Record<string, unknown>>(`${SELECT} WHERE e.id = $1 FOR UPDATE OF e`, [id]);
    const row = found.rows[0];
    if (!row) throw new AppError(404, 'not_found', 'That exception was not found.');
    const before = toException(row);
    // The op, not only this exception: its other exceptions resolved at the same moment must
    // see this one's counter-moves, or one op is reversed twice.
    await tx.query('SELECT id FROM ops WHERE id = $1 FOR UPDATE', [before.opId]);
    if (before.status === 'resolved') throw new AppError(409, 'conflict', `Already resolved (${before.resolution}) by ${before.resolvedBy}.`);
    if (before.version !== input.version) throw new AppError(409, 'conflict', 'The exception changed meanwhile; reload it.', { currentVersion: before.version });

    const opMoves = await tx.query<{ lot_id: string; from_location_id: string | null; to_location_id: string | null; qty: string; serial: string | null; reason: string }>(
      'SELECT lot_id, from_location_id, to_location_id, qty::text AS qty, serial, reason FROM stock_moves WHERE op_id = $1 ORDER BY id',
      [before.opId],
    );
    const own: LedgerMove[] = opMoves.rows
      .filter((m) => m.reason.startsWith('op.'))
      .map((m) => ({ lotId: m.lot_id, fromLocationId: m.from_location_id, toLocationId: m.to_location_id, qty: Number(m.qty), serial: m.serial }));
    await lockLotBalances(tx, [...(before.lotId ? [before.lotId] : []), ...own.map((m) => m.lotId)]);
    let balance = 0;
    if (before.lotId && before.locationId) {
      const b = await tx.query<{ qty: string }>('SELECT qty::text AS qty FROM stock_balances WHERE lot_id = $1 AND location_id = $2 FOR UPDATE', [before.lotId, before.locationId]);
      balance = Number(b.rows[0]?.qty ?? 0);
    }
    const plan = planResolution(input.action, before, { balance, opMoves: own, alreadyReversed: opMoves.rows.some((m) => m.reason === 'exception.reverse') });
    if (!plan.ok) throw new AppError(422, 'cannot_resolve', plan.reason);

    await postMoves(tx, plan.moves.map((m) => ({ ...m, reason: `exception.${input.action}`, opId: before.opId, actorId: actor.id })));
    // Picked goods put back are wanted again: the pick list no longer counts them.
    const unpicked = input.action === 'reverse' ? await reversePick(tx, before.opId) : null;
    const resolution = ({ accept: 'accepted', adjust: 'adjusted', reverse: 'reversed' } as const)[input.action];
    await tx.query(
      `UPDATE stock_exceptions SET status = 'resolved', resolution = $2, resolution_reason = $3, resolved_by = $4, resolved_at = now(), version = version + 1
        WHERE id = $1`,
      [id, resolution, input.reason, actor.id],
    );
    const after = toException((await tx.query<Record<string, unknown>>(`${SELECT} WHERE e.id = $1`, [id])).rows[0]!);
    await appendAudit(tx, actor, [
      { action: `exception.${after.resolution}`, entityType: 'stock_exception', entityId: id, before, after: { ...after, moves: plan.moves, ...(unpicked ? { pickList: unpicked } : {}) }, reason: input.reason },
    ]);
    await notifyChanges(tx, [...(plan.moves.length > 0 ? (['balances'] as const) : []), ...(unpicked ? (['picklists'] as const) : [])]);
    return after;
  });
}
