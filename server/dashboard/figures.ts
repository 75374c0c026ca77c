import { LOT_STATUSES, type LotStatus } from '../../domain/lots';
import { amountOf, assembleFigures, figuresOf, viewAmount, formatPlaceCursor, parsePlaceCursor, summaryRanges, totalsOf, type FigureKind, type LocationPage, type PlaceCursor, type StockFigures, type SummaryRow } from '../../domain/dashboard';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
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
  /** With a warehouse, the figures are of it alone and its locations are listed, a page at a time. */
  warehouse?: string | undefined;
  today: string;
  costVisible: boolean;
  /** The locations page: the cursor the previous page gave, and how many place rows at most. */
  after?: string | undefined;
  limit?: number | undefined;
}

export const DEFAULT_LOCATION_PAGE = 500;

function locationPaging(query: DashboardQuery): { after: PlaceCursor | undefined; limit: number } {
  const after = query.after === undefined ? undefined : parsePlaceCursor(query.after);
  if (after === null) throw new AppError(400, 'invalid_request', 'after is not a cursor this server gave out.', { field: 'after' });
  if (after !== undefined && query.warehouse === undefined) throw new AppError(422, 'invalid_request', 'Locations are listed for one warehouse: name it to page through them.', { field: 'warehouse' });
  return { after, limit: query.limit ?? DEFAULT_LOCATION_PAGE };
}

/** Maintained figures and the deltas not yet folded in, of one site (and warehouse); `figures` picks the kinds. */
const figureSource = (figures: string) => `(SELECT figure, warehouse_code, location_id, status, day, qty, value, uncosted_qty, rows FROM stock_figures WHERE figure IN (${figures})
               UNION ALL
               SELECT figure, warehouse_code, location_id, status, day, qty, value, uncosted_qty, rows FROM stock_figure_deltas WHERE figure IN (${figures})) f
         JOIN warehouses w ON w.code = f.warehouse_code AND w.site_code = $1 AND ($2::text IS NULL OR f.warehouse_code = $2)`;
const sums = `sum(f.qty)::text AS qty, sum(f.value)::text AS value, sum(f.uncosted_qty)::text AS uncosted_qty, sum(f.rows)::int AS rows`;

interface RawTotal {
  figure: SummaryRow['figure'];
  warehouse: string | null;
  status: LotStatus | null;
  key: string | null;
  qty: string;
  value: string;
  uncosted_qty: string;
  rows: number;
}

/**
 * Every total the summary shows, summed by the database: stock by warehouse and status, the
 * negative balances, and each bucket and limit as a range of days joined to the dated figures
 * (a few thousand rows in, a few dozen out). The ranges are the drill-downs' own.
 */
async function readTotals(tx: Queryable, query: DashboardQuery, settings: SiteSettings): Promise<SummaryRow[]> {
  const ranges = summaryRanges(query.today, settings.settings).map((r) => ({ figure: r.figure, key: r.key, dated: r.dated, on_or_after: r.range.onOrAfter, on_or_before: r.range.onOrBefore, missing: r.range.missing === true }));
  // The figures and deltas are read once: each is a heap that compaction rewrites every few
  // seconds, and between vacuums a scan of it costs its dead rows too.
  const found = await tx.query<RawTotal>(
    `WITH f AS MATERIALIZED (
       SELECT f.figure, f.warehouse_code, f.status, f.day, f.qty, f.value, f.uncosted_qty, f.rows
         FROM ${figureSource(`'place', 'negative', 'expiry', 'age', 'moved', 'since'`)}
     )
     SELECT 'place' AS figure, f.warehouse_code AS warehouse, f.status, NULL AS key, ${sums}
       FROM f WHERE f.figure = 'place'
      GROUP BY f.warehouse_code, f.status
     HAVING sum(f.rows) <> 0 OR sum(f.qty) <> 0
     UNION ALL
     SELECT 'negative', NULL, NULL, NULL, ${sums}
       FROM f WHERE f.figure = 'negative'
     HAVING count(*) > 0
     UNION ALL
     SELECT r.figure, NULL, NULL, r.key, ${sums}
       FROM f
       JOIN jsonb_to_recordset($3::jsonb) AS r(figure text, key text, dated text, on_or_after date, on_or_before date, missing boolean)
         ON r.dated = f.figure
        AND CASE WHEN r.missing THEN f.day IS NULL
                 ELSE f.day IS NOT NULL AND (r.on_or_after IS NULL OR f.day >= r.on_or_after) AND (r.on_or_before IS NULL OR f.day <= r.on_or_before) END
      GROUP BY r.figure, r.key`,
    [query.site, query.warehouse ?? null, JSON.stringify(ranges)],
  );
  return found.rows.map((r): SummaryRow => {
    const amount = { qty: r.qty, value: r.value, uncostedQty: r.uncosted_qty, rows: r.rows };
    if (r.figure === 'place') return { figure: 'place', warehouse: r.warehouse!, status: r.status!, ...amount };
    if (r.figure === 'negative') return { figure: 'negative', ...amount };
    return { figure: r.figure, key: r.key!, ...amount };
  });
}

