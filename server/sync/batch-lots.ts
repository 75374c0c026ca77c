import type { OpPayload, ProduceOp } from '../../domain/ops';
import type { Queryable } from '../db';
import { nextLotNumber } from '../numbering';
import type { MasterData } from './op-context';

/**
 * The writes a batch needs before it can be planned: the lots its receipts and produce ops bring
 * into being, and numbers for produced lots that came without one. Returns how many lots it made
 * (devices must then pull lots).
 */
export async function createBatchLots(tx: Queryable, ops: readonly OpPayload[], master: MasterData): Promise<number> {
  let created = await createReceivedLots(tx, ops, master.itemByGtin);
  if (ops.some((op) => op.type === 'produce')) created += await createProducedLots(tx, ops, master);
  return created;
}

/** A receipt of a known item creates its lot, in quarantine, before anything is planned. */
async function createReceivedLots(tx: Queryable, ops: readonly OpPayload[], itemByGtin: ReadonlyMap<string, string>): Promise<number> {
  const rows = ops.flatMap((op) => {
    if (op.type === 'receive_container') {
      const p = op.payload;
      return p.lines.flatMap((l) => (itemByGtin.has(l.gtin) ? [{ item_id: itemByGtin.get(l.gtin), lot_number: l.lotNumber, expires_on: l.expiresOn ?? null, manufactured_on: null, supplier: p.supplier ?? null, supplier_lot: l.lotNumber }] : []));
    }
    if (op.type !== 'receive' || !itemByGtin.has(op.payload.gtin)) return [];
    const p = op.payload;
    return [{ item_id: itemByGtin.get(p.gtin), lot_number: p.lotNumber, expires_on: p.expiresOn ?? null, manufactured_on: p.manufacturedOn ?? null, supplier: p.supplier ?? null, supplier_lot: p.supplierLot ?? null }];
  });
  if (rows.length === 0) return 0;
  const created = await tx.query(
    `INSERT INTO lots (item_id, lot_number, expires_on, manufactured_on, supplier, supplier_lot, origin)
     SELECT DISTINCT ON (item_id, lot_number) item_id, lot_number, expires_on, manufactured_on, supplier, supplier_lot, 'received'
       FROM jsonb_to_recordset($1::jsonb) AS r(item_id uuid, lot_number text, expires_on date, manufactured_on date, supplier text, supplier_lot text)
     ORDER BY item_id, lot_number
     ON CONFLICT (item_id, lot_number) DO NOTHING`,
    [JSON.stringify(rows)],
  );
  return created.rowCount;
}

/**
 * A produce op declares its finished lot: the number is the op's own, the work order's, or the
 * next one from the item's number rule. The lot is made here, in quarantine until QC releases
 * it, with its expiry from the item's shelf life when the op does not give one. The op's payload
 * is completed with the number so the plan, the outcome and the device all see the same lot.
 */
async function createProducedLots(tx: Queryable, ops: readonly OpPayload[], master: MasterData): Promise<number> {
  const { itemByGtin, workOrderByNumber: workOrders, today } = master;
  const rows: { item_id: string; lot_number: string; manufactured_on: string | null; expires_on: string | null }[] = [];
  for (const op of ops) {
    if (op.type !== 'produce') continue;
    const p: ProduceOp = op.payload;
    const itemId = itemByGtin.get(p.gtin);
    if (!itemId) continue;
    const workOrder = p.workOrderNumber ? workOrders.get(p.workOrderNumber) : undefined;
    if (!p.lotNumber) p.lotNumber = workOrder && workOrder.itemId === itemId && workOrder.lotNumber ? workOrder.lotNumber : await nextLotNumber(tx, itemId, today);
    rows.push({ item_id: itemId, lot_number: p.lotNumber, manufactured_on: p.manufacturedOn ?? null, expires_on: p.expiresOn ?? null });
  }
  if (rows.length === 0) return 0;
  const created = await tx.query(
    `INSERT INTO lots (item_id, lot_number, manufactured_on, expires_on, origin)
     SELECT DISTINCT ON (r.item_id, r.lot_number) r.item_id, r.lot_number, COALESCE(r.manufactured_on, $2::date),
            COALESCE(r.expires_on, COALESCE(r.manufactured_on, $2::date) + i.shelf_life_days), 'produced'
       FROM jsonb_to_recordset($1::jsonb) AS r(item_id uuid, lot_number text, manufactured_on date, expires_on date)
       JOIN items i ON i.id = r.item_id
     ORDER BY r.item_id, r.lot_number
     ON CONFLICT (item_id, lot_number) DO NOTHING`,
    [JSON.stringify(rows), today],
  );
  return created.rowCount;
}
