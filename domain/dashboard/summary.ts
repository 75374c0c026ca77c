import type { LotStatus } from '../lots/status';
import { LOT_STATUSES } from '../lots/status';
import { addInto, toScaled, viewAmount, zeroAmount, QTY_SCALE, VALUE_SCALE, type Amount, type AmountView } from './amount';
import { bandKey, bandLabel } from './bands';
import { ageingBucketRange, deadStockRange, expiryBucketRange, expiryBuckets, longHoldRange, nearExpiryRange, type DateRange } from './buckets';
import { comparePlaces, type LocationPage, type PlaceFigure } from './places';
import type { DashboardSettings } from './settings';

export interface BucketFigure extends AmountView {
  key: string;
  label: string;
}

/**
 * The dashboard's figures. `byLocation` is the per-location table of one warehouse, a page at a
 * time, and only when a warehouse is asked for: a site has thousands of places and nobody reads
 * them all at once.
 */
export interface StockFigures {
  today: string;
  costVisible: boolean;
  onHand: AmountView;
  byStatus: (AmountView & { status: LotStatus })[];
  byWarehouse: PlaceFigure[];
  byLocation: LocationPage | null;
  expiry: BucketFigure[];
  nearExpiry: AmountView & { days: number };
  ageing: BucketFigure[];
  deadStock: AmountView & { days: number };
  longHolds: AmountView & { days: number };
  negative: { qty: string; rows: number };
}

/** The figures drawn by date: each sums one dated figure over a range of days. */
export type RangeFigure = 'expiry' | 'near_expiry' | 'ageing' | 'dead_stock' | 'long_hold';
/** The dated figure a range reads: expiry date, receipt/production date, last movement, start of hold. */
export type DatedFigure = 'expiry' | 'age' | 'moved' | 'since';

export interface SummaryRange {
  figure: RangeFigure;
  /** The bucket's key; the figure's name for the single-range figures. */
  key: string;
  dated: DatedFigure;
  range: DateRange;
}

/**
 * Every range the summary sums, today, by the site's settings: the very ranges the drill-downs
 * select, so a figure and its rows cannot disagree about which days it holds.
 */
export function summaryRanges(today: string, settings: DashboardSettings): SummaryRange[] {
  return [
    ...expiryBuckets(settings.expiryBands).map((b): SummaryRange => ({ figure: 'expiry', key: b.key, dated: 'expiry', range: expiryBucketRange(b.key, today, settings.expiryBands)! })),
    { figure: 'near_expiry', key: 'near_expiry', dated: 'expiry', range: nearExpiryRange(today, settings.nearExpiryDays) },
    ...settings.ageingBands.map((b): SummaryRange => ({ figure: 'ageing', key: bandKey(b), dated: 'age', range: ageingBucketRange(bandKey(b), today, settings.ageingBands)! })),
    { figure: 'dead_stock', key: 'dead_stock', dated: 'moved', range: deadStockRange(today, settings.deadStockDays) },
    { figure: 'long_hold', key: 'long_hold', dated: 'since', range: longHoldRange(today, settings.longHoldDays) },
  ];
}

interface Sums {
  qty: string;
  value: string;
  uncostedQty: string;
  rows: number;
}

/** What the database sums for the summary: stock by warehouse and status, the negative balances, and each range. */
export type SummaryRow = (Sums & { figure: 'place'; warehouse: string; status: LotStatus }) | (Sums & { figure: 'negative' }) | (Sums & { figure: RangeFigure; key: string });

export const amountOf = (r: Sums): Amount => ({ qty: toScaled(r.qty, QTY_SCALE), value: toScaled(r.value, VALUE_SCALE), uncostedQty: toScaled(r.uncostedQty, QTY_SCALE), rows: r.rows });

export function tally<K>(map: Map<K, Amount>, key: K, add: Amount): Amount {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = zeroAmount()));
  return addInto(entry, add);
}

/** Totals already summed by warehouse and status, by bucket key and for each single figure. */
export interface Totals {
  byWarehouse: Map<string, Map<LotStatus, Amount>>;
  negative: Amount;
  ranges: Map<string, Amount>;
}

export const rangeKey = (figure: RangeFigure, key: string) => `${figure}\u0000${key}`;

/**
 * The figures from their totals: on-hand and by-status are the sum of the warehouses, so they
 * cannot disagree with them. Every bucket is listed, empty or not, in reading order.
 */
export function figuresOf(totals: Totals, options: { today: string; settings: DashboardSettings; costVisible: boolean; byLocation: LocationPage | null }): StockFigures {
  const { today, settings, costVisible } = options;
  const view = (a: Amount | undefined) => viewAmount(a ?? zeroAmount(), costVisible);
  const onHand = zeroAmount();
  const byStatus = new Map<LotStatus, Amount>();
  const byWarehouse: PlaceFigure[] = [];
  for (const [warehouse, statuses] of totals.byWarehouse) {
    for (const [status, amount] of statuses) {
      addInto(onHand, amount);
      tally(byStatus, status, amount);
      byWarehouse.push({ warehouse, status, ...view(amount) });
    }
  }
  const range = (figure: RangeFigure, key: string) => view(totals.ranges.get(rangeKey(figure, key)));
  return {
    today,
    costVisible,
    onHand: view(onHand),
    byStatus: LOT_STATUSES.filter((s) => byStatus.has(s)).map((status) => ({ status, ...view(byStatus.get(status)) })),
    byWarehouse: byWarehouse.sort(comparePlaces),
    byLocation: options.byLocation,
    expiry: expiryBuckets(settings.expiryBands).map((b) => ({ ...b, ...range('expiry', b.key) })),
    nearExpiry: { days: settings.nearExpiryDays, ...range('near_expiry', 'near_expiry') },
    ageing: settings.ageingBands.map((b) => ({ key: bandKey(b), label: bandLabel(b), ...range('ageing', bandKey(b)) })),
    deadStock: { days: settings.deadStockDays, ...range('dead_stock', 'dead_stock') },
    longHolds: { days: settings.longHoldDays, ...range('long_hold', 'long_hold') },
    negative: { qty: view(totals.negative).qty, rows: totals.negative.rows },
  };
}

/** Totals from the rows the database summed. */
export function totalsOf(rows: readonly SummaryRow[]): Totals {
  const totals: Totals = { byWarehouse: new Map(), negative: zeroAmount(), ranges: new Map() };
  for (const row of rows) {
    const amount = amountOf(row);
    if (row.figure === 'place') {
      let statuses = totals.byWarehouse.get(row.warehouse);
      if (!statuses) totals.byWarehouse.set(row.warehouse, (statuses = new Map()));
      tally(statuses, row.status, amount);
    } else if (row.figure === 'negative') addInto(totals.negative, amount);
    else tally(totals.ranges, rangeKey(row.figure, row.key), amount);
  }
  return totals;
}
