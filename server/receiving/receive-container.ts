import { rollUpInbound, type InboundLine } from '../../domain/receiving';
import type { OpPayload, PlannedException, PlannedMove, ReceiveContainerOp } from '../../domain/ops';
import type { OpProblem } from '../../sync';
import type { Queryable } from '../db';

/** What the server found for the SSCC of a receive_container op, before the batch is planned. */
export type ContainerClaim =
  | { verdict: 'expected'; inboundId: string }
  /** Received already, by another op (another handheld, offline too): a conflict for the supervisor. */
  | { verdict: 'received'; exception: PlannedException };

interface Pending {
  doc: { id: string };
  op?: OpPayload;
  rejection?: string;
  problem?: OpProblem;
}

interface InboundRow {
  id: string;
  status: 'expected' | 'received';
  notice: string;
  supplier: string;
  received_on: string | null;
  received_op_id: string | null;
  lines: InboundLine[];
}

/**
 * Claims the SSCC of every receive_container op of the batch, locking its inbound record so two
 * handhelds receiving the same pallet take turns: the first books it, the second finds it
 * received and becomes a conflict, never a second receipt. An expected SSCC's op is given the
 * notice's own lines, one per lot, as the server holds them (the notice is the record of what the
 * pallet holds); an SSCC no open notice expects refuses the op with `sscc_not_expected`.
 */
export async function claimReceivedContainers(tx: Queryable, incoming: readonly Pending[]): Promise<Map<string, ContainerClaim>> {
  const claims = new Map<string, ContainerClaim>();
  const claimedBy = new Map<string, string>();
  for (const item of incoming) {
    const op = item.op;
    if (item.rejection || op?.type !== 'receive_container') continue;
    const p = op.payload;
    const found = await tx.query<InboundRow>(
      `SELECT ic.id, ic.status, po.number AS notice, s.name AS supplier, ic.received_op_id,
              to_char(ic.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS received_on,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('line', (l->>'line')::int, 'gtin', i.gtin, 'lotNumber', l->>'supplierLot', 'expiresOn', l->>'expiresOn', 'qty', (l->>'qty')::float8)
                                         ORDER BY (l->>'line')::int), '[]'::jsonb)
                 FROM jsonb_array_elements(ic.lines) l JOIN items i ON i.id = (l->>'itemId')::uuid) AS lines
         FROM inbound_containers ic
         JOIN purchase_orders po ON po.id = ic.purchase_order_id
         JOIN suppliers s ON s.id = po.supplier_id
        WHERE ic.sscc = $1 AND ic.status <> 'withdrawn'
          FOR UPDATE OF ic`,
      [p.sscc],
    );
    const row = found.rows[0];
    if (!row) {
      const reason = `SSCC ${p.sscc} is not on any open ship notice: receive its contents line by line`;
      item.rejection = `sscc: ${reason}`;
      item.problem = { code: 'op_failed', params: { cause: 'sscc_not_expected', field: 'sscc', reason } };
      continue;
    }
    const earlier = claimedBy.get(p.sscc);
    if (row.status === 'received' || earlier !== undefined) {
      const receivedOn = row.received_on ?? new Date().toISOString().slice(0, 10);
      const message = `SSCC ${p.sscc} was already received on ${receivedOn}: nothing booked again; a supervisor decides what this receipt was`;
      claims.set(item.doc.id, {
        verdict: 'received',
        exception: { kind: 'sscc_already_received', lotId: null, locationId: null, details: { message, sscc: p.sscc, notice: row.notice, receivedOn, receivedByOp: row.received_op_id ?? earlier ?? null } },
      });
      item.op = { type: 'receive_container', payload: { ...p, lines: [] } };
      continue;
    }
    claimedBy.set(p.sscc, item.doc.id);
    claims.set(item.doc.id, { verdict: 'expected', inboundId: row.id });
    const lines = rollUpInbound(row.lines).map((l) => ({ gtin: l.gtin, lotNumber: l.lotNumber, qty: l.qty, expiresOn: l.expiresOn }));
    item.op = { type: 'receive_container', payload: { ...p, notice: row.notice, supplier: row.supplier, lines } };
  }
  return claims;
}

export interface ReceivedBy {
  userId: string;
  deviceId: string;
  opId: string;
}

/**
 * Records a received SSCC: its inbound record is received (by whom, when, on which handheld,
 * where), and it becomes one of the plant's containers holding the lots it brought, per lot, so
 * lookup and trace find it. Its version 1 is what it held when it came in.
 */
export async function recordReceivedContainer(tx: Queryable, by: ReceivedBy, payload: ReceiveContainerOp, inboundId: string, moves: readonly PlannedMove[]): Promise<void> {
  await tx.query(
    `UPDATE inbound_containers SET status = 'received', received_at = now(), received_by = $2, received_device_id = $3, received_op_id = $4,
            received_location_id = (SELECT id FROM locations WHERE code = $5)
      WHERE id = $1`,
    [inboundId, by.userId, by.deviceId, by.opId, payload.locationCode],
  );
  await tx.query(
    `INSERT INTO containers (sscc, spec_id, origin, version, created_by_op)
     SELECT $1, id, 'received', 1, $2 FROM packaging_specs WHERE name = 'received-pallet'`,
    [payload.sscc, by.opId],
  );
  const units = new Map<string, number>();
  for (const m of moves) units.set(m.lotId, Math.round(((units.get(m.lotId) ?? 0) + m.qty) * 1000) / 1000);
  if (units.size > 0) {
    await tx.query(
      `INSERT INTO container_units (sscc, item_id, lot_id, qty)
       SELECT $1, l.item_id, l.id, u.qty FROM jsonb_to_recordset($2::jsonb) AS u(lot_id uuid, qty numeric) JOIN lots l ON l.id = u.lot_id`,
      [payload.sscc, JSON.stringify([...units].map(([lot_id, qty]) => ({ lot_id, qty })))],
    );
  }
  const contents = { containers: [], units: payload.lines.map((l) => ({ gtin: l.gtin, lotNumber: l.lotNumber, serial: null, qty: l.qty })) };
  await tx.query(`INSERT INTO container_versions (sscc, version, op_id, change, parent_sscc, contents) VALUES ($1, 1, $2, 'receive', NULL, $3::jsonb)`, [payload.sscc, by.opId, JSON.stringify(contents)]);
}
