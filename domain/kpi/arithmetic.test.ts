import { describe, expect, it } from 'vitest';
import { mean, measured, nearestRank, rate } from './arithmetic';

describe('rate', () => {
  it.each([
    [1, 4, 100, 25],
    [0, 4, 100, 0],
    [3, 0, 100, null],
    [3, -1, 1, null],
    [Number.NaN, 4, 1, null],
    [1, Number.POSITIVE_INFINITY, 1, null],
    // 1e300 / 1e-300 overflows to Infinity: no figure
    [1e300, 1e-300, 1, null],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 1000, 1000],
  ])('%s / %s × %s = %s', (part, whole, scale, expected) => {
    expect(rate(part, whole, scale)).toBe(expected);
  });

  it('means and measured values', () => {
    expect(mean(51, 3)).toBe(17);
    expect(mean(0, 0)).toBeNull();
    expect(measured(12, 0)).toBeNull();
    expect(measured(Number.NaN, 1)).toBeNull();
    expect(measured(0, 1)).toBe(0);
  });
});

describe('nearestRank', () => {
  it.each([
    [0, 95, 0],
    [1, 95, 1],
    [3, 95, 3],
    // 0.95 × 20 = 19 exactly, not 19.000000000000004 rounded up to 20
    [20, 95, 19],
    [21, 95, 20],
    [100, 95, 95],
    [101, 95, 96],
    [2 ** 31, 95, Math.ceil(0.95 * 2 ** 31)],
    [10, 50, 5],
    [10, 100, 10],
  ])('n = %s, p%s → rank %s', (n, p, rank) => {
    expect(nearestRank(n, p)).toBe(rank);
  });

  it('refuses a percentile outside (0, 100]', () => {
    expect(() => nearestRank(10, 0)).toThrow(RangeError);
    expect(() => nearestRank(10, 101)).toThrow(RangeError);
  });
});
