import type { TraceAnswer } from './answer';

export type SerialStep =
  | { kind: 'lot'; lotId: string; depth: number; lotNumber: string; itemName: string; itemNameZh: string | null; status: string; workOrder: string | null }
  | { kind: 'shipment'; lotId: string; shipment: string; customerCode: string; customerName: string; qty: number; serial: string | null; shippedAt: string };

/**
 * A serial trace read as one path: the lot holding the serial, each lot it went into (or came
 * from) in order of distance with the work order that linked it, then the shipments that carried
 * it, oldest first.
 */
export function serialPath(answer: TraceAnswer): SerialStep[] {
  const workOrderOf = new Map<string, string>();
  for (const e of answer.edges) {
    const far = answer.direction === 'forward' ? e.childLotId : e.parentLotId;
    if (e.workOrder && !workOrderOf.has(far)) workOrderOf.set(far, e.workOrder);
  }
  const lots = [...answer.lots]
    .sort((a, b) => a.depth - b.depth || (a.lotNumber < b.lotNumber ? -1 : a.lotNumber > b.lotNumber ? 1 : 0))
    .map((l): SerialStep => ({ kind: 'lot', lotId: l.id, depth: l.depth, lotNumber: l.lotNumber, itemName: l.itemName, itemNameZh: l.itemNameZh, status: l.status, workOrder: workOrderOf.get(l.id) ?? null }));
  const shipments = [...answer.shipments]
    .sort((a, b) => (a.shippedAt < b.shippedAt ? -1 : a.shippedAt > b.shippedAt ? 1 : 0))
    .map((s): SerialStep => ({ kind: 'shipment', lotId: s.lotId, shipment: s.shipment, customerCode: s.customerCode, customerName: s.customerName, qty: s.qty, serial: s.serial ?? null, shippedAt: s.shippedAt }));
  return [...lots, ...shipments];
}
