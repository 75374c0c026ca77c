import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile, reconcileConsignee, type ConsigneeFigures, type GapExplanation } from './reconcile';

const figures = (code: string, f: Partial<ConsigneeFigures>): ConsigneeFigures => ({ customerId: `id-${code}`, code, shipped: 0, returned: 0, destroyed: 0, corrected: 0, onHand: 0, lost: 0, answered: false, ...f });
const explain = (code: string, gap: number): GapExplanation => ({ customerId: `id-${code}`, gap, explanation: 'units used before the notice', signerName: 'QA', signedAt: '2026-01-05T00:00:00.000Z' });

describe('reconcileConsignee', () => {
  it.each([
    ['all returned', { shipped: 100, returned: 100 }, [], 0, false],
    ['every bucket', { shipped: 100, returned: 30, destroyed: 20, corrected: 10, onHand: 25, lost: 15 }, [], 0, false],
    ['units still out', { shipped: 150, returned: 40, onHand: 10 }, [], 100, true],
    ['more accounted for than shipped', { shipped: 10, returned: 8, onHand: 5 }, [], -3, true],
    ['a gap explained as it stands', { shipped: 150, returned: 40 }, [explain('C', 110)], 110, false],
    ['a gap that moved since its explanation', { shipped: 150, returned: 50 }, [explain('C', 110)], 100, true],
    ["another consignee's explanation", { shipped: 150, returned: 40 }, [explain('D', 110)], 110, true],
    ['thousandths that add up', { shipped: 0.3, returned: 0.1, onHand: 0.2 }, [], 0, false],
  ] as const)('%s', (_, f, explanations, gap, open) => {
    const r = reconcileConsignee(figures('C', f), explanations);
    expect(r.gap).toBe(gap);
    expect(r.open).toBe(open);
  });
});

describe('reconcile', () => {
  it('lists consignees by code with the gaps that stand in the way of closing', () => {
    const r = reconcile([figures('HOSP', { shipped: 150, returned: 100, onHand: 50 }), figures('DIST', { shipped: 100, returned: 30 })]);
    expect(r.consignees.map((c) => [c.code, c.accounted, c.gap])).toEqual([
      ['DIST', 30, 70],
      ['HOSP', 150, 0],
    ]);
    expect(r).toMatchObject({ shipped: 250, accounted: 180, percent: 72, closable: false });
    expect(r.openGaps.map((g) => g.code)).toEqual(['DIST']);
    expect(reconcile([figures('DIST', { shipped: 100, returned: 30 })], [explain('DIST', 70)]).closable).toBe(true);
  });

  it('closes a case that shipped nothing', () => {
    expect(reconcile([])).toMatchObject({ shipped: 0, percent: null, closable: true });
  });

  const qty = fc.integer({ min: 0, max: 1_000_000 }).map((m) => m / 1000);
  const consignee = fc.record({ shipped: qty, returned: qty, destroyed: qty, corrected: qty, onHand: qty, lost: qty });

  it('every gap is shipped minus the buckets, the totals are the sums, and a case closes exactly when each gap is zero or explained', () => {
    fc.assert(
      fc.property(fc.array(consignee, { maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), (list, explainIt) => {
        const all = list.map((f, i) => figures(`C${String(i).padStart(2, '0')}`, f));
        const explanations = all.flatMap((f, i) => {
          const gap = Math.round((f.shipped - f.returned - f.destroyed - f.corrected - f.onHand - f.lost) * 1000) / 1000;
          return explainIt[i] && gap !== 0 ? [explain(f.code, gap)] : [];
        });
        const r = reconcile(all, explanations);
        let shipped = 0;
        let accounted = 0;
        for (const c of r.consignees) {
          const sum = c.returned + c.destroyed + c.corrected + c.onHand + c.lost;
          expect(Math.abs(c.gap - (c.shipped - sum))).toBeLessThan(1e-6);
          shipped += c.shipped;
          accounted += sum;
        }
        expect(Math.abs(r.shipped - shipped)).toBeLessThan(1e-6);
        expect(Math.abs(r.accounted - accounted)).toBeLessThan(1e-6);
        const explainedCodes = new Set(explanations.map((e) => e.customerId));
        expect(r.closable).toBe(r.consignees.every((c) => c.gap === 0 || explainedCodes.has(c.customerId)));
        expect(r.openGaps.every((g) => g.gap !== 0 && g.explained === null)).toBe(true);
      }),
    );
  });
});
