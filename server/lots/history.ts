import { HELD_LOTS_KEY } from '../audit';
import type { Queryable } from '../db';
import { AppError } from '../errors';

export type HistoryKind = 'move' | 'status' | 'genealogy' | 'shipment' | 'return' | 'exception' | 'alert' | 'label';

export interface HistoryEvent {
  at: string;
  kind: HistoryKind;
  /** What happened, in the ledger's words: op.receive, lot.status, consumed_into, ... */
  action: string;
  actor: string | null;
  summary: string;
  details: Record<string, unknown>;
}

interface Row {
  at: Date | string;
  kind: HistoryKind;
  action: string;
  actor: string | null;
  details: Record<string, unknown> | string;
}

/**
 * One lot's life, read from where the facts live — the stock ledger, the audit chain, the
 * genealogy, shipments, returns, exceptions and alerts — not from a copy kept for the purpose.
 * A recall's hold is the opening's signed row, for every lot its frozen scope held.
 */
const SQL = `
SELECT m.at, 'move' AS kind, m.reason AS action, u.username AS actor,
       (jsonb_build_object('qty', m.qty, 'from', lf.code, 'to', lt.code, 'serial', m.serial, 'opId', m.op_id, 'device', d.name)
        || CASE WHEN m.reason = 'op.receive_container' THEN jsonb_build_object('sscc', ic.sscc, 'notice', po.number) ELSE '{}'::jsonb END)::json AS details
  FROM stock_moves m
  LEFT JOIN locations lf ON lf.id = m.from_location_id
  LEFT JOIN locations lt ON lt.id = m.to_location_id
  LEFT JOIN users u ON u.id = m.actor_id
  LEFT JOIN ops o ON o.id = m.op_id
  LEFT JOIN devices d ON d.id = o.device_id
  LEFT JOIN inbound_containers ic ON ic.received_op_id = m.op_id AND m.reason = 'op.receive_container'
  LEFT JOIN purchase_orders po ON po.id = ic.purchase_order_id
 WHERE m.lot_id = $1
UNION ALL
SELECT a.at, 'status', a.action, a.actor_name,
       json_build_object('before', a.before, 'after', a.after, 'reason', a.reason, 'meaning', a.signature_meaning, 'seq', a.seq)
  FROM audit_log a WHERE a.entity_type = 'lot' AND a.entity_id = $1::text
UNION ALL
SELECT a.at, 'status', 'lot.status', a.actor_name,
       json_build_object('before', json_build_object('status', h.status_before), 'after', json_build_object('status', 'recalled', 'recallCase', c.number),
                         'reason', 'recall ' || c.number || ': ' || a.reason, 'meaning', a.signature_meaning, 'seq', a.seq)
  FROM recall_case_lots h JOIN recall_cases c ON c.id = h.case_id
  JOIN audit_log a ON a.entity_type = 'recall_case' AND a.entity_id = h.case_id::text AND a.action = 'recall.state' AND a.after ? '${HELD_LOTS_KEY}'
 WHERE h.lot_id = $1 AND h.hold = 'recall'
UNION ALL
SELECT e.at, 'genealogy', 'consumed_into', NULL, json_build_object('lotId', e.child_lot_id, 'lotNumber', l.lot_number, 'qty', e.qty, 'serial', e.parent_serial, 'workOrder', w.number)
  FROM genealogy_edges e JOIN lots l ON l.id = e.child_lot_id LEFT JOIN work_orders w ON w.id = e.work_order_id WHERE e.parent_lot_id = $1
UNION ALL
SELECT e.at, 'genealogy', 'made_from', NULL, json_build_object('lotId', e.parent_lot_id, 'lotNumber', l.lot_number, 'qty', e.qty, 'serial', e.parent_serial, 'workOrder', w.number)
  FROM genealogy_edges e JOIN lots l ON l.id = e.parent_lot_id LEFT JOIN work_orders w ON w.id = e.work_order_id WHERE e.child_lot_id = $1
UNION ALL
SELECT s.shipped_at, 'shipment', 'shipped', u.username, json_build_object('shipment', s.number, 'customerCode', c.code, 'customerName', c.name, 'qty', sl.qty, 'serial', sl.serial)
  FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id JOIN customers c ON c.id = s.customer_id LEFT JOIN users u ON u.id = s.shipped_by
 WHERE sl.lot_id = $1
UNION ALL
SELECT r.returned_at, 'return', 'returned', NULL, json_build_object('customerCode', c.code, 'customerName', c.name, 'qty', r.qty, 'to', loc.code, 'reason', r.reason)
  FROM customer_returns r JOIN customers c ON c.id = r.customer_id JOIN locations loc ON loc.id = r.to_location_id WHERE r.lot_id = $1
UNION ALL
SELECT x.created_at, 'exception', x.kind, NULL, json_build_object('status', x.status, 'resolution', x.resolution, 'message', x.details->>'message', 'params', x.details - 'message', 'id', x.id)
  FROM stock_exceptions x WHERE x.lot_id = $1
UNION ALL
SELECT j.created_at, 'label', CASE WHEN j.reprint_of IS NULL THEN 'label.printed' ELSE 'label.reprinted' END, u.username,
       json_build_object('printer', p.name, 'template', t.name, 'version', t.version, 'serial', j.serial, 'copies', j.copies, 'status', j.status, 'reason', j.reprint_reason)
  FROM print_jobs j JOIN printers p ON p.id = j.printer_id JOIN label_templates t ON t.id = j.template_id LEFT JOIN users u ON u.id = j.requested_by
 WHERE j.lot_id = $1
UNION ALL
SELECT al.raised_at, 'alert', al.kind, NULL, json_build_object('windowDays', al.window_days, 'expiresOn', to_char(al.expires_on, 'YYYY-MM-DD'), 'acknowledged', al.acknowledged_at IS NOT NULL)
  FROM lot_alerts al WHERE al.lot_id = $1`;

