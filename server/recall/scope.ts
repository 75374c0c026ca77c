import { recallHold, scopeBalance, type LotBooks, type RecallHold, type ScopeBalance } from '../../domain/recall';
import type { LotStatus } from '../../domain/lots';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import { resolveScope, type ScopeInput } from './scope-input';

/** Genealogy deeper than this is taken for a loop in the data, not a product structure. */
export const MAX_SCOPE_DEPTH = 50;

export interface ScopeLot {
  id: string;
  lotNumber: string;
  gtin: string;
  itemName: string;
  status: LotStatus;
  origin: 'received' | 'produced';
  supplier: string | null;
  supplierLot: string | null;
  depth: number;
  /** What opening the case does to the lot. */
  hold: RecallHold;
}

export interface ScopeStock {
  lotId: string;
  locationId: string;
  locationCode: string;
  locationKind: string;
  qty: number;
}

export interface ScopeShipmentLine {
  id: string;
  shipmentId: string;
  shipment: string;
  customerId: string;
  lotId: string;
  serial: string | null;
  qty: number;
  shippedAt: string;
}

export interface ScopeConsignee {
  customerId: string;
  code: string;
  name: string;
  lines: number;
  shipped: number;
  returned: number;
  outstanding: number;
}

export interface ScopeLink {
  parentLotId: string;
  childLotId: string;
  qty: number;
}

/** A lot of this scope that an open case already holds. */
export interface ScopeConflict {
  lotId: string;
  lotNumber: string;
  caseId: string;
  caseNumber: string;
}

export interface RecallScope {
  input: ScopeInput;
  described: string;
  roots: string[];
  lots: ScopeLot[];
  stock: ScopeStock[];
  shipmentLines: ScopeShipmentLine[];
  consignees: ScopeConsignee[];
  links: ScopeLink[];
  balance: ScopeBalance;
  conflicts: ScopeConflict[];
}

/*
 * The whole scope in one statement: the forward walk through genealogy from the input's lots,
 * then, for every lot reached, what the ledger and the tables beside it say. Each bucket of the
 * mass balance is read from its own source — balances, shipment lines, returns, genealogy, and
 * the moves that brought quantity in or corrected it — so a bucket that goes missing shows.
 * Rows travel as JSON arrays: a hub raw-material lot reaches tens of thousands of lots. As in the
 * trace (server/lots/trace.ts), each shipment travels once and its lines apart, in no order, to be
 * joined and ordered here: a hub's 100,000 lines share 20,000 shipments, and looking the shipment
 * up per line and sorting 100,000 wide rows cost more than the walk. The consignees are those of
 * the shipments and returns already found, not a second join of every line. The reached lots are
 * kept in id order so the look-ups by lot walk each index in order.
 */
