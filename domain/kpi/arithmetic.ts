/*
 * The few sums every KPI is made of, written once so none of them can answer NaN or Infinity:
 * a figure that has nothing to stand on is null, and the console shows "no data" for it.
 */

const usable = (n: number) => Number.isFinite(n);

/** part / whole × scale; null when the whole is zero (nothing to rate) or either side is not a number. */
export function rate(part: number, whole: number, scale = 1): number | null {
  if (!usable(part) || !usable(whole) || whole <= 0) return null;
  const value = (part / whole) * scale;
  return usable(value) ? value : null;
}

/** The mean of `count` values summing to `total`; null when there are none. */
export function mean(total: number, count: number): number | null {
  return rate(total, count);
}

/**
 * The rank (1-based, in ascending order) of the p-th percentile of n values by the nearest-rank
 * method: the smallest value at least p % of the values do not exceed. It is always a value that
 * was measured, never one interpolated between two; 0 when there are no values.
 */
export function nearestRank(n: number, p: number): number {
  if (!Number.isInteger(n) || n <= 0) return 0;
  if (!(p > 0 && p <= 100)) throw new RangeError(`a percentile lies in (0, 100], not ${p}`);
  // Rounded before the ceiling: 0.95 × 20 is 19.000000000000004 in binary, which must stay rank 19.
  return Math.min(n, Math.max(1, Math.ceil(Math.round(((p / 100) * n) * 1e9) / 1e9)));
}

/** A value as measured, or null when there is nothing measured (no rows) or it is not a number. */
export function measured(value: number, count: number): number | null {
  return count > 0 && usable(value) ? value : null;
}
