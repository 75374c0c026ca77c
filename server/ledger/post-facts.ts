import type { PlannedEdge, PlannedRecallReturn, PlannedReturn, PlannedShipment } from '../../domain/ops';
import type { Queryable } from '../db';

export interface OpFacts {
  opId: string;
  actorId: string | null;
  edges: readonly PlannedEdge[];
  shipment: PlannedShipment | null;
  customerReturn: PlannedReturn | null;
  recallReturn: PlannedRecallReturn | null;
  serials: readonly { itemId: string; lotId: string; serial: string }[];
}

/**
 * Writes what ops established besides stock moves — genealogy, shipments, returns, serials —
 * as set statements in the caller's transaction, whatever the number of ops.
 */
export async function postFacts(tx: Queryable, facts: readonly OpFacts[]): Promise<void> {
  const edges = facts.flatMap((f) => f.edges.map((e) => ({ parent_lot_id: e.parentLotId, child_lot_id: e.childLotId, qty: e.qty, parent_serial: e.parentSerial, work_order_id: e.workOrderId, op_id: f.opId })));
  if (edges.length > 0) {
    await tx.query(
      `INSERT INTO genealogy_edges (parent_lot_id, child_lot_id, qty, parent_serial, work_order_id, op_id)
       SELECT parent_lot_id, child_lot_id, qty, parent_serial, work_order_id, op_id
         FROM jsonb_to_recordset($1::jsonb) AS r(parent_lot_id uuid, child_lot_id uuid, qty numeric, parent_serial text, work_order_id uuid, op_id uuid)
        WHERE parent_lot_id <> child_lot_id`,
      [JSON.stringify(edges)],
    );
  }
  const shipments = facts.filter((f) => f.shipment).map((f) => ({ op_id: f.opId, actor_id: f.actorId, number: f.shipment!.number ?? `SH-${f.opId.slice(0, 13).toUpperCase()}`, customer_id: f.shipment!.customerId, lines: f.shipment!.lines }));
  if (shipments.length > 0) {
    await tx.query(
      // One shipment number is one shipment: two handhelds loading the same truck add lines to it.
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(op_id uuid, actor_id uuid, number text, customer_id uuid, lines jsonb)
       ), made AS (
         INSERT INTO shipments (number, customer_id, op_id, shipped_by)
         SELECT DISTINCT ON (number) number, customer_id, op_id, actor_id FROM input ORDER BY number, op_id
         ON CONFLICT (number) DO NOTHING
         RETURNING id, number
       ), target AS (
         SELECT id, number FROM made UNION ALL SELECT s.id, s.number FROM shipments s JOIN input i ON i.number = s.number
       )
       INSERT INTO shipment_lines (shipment_id, lot_id, serial, qty, from_location_id)
       SELECT t.id, l."lotId", l.serial, l.qty, l."fromLocationId"
         FROM input JOIN (SELECT DISTINCT id, number FROM target) t ON t.number = input.number
         CROSS JOIN LATERAL jsonb_to_recordset(input.lines) AS l("lotId" uuid, serial text, qty numeric, "fromLocationId" uuid)`,
      [JSON.stringify(shipments)],
    );
  }
  const returns = facts.filter((f) => f.customerReturn).map((f) => ({ op_id: f.opId, ...f.customerReturn! }));
  if (returns.length > 0) {
    await tx.query(
      `INSERT INTO customer_returns (customer_id, lot_id, serial, qty, to_location_id, op_id, reason)
       SELECT "customerId", "lotId", serial, qty, "toLocationId", op_id, reason
         FROM jsonb_to_recordset($1::jsonb) AS r(op_id uuid, "customerId" uuid, "lotId" uuid, serial text, qty numeric, "toLocationId" uuid, reason text)`,
      [JSON.stringify(returns)],
    );
  }
  const recallReturns = facts.filter((f) => f.recallReturn).map((f) => ({ op_id: f.opId, ...f.recallReturn! }));
  if (recallReturns.length > 0) {
    await tx.query(
      `INSERT INTO recall_returns (case_id, named_case, op_id, lot_id, customer_id, customer_code, qty, to_location_id, in_scope, flag)
       SELECT "caseId", "namedCase", op_id, "lotId", "customerId", "customerCode", qty, "toLocationId", "inScope", flag
         FROM jsonb_to_recordset($1::jsonb) AS r(op_id uuid, "caseId" uuid, "namedCase" text, "lotId" uuid, "customerId" uuid, "customerCode" text, qty numeric, "toLocationId" uuid, "inScope" boolean, flag text)`,
      [JSON.stringify(recallReturns)],
    );
  }
  const serials = facts.flatMap((f) => f.serials.map((s) => ({ item_id: s.itemId, lot_id: s.lotId, serial: s.serial })));
  if (serials.length > 0) {
    await tx.query(
      `INSERT INTO serials (item_id, serial, lot_id)
       SELECT item_id, serial, lot_id FROM jsonb_to_recordset($1::jsonb) AS r(item_id uuid, serial text, lot_id uuid)
       ON CONFLICT (item_id, serial) DO NOTHING`,
      [JSON.stringify(serials)],
    );
  }
}