/**
 * One page of a warehouse's stock by location and status, in code-point order of location
 * (as codes are listed everywhere) and then the status's place in a lot's life.
 */
async function readLocationPage(tx: Queryable, query: DashboardQuery & { warehouse: string }, paging: { after: PlaceCursor | undefined; limit: number }): Promise<LocationPage> {
  const found = await tx.query<{ location: string; status: LotStatus; qty: string; value: string; uncosted_qty: string; rows: number }>(
    `SELECT loc.code AS location, f.status, ${sums}
       FROM ${figureSource(`'place'`)}
       JOIN locations loc ON loc.id = f.location_id
      GROUP BY loc.code, f.status
     HAVING (sum(f.rows) <> 0 OR sum(f.qty) <> 0)
        AND ($3::text IS NULL OR (loc.code COLLATE "C", array_position($5::text[], f.status)) > ($3::text COLLATE "C", array_position($5::text[], $4::text)))
      ORDER BY loc.code COLLATE "C", array_position($5::text[], f.status)
      LIMIT $6`,
    [query.site, query.warehouse, paging.after?.location ?? null, paging.after?.status ?? null, LOT_STATUSES, paging.limit + 1],
  );
  // One row more than asked says whether another page follows, without a count.
  const rows = found.rows.slice(0, paging.limit).map((r) => ({ warehouse: query.warehouse, location: r.location, status: r.status, ...viewAmount(amountOf({ qty: r.qty, value: r.value, uncostedQty: r.uncosted_qty, rows: r.rows }), query.costVisible) }));
  const last = rows.at(-1);
  return { rows, next: found.rows.length > paging.limit && last ? formatPlaceCursor({ location: last.location, status: last.status }) : null };
}

/**
 * The dashboard from the maintained figures: a few dozen totals whatever the size of the
 * ledger, and a warehouse's locations only when one is asked for. Settings, figures and the
 * as-of snapshot are read in one repeatable-read transaction, so the token names exactly the
 * state the figures show.
 */
export async function readStockDashboard(db: Db, query: DashboardQuery): Promise<StockDashboard> {
  const paging = locationPaging(query);
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const snapshot = await currentSnapshot(tx);
    const settings = await readDashboardSettings(tx, query.site);
    const totals = totalsOf(await readTotals(tx, query, settings));
    const byLocation = query.warehouse === undefined ? null : await readLocationPage(tx, { ...query, warehouse: query.warehouse }, paging);
    const figures = figuresOf(totals, { today: query.today, settings: settings.settings, costVisible: query.costVisible, byLocation });
    return { site: query.site, warehouse: query.warehouse ?? null, asOf: formatAsOf({ today: query.today, snapshot }), settings, ...figures };
  });
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

/**
 * The same dashboard straight from the balances and lots, with no maintained figures and each
 * date bucketed one by one in JavaScript: what the figures must equal at any moment, and what
 * every request would cost without them.
 */
export async function readStockDashboardDirect(db: Db, query: DashboardQuery): Promise<StockDashboard> {
  const paging = locationPaging(query);
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
    const rows = figures.rows.map((r) => ({ figure: r.figure, warehouse: r.warehouse, location: r.location, status: r.status, day: r.day, qty: r.qty, value: r.value, uncostedQty: r.uncosted_qty, rows: r.rows }));
    const assembled = assembleFigures(rows, { today: query.today, settings: settings.settings, costVisible: query.costVisible, locations: query.warehouse === undefined ? undefined : paging });
    return { site: query.site, warehouse: query.warehouse ?? null, asOf: formatAsOf({ today: query.today, snapshot }), settings, ...assembled };
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
