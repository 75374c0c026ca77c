import { stagedPicks } from '../../domain/ops';
import { recallHold, scopeBalance, type LotBooks, type RecallHold, type ScopeBalance } from '../../domain/recall';
import type { LotStatus } from '../../domain/lots';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import { countedPicksSql } from './pick-list-breaks';
import { resolveScope, type ScopeInput } from './scope-input';
import { containersHolding, type HoldingContainer } from '../packaging/holding';

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
  /**
   * Genealogy hops: from the input for a lot the forward walk reached, from the family's root
   * for a lot only the whole family reached.
   */
  depth: number;
  /** Forward from the input, or only through the whole family (an ancestor, a sibling, a cousin). */
  reached: 'forward' | 'family';
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

/** Stock of a lot that an open pick list has picked and staged at its destination. */
export interface ScopePicked {
  pickListId: string;
  pickList: string;
  lotId: string;
  locationId: string;
  qty: number;
}

/**
 * Handhelds that last told the server they hold ops not yet sent. The server knows how many, not
 * what they are about: none of it can be placed in a lot's books, so it stands beside the mass
 * balance, not in it.
 */
export interface ScopeUnsynced {
  devices: { deviceId: string; name: string; queuedOps: number; lastSeenAt: string | null }[];
  queuedOps: number;
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
  picked: ScopePicked[];
  unsynced: ScopeUnsynced;
  balance: ScopeBalance;
  conflicts: ScopeConflict[];
  /** Cases and pallets holding lots of the scope, with the outermost container of each. */
  containers: HoldingContainer[];
}

/*
 * The whole scope in one statement: the forward walk through genealogy from the input's lots and,
 * for the whole family, the walk up from them to the lots nothing was made from and down again
 * from those (a lot the forward walk reached stays "forward"), then, for every lot reached, what the ledger and the tables beside it say. Each bucket of the
 * mass balance is read from its own source — balances, shipment lines, returns, genealogy, and
 * the moves that brought quantity in or corrected it — so a bucket that goes missing shows.
 * Rows travel as JSON arrays: a hub raw-material lot reaches tens of thousands of lots. As in the
 * trace (server/lots/trace.ts), each shipment travels once and its lines apart, in no order, to be
 * joined and ordered here: a hub's 100,000 lines share 20,000 shipments, and looking the shipment
 * up per line and sorting 100,000 wide rows cost more than the walk. The consignees are those of
 * the shipments and returns already found, not a second join of every line. The reached lots are
 * kept in id order so the look-ups by lot walk each index in order. Picked stock comes as the
 * pick lists' counts (countedPicksSql), the rule recall opening breaks them by.
 */
