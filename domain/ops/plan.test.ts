import { describe, expect, it } from 'vitest';
import { planOp, type KnownLot, type PlanContext } from './plan';
import { validateOp, type OpPayload } from './schemas';

const G1 = '06901234000016';
const G_UNKNOWN = '06901234000993';
const lots: Record<string, KnownLot> = {
  [`${G1}|L-REL`]: { id: 'lot-rel', lotNumber: 'L-REL', status: 'released', expiresOn: '2027-06-30' },
  [`${G1}|L-HOLD`]: { id: 'lot-hold', lotNumber: 'L-HOLD', status: 'on_hold', expiresOn: '2027-06-30' },
  [`${G1}|L-OLD`]: { id: 'lot-old', lotNumber: 'L-OLD', status: 'released', expiresOn: '2026-11-22' },
  [`${G1}|L-NEW`]: { id: 'lot-new', lotNumber: 'L-NEW', status: 'quarantine', expiresOn: null },
};
const balances: Record<string, number> = { 'lot-rel|loc-a': 5, 'lot-hold|loc-a': 10, 'lot-old|loc-a': 3 };

const ctx: PlanContext = {
  today: '2026-11-23',
  itemId: (gtin) => (gtin === G1 ? 'item-1' : undefined),
  locationId: (code) => ({ 'A-01': 'loc-a', 'SHP-01': 'loc-s', 'RCV-01': 'loc-r' })[code],
  lot: (gtin, lotNumber) => lots[`${gtin}|${lotNumber}`],
  balance: (lotId, locationId) => balances[`${lotId}|${locationId}`] ?? 0,
  lotsAt: (locationId) =>
    Object.entries(balances)
      .filter(([k]) => k.endsWith(`|${locationId}`))
      .map(([k, qty]) => ({ lotId: k.split('|')[0]!, qty })),
};

const op = (type: string, payload: unknown): OpPayload => {
  const checked = validateOp(type, payload);
  if (!checked.ok) throw new Error(checked.reason);
  return checked.op;
};

describe('planOp', () => {
  it.each([
    ['pick of the last 5', op('pick', { gtin: G1, lotNumber: 'L-REL', fromLocationCode: 'A-01', toLocationCode: 'SHP-01', qty: 5 }), 'applied', []],
    ['pick of 6 when 5 are there', op('pick', { gtin: G1, lotNumber: 'L-REL', fromLocationCode: 'A-01', toLocationCode: 'SHP-01', qty: 6 }), 'exception', ['negative_stock']],
    ['pick of a held lot', op('pick', { gtin: G1, lotNumber: 'L-HOLD', fromLocationCode: 'A-01', toLocationCode: 'SHP-01', qty: 1 }), 'exception', ['lot_not_pickable']],
    ['pick of a lot that expired yesterday', op('pick', { gtin: G1, lotNumber: 'L-OLD', fromLocationCode: 'A-01', toLocationCode: 'SHP-01', qty: 1 }), 'exception', ['lot_not_pickable']],
    ['move of a held lot is fine', op('move', { gtin: G1, lotNumber: 'L-HOLD', fromLocationCode: 'A-01', toLocationCode: 'RCV-01', qty: 10 }), 'applied', []],
    ['receive into an existing lot', op('receive', { gtin: G1, lotNumber: 'L-NEW', qty: 100, locationCode: 'RCV-01' }), 'applied', []],
    ['receive of an unknown GTIN', op('receive', { gtin: G_UNKNOWN, lotNumber: 'X1', qty: 1, locationCode: 'RCV-01' }), 'exception', ['unknown_gtin']],
    ['move to an unknown location', op('move', { gtin: G1, lotNumber: 'L-REL', fromLocationCode: 'A-01', toLocationCode: 'Z-99', qty: 1 }), 'exception', ['unknown_location']],
    ['move of a lot never received', op('move', { gtin: G1, lotNumber: 'NOPE', fromLocationCode: 'A-01', toLocationCode: 'SHP-01', qty: 1 }), 'exception', ['unknown_lot']],
    ['complete count with a missing lot', op('count', { locationCode: 'A-01', lines: [{ gtin: G1, lotNumber: 'L-REL', countedQty: 5 }, { gtin: G1, lotNumber: 'L-HOLD', countedQty: 10 }] }), 'exception', ['count_variance']],
    ['count that matches', op('count', { locationCode: 'A-01', lines: [{ gtin: G1, lotNumber: 'L-REL', countedQty: 5 }, { gtin: G1, lotNumber: 'L-HOLD', countedQty: 10 }, { gtin: G1, lotNumber: 'L-OLD', countedQty: 3 }] }), 'applied', []],
  ])('%s', (_name, payload, status, kinds) => {
    const plan = planOp(payload, ctx);
    expect(plan.status).toBe(status);
    expect(plan.exceptions.map((e) => e.kind)).toEqual(kinds);
  });

  it('applies a pick that raises an exception: the goods did leave', () => {
    const plan = planOp(op('pick', { gtin: G1, lotNumber: 'L-HOLD', fromLocationCode: 'A-01', toLocationCode: 'SHP-01', qty: 12 }), ctx);
    expect(plan.moves).toEqual([{ lotId: 'lot-hold', fromLocationId: 'loc-a', toLocationId: 'loc-s', qty: 12, serial: null }]);
    expect(plan.exceptions.map((e) => e.kind)).toEqual(['lot_not_pickable', 'negative_stock']);
    expect(plan.message).toContain('on hold');
  });

  it('a count posts no moves: variances wait for a supervisor', () => {
    const plan = planOp(op('count', { locationCode: 'A-01', lines: [{ gtin: G1, lotNumber: 'L-REL', countedQty: 4 }], complete: false }), ctx);
    expect(plan.moves).toEqual([]);
    expect(plan.exceptions[0]!.details).toMatchObject({ expected: 5, counted: 4, variance: -1 });
  });
});

describe('validateOp', () => {
  it.each([
    ['teleport', {}, "unknown op type 'teleport'"],
    ['receive', { gtin: '123', lotNumber: 'A', qty: 1, locationCode: 'A-01' }, 'gtin: must be a 14-digit GTIN'],
    ['receive', { gtin: G1, lotNumber: 'A B', qty: 1, locationCode: 'A-01' }, 'lotNumber: has characters GS1 does not allow in a lot number'],
    ['move', { gtin: G1, lotNumber: 'A', qty: 0, fromLocationCode: 'A-01', toLocationCode: 'B' }, 'qty: must be more than zero'],
    ['receive', { gtin: G1, lotNumber: 'A', qty: 1, locationCode: 'A-01', expiresOn: '31/12/2026' }, 'expiresOn: must be an ISO date (yyyy-mm-dd)'],
  ])('%s %j is refused: %s', (type, payload, reason) => {
    expect(validateOp(type, payload)).toEqual({ ok: false, reason });
  });
});
