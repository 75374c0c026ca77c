import { shipRefusal, type ShipRefusal } from '../../domain/lots';
import { ancestors, rollUp, type Hierarchy } from '../../domain/packaging';
import type { LocationDoc, LotDoc } from '../../sync';

/** A case or pallet on the shipment, shipped whole: the server books what its records hold. */
export interface PalletLine {
  sscc: string;
  from: LocationDoc;
  /** Everything inside it, units and quantities together. */
  units: number;
  lots: { lotId: string; lotNumber: string; qty: number }[];
}

export type PalletRefusal =
  | { code: 'unknown'; params: { sscc: string } }
  | { code: 'shipped'; params: { sscc: string } }
  | { code: 'inside'; params: { sscc: string; outer: string } }
  | { code: 'twice'; params: { sscc: string } }
  | { code: 'empty'; params: { sscc: string } }
  | { code: 'unknown_lot'; params: { lot: string } }
  | { code: 'lot_refused'; params: { lot: string; refusal: ShipRefusal } }
  | { code: 'scan_from'; params: { sscc: string } };

interface Context {
  lotStore: { lotByLabel(gtin: string, lotNumber: string): LotDoc | null; balancesOfLots(ids: string[]): { lotId: string; locationId: string; qty: number }[] };
  locations: readonly LocationDoc[];
  /** The location scanned on the Ship screen, if any: everything ships from there. */
  from: LocationDoc | null;
  minShelfLifeDays: number;
  today: string;
  already: readonly PalletLine[];
}

/**
 * Judges a scanned SSCC for shipping whole, on the handheld's own copy of the containers: only
 * an outermost container not shipped yet, holding only lots the customer may have. Where it
 * ships from is the location scanned, or the one place all its lots are stocked.
 */
export function palletToShip(hierarchy: Hierarchy, sscc: string, ctx: Context): { ok: true; line: PalletLine } | { ok: false; refusal: PalletRefusal } {
  const refuse = (refusal: PalletRefusal) => ({ ok: false as const, refusal });
  const container = hierarchy.get(sscc);
  if (!container) return refuse({ code: 'unknown', params: { sscc } });
  if (container.shipped) return refuse({ code: 'shipped', params: { sscc } });
  if (container.parent !== null) return refuse({ code: 'inside', params: { sscc, outer: ancestors(hierarchy, sscc).at(-1)! } });
  if (ctx.already.some((p) => p.sscc === sscc)) return refuse({ code: 'twice', params: { sscc } });
  const inside = rollUp(hierarchy, sscc);
  if (inside.length === 0) return refuse({ code: 'empty', params: { sscc } });
  const lots: PalletLine['lots'] = [];
  for (const line of inside) {
    const lot = ctx.lotStore.lotByLabel(line.gtin, line.lotNumber);
    if (!lot) return refuse({ code: 'unknown_lot', params: { lot: line.lotNumber } });
    const refusal = shipRefusal(lot, ctx.minShelfLifeDays, ctx.today);
    if (refusal) return refuse({ code: 'lot_refused', params: { lot: lot.lotNumber, refusal: refusal.code } });
    lots.push({ lotId: lot.id, lotNumber: lot.lotNumber, qty: line.qty });
  }
  let from = ctx.from;
  if (!from) {
    const places = new Set(ctx.lotStore.balancesOfLots(lots.map((l) => l.lotId)).filter((b) => b.qty > 0).map((b) => b.locationId));
    from = places.size === 1 ? (ctx.locations.find((l) => places.has(l.id)) ?? null) : null;
  }
  if (!from) return refuse({ code: 'scan_from', params: { sscc } });
  const units = Math.round(lots.reduce((sum, l) => sum + l.qty, 0) * 1000) / 1000;
  return { ok: true, line: { sscc, from, units, lots } };
}