const SCOPE_SQL = `
WITH RECURSIVE walk(lot_id, depth) AS (
  SELECT r, 0 FROM unnest($1::uuid[]) AS r
  UNION
  SELECT e.child_lot_id, w.depth + 1 FROM walk w JOIN genealogy_edges e ON e.parent_lot_id = w.lot_id WHERE w.depth < $2
), up(lot_id, height) AS (
  SELECT r, 0 FROM unnest($1::uuid[]) AS r WHERE $3::boolean
  UNION
  SELECT e.parent_lot_id, u.height + 1 FROM up u JOIN genealogy_edges e ON e.child_lot_id = u.lot_id WHERE u.height < $2
), family(lot_id, depth) AS (
  SELECT u.lot_id, 0 FROM up u WHERE NOT EXISTS (SELECT 1 FROM genealogy_edges e WHERE e.child_lot_id = u.lot_id)
  UNION
  SELECT e.child_lot_id, f.depth + 1 FROM family f JOIN genealogy_edges e ON e.parent_lot_id = f.lot_id WHERE f.depth < $2
), reached AS MATERIALIZED (
  SELECT lot_id, coalesce(min(depth) FILTER (WHERE forward), min(depth)) AS depth, bool_or(forward) AS forward
    FROM (SELECT lot_id, depth, true AS forward FROM walk UNION ALL SELECT lot_id, depth, false FROM family) x
   GROUP BY lot_id ORDER BY lot_id
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
), picks AS (${countedPicksSql('SELECT lot_id FROM reached')})%FROZEN_LINES%
SELECT
  (SELECT coalesce(json_agg(json_build_array(l.id, l.lot_number, i.gtin, i.name, l.status, l.origin, l.supplier, l.supplier_lot, r.depth, r.forward,
                                             coalesce(mv.brought_in, 0), coalesce(mv.corrected, 0)) ORDER BY NOT r.forward, r.depth, l.lot_number, l.id), '[]'::json)
     FROM reached r JOIN lots l ON l.id = r.lot_id JOIN items i ON i.id = l.item_id LEFT JOIN moved mv ON mv.lot_id = r.lot_id) AS lots,
  (SELECT coalesce(json_agg(json_build_array(b.lot_id, b.location_id, loc.code, loc.kind, b.qty) ORDER BY loc.code, b.lot_id), '[]'::json)
     FROM reached r JOIN stock_balances b ON b.lot_id = r.lot_id AND b.qty <> 0 JOIN locations loc ON loc.id = b.location_id) AS stock,
%SHIPPED%  (SELECT coalesce(json_agg(json_build_array(cr.lot_id, cr.customer_id, cr.qty)), '[]'::json) FROM returned cr) AS returns,
  (SELECT coalesce(json_agg(json_build_array(e.parent_lot_id, e.child_lot_id, e.qty) ORDER BY e.parent_lot_id, e.child_lot_id), '[]'::json)
     FROM (SELECT e.parent_lot_id, e.child_lot_id, sum(e.qty) AS qty FROM reached r JOIN genealogy_edges e ON e.parent_lot_id = r.lot_id GROUP BY 1, 2) e) AS links,
  (SELECT coalesce(json_agg(json_build_array(c.id, c.code, c.name)), '[]'::json)
     FROM customers c WHERE c.id IN (SELECT customer_id FROM sent UNION SELECT customer_id FROM returned)) AS customers,
  (SELECT coalesce(json_agg(json_build_array(h.lot_id, l.lot_number, c.id, c.number) ORDER BY c.number, l.lot_number), '[]'::json)
     FROM reached r JOIN recall_holds h ON h.lot_id = r.lot_id JOIN recall_cases c ON c.id = h.case_id JOIN lots l ON l.id = h.lot_id) AS conflicts,
  (SELECT coalesce(json_agg(json_build_array(k.pick_list_id, k.number, k.lot_id, k.to_location_id, k.counted, k.staged)
                            ORDER BY k.created_at DESC, k.pick_list_id, k.lot_number), '[]'::json) FROM picks k) AS picks,
  (SELECT coalesce(json_agg(json_build_array(d.id, d.name, d.queue_depth, d.last_seen_at) ORDER BY d.name, d.id), '[]'::json)
     FROM devices d WHERE d.revoked_at IS NULL AND d.queue_depth > 0) AS unsynced,
  EXISTS (SELECT 1 FROM walk w JOIN genealogy_edges e ON e.parent_lot_id = w.lot_id WHERE w.depth = $2) AS truncated,
  EXISTS (SELECT 1 FROM up u JOIN genealogy_edges e ON e.child_lot_id = u.lot_id WHERE u.height = $2)
    OR EXISTS (SELECT 1 FROM family f JOIN genealogy_edges e ON e.parent_lot_id = f.lot_id WHERE f.depth = $2) AS family_truncated%FROZEN_COUNT%`;

const READ_SCOPE_SQL = SCOPE_SQL.replace('%FROZEN_LINES%', '').replace('%FROZEN_COUNT%', '').replace(
  '%SHIPPED%',
  `  (SELECT coalesce(json_agg(json_build_array(s.id, s.number, s.customer_id, s.shipped_at) ORDER BY s.shipped_at, s.number), '[]'::json) FROM sent s) AS shipments,
  (SELECT coalesce(json_agg(json_build_array(sl.shipment_id, sl.id::text, sl.lot_id, sl.serial, sl.qty)), '[]'::json) FROM lines sl) AS lines,
`,
);

/**
 * The same statement for the opening of a case, which freezes the shipment lines it read into the
 * case ($4): from the very rows the scope is made of, in the same snapshot, instead of sending a
 * hub's 100,000 line ids back to be looked up again. The lines themselves stay in the database:
 * the opening needs only what each lot shipped to each consignee, summed here. Building a hub's
 * 100,000 lines as objects took the server longer than summing them.
 */
