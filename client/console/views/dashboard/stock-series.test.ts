import { describe, expect, it } from 'vitest';
import type { BucketAmount, PlaceAmount } from '../../../api/dashboard';
import { bucketBars, drawn, placeAt, placeName, stackedByStatus } from './stock-series';

const place = (warehouse: string, status: PlaceAmount['status'], qty: string, value: string | null, location?: string): PlaceAmount => ({
  warehouse,
  status,
  qty,
  value,
  uncostedQty: '0',
  rows: 1,
  ...(location === undefined ? {} : { location }),
});

describe('stock by place and status as stacked bars', () => {
  const places = [place('FG', 'released', '10', '25.50'), place('FG', 'on_hold', '2.5', '5'), place('RM', 'released', '4', null), place('RM', 'quarantine', '7', '1.25')];

  it('has one bar per place and one series per status present, in lifecycle order', () => {
    expect(stackedByStatus(places, 'qty')).toEqual({
      categories: ['FG', 'RM'],
      series: [
        { status: 'quarantine', data: [0, 7] },
        { status: 'released', data: [10, 4] },
        { status: 'on_hold', data: [2.5, 0] },
      ],
    });
  });

  it('draws value at standard cost, an unshown value as nothing', () => {
    expect(stackedByStatus(places, 'value').series.map((s) => s.data)).toEqual([
      [0, 1.25],
      [25.5, 0],
      [5, 0],
    ]);
  });

  it('names locations with their warehouse, so two warehouses’ A-01 stay apart', () => {
    const stacked = stackedByStatus([place('FG', 'released', '1', '1', 'A-01'), place('RM', 'released', '2', '2', 'A-01')], 'qty');
    expect(stacked.categories).toEqual(['FG / A-01', 'RM / A-01']);
    expect(placeName({ warehouse: 'FG' })).toBe('FG');
  });

  it.each([
    [0, 1, { warehouse: 'RM', status: 'quarantine' }],
    [1, 0, { warehouse: 'FG', status: 'released' }],
    [2, 0, { warehouse: 'FG', status: 'on_hold' }],
  ])('segment (series %i, bar %i) opens %j', (series, bar, expected) => {
    expect(placeAt(places, stackedByStatus(places, 'qty'), series, bar)).toMatchObject(expected);
  });

  it('opens nothing for an empty segment or one off the chart', () => {
    const stacked = stackedByStatus(places, 'qty');
    expect(placeAt(places, stacked, 2, 1)).toBeNull();
    expect(placeAt(places, stacked, 9, 0)).toBeNull();
  });

  it('draws nothing for no stock', () => {
    expect(stackedByStatus([], 'qty')).toEqual({ categories: [], series: [] });
  });
});

describe('buckets as bars', () => {
  const bucket = (key: string, qty: string, value: string | null): BucketAmount => ({ key, label: key, qty, value, uncostedQty: '0', rows: 1 });
  it('keeps the reading order and draws each bucket’s measure', () => {
    const buckets = [bucket('expired', '3', '30'), bucket('0-30', '0', '0'), bucket('none', '12.125', null)];
    expect(bucketBars(buckets, 'qty')).toEqual({ categories: ['expired', '0-30', 'none'], data: [3, 0, 12.125] });
    expect(bucketBars(buckets, 'value').data).toEqual([30, 0, 0]);
  });
  it('reads exact decimal text as a number to draw', () => {
    expect([drawn('0.001'), drawn('-4'), drawn(null)]).toEqual([0.001, -4, 0]);
  });
});
