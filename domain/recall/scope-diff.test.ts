import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffScope, type ScopeSide } from './scope-diff';

const lot = (n: number) => ({ lotId: `lot-${n}`, lotNumber: `L${String(n).padStart(4, '0')}` });
const consignee = (code: string, shipped: number, lines = 1) => ({ customerId: `c-${code}`, code, name: `${code} 医院`, shipped, lines });

describe('diffScope', () => {
  it('is unchanged for the same scope', () => {
    const side: ScopeSide = { lots: [lot(1), lot(2)], consignees: [consignee('HOSP-SH1', 150)] };
    expect(diffScope(side, side)).toEqual({ lotsAdded: [], lotsGone: [], consignees: [], unchanged: true });
  });

  it('names lots reached since and no longer, and consignees shipped more, less, new or gone', () => {
    const frozen: ScopeSide = { lots: [lot(1), lot(2), lot(3)], consignees: [consignee('A', 100), consignee('B', 50), consignee('C', 10), consignee('D', 5, 1)] };
    const now: ScopeSide = { lots: [lot(1), lot(3), lot(12), lot(10)], consignees: [consignee('A', 130, 2), consignee('B', 40), consignee('D', 5, 2), consignee('E', 7)] };
    const diff = diffScope(frozen, now);
    expect(diff.lotsAdded.map((l) => l.lotNumber)).toEqual(['L0010', 'L0012']);
    expect(diff.lotsGone.map((l) => l.lotNumber)).toEqual(['L0002']);
    expect(diff.consignees.map((c) => [c.code, c.change, c.frozenShipped, c.nowShipped])).toEqual([
      ['A', 'more', 100, 130],
      ['B', 'less', 50, 40],
      ['C', 'gone', 10, 0],
      ['D', 'more', 5, 5],
      ['E', 'added', 0, 7],
    ]);
    expect(diff.unchanged).toBe(false);
  });

  it('accounts for every lot of both sides exactly once, whatever the sides', () => {
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 40 });
    fc.assert(
      fc.property(ids, ids, (a, b) => {
        const diff = diffScope({ lots: a.map(lot), consignees: [] }, { lots: b.map(lot), consignees: [] });
        const kept = a.filter((n) => b.includes(n)).length;
        expect(diff.lotsAdded.length + kept).toBe(b.length);
        expect(diff.lotsGone.length + kept).toBe(a.length);
      }),
    );
  });
});
