import { averageDailyOnHand, closingOnHand, type KpiInputs } from '../../domain/kpi';
import type { Queryable } from '../db';
import type { Window } from './window';

export interface StockCounts {
  turnover: KpiInputs<'inventory_turnover'>;
  supply: KpiInputs<'days_of_supply'>;
  shipments: KpiInputs<'shipments_without_consignee_address'>;
}

// A move's effect on the plant's on-hand: into or out of any location but scrap. A move between
// two such locations changes nothing; one to scrap or out of the plant takes stock away.
const NET = `(CASE WHEN tl.kind IS DISTINCT FROM 'scrap' AND m.to_location_id IS NOT NULL THEN m.qty ELSE 0 END)
           - (CASE WHEN fl.kind IS DISTINCT FROM 'scrap' AND m.from_location_id IS NOT NULL THEN m.qty ELSE 0 END)`;

/**
 * Issues are what left the stock for good: shipped to customers (shipment lines) and consumed into
 * produced lots (genealogy). On-hand is read from the ledger, not the balances, so a past period
 * reads as it stood then.
 */
export async function stockCounts(db: Queryable, w: Window): Promise<StockCounts> {
  const issued = await db.query<{ shipped: string; consumed: string; shipments: number; without_address: number }>(
    `SELECT COALESCE((SELECT sum(l.qty) FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id WHERE s.shipped_at >= $1 AND s.shipped_at < $2), 0)::text AS shipped,
            COALESCE((SELECT sum(g.qty) FROM genealogy_edges g WHERE g.at >= $1 AND g.at < $2), 0)::text AS consumed,
            (SELECT count(*)::int FROM shipments s WHERE s.shipped_at >= $1 AND s.shipped_at < $2) AS shipments,
            (SELECT count(*)::int FROM shipments s JOIN customers c ON c.id = s.customer_id
              WHERE s.shipped_at >= $1 AND s.shipped_at < $2 AND (c.address IS NULL OR btrim(c.address) = '')) AS without_address`,
    [w.fromAt, w.toAt],
  );
  const opening = await db.query<{ qty: string }>(
    `SELECT COALESCE(sum(${NET}), 0)::text AS qty FROM stock_moves m
       LEFT JOIN locations tl ON tl.id = m.to_location_id LEFT JOIN locations fl ON fl.id = m.from_location_id
      WHERE m.at < $1`,
    [w.fromAt],
  );
  // width_bucket over the day starts: day i (1-based) holds the moves from its midnight to the next.
  const daily = await db.query<{ day: number; qty: string }>(
    `SELECT width_bucket(m.at, $3::timestamptz[]) AS day, sum(${NET})::text AS qty FROM stock_moves m
       LEFT JOIN locations tl ON tl.id = m.to_location_id LEFT JOIN locations fl ON fl.id = m.from_location_id
      WHERE m.at >= $1 AND m.at < $2
      GROUP BY 1`,
    [w.fromAt, w.toAt, w.dayStarts],
  );
  const net = Array.from({ length: w.period.days }, () => 0);
  for (const row of daily.rows) net[row.day - 1] = Number(row.qty);
  const start = Number(opening.rows[0]!.qty);
  const i = issued.rows[0]!;
  const [shipped, consumed] = [Number(i.shipped), Number(i.consumed)];
  return {
    turnover: { shipped, consumed, averageOnHand: averageDailyOnHand(start, net) ?? 0 },
    supply: { onHand: closingOnHand(start, net), issued: shipped + consumed, days: w.period.days },
    shipments: { shipments: i.shipments, withoutAddress: i.without_address },
  };
}
