import { appendAudit, type Actor } from '../audit';
import type { Queryable, Db } from '../db';
import { AppError } from '../errors';

export interface QcQueueEntry {
  id: string;
  lotNumber: string;
  gtin: string;
  itemName: string;
  /** The item's name in Chinese, where the master data has one. */
  itemNameZh: string | null;
  supplier: string | null;
  supplierLot: string | null;
  origin: 'received' | 'produced';
  manufacturedOn: string | null;
  expiresOn: string | null;
  onHand: number;
  locations: string[];
  waitingSince: string;
  version: number;
}

/** Lots in quarantine waiting for a QC decision, the longest-waiting first. */
export async function qcQueue(db: Queryable): Promise<QcQueueEntry[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT l.id, l.lot_number, i.gtin, i.name AS item_name, i.name_zh AS item_name_zh, l.supplier, l.supplier_lot, l.origin,
            to_char(l.manufactured_on, 'YYYY-MM-DD') AS manufactured_on, to_char(l.expires_on, 'YYYY-MM-DD') AS expires_on,
            COALESCE(sum(b.qty), 0)::text AS on_hand,
            COALESCE(array_agg(DISTINCT loc.code) FILTER (WHERE b.qty <> 0), '{}') AS locations,
            l.created_at, l.version
       FROM lots l JOIN items i ON i.id = l.item_id
       LEFT JOIN stock_balances b ON b.lot_id = l.id
       LEFT JOIN locations loc ON loc.id = b.location_id
      WHERE l.status = 'quarantine'
      GROUP BY l.id, i.gtin, i.name, i.name_zh
      ORDER BY l.created_at, l.lot_number
      LIMIT 500`,
  );
  return rows.rows.map((r) => ({
    id: r.id as string,
    lotNumber: r.lot_number as string,
    gtin: r.gtin as string,
    itemName: r.item_name as string,
    itemNameZh: (r.item_name_zh as string | null) ?? null,
    supplier: (r.supplier as string | null) ?? null,
    supplierLot: (r.supplier_lot as string | null) ?? null,
    origin: r.origin as QcQueueEntry['origin'],
    manufacturedOn: (r.manufactured_on as string | null) ?? null,
    expiresOn: (r.expires_on as string | null) ?? null,
    onHand: Number(r.on_hand),
    locations: r.locations as string[],
    waitingSince: new Date(r.created_at as string).toISOString(),
    version: r.version as number,
  }));
}

export interface LotAlert {
  id: string;
  lotId: string;
  lotNumber: string;
  gtin: string;
  itemName: string;
  /** The item's name in Chinese, where the master data has one. */
  itemNameZh: string | null;
  kind: 'near_expiry' | 'expired';
  windowDays: number;
  expiresOn: string | null;
  raisedAt: string;
  acknowledgedBy: string | null;
}

export async function listAlerts(db: Queryable, open: boolean): Promise<LotAlert[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT a.id, a.lot_id, l.lot_number, i.gtin, i.name AS item_name, i.name_zh AS item_name_zh, a.kind, a.window_days, to_char(a.expires_on, 'YYYY-MM-DD') AS expires_on,
            a.raised_at, u.username AS acknowledged_by
       FROM lot_alerts a JOIN lots l ON l.id = a.lot_id JOIN items i ON i.id = l.item_id LEFT JOIN users u ON u.id = a.acknowledged_by
      WHERE ($1::boolean IS FALSE OR a.acknowledged_at IS NULL)
      ORDER BY a.raised_at DESC, l.lot_number LIMIT 500`,
    [open],
  );
  return rows.rows.map((r) => ({
    id: r.id as string,
    lotId: r.lot_id as string,
    lotNumber: r.lot_number as string,
    gtin: r.gtin as string,
    itemName: r.item_name as string,
    itemNameZh: (r.item_name_zh as string | null) ?? null,
    kind: r.kind as LotAlert['kind'],
    windowDays: r.window_days as number,
    expiresOn: (r.expires_on as string | null) ?? null,
    raisedAt: new Date(r.raised_at as string).toISOString(),
    acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
  }));
}

export async function acknowledgeAlert(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx.query<{ lot_id: string; kind: string }>(
      'UPDATE lot_alerts SET acknowledged_by = $2, acknowledged_at = now() WHERE id = $1 AND acknowledged_at IS NULL RETURNING lot_id, kind',
      [id, actor.id],
    );
    if (updated.rows.length === 0) throw new AppError(404, 'not_found', 'No open alert with that id.');
    await appendAudit(tx, actor, [{ action: 'alert.acknowledged', entityType: 'lot', entityId: updated.rows[0]!.lot_id, after: { alert: id, kind: updated.rows[0]!.kind } }]);
  });
}
