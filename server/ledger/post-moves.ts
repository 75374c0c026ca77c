import type { Queryable } from '../db';
import { lockLotBalances } from './lock-lots';

export interface Move {
  lotId: string;
  serial?: string | null;
  fromLocationId: string | null;
  toLocationId: string | null;
  qty: number;
  reason: string;
  opId?: string | null;
  actorId?: string | null;
}

/**
 * Appends moves to the ledger and updates the balance projection in the caller's transaction,
 * as two set statements however many moves there are. Balances may go negative: a negative
 * balance is a physical fact to be resolved, not an input to refuse.
 */
export async function postMoves(tx: Queryable, moves: readonly Move[]): Promise<void> {
  if (moves.length === 0) return;
  for (const move of moves) {
    if (!(move.qty > 0)) throw new Error(`A move's quantity must be positive (got ${move.qty})`);
    if (!move.fromLocationId && !move.toLocationId) throw new Error('A move needs a from or a to location');
  }
  await lockLotBalances(tx, moves.map((m) => m.lotId));
  const rows = moves.map((m) => ({
    lot_id: m.lotId,
    serial: m.serial ?? null,
    from_location_id: m.fromLocationId,
    to_location_id: m.toLocationId,
    qty: m.qty,
    reason: m.reason,
    op_id: m.opId ?? null,
    actor_id: m.actorId ?? null,
  }));
  await tx.query(
    `INSERT INTO stock_moves (lot_id, serial, from_location_id, to_location_id, qty, reason, op_id, actor_id)
     SELECT lot_id, serial, from_location_id, to_location_id, qty, reason, op_id, actor_id
       FROM jsonb_to_recordset($1::jsonb) AS r(lot_id uuid, serial text, from_location_id uuid, to_location_id uuid,
                                               qty numeric, reason text, op_id uuid, actor_id uuid)`,
    [JSON.stringify(rows)],
  );
  const deltas = new Map<string, { lot_id: string; location_id: string; delta: number }>();
  const add = (lotId: string, locationId: string, delta: number) => {
    const key = `${lotId}|${locationId}`;
    const entry = deltas.get(key);
    if (entry) entry.delta += delta;
    else deltas.set(key, { lot_id: lotId, location_id: locationId, delta });
  };
  for (const m of moves) {
    if (m.fromLocationId) add(m.lotId, m.fromLocationId, -m.qty);
    if (m.toLocationId) add(m.lotId, m.toLocationId, m.qty);
  }
  const ordered = [...deltas.values()];
  await tx.query(
    `INSERT INTO stock_balances (lot_id, location_id, qty)
     SELECT lot_id, location_id, delta FROM jsonb_to_recordset($1::jsonb) AS r(lot_id uuid, location_id uuid, delta numeric)
     ON CONFLICT (lot_id, location_id) DO UPDATE SET qty = stock_balances.qty + EXCLUDED.qty, updated_at = now()`,
    [JSON.stringify(ordered)],
  );
}
