import type { ExceptionKind } from './plan';
import { isQcHold } from './qc-hold';

export const RESOLUTIONS = ['accept', 'adjust', 'reverse'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export interface LedgerMove {
  lotId: string;
  fromLocationId: string | null;
  toLocationId: string | null;
  qty: number;
  serial: string | null;
}

export interface ExceptionToResolve {
  kind: ExceptionKind;
  lotId: string | null;
  locationId: string | null;
  details: Record<string, unknown>;
}

export type ResolutionPlan = { ok: true; moves: LedgerMove[] } | { ok: false; reason: string };

/**
 * What resolving an exception writes to the ledger. Accept leaves the books as they are;
 * adjust posts the counter-move that squares the balance with what is physically there;
 * reverse undoes the op's own moves. Nothing is ever deleted: every correction is a new move.
 * For quantity held in quarantine for QC, resolving is QC's decision and lifts the hold:
 * adjust releases it to where the device meant it to go, accept releases it where it is, and
 * reverse takes the booking back (the goods were never the plant's to keep).
 */
export function planResolution(action: Resolution, exception: ExceptionToResolve, context: { balance: number; opMoves: LedgerMove[]; alreadyReversed: boolean }): ResolutionPlan {
  if (action === 'accept') return { ok: true, moves: [] };
  if (action === 'reverse') {
    if (context.opMoves.length === 0) return { ok: false, reason: 'the op moved no stock: there is nothing to reverse' };
    if (context.alreadyReversed) return { ok: false, reason: 'the op was already reversed' };
    return { ok: true, moves: context.opMoves.map((m) => ({ ...m, fromLocationId: m.toLocationId, toLocationId: m.fromLocationId })) };
  }
  const { lotId, locationId } = exception;
  if (isQcHold(exception.kind)) return releaseHeld(exception);
  if (!lotId || !locationId) return { ok: false, reason: `a ${exception.kind.replace(/_/g, ' ')} exception has no balance to adjust` };
  let delta: number;
  if (exception.kind === 'negative_stock') delta = context.balance < 0 ? -context.balance : 0;
  else if (exception.kind === 'count_variance') delta = Number(exception.details.variance);
  else return { ok: false, reason: `a ${exception.kind.replace(/_/g, ' ')} exception cannot be adjusted; accept or reverse it` };
  if (!Number.isFinite(delta)) return { ok: false, reason: 'the exception does not say by how much' };
  if (delta === 0) return { ok: true, moves: [] };
  return {
    ok: true,
    moves: [delta > 0 ? { lotId, fromLocationId: null, toLocationId: locationId, qty: delta, serial: null } : { lotId, fromLocationId: locationId, toLocationId: null, qty: -delta, serial: null }],
  };
}

function releaseHeld(exception: ExceptionToResolve): ResolutionPlan {
  const { lotId, locationId } = exception;
  const to = exception.details.requestedLocationId;
  const qty = Number(exception.details.qty);
  if (!lotId || !locationId || typeof to !== 'string' || !(qty > 0)) return { ok: false, reason: 'the exception does not say what was held where' };
  if (to === locationId) return { ok: true, moves: [] };
  return { ok: true, moves: [{ lotId, fromLocationId: locationId, toLocationId: to, qty, serial: null }] };
}
