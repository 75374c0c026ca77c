import { rollUpInbound, type InboundLine } from '../../../domain/receiving';
import type { RollUpLine } from '../../../domain/packaging';
import type { Queryable } from '../../db';

/** Where a supplier's SSCC came from and, once received, who took it in, when and where. */
export interface InboundOrigin {
  notice: string;
  supplier: string;
  receivedAt: string | null;
  receivedBy: string | null;
  receivedLocation: string | null;
}

export interface InboundRecord {
  status: 'expected' | 'received';
  origin: InboundOrigin;
  lines: InboundLine[];
}

/**
 * The live inbound record of a supplier's SSCC (expected on an open notice, or received), or
 * null when no notice names it or its notice withdrew it.
 */
export async function inboundRecord(db: Queryable, sscc: string): Promise<InboundRecord | null> {
  const found = await db.query<{ status: 'expected' | 'received'; notice: string; supplier: string; received_at: string | Date | null; received_by: string | null; location: string | null; lines: InboundLine[] | string }>(
    `SELECT ic.status, po.number AS notice, s.name AS supplier, ic.received_at, u.username AS received_by, loc.code AS location,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('line', (l->>'line')::int, 'gtin', i.gtin, 'lotNumber', l->>'supplierLot', 'expiresOn', l->>'expiresOn', 'qty', (l->>'qty')::float8)
                                       ORDER BY (l->>'line')::int), '[]'::jsonb)
               FROM jsonb_array_elements(ic.lines) l JOIN items i ON i.id = (l->>'itemId')::uuid) AS lines
       FROM inbound_containers ic
       JOIN purchase_orders po ON po.id = ic.purchase_order_id
       JOIN suppliers s ON s.id = po.supplier_id
       LEFT JOIN users u ON u.id = ic.received_by
       LEFT JOIN locations loc ON loc.id = ic.received_location_id
      WHERE ic.sscc = $1 AND ic.status <> 'withdrawn'`,
    [sscc],
  );
  const row = found.rows[0];
  if (!row) return null;
  return {
    status: row.status,
    origin: {
      notice: row.notice,
      supplier: row.supplier,
      receivedAt: row.received_at === null ? null : new Date(row.received_at).toISOString(),
      receivedBy: row.received_by,
      receivedLocation: row.location,
    },
    lines: typeof row.lines === 'string' ? (JSON.parse(row.lines) as InboundLine[]) : row.lines,
  };
}

/** What a notice says an SSCC holds, as a roll-up: by item and lot, earliest expiry first; nothing is held before it is received. */
export function expectedRollUp(lines: readonly InboundLine[]): RollUpLine[] {
  return rollUpInbound(lines)
    .map((l) => ({ gtin: l.gtin, lotNumber: l.lotNumber, qty: l.qty, serials: 0, expiresOn: l.expiresOn, held: 0 }))
    .sort((a, b) => (a.expiresOn ?? '9999').localeCompare(b.expiresOn ?? '9999') || a.gtin.localeCompare(b.gtin) || a.lotNumber.localeCompare(b.lotNumber));
}
