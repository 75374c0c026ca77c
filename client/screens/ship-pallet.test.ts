import { describe, expect, it } from 'vitest';
import type { Container, Hierarchy, UnitLine } from '../../domain/packaging';
import type { LocationDoc, LotDoc } from '../../sync';
import { palletToShip } from './ship-pallet';

const GTIN = '06901234000016';
const CASE = { level: 'case', childLevels: ['unit'], capacity: 48, mix: 'one_lot' } as const;
const PALLET = { level: 'pallet', childLevels: ['case'], capacity: 40, mix: 'mixed' } as const;
const unit = (serial: string | null, lotNumber = 'S1', qty = 1): UnitLine => ({ gtin: GTIN, lotNumber, serial, qty, expiresOn: '2029-06-30', lotStatus: 'released' });
const box = (sscc: string, extra: Partial<Container> = {}): Container => ({ sscc, spec: { ...CASE, childLevels: [...CASE.childLevels] }, parent: null, version: 1, shipped: false, units: [], ...extra });
const lot = (lotNumber: string, status: LotDoc['status'] = 'released', expiresOn = '2029-06-30'): LotDoc => ({ id: `lot-${lotNumber}`, itemId: 'i', gtin: GTIN, lotNumber, status, expiresOn, manufacturedOn: null, supplier: null, supplierLot: null, origin: 'produced' });
const place = (code: string): LocationDoc => ({ id: `loc-${code}`, code, name: code, kind: 'storage', active: true });

const hierarchy: Hierarchy = new Map([
  ['P1', { ...box('P1'), spec: { ...PALLET, childLevels: [...PALLET.childLevels] } }],
  ['C1', box('C1', { parent: 'P1', units: [unit('1'), unit('2')] })],
  ['C2', box('C2', { parent: 'P1', units: [unit(null, 'S2', 10)] })],
  ['C3', box('C3', { units: [unit('9', 'HELD')] })],
  ['C4', box('C4')],
  ['C5', box('C5', { shipped: true, units: [unit('7')] })],
]);
const lots = new Map([lot('S1'), lot('S2'), lot('HELD', 'on_hold')].map((l) => [l.lotNumber, l]));
const balances = [
  { lotId: 'lot-S1', locationId: 'loc-B-02-01', qty: 40 },
  { lotId: 'lot-S2', locationId: 'loc-B-02-01', qty: 100 },
];
const ctx = (extra: Partial<Parameters<typeof palletToShip>[2]> = {}) => ({
  lotStore: { lotByLabel: (_gtin: string, lotNumber: string) => lots.get(lotNumber) ?? null, balancesOfLots: (ids: string[]) => balances.filter((b) => ids.includes(b.lotId)) },
  locations: [place('B-02-01'), place('B-03-01')],
  from: null,
  minShelfLifeDays: 0,
  today: '2026-12-02',
  already: [],
  ...extra,
});

describe('shipping a pallet by its SSCC on the handheld', () => {
  it('ships an outermost pallet whole, counting everything in its cases, from the one place its lots are stocked', () => {
    const verdict = palletToShip(hierarchy, 'P1', ctx());
    expect(verdict).toEqual({ ok: true, line: { sscc: 'P1', from: place('B-02-01'), units: 12, lots: [{ lotId: 'lot-S1', lotNumber: 'S1', qty: 2 }, { lotId: 'lot-S2', lotNumber: 'S2', qty: 10 }] } });
  });

  it('ships from the location scanned, wherever else the lots are', () => {
    const verdict = palletToShip(hierarchy, 'P1', ctx({ from: place('B-03-01') }));
    expect(verdict.ok && verdict.line.from.code).toBe('B-03-01');
  });

  it.each([
    ['C1', 'inside', { sscc: 'C1', outer: 'P1' }],
    ['C9', 'unknown', { sscc: 'C9' }],
    ['C5', 'shipped', { sscc: 'C5' }],
    ['C4', 'empty', { sscc: 'C4' }],
    ['C3', 'lot_refused', { lot: 'HELD', refusal: 'on_hold' }],
  ])('refuses %s: %s', (sscc, code, params) => {
    expect(palletToShip(hierarchy, sscc, ctx())).toEqual({ ok: false, refusal: { code, params } });
  });

  it('refuses a pallet already on the shipment, and one whose lots sit in several places until the location is scanned', () => {
    const first = palletToShip(hierarchy, 'P1', ctx());
    if (!first.ok) throw new Error('expected the pallet to ship');
    expect(palletToShip(hierarchy, 'P1', ctx({ already: [first.line] }))).toEqual({ ok: false, refusal: { code: 'twice', params: { sscc: 'P1' } } });
    const spread = { ...ctx(), lotStore: { ...ctx().lotStore, balancesOfLots: () => [...balances, { lotId: 'lot-S2', locationId: 'loc-B-03-01', qty: 5 }] } };
    expect(palletToShip(hierarchy, 'P1', spread)).toEqual({ ok: false, refusal: { code: 'scan_from', params: { sscc: 'P1' } } });
  });

  it('refuses a pallet holding a lot short of the customer’s minimum shelf life', () => {
    const verdict = palletToShip(hierarchy, 'P1', ctx({ minShelfLifeDays: 2000 }));
    expect(verdict).toEqual({ ok: false, refusal: { code: 'lot_refused', params: { lot: 'S1', refusal: 'shelf_life_short' } } });
  });
});
