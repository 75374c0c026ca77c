import { describe, expect, it } from 'vitest';
import { pickLine } from '../../domain/ops';
import type { BalanceDoc, LocationDoc, LotDoc, OpDoc } from '../../sync';
import { pickStop, pickSuggestions, refusalFor, unsyncedPicks } from './pick-plan';

const TODAY = '2026-11-23';
const lot = (id: string, status: LotDoc['status'], expiresOn: string | null, gtin = 'G'): LotDoc => ({ id, itemId: 'i', gtin, lotNumber: id.toUpperCase(), status, expiresOn, manufacturedOn: null, supplier: null, supplierLot: null, origin: 'received' });
// 'short' has 25 days left today, 'early' 219, 'late' 404.
const lots = [lot('late', 'released', '2028-01-01'), lot('early', 'released', '2027-06-30'), lot('held', 'on_hold', '2026-12-01'), lot('old', 'released', '2026-11-01'), lot('none', 'released', null), lot('short', 'released', '2026-12-18'), lot('other', 'released', '2028-01-01', 'H')];
const locations: LocationDoc[] = [
  { id: 'a', code: 'A-01', name: '', kind: 'storage', active: true },
  { id: 'q', code: 'QA', name: '', kind: 'quarantine', active: true },
];
const balances: BalanceDoc[] = ['late', 'early', 'held', 'old', 'none', 'short'].map((l) => ({ id: l, lotId: l, locationId: 'a', qty: 5 }));
const numbers = (s: { lotNumber: string }[]) => s.map((c) => c.lotNumber);

describe('pickSuggestions', () => {
  it('orders pickable lots first-expired-first-out and leaves out held and expired ones', () => {
    const { candidates, skipped } = pickSuggestions('G', lots, balances, locations, TODAY);
    expect(numbers(candidates)).toEqual(['SHORT', 'EARLY', 'LATE', 'NONE']);
    expect(skipped).toEqual([]);
  });

  it("skips lots with less shelf life than the customer accepts, and says so", () => {
    const { candidates, skipped } = pickSuggestions('G', lots, balances, locations, TODAY, 180);
    expect(numbers(candidates)).toEqual(['EARLY', 'LATE', 'NONE']);
    expect(skipped).toEqual([{ lotNumber: 'SHORT', daysLeft: 25, minShelfLifeDays: 180 }]);
    expect(numbers(pickSuggestions('G', lots, balances, locations, TODAY, 300).candidates)).toEqual(['LATE', 'NONE']);
  });

  it('a lot exactly at the minimum is fine', () => {
    expect(pickSuggestions('G', lots, balances, locations, TODAY, 25).skipped).toEqual([]);
  });
});

describe('pickStop', () => {
  const list = { minShelfLifeDays: 180, lines: [pickLine({ gtin: 'G', qty: 10, pickedQty: 0 }), pickLine({ gtin: 'D', qty: 5, pickedQty: 5 })] };
  const scan = (id: string) => ({ gtin: lots.find((l) => l.id === id)?.gtin ?? 'G', lotNumber: id.toUpperCase() });
  it.each([
    ['held', { code: 'on_hold', lot: 'HELD' }],
    ['old', { code: 'expired', lot: 'OLD' }],
    ['missing', { code: 'unknown', lot: 'MISSING' }],
    ['short', { code: 'shelf_life_short', lot: 'SHORT', daysLeft: 25, minShelfLifeDays: 180 }],
    ['other', { code: 'not_on_list', lot: 'OTHER', gtin: 'H' }],
    ['early', null],
  ])('%s: %j', (id, stop) => {
    expect(pickStop(scan(id), lots.find((l) => l.id === id), TODAY, list)).toEqual(stop);
  });

  it('stops a lot of an item whose line is fully picked', () => {
    const done = lot('d1', 'released', '2028-01-01', 'D');
    expect(pickStop({ gtin: 'D', lotNumber: 'D1' }, done, TODAY, list)).toEqual({ code: 'line_done', lot: 'D1', gtin: 'D' });
  });

  it('without a list only the lot status counts', () => {
    expect(pickStop(scan('short'), lots.find((l) => l.id === 'short'), TODAY)).toBeNull();
    expect(refusalFor(lots.find((l) => l.id === 'held'), TODAY)).toBe('on_hold');
  });
});

describe('unsyncedPicks', () => {
  const op = (status: OpDoc['status'], pickListId: string, gtin: string, qty: number, type: OpDoc['type'] = 'pick'): OpDoc => ({
    id: `${status}-${pickListId}-${qty}`,
    type,
    deviceId: 'd',
    userId: 'u',
    deviceTime: '2026-11-23T08:00:00Z',
    payload: { gtin, qty, pickListId },
    status,
    outcome: null,
    appliedAt: null,
  });
  it('sums queued picks of the list per item, and nothing the server already counted', () => {
    const ops = [op('queued', 'pl', 'G', 30), op('queued', 'pl', 'G', 0.5), op('queued', 'pl', 'H', 2), op('applied', 'pl', 'G', 300), op('queued', 'other', 'G', 7), op('queued', 'pl', 'G', 9, 'move')];
    expect(unsyncedPicks(ops, 'pl')).toEqual(new Map([['G', 30.5], ['H', 2]]));
  });
});