const OPENING_SCOPE_SQL = SCOPE_SQL.replace(
  '%FROZEN_LINES%',
  `, frozen_lines AS (
  INSERT INTO recall_case_shipment_lines (case_id, shipment_line_id, shipment_id, customer_id, lot_id, serial, qty)
  SELECT $4::uuid, l.id, l.shipment_id, s.customer_id, l.lot_id, l.serial, l.qty FROM lines l JOIN sent s ON s.id = l.shipment_id
  RETURNING 1
)`,
)
  .replace('%FROZEN_COUNT%', ',\n  (SELECT count(*)::int FROM frozen_lines) AS frozen_lines')
  .replace(
    '%SHIPPED%',
    `  (SELECT coalesce(json_agg(json_build_array(x.lot_id, x.customer_id, x.lines, x.qty)), '[]'::json)
     FROM (SELECT sl.lot_id, s.customer_id, count(*)::int AS lines, sum(sl.qty) AS qty FROM lines sl JOIN sent s ON s.id = sl.shipment_id GROUP BY 1, 2) x) AS shipped,
`,
  );

type Json = string | number | boolean | null;
type Tuples = Json[][];
interface ScopeRow {
  lots: Tuples | string;
  stock: Tuples | string;
  /** Each shipment and each line (reading a scope), or what each lot shipped to each consignee (opening a case). */
  shipments?: Tuples | string;
  lines?: Tuples | string;
  shipped?: Tuples | string;
  returns: Tuples | string;
  links: Tuples | string;
  customers: Tuples | string;
  conflicts: Tuples | string;
  picks: Tuples | string;
  unsynced: Tuples | string;
  truncated: boolean;
  family_truncated: boolean;
  frozen_lines?: number;
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

/** What one lot shipped to one consignee, over however many lines. */
interface ShippedTo {
  lotId: string;
  customerId: string;
  lines: number;
  qty: number;
}

/**
 * Everything a recall of this input reaches, as it stands now, with its mass balance and the
 * lots another open case already holds. Reads only. `onStage` hears when the lots, the consignee
 * list and the mass balance are each ready: a mock recall times them.
 */
export type ScopeStage = 'scope' | 'consignees' | 'balance';

export async function readScope(db: Queryable, input: ScopeInput, onStage?: (stage: ScopeStage) => void): Promise<RecallScope> {
  const roots = await resolveScope(db, input);
  const result = await db.query<ScopeRow>(READ_SCOPE_SQL, [roots.lotIds, MAX_SCOPE_DEPTH, input.family === true], { prepareAs: 'lotline_recall_scope' });
  const row = result.rows[0]!;
  refuseTruncated(row, roots.described);
  const shipmentLines = toShipmentLines(tuples(row.shipments!), tuples(row.lines!));
  const shipped = shipmentLines.map((l): ShippedTo => ({ lotId: l.lotId, customerId: l.customerId, lines: 1, qty: l.qty }));
  const scope = scopeOf(input, roots, row, shipped, onStage);
  return { ...scope, shipmentLines, containers: await containersHolding(db, scope.lots.map((l) => l.id)) };
}

/** The scope as opening a case freezes it: its shipment lines are in the case, not here. */
export type OpeningScope = Omit<RecallScope, 'shipmentLines'> & { shipmentLines: number };

/**
 * The scope read inside the opening transaction of case `caseId`, which is what gets frozen: its
 * shipment lines are written into the case by the same statement that reads them.
 */
export async function readOpeningScope(tx: Queryable, input: ScopeInput, caseId: string): Promise<OpeningScope> {
  const roots = await resolveScope(tx, input);
  const result = await tx.query<ScopeRow>(OPENING_SCOPE_SQL, [roots.lotIds, MAX_SCOPE_DEPTH, input.family === true, caseId], { prepareAs: 'lotline_recall_scope_opening' });
  const row = result.rows[0]!;
  refuseTruncated(row, roots.described);
  const shipped = tuples(row.shipped!).map((r): ShippedTo => ({ lotId: str(r[0]), customerId: str(r[1]), lines: num(r[2]), qty: num(r[3]) }));
  const lineCount = shipped.reduce((n, s) => n + s.lines, 0);
  if (row.frozen_lines !== lineCount) throw new Error(`froze ${String(row.frozen_lines)} of the scope's ${lineCount} shipment lines`);
  const scope = scopeOf(input, roots, row, shipped);
  return { ...scope, shipmentLines: lineCount, containers: await containersHolding(tx, scope.lots.map((l) => l.id)) };
}

function refuseTruncated(row: ScopeRow, described: string): void {
  if (row.truncated) throw new AppError(422, 'scope_too_deep', `The genealogy from ${described} goes deeper than ${MAX_SCOPE_DEPTH} levels; it loops somewhere. Fix the genealogy first.`, { walk: 'forward', maxDepth: MAX_SCOPE_DEPTH });
  if (row.family_truncated) {
    throw new AppError(422, 'scope_too_deep', `The family of ${described} reaches further than ${MAX_SCOPE_DEPTH} levels up to its roots or down from them; it loops somewhere. Fix the genealogy first, or recall without the whole family.`, {
      walk: 'family',
      maxDepth: MAX_SCOPE_DEPTH,
    });
  }
}

function byLot<T extends { lotId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.lotId);
    if (list) list.push(r);
    else map.set(r.lotId, [r]);
  }
  return map;
}

