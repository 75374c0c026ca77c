import type { LotStatus } from '../../domain/lots';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import { containersHolding, type HoldingContainer } from '../packaging/holding';

export type TraceDirection = 'forward' | 'backward';

export interface TraceLot {
  id: string;
  lotNumber: string;
  gtin: string;
  itemName: string;
  /** The item's name in Chinese, where the master data has one. */
  itemNameZh: string | null;
  status: LotStatus;
  origin: 'received' | 'produced';
  supplier: string | null;
  supplierLot: string | null;
  expiresOn: string | null;
  /** Hops from the lot the trace started at. */
  depth: number;
}

export interface TraceEdge {
  parentLotId: string;
  childLotId: string;
  qty: number;
  workOrder: string | null;
  serials: string[];
}

export interface TraceStock {
  lotId: string;
  locationCode: string;
  locationName: string;
  qty: number;
}

export interface TraceShipment {
  lotId: string;
  shipment: string;
  customerCode: string;
  customerName: string;
  qty: number;
  serial: string | null;
  shippedAt: string;
}

export interface Trace {
  root: string;
  direction: TraceDirection;
  depth: number;
  serial: string | null;
  lots: TraceLot[];
  edges: TraceEdge[];
  stock: TraceStock[];
  shipments: TraceShipment[];
  containers: HoldingContainer[];
  /** Whether the walk stopped at the depth limit with further links left. */
  truncated: boolean;
}

export const MAX_TRACE_DEPTH = 50;

/**
 * The whole answer in one statement: a recursive walk of the genealogy from the lot, then the
 * reached lots, their links, where their stock is now and which customers got them. One round
 * trip keeps a trace fast however deep it goes; UNION in the walk stops a lot reached by
 * several paths from being walked more than once per depth. Rows travel as JSON arrays, not
 * objects: a recall of a raw-material lot reaches tens of thousands of lots and a hundred
 * thousand shipment lines, and building and parsing the repeated keys cost more than the walk.
 * For the same reason each shipment (number, customer, time) travels once and its lines apart,
 * joined here: a hub lot's 100,000 lines share 20,000 shipments, and looking the shipment up
 * once per line and sorting 100,000 wide rows cost more than the rest of the trace. The reached
 * lots are kept in id order so the look-ups by lot walk each index in order.
 */
function traceSql(direction: TraceDirection): string {
  const [from, to] = direction === 'forward' ? ['parent_lot_id', 'child_lot_id'] : ['child_lot_id', 'parent_lot_id'];
  const serialColumn = direction === 'forward' ? 'parent_serial' : 'child_serial';
  // Every link out of a reached lot short of the depth limit was walked, so it ends at a reached
  // lot: the links need no second look-up of where they lead.
  return `
WITH RECURSIVE walk(lot_id, depth) AS (
  SELECT $1::uuid, 0
  UNION
  SELECT e.${to}, w.depth + 1
    FROM walk w JOIN genealogy_edges e ON e.${from} = w.lot_id
   WHERE w.depth < $2 AND (w.depth > 0 OR $3::text IS NULL OR e.${serialColumn} = $3)
), reached AS MATERIALIZED (
  SELECT lot_id, min(depth) AS depth FROM walk GROUP BY lot_id ORDER BY lot_id
), links AS (
  SELECT e.parent_lot_id, e.child_lot_id, sum(e.qty) AS qty, min(w.number) AS work_order,
         array_remove(array_agg(DISTINCT e.parent_serial), NULL) AS serials
    FROM reached r
    JOIN genealogy_edges e ON e.${from} = r.lot_id
    LEFT JOIN work_orders w ON w.id = e.work_order_id
   WHERE r.depth < $2 AND (r.depth > 0 OR $3::text IS NULL OR e.${serialColumn} = $3)
   GROUP BY e.parent_lot_id, e.child_lot_id
), lines AS MATERIALIZED (
  SELECT sl.id, sl.shipment_id, sl.lot_id, sl.qty, sl.serial
    FROM reached r JOIN shipment_lines sl ON sl.lot_id = r.lot_id
   WHERE r.depth > 0 OR $3::text IS NULL OR sl.serial = $3
)
SELECT
  (SELECT coalesce(json_agg(json_build_array(l.id, l.lot_number, i.gtin, i.name, l.status, l.origin, l.supplier, l.supplier_lot,
      to_char(l.expires_on, 'YYYY-MM-DD'), r.depth, i.name_zh) ORDER BY r.depth, l.lot_number), '[]'::json)
     FROM reached r JOIN lots l ON l.id = r.lot_id JOIN items i ON i.id = l.item_id) AS lots,
  (SELECT coalesce(json_agg(json_build_array(parent_lot_id, child_lot_id, qty, work_order, serials) ORDER BY parent_lot_id, child_lot_id), '[]'::json)
     FROM links) AS edges,
  (SELECT coalesce(json_agg(json_build_array(b.lot_id, loc.code, loc.name, b.qty) ORDER BY loc.code, b.lot_id), '[]'::json)
     FROM reached r JOIN stock_balances b ON b.lot_id = r.lot_id AND b.qty <> 0 JOIN locations loc ON loc.id = b.location_id) AS stock,
  (SELECT coalesce(json_agg(json_build_array(s.id, s.number, c.code, c.name, s.shipped_at) ORDER BY s.shipped_at, s.number), '[]'::json)
     FROM shipments s JOIN customers c ON c.id = s.customer_id WHERE s.id IN (SELECT shipment_id FROM lines)) AS shipments,
  (SELECT coalesce(json_agg(json_build_array(shipment_id, id, lot_id, qty, serial)), '[]'::json) FROM lines) AS lines,
  EXISTS (SELECT 1 FROM reached r JOIN genealogy_edges e ON e.${from} = r.lot_id WHERE r.depth = $2) AS truncated`;
}