function summarize(kind: HistoryKind, action: string, d: Record<string, unknown>): string {
  switch (kind) {
    case 'move': {
      const verb = ({ 'op.receive': 'received', 'op.pick': 'picked', 'op.move': 'moved', 'op.produce': d.from ? 'consumed' : 'produced', 'op.ship': 'shipped', 'op.return': 'returned', 'demo.opening_balance': 'received', 'demo.consumption': 'consumed', 'demo.shipment': 'shipped' } as Record<string, string>)[action] ?? action.replace('exception.', 'correction: ');
      // A pallet's receipt names the pallet and its ship notice: what a recall asks of a lot bought in.
      if (action === 'op.receive_container') return `received ${Number(d.qty)} on pallet (00)${String(d.sscc)}${d.notice ? ` from notice ${String(d.notice)}` : ''} at ${String(d.to)}`;
      const where = [d.from ? `from ${String(d.from)}` : '', d.to ? `to ${String(d.to)}` : ''].filter(Boolean).join(' ');
      return `${verb} ${Number(d.qty)} ${where}`.trim();
    }
    case 'status': {
      // A refused signature changed nothing: there is no before and after to show.
      if (action === 'signature.refused') return `signature refused before the password was checked (${String((d.after as { why?: string } | null)?.why ?? '')})`;
      if (action === 'signature.failed') return `signature refused (wrong password)${d.meaning ? `, meaning: ${String((d.after as { meaning?: string } | null)?.meaning ?? '')}` : ''}`;
      const before = (d.before as { status?: string } | null)?.status;
      const after = (d.after as { status?: string } | null)?.status;
      const meaning = d.meaning ? ` (signed: ${String(d.meaning)})` : '';
      return `${before ?? '?'} → ${after ?? '?'}${meaning}${d.reason ? `: ${String(d.reason)}` : ''}`;
    }
    case 'genealogy':
      return action === 'made_from' ? `made from lot ${String(d.lotNumber)} (${Number(d.qty)})` : `went into lot ${String(d.lotNumber)} (${Number(d.qty)})`;
    case 'shipment':
      return `shipment ${String(d.shipment)} to ${String(d.customerName)}: ${Number(d.qty)}`;
    case 'return':
      return `returned by ${String(d.customerName)}: ${Number(d.qty)} to ${String(d.to)}`;
    case 'exception':
      return `${action.replace(/_/g, ' ')}: ${String(d.message ?? '')} (${String(d.status)})`;
    case 'alert':
      return action === 'expired' ? `expired (${String(d.expiresOn)})` : `within ${Number(d.windowDays)} days of expiry (${String(d.expiresOn)})`;
    case 'label': {
      const what = `${Number(d.copies) > 1 ? `${Number(d.copies)} × ` : ''}${String(d.template)} v${Number(d.version)}${d.serial ? ` serial ${String(d.serial)}` : ''}`;
      const reprint = action === 'label.reprinted' ? `reprint (${String(d.reason ?? '')}): ` : '';
      return `${reprint}${what} on ${String(d.printer)} — ${String(d.status)}`;
    }
  }
}

export async function lotHistory(db: Queryable, lotId: string): Promise<HistoryEvent[]> {
  const exists = await db.query('SELECT 1 FROM lots WHERE id = $1', [lotId]);
  if (exists.rows.length === 0) throw new AppError(404, 'not_found', 'That lot was not found.');
  const result = await db.query<Row>(`${SQL} ORDER BY 1, 2, 3`, [lotId]);
  return result.rows.map((r) => {
    const details = typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details;
    return { at: new Date(r.at).toISOString(), kind: r.kind, action: r.action, actor: r.actor, summary: summarize(r.kind, r.action, details), details };
  });
}