const SCOPE_SQL = `
WITH RECURSIVE walk(lot_id, depth) AS (
  SELECT r, 0 FROM unnest($1::uuid[]) AS r
  UNION
  SELECT e.child_lot_id, w.depth + 1 FROM walk w JOIN genealogy_edges e ON e.parent_lot_id = w.lot_id WHERE w.depth < $2
), reached AS MATERIALIZED (
  SELECT lot_id, min(depth) AS depth FROM walk GROUP BY lot_id ORDER BY lot_id
), moved AS (
  SELECT m.lot_id,
         coalesce(sum(m.qty) FILTER (WHERE m.from_location_id IS NULL AND m.reason <> 'op.return' AND m.reason NOT LIKE 'exception.%'), 0) AS brought_in,
         coalesce(sum(m.qty) FILTER (WHERE m.to_location_id IS NULL AND m.reason LIKE 'exception.%'), 0)
           - coalesce(sum(m.qty) FILTER (WHERE m.from_location_id IS NULL AND m.reason LIKE 'exception.%'), 0) AS corrected
    FROM reached r JOIN stock_moves m ON m.lot_id = r.lot_id
   GROUP BY m.lot_id
), lines AS MATERIALIZED (
  SELECT sl.id, sl.shipment_id, sl.lot_id, sl.serial, sl.qty FROM reached r JOIN shipment_lines sl ON sl.lot_id = r.lot_id
), sent AS MATERIALIZED (
  SELECT s.id, s.number, s.customer_id, s.shipped_at FROM shipments s WHERE s.id IN (SELECT shipment_id FROM lines)
), returned AS MATERIALIZED (
  SELECT cr.lot_id, cr.customer_id, cr.qty FROM reached r JOIN customer_returns cr ON cr.lot_id = r.lot_id
)
SELECT
  (SELECT coalesce(json_agg(json_build_array(l.id, l.lot_number, i.gtin, i.name, l.status, l.origin, l.supplier, l.supplier_lot, r.depth,
                                             coalesce(mv.brought_in, 0), coalesce(mv.corrected, 0)) ORDER BY r.depth, l.lot_number, l.id), '[]'::json)
     FROM reached r JOIN lots l ON l.id = r.lot_id JOIN items i ON i.id = l.item_id LEFT JOIN moved mv ON mv.lot_id = r.lot_id) AS lots,
  (SELECT coalesce(json_agg(json_build_array(b.lot_id, b.location_id, loc.code, loc.kind, b.qty) ORDER BY loc.code, b.lot_id), '[]'::json)
     FROM reached r JOIN stock_balances b ON b.lot_id = r.lot_id AND b.qty <> 0 JOIN locations loc ON loc.id = b.location_id) AS stock,
  (SELECT coalesce(json_agg(json_build_array(s.id, s.number, s.customer_id, s.shipped_at) ORDER BY s.shipped_at, s.number), '[]'::json) FROM sent s) AS shipments,
  (SELECT coalesce(json_agg(json_build_array(sl.shipment_id, sl.id::text, sl.lot_id, sl.serial, sl.qty)), '[]'::json) FROM lines sl) AS lines,
  (SELECT coalesce(json_agg(json_build_array(cr.lot_id, cr.customer_id, cr.qty)), '[]'::json) FROM returned cr) AS returns,
  (SELECT coalesce(json_agg(json_build_array(e.parent_lot_id, e.child_lot_id, e.qty) ORDER BY e.parent_lot_id, e.child_lot_id), '[]'::json)
     FROM (SELECT e.parent_lot_id, e.child_lot_id, sum(e.qty) AS qty FROM reached r JOIN genealogy_edges e ON e.parent_lot_id = r.lot_id GROUP BY 1, 2) e) AS links,
  (SELECT coalesce(json_agg(json_build_array(c.id, c.code, c.name)), '[]'::json)
     FROM customers c WHERE c.id IN (SELECT customer_id FROM sent UNION SELECT customer_id FROM returned)) AS customers,
  (SELECT coalesce(json_agg(json_build_array(h.lot_id, l.lot_number, c.id, c.number) ORDER BY c.number, l.lot_number), '[]'::json)
     FROM reached r JOIN recall_holds h ON h.lot_id = r.lot_id JOIN recall_cases c ON c.id = h.case_id JOIN lots l ON l.id = h.lot_id) AS conflicts,
  EXISTS (SELECT 1 FROM reached r JOIN genealogy_edges e ON e.parent_lot_id = r.lot_id WHERE r.depth = $2) AS truncated`;

type Json = string | number | boolean | null;
type Tuples = Json[][];
interface ScopeRow {
  lots: Tuples | string;
  stock: Tuples | string;
  shipments: Tuples | string;
  lines: Tuples | string;
  returns: Tuples | string;
  links: Tuples | string;
  customers: Tuples | string;
  conflicts: Tuples | string;
  truncated: boolean;
}

// node-postgres parses json columns; PGlite may hand some back as text.
const tuples = (v: Tuples | string): Tuples => (typeof v === 'string' ? (JSON.parse(v) as Tuples) : v);
const str = (v: Json | undefined): string => String(v);
const strOrNull = (v: Json | undefined): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: Json | undefined): number => Number(v);
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Shipments come in the scope's order, [id, number, customer, shipped at]; lines in no order,
 * [shipment id, line id, lot, serial, qty]. Each shipment lists its lines in the order they were
 * booked.
 */
function toShipmentLines(shipments: Tuples, lines: Tuples): ScopeShipmentLine[] {
  const byShipment = new Map<string, Json[][]>(shipments.map((s) => [str(s[0]), []]));
  for (const line of lines) byShipment.get(str(line[0]))!.push(line);
  return shipments.flatMap((s) => {
    const shipmentId = str(s[0]);
    const shipment = str(s[1]);
    const customerId = str(s[2]);
    const shippedAt = new Date(str(s[3])).toISOString();
    const booked = byShipment.get(shipmentId)!.sort((x, y) => Number(x[1]) - Number(y[1]));
    return booked.map((line): ScopeShipmentLine => ({ id: str(line[1]), shipmentId, shipment, customerId, lotId: str(line[2]), serial: strOrNull(line[3]), qty: num(line[4]), shippedAt }));
  });
}

/**
 * Everything a recall of this input reaches, as it stands now, with its mass balance and the
 * lots another open case already holds. Reads only: run it inside the opening transaction and
 * it is what gets frozen. `onStage` hears when the lots, the consignee list and the mass balance
 * are each ready: a mock recall times them.
 */
export type ScopeStage = 'scope' | 'consignees' | 'balance';