const SQL = { forward: traceSql('forward'), backward: traceSql('backward') };

type Json = string | number | boolean | null;
type Tuples = Json[][];

interface TraceRow {
  lots: Tuples | string;
  edges: Tuples | string;
  stock: Tuples | string;
  shipments: Tuples | string;
  lines: Tuples | string;
  truncated: boolean;
}

// node-postgres parses json columns; PGlite may hand some back as text.
const parsed = (v: Tuples | string): Tuples => (typeof v === 'string' ? (JSON.parse(v) as Tuples) : v);
const text = (v: Json): string => String(v);
const textOrNull = (v: Json): string | null => (v === null ? null : String(v));

const toLot = (r: Json[]): TraceLot => ({
  id: text(r[0]!),
  lotNumber: text(r[1]!),
  gtin: text(r[2]!),
  itemName: text(r[3]!),
  status: text(r[4]!) as LotStatus,
  origin: text(r[5]!) as TraceLot['origin'],
  supplier: textOrNull(r[6]!),
  supplierLot: textOrNull(r[7]!),
  expiresOn: textOrNull(r[8]!),
  depth: Number(r[9]),
  itemNameZh: textOrNull(r[10] ?? null),
});
const toEdge = (r: Json[]): TraceEdge => ({ parentLotId: text(r[0]!), childLotId: text(r[1]!), qty: Number(r[2]), workOrder: textOrNull(r[3]!), serials: (r[4] as unknown as string[] | null) ?? [] });
const toStock = (r: Json[]): TraceStock => ({ lotId: text(r[0]!), locationCode: text(r[1]!), locationName: text(r[2]!), qty: Number(r[3]) });
/**
 * Shipments come in the trace's order, [id, number, customer code, customer name, shipped at];
 * lines in no order, [shipment id, line id, lot, qty, serial]. Each shipment lists its lines in
 * the order they were booked.
 */
function toShipments(shipments: Tuples, lines: Tuples): TraceShipment[] {
  const byShipment = new Map<string, Json[][]>(shipments.map((s) => [text(s[0]!), []]));
  for (const line of lines) byShipment.get(text(line[0]!))!.push(line);
  return shipments.flatMap((s) => {
    const shipment = text(s[1]!);
    const customerCode = text(s[2]!);
    const customerName = text(s[3]!);
    const shippedAt = new Date(text(s[4]!)).toISOString();
    const booked = byShipment.get(text(s[0]!))!.sort((x, y) => Number(x[1]) - Number(y[1]));
    return booked.map((line): TraceShipment => ({ lotId: text(line[2]!), shipment, customerCode, customerName, qty: Number(line[3]), serial: textOrNull(line[4]!), shippedAt }));
  });
}

export interface TraceOptions {
  direction: TraceDirection;
  depth?: number;
  serial?: string | null;
}

export async function traceLot(db: Queryable, lotId: string, options: TraceOptions): Promise<Trace> {
  const depth = options.depth ?? MAX_TRACE_DEPTH;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_TRACE_DEPTH) throw new AppError(400, 'invalid_request', `depth must be 1 to ${MAX_TRACE_DEPTH}`);
  const exists = await db.query('SELECT 1 FROM lots WHERE id = $1', [lotId]);
  if (exists.rows.length === 0) throw new AppError(404, 'not_found', 'That lot was not found.');
  const result = await db.query<TraceRow>(SQL[options.direction], [lotId, depth, options.serial ?? null], { prepareAs: `lotline_trace_${options.direction}` });
  const row = result.rows[0]!;
  const lots = parsed(row.lots).map(toLot);
  const containers = await containersHolding(db, lots.map((l) => l.id), options.serial ? { serial: options.serial, lotId } : null);
  return {
    root: lotId,
    direction: options.direction,
    depth,
    serial: options.serial ?? null,
    lots,
    edges: parsed(row.edges).map(toEdge),
    stock: parsed(row.stock).map(toStock),
    shipments: toShipments(parsed(row.shipments), parsed(row.lines)),
    containers,
    truncated: row.truncated,
  };
}

/**
 * Finds a lot by what a person types: its id, or its lot number (with the GTIN when two items
 * share a lot number).
 */
export async function findLot(db: Queryable, ref: string, gtin?: string | null): Promise<{ id: string; lotNumber: string; gtin: string }> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const found = await db.query<{ id: string; lot_number: string; gtin: string }>(
    `SELECT l.id, l.lot_number, i.gtin FROM lots l JOIN items i ON i.id = l.item_id
      WHERE ${isUuid ? 'l.id = $1::uuid' : 'l.lot_number = $1'} AND ($2::text IS NULL OR i.gtin = $2) ORDER BY i.gtin`,
    [ref, gtin ?? null],
  );
  if (found.rows.length === 0) throw new AppError(404, 'not_found', `No lot '${ref}'${gtin ? ` of GTIN ${gtin}` : ''}.`);
  if (found.rows.length > 1) {
    throw new AppError(409, 'ambiguous', `Lot number '${ref}' belongs to ${found.rows.length} items (GTIN ${found.rows.map((r) => r.gtin).join(', ')}): give the GTIN too.`);
  }
  const r = found.rows[0]!;
  return { id: r.id, lotNumber: r.lot_number, gtin: r.gtin };
}
