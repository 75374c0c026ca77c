import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOT_STATUSES, type LotStatus } from '../lots';
import { bandKey, bandProblems, type DayBand } from './bands';
import { ageingBucketOf, ageingBucketRange, expiryBucketOf, expiryBucketRange, expiryBuckets, inRange } from './buckets';
import { addDays } from './days';
import { assembleFigures, type FigureRow } from './figures';
import { DEFAULT_DASHBOARD_SETTINGS } from './settings';
import { toScaled } from './amount';

/** Any valid banding: cut points strictly increasing from 0, the last band open. */
const bands: fc.Arbitrary<DayBand[]> = fc.uniqueArray(fc.integer({ min: 1, max: 2000 }), { maxLength: 10 }).map((cuts) => {
  const starts = [0, ...cuts.sort((a, b) => a - b)];
  return starts.map((from, i) => ({ from, to: i + 1 < starts.length ? starts[i + 1]! - 1 : null }));
});
const today = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n));
const offset = fc.integer({ min: -4000, max: 4000 });

interface Lot {
  expiresIn: number | null;
  agedFor: number;
  qty: number;
  status: LotStatus;
}
const lot: fc.Arbitrary<Lot> = fc.record({
  expiresIn: fc.option(offset, { nil: null }),
  agedFor: offset,
  qty: fc.integer({ min: 1, max: 10_000_000 }),
  status: fc.constantFrom(...LOT_STATUSES),
});

describe('expiry and ageing buckets', () => {
  it('generated bands are valid', () => {
    fc.assert(
      fc.property(bands, (b) => {
        expect(bandProblems(b)).toEqual([]);
      }),
    );
  });

  it('put every date in exactly one bucket, the one whose drill-down range holds it', () => {
    fc.assert(
      fc.property(bands, today, offset, (b, t, d) => {
        const day = addDays(t, d);
        const keys = expiryBuckets(b).map((x) => x.key);
        const holding = keys.filter((k) => inRange(day, expiryBucketRange(k, t, b)!));
        expect(holding).toEqual([expiryBucketOf(day, t, b)]);
        expect(keys.filter((k) => inRange(null, expiryBucketRange(k, t, b)!))).toEqual(['none']);
        const ages = b.map(bandKey).filter((k) => inRange(day, ageingBucketRange(k, t, b)!));
        expect(ages).toEqual([ageingBucketOf(day, t, b)]);
      }),
    );
  });

  it('sum to on-hand, each lot counted once, whatever the bands', () => {
    fc.assert(
      fc.property(bands, bands, today, fc.array(lot, { maxLength: 60 }), (expiryBands, ageingBands, t, lots) => {
        const rows: FigureRow[] = lots.flatMap((l) => {
          const amount = { warehouse: 'W1', location: null, status: l.status, qty: (l.qty / 1000).toFixed(3), value: '0', uncostedQty: (l.qty / 1000).toFixed(3), rows: 1 };
          return [
            { ...amount, figure: 'place' as const, location: 'A-01' },
            { ...amount, status: null, figure: 'expiry' as const, day: l.expiresIn === null ? null : addDays(t, l.expiresIn) },
            { ...amount, status: null, figure: 'age' as const, day: addDays(t, -l.agedFor) },
          ].map((r) => ({ day: null, ...r }));
        });
        const figures = assembleFigures(rows, { today: t, settings: { ...DEFAULT_DASHBOARD_SETTINGS, expiryBands, ageingBands }, costVisible: true });
        const onHand = lots.reduce((s, l) => s + BigInt(l.qty), 0n);
        const sum = (list: { qty: string; rows: number }[]) => [list.reduce((s, b) => s + toScaled(b.qty, 3), 0n), list.reduce((s, b) => s + b.rows, 0)];
        expect(toScaled(figures.onHand.qty, 3)).toBe(onHand);
        expect(sum(figures.expiry)).toEqual([onHand, lots.length]);
        expect(sum(figures.ageing)).toEqual([onHand, lots.length]);
        expect(figures.expiry).toHaveLength(expiryBands.length + 2);
      }),
    );
  });
});