/** Everything but the shipment lines, from the statement's row and what each lot shipped to whom. */
function scopeOf(input: ScopeInput, roots: { lotIds: string[]; described: string }, row: ScopeRow, shipped: readonly ShippedTo[], onStage?: (stage: ScopeStage) => void): Omit<RecallScope, 'shipmentLines' | 'containers'> {
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
    reached: r[9] === true ? 'forward' : 'family',
    hold: recallHold(str(r[4]) as LotStatus),
  }));
  onStage?.('scope');
  const stock: ScopeStock[] = tuples(row.stock).map((r) => ({ lotId: str(r[0]), locationId: str(r[1]), locationCode: str(r[2]), locationKind: str(r[3]), qty: num(r[4]) }));
  const returns = tuples(row.returns).map((r) => ({ lotId: str(r[0]), customerId: str(r[1]), qty: num(r[2]) }));
  const links: ScopeLink[] = tuples(row.links).map((r) => ({ parentLotId: str(r[0]), childLotId: str(r[1]), qty: num(r[2]) }));
  const counted = tuples(row.picks).map((r) => ({ listId: str(r[0]), pickList: str(r[1]), lotId: str(r[2]), destinationId: str(r[3]), counted: num(r[4]), atDestination: num(r[5]) }));
  const picked: ScopePicked[] = stagedPicks(counted).map(({ row: k, qty }) => ({ pickListId: k.listId, pickList: k.pickList, lotId: k.lotId, locationId: k.destinationId, qty }));
  const unsyncedDevices = tuples(row.unsynced).map((r) => ({ deviceId: str(r[0]), name: str(r[1]), queuedOps: num(r[2]), lastSeenAt: r[3] === null ? null : new Date(str(r[3])).toISOString() }));

  const stockOf = byLot(stock);
  const shippedOf = byLot(shipped);
  const returnsOf = byLot(returns);
  const pickedOf = byLot(picked);
  const consumedOf = byLot(links.map((l) => ({ lotId: l.parentLotId, childLotId: l.childLotId, qty: l.qty })));
  const books: LotBooks[] = lots.map((lot, i) => ({
    lotId: lot.id,
    status: lot.status,
    broughtIn: num(lotRows[i]![10]),
    corrected: num(lotRows[i]![11]),
    stock: stockOf.get(lot.id) ?? [],
    picked: pickedOf.get(lot.id) ?? [],
    shipped: shippedOf.get(lot.id) ?? [],
    returned: returnsOf.get(lot.id) ?? [],
    consumed: consumedOf.get(lot.id) ?? [],
  }));

  const consignees = new Map<string, ScopeConsignee>();
  for (const r of tuples(row.customers)) consignees.set(str(r[0]), { customerId: str(r[0]), code: str(r[1]), name: str(r[2]), lines: 0, shipped: 0, returned: 0, outstanding: 0 });
  for (const s of shipped) {
    const c = consignees.get(s.customerId)!;
    c.lines += s.lines;
    c.shipped = round(c.shipped + s.qty);
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
    consignees: consigneeList,
    links,
    picked,
    unsynced: { devices: unsyncedDevices, queuedOps: unsyncedDevices.reduce((n, d) => n + d.queuedOps, 0) },
    balance,
    conflicts: tuples(row.conflicts).map((r) => ({ lotId: str(r[0]), lotNumber: str(r[1]), caseId: str(r[2]), caseNumber: str(r[3]) })),
  };
}

/** A lot already held by another open case cannot be taken into a second one. */
export function refuseConflicts(scope: Pick<RecallScope, 'conflicts'>, exceptCaseId: string | null = null): void {
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
