import { ageingBucketRange, deadStockRange, expiryBucketRange, longHoldRange, nearExpiryRange, type DateRange } from '../../domain/dashboard';
import type { LotStatus } from '../../domain/lots';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import type { SiteSettings } from './settings';

/** The figures a drill-down can open: each selects exactly the balance rows its figure sums. */
export const DRILL_FIGURES = ['on_hand', 'expiry', 'near_expiry', 'ageing', 'dead_stock', 'long_hold', 'negative'] as const;
export type DrillFigure = (typeof DRILL_FIGURES)[number];

export interface DrillQuery {
  site: string;
  figure: DrillFigure;
  /** The expiry bucket or ageing band key, for those figures. */
  bucket?: string | undefined;
  warehouse?: string | undefined;
  /** Location code. */
  location?: string | undefined;
  status?: LotStatus | undefined;
}

export interface StockRow {
  lotId: string;
  locationId: string;
  lotNumber: string;
  gtin: string;
  sku: string;
  itemName: string;
  warehouse: string;
  location: string;
  status: LotStatus;
  expiresOn: string | null;
  agedOn: string;
  movedOn: string;
  statusSince: string;
  qty: string;
  standardCost: string | null;
  value: string | null;
}

interface Where {
  sql: string;
  params: unknown[];
}

function dateRange(column: string, range: DateRange, params: unknown[]): string[] {
  if (range.missing) return [`${column} IS NULL`];
  const parts = [`${column} IS NOT NULL`];
  if (range.onOrAfter !== null) parts.push(`${column} >= $${params.push(range.onOrAfter)}::date`);
  if (range.onOrBefore !== null) parts.push(`${column} <= $${params.push(range.onOrBefore)}::date`);
  return parts;
}

/** The rows behind a figure as a condition on stock_figure_sources `s`, drawn by the same ranges the figures are bucketed by. */
export function drillCondition(query: DrillQuery, settings: SiteSettings, today: string): Where {
  const params: unknown[] = [query.site];
  const parts = ['s.warehouse_code IN (SELECT code FROM warehouses WHERE site_code = $1)', query.figure === 'negative' ? 's.qty < 0' : 's.qty > 0'];
  const s = settings.settings;
  const bucketed = query.figure === 'expiry' || query.figure === 'ageing';
  if (bucketed && query.bucket === undefined) throw new AppError(422, 'bucket_required', `Name the ${query.figure} bucket to open.`, { field: 'bucket' });
  if (!bucketed && query.bucket !== undefined) throw new AppError(422, 'invalid_request', `The ${query.figure} figure has no buckets.`, { field: 'bucket' });
  switch (query.figure) {
    case 'expiry': {
      const range = expiryBucketRange(query.bucket!, today, s.expiryBands);
      if (!range) throw new AppError(422, 'unknown_bucket', `Site ${query.site} has no expiry bucket ${query.bucket}.`, { field: 'bucket' });
      parts.push(...dateRange('s.expires_on', range, params));
      break;
    }
    case 'ageing': {
      const range = ageingBucketRange(query.bucket!, today, s.ageingBands);
      if (!range) throw new AppError(422, 'unknown_bucket', `Site ${query.site} has no ageing band ${query.bucket}.`, { field: 'bucket' });
      parts.push(...dateRange('s.aged_on', range, params));
      break;
    }
    case 'near_expiry':
      parts.push(...dateRange('s.expires_on', nearExpiryRange(today, s.nearExpiryDays), params));
      break;
    case 'dead_stock':
      parts.push(...dateRange('s.moved_on', deadStockRange(today, s.deadStockDays), params));
      break;
    case 'long_hold':
      parts.push("s.status = 'on_hold'", ...dateRange('s.since_on', longHoldRange(today, s.longHoldDays), params));
      break;
    case 'on_hand':
    case 'negative':
      break;
  }
  if (query.warehouse !== undefined) parts.push(`s.warehouse_code = $${params.push(query.warehouse)}`);
  if (query.location !== undefined) parts.push(`s.location_code = $${params.push(query.location)}`);
  if (query.status !== undefined) parts.push(`s.status = $${params.push(query.status)}`);
  return { sql: parts.join(' AND '), params };
}

