import type { LotStatus } from '../../../../domain/lots/status';
import { LOT_STATUSES } from '../../../../domain/lots/status';
import type { Amount, BucketAmount, PlaceAmount } from '../../../api/dashboard';

/** What a chart measures: the quantity, or the value at standard cost. */
export type Measure = 'qty' | 'value';

/** A figure's decimal text as a number to draw with; the exact text stays in the tables. */
export const drawn = (text: string | null): number => (text === null ? 0 : Number(text));

/** Where a place row sits on the chart: its warehouse, or warehouse/location. */
export const placeName = (p: Pick<PlaceAmount, 'warehouse' | 'location'>) => (p.location === undefined ? p.warehouse : `${p.warehouse} / ${p.location}`);

export interface StackedSeries {
  categories: string[];
  /** One series per status present, in the lifecycle's order; data[i] belongs to categories[i]. */
  series: { status: LotStatus; data: number[] }[];
}

/**
 * Stock by place and status as stacked bars: one bar per place (in the order given), one stack
 * segment per status. A status with nothing anywhere gets no series, so the legend names only
 * what is there.
 */
export function stackedByStatus(places: readonly PlaceAmount[], measure: Measure): StackedSeries {
  const categories: string[] = [];
  const at = new Map<string, number>();
  for (const p of places) {
    const name = placeName(p);
    if (!at.has(name)) at.set(name, categories.push(name) - 1);
  }
  const byStatus = new Map<LotStatus, number[]>();
  for (const p of places) {
    let data = byStatus.get(p.status);
    if (!data) byStatus.set(p.status, (data = categories.map(() => 0)));
    data[at.get(placeName(p))!]! += drawn(p[measure]);
  }
  return { categories, series: LOT_STATUSES.filter((s) => byStatus.has(s)).map((status) => ({ status, data: byStatus.get(status)! })) };
}

/** The place and status a stacked bar segment stands for, to open its rows. */
export function placeAt(places: readonly PlaceAmount[], stacked: StackedSeries, seriesIndex: number, dataIndex: number): PlaceAmount | null {
  const status = stacked.series[seriesIndex]?.status;
  const name = stacked.categories[dataIndex];
  return places.find((p) => p.status === status && placeName(p) === name) ?? null;
}

/** Buckets (expiry, ageing) as one bar each, in reading order. */
export const bucketBars = (buckets: readonly BucketAmount[], measure: Measure) => ({ categories: buckets.map((b) => b.key), data: buckets.map((b) => drawn(b[measure])) });

/** Whether a figure can be measured by value: only when costs are shown. */
export const measurable = (figure: Amount, measure: Measure) => measure === 'qty' || figure.value !== null;
