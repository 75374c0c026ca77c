import { describe, expect, it } from 'vitest';
import { stockGlance, type GlanceBalance, type GlanceLot } from './glance';
import { DEFAULT_DASHBOARD_SETTINGS } from './settings';

const today = '2025-06-30';
const bands = DEFAULT_DASHBOARD_SETTINGS.expiryBands;
const lot = (id: string, status: GlanceLot['status'], expiresOn: string | null): GlanceLot => ({ id, status, expiresOn });

describe('the handheld glance of stock', () => {
  const lots = [
    lot('a', 'released', '2025-06-29'), // expired yesterday
    lot('b', 'released', '2025-06-30'), // usable today: 0 days left
    lot('c', 'quarantine', '2025-07-30'), // 30 days
    lot('d', 'on_hold', '2025-07-31'), // 31 days
    lot('e', 'recalled', '2026-01-01'),
    lot('f', 'released', null),
  ];
  const balances: GlanceBalance[] = [
    { lotId: 'a', qty: 0.1 },
    { lotId: 'a', qty: 0.2 },
    { lotId: 'b', qty: 5 },
    { lotId: 'c', qty: 1.5 },
    { lotId: 'd', qty: 2 },
    { lotId: 'e', qty: 999_999_999.999 },
    { lotId: 'f', qty: 7 },
    { lotId: 'f', qty: -3 }, // negative: not on hand
    { lotId: 'f', qty: 0 },
    { lotId: 'unknown', qty: 4 }, // a lot this device does not have
  ];

  it('counts positive balances by status and by expiry bucket, exactly, the buckets summing to on-hand', () => {
    const g = stockGlance(lots, balances, today, bands);
    expect(g.onHand).toEqual({ qty: '1000000015.799', rows: 7 });
    expect(g.byStatus).toEqual([
      { status: 'quarantine', qty: '1.5', rows: 1 },
      { status: 'released', qty: '12.3', rows: 4 },
      { status: 'on_hold', qty: '2', rows: 1 },
      { status: 'recalled', qty: '999999999.999', rows: 1 },
    ]);
    expect(g.expiry.map((b) => [b.key, b.qty, b.rows])).toEqual([
      ['expired', '0.3', 2],
      ['0-30', '6.5', 2],
      ['31-90', '2', 1],
      ['91-180', '0', 0],
      ['181+', '999999999.999', 1],
      ['none', '7', 1],
    ]);
  });

  it('draws the buckets by the bands given', () => {
    const g = stockGlance(lots, balances, today, [{ from: 0, to: 0 }, { from: 1, to: null }]);
    expect(g.expiry.map((b) => [b.key, b.qty])).toEqual([
      ['expired', '0.3'],
      ['0-0', '5'],
      ['1+', '1000000003.499'],
      ['none', '7'],
    ]);
  });

  it('answers zeros with every bucket listed when the device has nothing', () => {
    const g = stockGlance([], [], today, bands);
    expect(g.onHand).toEqual({ qty: '0', rows: 0 });
    expect(g.byStatus).toEqual([]);
    expect(g.expiry.map((b) => b.qty)).toEqual(['0', '0', '0', '0', '0', '0']);
  });
});
