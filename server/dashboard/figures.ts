import { assembleFigures, type FigureKind, type FigureRow, type StockFigures } from '../../domain/dashboard';
import type { LotStatus } from '../../domain/lots';
import type { Db, Queryable } from '../db';
import { currentSnapshot, formatAsOf } from './as-of';
import { readDashboardSettings, type SiteSettings } from './settings';

export interface StockDashboard extends StockFigures {
  site: string;
  warehouse: string | null;
  asOf: string;
  settings: SiteSettings;
}

export interface DashboardQuery {
  site: string;
  warehouse?: string | undefined;
  today: string;
  costVisible: boolean;
}

interface RawFigure {
  figure: FigureKind;
  warehouse: string;
  location: string | null;
  status: LotStatus | null;
  day: string | null;
  qty: string;
  value: string;
  uncosted_qty: string;
  rows: number;
}

const toFigureRow = (r: RawFigure): FigureRow => ({ figure: r.figure, warehouse: r.warehouse, location: r.location, status: r.status, day: r.day, qty: r.qty, value: r.value, uncostedQty: r.uncosted_qty, rows: r.rows });

/**
 * The dashboard from the maintained figures: a few thousand summed rows whatever the size of
 * the ledger. Settings, figures and the as-of snapshot are read in one repeatable-read
 * transaction, so the token names exactly the state the figures show.
 */
export async function readStockDashboard(db: Db, query: DashboardQuery): Promise<StockDashboard> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const snapshot = await currentSnapshot(tx);
    const settings = await readDashboardSettings(tx, query.site);
    const figures = await tx.query<RawFigure>(
      `SELECT f.figure, f.warehouse_code AS warehouse, loc.code AS location, f.status, to_char(f.day, 'YYYY-MM-DD') AS day,
              sum(f.qty)::text AS qty, sum(f.value)::text AS value, sum(f.uncosted_qty)::text AS uncosted_qty, sum(f.rows)::int AS rows
         FROM (SELECT figure, warehouse_code, location_id, status, day, qty, value, uncosted_qty, rows FROM stock_figures
               UNION ALL
               SELECT figure, warehouse_code, location_id, status, day, qty, value, uncosted_qty, rows FROM stock_figure_deltas) f
         JOIN warehouses w ON w.code = f.warehouse_code
         LEFT JOIN locations loc ON loc.id = f.location_id
        WHERE w.site_code = $1 AND ($2::text IS NULL OR f.warehouse_code = $2)
        GROUP BY f.figure, f.warehouse_code, loc.code, f.status, f.day
       HAVING sum(f.rows) <> 0 OR sum(f.qty) <> 0`,
      [query.site, query.warehouse ?? null],
    );
    return dashboardOf(figures.rows, query, settings, snapshot);
  });
}

function dashboardOf(rows: RawFigure[], query: DashboardQuery, settings: SiteSettings, snapshot: string): StockDashboard {
  const figures = assembleFigures(rows.map(toFigureRow), { today: query.today, settings: settings.settings, costVisible: query.costVisible });
  return { site: query.site, warehouse: query.warehouse ?? null, asOf: formatAsOf({ today: query.today, snapshot }), settings, ...figures };
}

/**
 * The same dashboard straight from the balances and lots, with no maintained figures: what the
 * figures must equal at any moment, and what every request would cost without them.
 */
export async function readStockDashboardDirect(db: Db, query: DashboardQuery): Promise<StockDashboard> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const snapshot = await currentSnapshot(tx);
    const settings = await readDashboardSettings(tx, query.site);
    const figures = await tx.query<RawFigure>(
      `WITH stock AS (
         SELECT b.qty, b.updated_at, loc.code AS location, loc.warehouse_code AS warehouse, l.status, l.expires_on, l.origin, l.manufactured_on, l.created_at, l.status_since, i.standard_cost AS cost
           FROM stock_balances b
           JOIN locations loc ON loc.id = b.location_id
           JOIN warehouses w ON w.code = loc.warehouse_code
           JOIN lots l ON l.id = b.lot_id
           JOIN items i ON i.id = l.item_id
          WHERE w.site_code = $1 AND ($2::text IS NULL OR loc.warehouse_code = $2) AND b.qty <> 0
       ), dated (figure, warehouse, location, status, day, qty, cost) AS (
         SELECT 'expiry', warehouse, NULL::text, NULL::text, expires_on, qty, cost FROM stock WHERE qty > 0
         UNION ALL SELECT 'age', warehouse, NULL, NULL, CASE WHEN origin = 'produced' THEN coalesce(manufactured_on, created_at::date) ELSE created_at::date END, qty, cost FROM stock WHERE qty > 0
         UNION ALL SELECT 'moved', warehouse, NULL, NULL, updated_at::date, qty, cost FROM stock WHERE qty > 0
         UNION ALL SELECT 'since', warehouse, NULL, NULL, status_since::date, qty, cost FROM stock WHERE qty > 0 AND status = 'on_hold'
         UNION ALL SELECT CASE WHEN qty > 0 THEN 'place' ELSE 'negative' END, warehouse, location, status, NULL::date, qty, cost FROM stock
       )
       SELECT figure, warehouse, location, status, to_char(day, 'YYYY-MM-DD') AS day,
              sum(qty)::text AS qty, sum(qty * coalesce(cost, 0))::text AS value, coalesce(sum(qty) FILTER (WHERE cost IS NULL), 0)::text AS uncosted_qty, count(*)::int AS rows
         FROM dated
        GROUP BY figure, warehouse, location, status, day`,
      [query.site, query.warehouse ?? null],
    );
    return dashboardOf(figures.rows, query, settings, snapshot);
  });
}

/** Folds appended deltas into the figures; returns how many it folded (0 when another instance is at it). */
export async function compactStockFigures(db: Queryable): Promise<number> {
  return Number((await db.query<{ n: string }>('SELECT compact_stock_figures()::text AS n')).rows[0]!.n);
}

/**
 * Compacts every few seconds so reads add up a handful of deltas, not a day's worth. Any
 * number of instances may run it: the database lets one at a time do the work.
 */
export function scheduleFigureCompaction(db: Db, onError: (error: unknown) => void, everyMs = 5_000): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    compactStockFigures(db)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
