import { describe, expect, it } from 'vitest';
import type { BalanceDoc, LocationDoc, LotDoc } from '../../sync';
import { pickSuggestions, refusalFor } from './pick-plan';

const lot = (id: string, status: LotDoc['status'], expiresOn: string | null): LotDoc => ({ id, itemId: 'i', gtin: 'G', lotNumber: id.toUpperCase(), status, expiresOn, manufacturedOn: null, supplier: null, supplierLot: null, origin: 'received' });
const lots = [lot('late', 'released', '2028-01-01'), lot('early', 'released', '2027-01-01'), lot('held', 'on_hold', '2026-12-01'), lot('old', 'released', '2026-11-01'), lot('none', 'released', null)];
const locations: LocationDoc[] = [
  { id: 'a', code: 'A-01', name: '', kind: 'storage', active: true },
  { id: 'q', code: 'QA', name: '', kind: 'quarantine', active: true },
];
const balances: BalanceDoc[] = ['late', 'early', 'held', 'old', 'none'].map((l) => ({ id: l, lotId: l, locationId: 'a', qty: 5 }));

describe('pickSuggestions', () => {
  it('orders pickable lots first-expired-first-out and leaves out held and expired ones', () => {
    expect(pickSuggestions('G', lots, balances, locations, '2026-11-23').map((c) => c.lotNumber)).toEqual(['EARLY', 'LATE', 'NONE']);
  });
  it.each([
    ['held', 'on_hold'],
    ['old', 'expired'],
    ['early', null],
    ['missing', 'unknown'],
  ])('refuses %s: %s', (id, refusal) => {
    expect(refusalFor(lots.find((l) => l.id === id), '2026-11-23')).toBe(refusal);
  });
});
