import { bandIndex, bandKey, bandLabel, type DayBand } from './bands';
import { addDays, daysBetween } from './days';

/** The expiry bucket of stock: past its date, in one of the site's bands of days left, or without an expiry date. */
export type ExpiryBucketKey = 'expired' | 'none' | string;

/**
 * The bucket a lot falls in by its expiry date. A lot is usable on its expiry date itself (0 days
 * left) and expired from the day after, as the expiry job and picking judge it.
 */
export function expiryBucketOf(expiresOn: string | null, today: string, bands: readonly DayBand[]): ExpiryBucketKey {
  if (expiresOn === null) return 'none';
  const left = daysBetween(today, expiresOn);
  if (left < 0) return 'expired';
  return bandKey(bands[bandIndex(left, bands)]!);
}

/** Every expiry bucket in reading order, so a bucket with nothing in it still shows as zero. */
export function expiryBuckets(bands: readonly DayBand[]): { key: ExpiryBucketKey; label: string }[] {
  return [{ key: 'expired', label: 'expired' }, ...bands.map((b) => ({ key: bandKey(b), label: bandLabel(b) })), { key: 'none', label: 'no expiry' }];
}

/** The ageing band of stock by its receipt or production date. */
export function ageingBucketOf(agedOn: string, today: string, bands: readonly DayBand[]): string {
  return bandKey(bands[bandIndex(daysBetween(agedOn, today), bands)]!);
}

/** An inclusive range of dates; null ends are open. `missing` selects stock without a date. */
export interface DateRange {
  onOrAfter: string | null;
  onOrBefore: string | null;
  missing?: boolean;
}

/** The expiry dates a bucket holds today: what a drill-down selects, the same stock the bucket counts. */
export function expiryBucketRange(key: ExpiryBucketKey, today: string, bands: readonly DayBand[]): DateRange | null {
  if (key === 'none') return { onOrAfter: null, onOrBefore: null, missing: true };
  if (key === 'expired') return { onOrAfter: null, onOrBefore: addDays(today, -1) };
  const band = bands.find((b) => bandKey(b) === key);
  if (!band) return null;
  return { onOrAfter: addDays(today, band.from), onOrBefore: band.to === null ? null : addDays(today, band.to) };
}

/** The receipt/production dates an ageing band holds today; the first band also holds dates in the future. */
export function ageingBucketRange(key: string, today: string, bands: readonly DayBand[]): DateRange | null {
  const at = bands.findIndex((b) => bandKey(b) === key);
  if (at === -1) return null;
  const band = bands[at]!;
  return { onOrAfter: band.to === null ? null : addDays(today, -band.to), onOrBefore: at === 0 ? null : addDays(today, -band.from) };
}

/** Stock not yet expired that expires within `days` days. */
export function nearExpiryRange(today: string, days: number): DateRange {
  return { onOrAfter: today, onOrBefore: addDays(today, days) };
}

/** Balances whose last movement is at least `days` days ago are dead stock. */
export function deadStockRange(today: string, days: number): DateRange {
  return { onOrAfter: null, onOrBefore: addDays(today, -days) };
}

/** Lots on hold for more than `days` days: put on hold on or before this date. */
export function longHoldRange(today: string, days: number): DateRange {
  return { onOrAfter: null, onOrBefore: addDays(today, -days - 1) };
}

export function inRange(day: string | null, range: DateRange): boolean {
  if (day === null) return range.missing === true;
  if (range.missing) return false;
  return (range.onOrAfter === null || day >= range.onOrAfter) && (range.onOrBefore === null || day <= range.onOrBefore);
}