export async function readScope(db: Queryable, input: ScopeInput, onStage?: (stage: ScopeStage) => void): Promise<RecallScope> {
  const roots = await resolveScope(db, input);
  const result = await db.query<ScopeRow>(SCOPE_SQL, [roots.lotIds, MAX_SCOPE_DEPTH], { prepareAs: 'lotline_recall_scope' });
  const row = result.rows[0]!;
  if (row.truncated) throw new AppError(422, 'scope_too_deep', `The genealogy from ${roots.described} goes deeper than ${MAX_SCOPE_DEPTH} levels; it loops somewhere. Fix the genealogy first.`);

  const lotRows = tuples(row.lots);
  const lots: ScopeLot[] = lotRows.map((r) => ({
    id: str(r[0]),
    lotNumber: str(r[1]),
    gtin: str(r[2]),
    itemName: str(r[3]),
    status: str(r[4]) as LotStatus,
    origin: str(r[5]) as ScopeLot['origin'],
    supplier: strOrNull(r[6]),
    supplierLot: strOrNull(r[7]),
    depth: num(r[8]),
    hold: recallHold(str(r[4]) as LotStatus),
  }));
  onStage?.('scope');
  const stock: ScopeStock[] = tuples(row.stock).map((r) => ({ lotId: str(r[0]), locationId: str(r[1]), locationCode: str(r[2]), locationKind: str(r[3]), qty: num(r[4]) }));
  const shipmentLines = toShipmentLines(tuples(row.shipments), tuples(row.lines));
  const returns = tuples(row.returns).map((r) => ({ lotId: str(r[0]), customerId: str(r[1]), qty: num(r[2]) }));
  const links: ScopeLink[] = tuples(row.links).map((r) => ({ parentLotId: str(r[0]), childLotId: str(r[1]), qty: num(r[2]) }));

  const byLot = <T extends { lotId: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const list = map.get(r.lotId);
      if (list) list.push(r);
      else map.set(r.lotId, [r]);
    }
    return map;
  };
  const stockOf = byLot(stock);
  const linesOf = byLot(shipmentLines);
  const returnsOf = byLot(returns);
  const consumedOf = byLot(links.map((l) => ({ lotId: l.parentLotId, childLotId: l.childLotId, qty: l.qty })));
  const books: LotBooks[] = lots.map((lot, i) => ({
    lotId: lot.id,
    status: lot.status,
    broughtIn: num(lotRows[i]![9]),
    corrected: num(lotRows[i]![10]),
    stock: stockOf.get(lot.id) ?? [],
    shipped: linesOf.get(lot.id) ?? [],
    returned: returnsOf.get(lot.id) ?? [],
    consumed: consumedOf.get(lot.id) ?? [],
  }));

  const consignees = new Map<string, ScopeConsignee>();
  for (const r of tuples(row.customers)) consignees.set(str(r[0]), { customerId: str(r[0]), code: str(r[1]), name: str(r[2]), lines: 0, shipped: 0, returned: 0, outstanding: 0 });
  for (const l of shipmentLines) {
    const c = consignees.get(l.customerId)!;
    c.lines++;
    c.shipped = round(c.shipped + l.qty);
  }
  for (const r of returns) {
    const c = consignees.get(r.customerId)!;
    c.returned = round(c.returned + r.qty);
  }
  for (const c of consignees.values()) c.outstanding = round(c.shipped - c.returned);
  const consigneeList = [...consignees.values()].sort((a, b) => a.code.localeCompare(b.code));
  onStage?.('consignees');
  const balance = scopeBalance(books);
  onStage?.('balance');

  return {
    input,
    described: roots.described,
    roots: roots.lotIds,
    lots,
    stock,
    shipmentLines,
    consignees: consigneeList,
    links,
    balance,
    conflicts: tuples(row.conflicts).map((r) => ({ lotId: str(r[0]), lotNumber: str(r[1]), caseId: str(r[2]), caseNumber: str(r[3]) })),
  };
}

/** A lot already held by another open case cannot be taken into a second one. */
export function refuseConflicts(scope: RecallScope, exceptCaseId: string | null = null): void {
  const others = scope.conflicts.filter((c) => c.caseId !== exceptCaseId);
  if (others.length === 0) return;
  const cases = [...new Set(others.map((c) => c.caseNumber))];
  const lots = others.slice(0, 5).map((c) => c.lotNumber);
  const more = others.length > lots.length ? ` and ${others.length - lots.length} more` : '';
  throw new AppError(409, 'lot_in_open_recall', `Lot ${lots.join(', ')}${more} is already held by open recall ${cases.join(', ')}.`, {
    cases,
    lots: others.map((c) => ({ lotId: c.lotId, lotNumber: c.lotNumber, caseNumber: c.caseNumber })),
  });
}
