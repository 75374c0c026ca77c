import type { LotStatus } from '../lots';
import { LOT_STATUSES } from '../lots';
import { addInto, toScaled, viewAmount, zeroAmount, QTY_SCALE, VALUE_SCALE, type Amount, type AmountView } from './amount';
import { ageingBucketOf, deadStockRange, expiryBucketOf, expiryBuckets, inRange, longHoldRange, nearExpiryRange } from './buckets';
import { bandKey, bandLabel } from './bands';
import type { DashboardSettings } from './settings';

/**
 * What the dashboard is summed from: stock on positive balances by place and status
 * (`place`), negative balances by place (`negative`), and stock by warehouse, status and one
 * date — expiry (`expiry`, null when the lot has none), receipt/production (`age`), last
 * movement (`moved`) and, for lots on hold, the day the hold began (`since`) — over every status. Dates are kept,
 * not buckets, because buckets move with the calendar; they are drawn at read time.
 */
export const FIGURE_KINDS = ['place', 'negative', 'expiry', 'age', 'moved', 'since'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export interface FigureRow {
  figure: FigureKind;
  warehouse: string;
  /** Location code, for place and negative. */
  location: string | null;
  /** For place and negative; the dated figures are summed over every status. */
  status: LotStatus | null;
  day: string | null;
  qty: string;
  value: string;
  uncostedQty: string;
  rows: number;
}

export interface PlaceFigure extends AmountView {
  warehouse: string;
  location?: string;
  status: LotStatus;
}

export interface BucketFigure extends AmountView {
  key: string;
  label: string;
}

export interface StockFigures {
  today: string;
  costVisible: boolean;
  onHand: AmountView;
  byStatus: (AmountView & { status: LotStatus })[];
  byWarehouse: PlaceFigure[];
  byLocation: PlaceFigure[];
  expiry: BucketFigure[];
  nearExpiry: AmountView & { days: number };
  ageing: BucketFigure[];
  deadStock: AmountView & { days: number };
  longHolds: AmountView & { days: number };
  negative: { qty: string; rows: number };
}

const amountOf = (r: FigureRow): Amount => ({ qty: toScaled(r.qty, QTY_SCALE), value: toScaled(r.value, VALUE_SCALE), uncostedQty: toScaled(r.uncostedQty, QTY_SCALE), rows: r.rows });

function tally<K>(map: Map<K, Amount>, key: K, add: Amount): void {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = zeroAmount()));
  addInto(entry, add);
}

const statusOrder = (s: LotStatus) => LOT_STATUSES.indexOf(s);
// Codes are capital letters, digits and dashes: code-point order is their order, and far cheaper than a collation over thousands of places.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The dashboard's figures from the summed rows. Every expiry bucket and ageing band is listed,
 * empty or not, in reading order; places are sorted by warehouse, location and status.
 */
export function assembleFigures(rows: readonly FigureRow[], options: { today: string; settings: DashboardSettings; costVisible: boolean }): StockFigures {
  const { today, settings, costVisible } = options;
  const onHand = zeroAmount();
  const byStatus = new Map<LotStatus, Amount>();
  const byWarehouse = new Map<string, Amount>();
  const byLocation = new Map<string, Amount>();
  const expiry = new Map<string, Amount>();
  const ageing = new Map<string, Amount>();
  const nearExpiry = zeroAmount();
  const deadStock = zeroAmount();
  const longHolds = zeroAmount();
  const negative = zeroAmount();
  const near = nearExpiryRange(today, settings.nearExpiryDays);
  const dead = deadStockRange(today, settings.deadStockDays);
  const longHold = longHoldRange(today, settings.longHoldDays);

  for (const row of rows) {
    const amount = amountOf(row);
    switch (row.figure) {
      case 'place':
        if (row.status === null) break;
        addInto(onHand, amount);
        tally(byStatus, row.status, amount);
        tally(byWarehouse, `${row.warehouse}\u0000${row.status}`, amount);
        tally(byLocation, `${row.warehouse}\u0000${row.location ?? ''}\u0000${row.status}`, amount);
        break;
      case 'negative':
        addInto(negative, amount);
        break;
      case 'expiry':
        tally(expiry, expiryBucketOf(row.day, today, settings.expiryBands), amount);
        if (row.day !== null && inRange(row.day, near)) addInto(nearExpiry, amount);
        break;
      case 'age':
        if (row.day !== null) tally(ageing, ageingBucketOf(row.day, today, settings.ageingBands), amount);
        break;
      case 'moved':
        if (row.day !== null && inRange(row.day, dead)) addInto(deadStock, amount);
        break;
      case 'since':
        if (row.day !== null && inRange(row.day, longHold)) addInto(longHolds, amount);
        break;
    }
  }

  const view = (a: Amount | undefined) => viewAmount(a ?? zeroAmount(), costVisible);
  const places = (map: Map<string, Amount>, withLocation: boolean): PlaceFigure[] =>
    [...map]
      .map(([key, a]) => {
        const parts = key.split('\u0000');
        const status = parts.at(-1) as LotStatus;
        return { warehouse: parts[0]!, ...(withLocation ? { location: parts[1]! } : {}), status, ...view(a) };
      })
      .sort((x, y) => compareText(x.warehouse, y.warehouse) || compareText(x.location ?? '', y.location ?? '') || statusOrder(x.status) - statusOrder(y.status));

  return {
    today,
    costVisible,
    onHand: view(onHand),
    byStatus: [...byStatus].sort(([a], [b]) => statusOrder(a) - statusOrder(b)).map(([status, a]) => ({ status, ...view(a) })),
    byWarehouse: places(byWarehouse, false),
    byLocation: places(byLocation, true),
    expiry: expiryBuckets(settings.expiryBands).map((b) => ({ ...b, ...view(expiry.get(b.key)) })),
    nearExpiry: { days: settings.nearExpiryDays, ...view(nearExpiry) },
    ageing: settings.ageingBands.map((b) => ({ key: bandKey(b), label: bandLabel(b), ...view(ageing.get(bandKey(b))) })),
    deadStock: { days: settings.deadStockDays, ...view(deadStock) },
    longHolds: { days: settings.longHoldDays, ...view(longHolds) },
    negative: { qty: view(negative).qty, rows: negative.rows },
  };
}