/** Where a page ends: the last row's lot and location, the order rows are listed in. */
export interface RowCursor {
  lotId: string;
  locationId: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CURSOR = new RegExp(`^(${UUID})\\.(${UUID})$`);

export const formatCursor = (c: RowCursor) => `${c.lotId}.${c.locationId}`;

export function parseCursor(text: string): RowCursor {
  const m = CURSOR.exec(text);
  if (!m) throw new AppError(400, 'invalid_request', 'after is not a cursor this server gave out.', { field: 'after' });
  return { lotId: m[1]!, locationId: m[2]! };
}

export interface RawRow {
  lot_id: string;
  location_id: string;
  lot_number: string;
  gtin: string;
  sku: string;
  item_name: string;
  warehouse_code: string;
  location_code: string;
  status: LotStatus;
  expires_on: string | null;
  aged_on: string;
  moved_on: string;
  since_on: string;
  qty: string;
  cost: string | null;
  value: string | null;
}

const day = (column: string, as: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${as}`;

/** The select of the rows behind a figure, in lot and location order, after `after`, at most `limit` when given. */
function rowsSelect(where: Where, after: RowCursor | undefined, limit: number | undefined): Where {
  const params = [...where.params];
  const from = after ? ` AND (s.lot_id, s.location_id) > ($${params.push(after.lotId)}::uuid, $${params.push(after.locationId)}::uuid)` : '';
  const sql = `SELECT s.lot_id, s.location_id, s.lot_number, s.gtin, s.sku, s.item_name, s.warehouse_code, s.location_code, s.status,
            ${day('s.expires_on', 'expires_on')}, ${day('s.aged_on', 'aged_on')}, ${day('s.moved_on', 'moved_on')}, ${day('s.since_on', 'since_on')},
            s.qty::text AS qty, s.cost::text AS cost, (s.qty * s.cost)::text AS value
       FROM stock_figure_sources s
      WHERE ${where.sql}${from}
      ORDER BY s.lot_id, s.location_id${limit === undefined ? '' : ` LIMIT $${params.push(limit)}`}`;
  return { sql, params };
}

export function toStockRow(r: RawRow, costVisible: boolean): StockRow {
  return {
    lotId: r.lot_id,
    locationId: r.location_id,
    lotNumber: r.lot_number,
    gtin: r.gtin,
    sku: r.sku,
    itemName: r.item_name,
    warehouse: r.warehouse_code,
    location: r.location_code,
    status: r.status,
    expiresOn: r.expires_on,
    agedOn: r.aged_on,
    movedOn: r.moved_on,
    statusSince: r.since_on,
    qty: r.qty,
    standardCost: costVisible ? r.cost : null,
    value: costVisible ? r.value : null,
  };
}

/**
 * One page of the rows behind a figure, in lot and location order, after `after`. Keyset
 * paging: a row written meanwhile is neither skipped nor repeated.
 */
export async function drillRows(db: Queryable, where: Where, options: { after?: RowCursor | undefined; limit: number; costVisible: boolean }): Promise<StockRow[]> {
  const select = rowsSelect(where, options.after, options.limit);
  const found = await db.query<RawRow>(select.sql, select.params);
  return found.rows.map((r) => toStockRow(r, options.costVisible));
}

/**
 * Every row behind a figure through a cursor of the caller's transaction, `batch` at a time: the
 * rows are selected and sorted once, however many batches are fetched.
 */
export async function* cursorRows(tx: Queryable, where: Where, batch: number, costVisible: boolean): AsyncGenerator<StockRow[]> {
  const select = rowsSelect(where, undefined, undefined);
  await tx.query(`DECLARE stock_rows NO SCROLL CURSOR FOR ${select.sql}`, select.params);
  try {
    for (;;) {
      const found = await tx.query<RawRow>(`FETCH ${batch} FROM stock_rows`);
      if (found.rows.length > 0) yield found.rows.map((r) => toStockRow(r, costVisible));
      if (found.rows.length < batch) return;
    }
  } finally {
    await tx.query('CLOSE stock_rows').catch(() => undefined);
  }
}

export async function countDrillRows(db: Queryable, where: Where): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM stock_figure_sources s WHERE ${where.sql}`, where.params)).rows[0]!.n;
}
