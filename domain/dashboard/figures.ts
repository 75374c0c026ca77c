import type { LotStatus } from '../lots/status';
import { addInto, viewAmount } from './amount';
import { ageingBucketOf, deadStockRange, expiryBucketOf, inRange, longHoldRange, nearExpiryRange } from './buckets';
import { comparePlaces, pageOfPlaces, type PlaceCursor, type PlaceFigure } from './places';
import type { DashboardSettings } from './settings';
import { amountOf, figuresOf, rangeKey, tally, type StockFigures, type Totals } from './summary';

/**
 * Stock by place and date, unbucketed: positive balances by place and status (`place`),
 * negative balances by place (`negative`), and stock by warehouse and one date — expiry
 * (`expiry`, null when the lot has none), receipt/production (`age`), last movement (`moved`)
 * and, for lots on hold, the day the hold began (`since`) — over every status. Dates are kept,
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

/**
 * The figures from unbucketed rows, each date put in its bucket one by one: the reference the
 * summary's ranges (summaryRanges, summed by the database) are checked against. With
 * `locations`, a page of the per-location table too.
 */
export function assembleFigures(rows: readonly FigureRow[], options: { today: string; settings: DashboardSettings; costVisible: boolean; locations?: { after?: PlaceCursor | undefined; limit: number } | undefined }): StockFigures {
  const { today, settings, costVisible } = options;
  const totals: Totals = { byWarehouse: new Map(), negative: { qty: 0n, value: 0n, uncostedQty: 0n, rows: 0 }, ranges: new Map() };
  const byLocation = new Map<string, PlaceFigure & { amount: ReturnType<typeof amountOf> }>();
  const near = nearExpiryRange(today, settings.nearExpiryDays);
  const dead = deadStockRange(today, settings.deadStockDays);
  const longHold = longHoldRange(today, settings.longHoldDays);
  for (const row of rows) {
    const amount = amountOf(row);
    switch (row.figure) {
      case 'place': {
        if (row.status === null) break;
        let statuses = totals.byWarehouse.get(row.warehouse);
        if (!statuses) totals.byWarehouse.set(row.warehouse, (statuses = new Map()));
        tally(statuses, row.status, amount);
        if (!options.locations) break;
        const key = `${row.warehouse}\u0000${row.location ?? ''}\u0000${row.status}`;
        const place = byLocation.get(key);
        if (place) addInto(place.amount, amount);
        else byLocation.set(key, { warehouse: row.warehouse, location: row.location ?? '', status: row.status, qty: '', value: null, uncostedQty: '', rows: 0, amount: { ...amount } });
        break;
      }
      case 'negative':
        addInto(totals.negative, amount);
        break;
      case 'expiry':
        tally(totals.ranges, rangeKey('expiry', expiryBucketOf(row.day, today, settings.expiryBands)), amount);
        if (row.day !== null && inRange(row.day, near)) tally(totals.ranges, rangeKey('near_expiry', 'near_expiry'), amount);
        break;
      case 'age':
        if (row.day !== null) tally(totals.ranges, rangeKey('ageing', ageingBucketOf(row.day, today, settings.ageingBands)), amount);
        break;
      case 'moved':
        if (row.day !== null && inRange(row.day, dead)) tally(totals.ranges, rangeKey('dead_stock', 'dead_stock'), amount);
        break;
      case 'since':
        if (row.day !== null && inRange(row.day, longHold)) tally(totals.ranges, rangeKey('long_hold', 'long_hold'), amount);
        break;
    }
  }
  const places = [...byLocation.values()].map(({ amount, ...p }) => ({ ...p, ...viewAmount(amount, costVisible) })).sort(comparePlaces);
  return figuresOf(totals, { today, settings, costVisible, byLocation: options.locations ? pageOfPlaces(places, options.locations.after, options.locations.limit) : null });
}
