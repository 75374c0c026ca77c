import { pickRefusal, type LotStatus } from '../lots';
import type { OpPayload } from './schemas';

export type ExceptionKind = 'negative_stock' | 'lot_not_pickable' | 'unknown_gtin' | 'unknown_lot' | 'unknown_location' | 'count_variance';

export interface PlannedMove {
  lotId: string;
  fromLocationId: string | null;
  toLocationId: string | null;
  qty: number;
  serial: string | null;
}

export interface PlannedException {
  kind: ExceptionKind;
  lotId: string | null;
  locationId: string | null;
  details: Record<string, unknown>;
}

export interface OpPlan {
  status: 'applied' | 'exception';
  moves: PlannedMove[];
  exceptions: PlannedException[];
  message: string;
}

export interface KnownLot {
  id: string;
  lotNumber: string;
  status: LotStatus;
  expiresOn: string | null;
}

/** What the planner may look up. Balances include the effect of ops planned before in the same batch. */
export interface PlanContext {
  today: string;
  itemId(gtin: string): string | undefined;
  locationId(code: string): string | undefined;
  lot(gtin: string, lotNumber: string): KnownLot | undefined;
  balance(lotId: string, locationId: string): number;
  /** Lots with a non-zero balance at a location. */
  lotsAt(locationId: string): { lotId: string; qty: number }[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function finish(moves: PlannedMove[], exceptions: PlannedException[], ok: string): OpPlan {
  if (exceptions.length === 0) return { status: 'applied', moves, exceptions, message: ok };
  return { status: 'exception', moves, exceptions, message: exceptions.map((e) => String(e.details.message)).join('; ') };
}

function resolveLocation(ctx: PlanContext, code: string, exceptions: PlannedException[]): string | undefined {
  const id = ctx.locationId(code);
  if (!id) exceptions.push({ kind: 'unknown_location', lotId: null, locationId: null, details: { locationCode: code, message: `location ${code} is not known` } });
  return id;
}

function resolveLot(ctx: PlanContext, gtin: string, lotNumber: string, exceptions: PlannedException[]): KnownLot | undefined {
  const lot = ctx.lot(gtin, lotNumber);
  if (lot) return lot;
  if (!ctx.itemId(gtin)) exceptions.push({ kind: 'unknown_gtin', lotId: null, locationId: null, details: { gtin, lotNumber, message: `GTIN ${gtin} is not a known item` } });
  else exceptions.push({ kind: 'unknown_lot', lotId: null, locationId: null, details: { gtin, lotNumber, message: `lot ${lotNumber} of GTIN ${gtin} was never received` } });
  return undefined;
}

/** Stock leaving a location: the move happens; a balance that goes below zero is flagged, not refused. */
function checkNegative(ctx: PlanContext, lot: KnownLot, locationId: string, locationCode: string, qty: number, exceptions: PlannedException[]): void {
  const before = ctx.balance(lot.id, locationId);
  if (before - qty < 0) {
    exceptions.push({
      kind: 'negative_stock',
      lotId: lot.id,
      locationId,
      details: { lotNumber: lot.lotNumber, locationCode, before, qty, after: round(before - qty), message: `lot ${lot.lotNumber} at ${locationCode} goes to ${round(before - qty)}` },
    });
  }
}

/**
 * Decides what an op does to the ledger. Pure: the server applies the plan in one transaction.
 * An op reports what physically happened, so the plan applies it wherever it can and raises
 * exceptions for what does not square with the books, instead of refusing it.
 */
export function planOp(op: OpPayload, ctx: PlanContext): OpPlan {
  const exceptions: PlannedException[] = [];
  switch (op.type) {
    case 'receive': {
      const p = op.payload;
      const lot = ctx.lot(p.gtin, p.lotNumber);
      const locationId = resolveLocation(ctx, p.locationCode, exceptions);
      if (!ctx.itemId(p.gtin)) {
        exceptions.push({ kind: 'unknown_gtin', lotId: null, locationId: locationId ?? null, details: { gtin: p.gtin, lotNumber: p.lotNumber, qty: p.qty, message: `GTIN ${p.gtin} is not a known item: goods received are waiting for a supervisor` } });
      }
      if (!lot || !locationId) return finish([], exceptions, '');
      return finish([{ lotId: lot.id, fromLocationId: null, toLocationId: locationId, qty: p.qty, serial: p.serial ?? null }], exceptions, `received ${p.qty} of lot ${p.lotNumber} at ${p.locationCode}`);
    }
    case 'move':
    case 'pick': {
      const p = op.payload;
      const lot = resolveLot(ctx, p.gtin, p.lotNumber, exceptions);
      const from = resolveLocation(ctx, p.fromLocationCode, exceptions);
      const to = resolveLocation(ctx, p.toLocationCode, exceptions);
      if (!lot || !from || !to) return finish([], exceptions, '');
      if (op.type === 'pick') {
        const refusal = pickRefusal(lot, ctx.today);
        if (refusal) {
          exceptions.push({ kind: 'lot_not_pickable', lotId: lot.id, locationId: from, details: { lotNumber: lot.lotNumber, status: lot.status, expiresOn: lot.expiresOn, refusal, message: `lot ${lot.lotNumber} was picked while ${refusal.replace('_', ' ')}` } });
        }
      }
      checkNegative(ctx, lot, from, p.fromLocationCode, p.qty, exceptions);
      const verb = op.type === 'pick' ? 'picked' : 'moved';
      return finish([{ lotId: lot.id, fromLocationId: from, toLocationId: to, qty: p.qty, serial: p.serial ?? null }], exceptions, `${verb} ${p.qty} of lot ${lot.lotNumber} from ${p.fromLocationCode} to ${p.toLocationCode}`);
    }
    case 'count': {
      const p = op.payload;
      const locationId = resolveLocation(ctx, p.locationCode, exceptions);
      if (!locationId) return finish([], exceptions, '');
      const counted = new Map<string, { qty: number; lotNumber: string }>();
      for (const line of p.lines) {
        const lot = resolveLot(ctx, line.gtin, line.lotNumber, exceptions);
        if (!lot) continue;
        const previous = counted.get(lot.id)?.qty ?? 0;
        counted.set(lot.id, { qty: previous + line.countedQty, lotNumber: lot.lotNumber });
      }
      const lotIds = new Set(counted.keys());
      if (p.complete) for (const held of ctx.lotsAt(locationId)) lotIds.add(held.lotId);
      for (const lotId of [...lotIds].sort()) {
        const expected = ctx.balance(lotId, locationId);
        const seen = counted.get(lotId)?.qty ?? 0;
        const variance = round(seen - expected);
        if (variance !== 0) {
          exceptions.push({
            kind: 'count_variance',
            lotId,
            locationId,
            details: { locationCode: p.locationCode, lotNumber: counted.get(lotId)?.lotNumber ?? null, expected, counted: seen, variance, message: `count at ${p.locationCode}: ${seen} counted, ${expected} expected` },
          });
        }
      }
      return finish([], exceptions, `counted ${p.locationCode}: no variance`);
    }
  }
}
