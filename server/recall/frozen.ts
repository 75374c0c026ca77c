import type { LotStatus } from '../../domain/lots';
import type { RecallHold } from '../../domain/recall';
import type { Queryable } from '../db';

export interface FrozenLot {
  lotId: string;
  lotNumber: string;
  gtin: string;
  depth: number;
  reached: 'forward' | 'family';
  statusBefore: LotStatus;
  /** How the opening held the lot: a drill holds nothing. */
  hold: RecallHold | 'drill';
  broughtIn: number;
  inStock: number;
  picked: number;
  scrapped: number;
  shippedOut: number;
  consumed: number;
  corrected: number;
  unaccounted: number;
}

export interface FrozenConsignee {
  customerId: string;
  code: string;
  name: string;
  lines: number;
  shipped: number;
  returned: number;
  outstanding: number;
}

export interface FrozenScope {
  lots: FrozenLot[];
  consignees: FrozenConsignee[];
  shipmentLines: number;
  broughtIn: number;
  unaccounted: number;
}

/** The scope as the case froze it when it opened; empty for a case that never opened. */
export async function readFrozenScope(db: Queryable, caseId: string): Promise<FrozenScope> {
  const lots = await db.query<{
    lot_id: string;
    lot_number: string;
    gtin: string;
    depth: number;
    reached: 'forward' | 'family';
    status_before: LotStatus;
    hold: RecallHold | 'drill';
    brought_in: string;
    in_stock: string;
    picked: string;
    scrapped: string;
    shipped_out: string;
    consumed: string;
    corrected: string;
    unaccounted: string;
  }>(
    `SELECT f.lot_id, l.lot_number, i.gtin, f.depth, f.reached, f.status_before, f.hold, f.brought_in::text, f.in_stock::text, f.picked::text, f.scrapped::text, f.shipped_out::text,
            f.consumed::text, f.corrected::text, f.unaccounted::text
       FROM recall_case_lots f JOIN lots l ON l.id = f.lot_id JOIN items i ON i.id = l.item_id
      WHERE f.case_id = $1 ORDER BY f.reached <> 'forward', f.depth, l.lot_number`,
    [caseId],
  );
  const consignees = await db.query<{ customer_id: string; code: string; name: string; lines: number; shipped: string; returned: string; outstanding: string }>(
    `SELECT f.customer_id, c.code, c.name, f.lines, f.shipped::text, f.returned::text, f.outstanding::text
       FROM recall_case_consignees f JOIN customers c ON c.id = f.customer_id WHERE f.case_id = $1 ORDER BY c.code`,
    [caseId],
  );
  const lines = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM recall_case_shipment_lines WHERE case_id = $1', [caseId]);
  const frozenLots = lots.rows.map((r) => ({
    lotId: r.lot_id,
    lotNumber: r.lot_number,
    gtin: r.gtin,
    depth: r.depth,
    reached: r.reached,
    statusBefore: r.status_before,
    hold: r.hold,
    broughtIn: Number(r.brought_in),
    inStock: Number(r.in_stock),
    picked: Number(r.picked),
    scrapped: Number(r.scrapped),
    shippedOut: Number(r.shipped_out),
    consumed: Number(r.consumed),
    corrected: Number(r.corrected),
    unaccounted: Number(r.unaccounted),
  }));
  const total = (pick: (l: FrozenLot) => number) => Math.round(frozenLots.reduce((s, l) => s + pick(l), 0) * 1000) / 1000;
  return {
    lots: frozenLots,
    consignees: consignees.rows.map((r) => ({ customerId: r.customer_id, code: r.code, name: r.name, lines: r.lines, shipped: Number(r.shipped), returned: Number(r.returned), outstanding: Number(r.outstanding) })),
    shipmentLines: lines.rows[0]!.n,
    broughtIn: total((l) => l.broughtIn),
    unaccounted: total((l) => l.unaccounted),
  };
}
