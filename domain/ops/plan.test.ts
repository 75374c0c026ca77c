import { describe, expect, it } from 'vitest';
import type { ReturnCase } from '../recall';
import { pickLine } from './pick-progress';
import { planOp, type KnownLot, type KnownPickList, type PlanContext } from './plan';
import { validateOp, type OpPayload } from './schemas';

const G1 = '06901234000016';
const G_UNKNOWN = '06901234000993';
const lots: Record<string, KnownLot> = {
  [`${G1}|L-REL`]: { id: 'lot-rel', lotNumber: 'L-REL', status: 'released', expiresOn: '2027-06-30' },
  [`${G1}|L-HOLD`]: { id: 'lot-hold', lotNumber: 'L-HOLD', status: 'on_hold', expiresOn: '2027-06-30' },
  [`${G1}|L-OLD`]: { id: 'lot-old', lotNumber: 'L-OLD', status: 'released', expiresOn: '2026-11-22' },
  [`${G1}|L-NEW`]: { id: 'lot-new', lotNumber: 'L-NEW', status: 'quarantine', expiresOn: null },
  [`${G1}|L-SHORT`]: { id: 'lot-short', lotNumber: 'L-SHORT', status: 'released', expiresOn: '2026-12-31' },
  [`${G1}|FG-1`]: { id: 'lot-fg', lotNumber: 'FG-1', status: 'quarantine', expiresOn: '2029-11-23' },
  [`${G1}|L-RECALL`]: { id: 'lot-recall', lotNumber: 'L-RECALL', status: 'recalled', expiresOn: '2027-06-30', recallCase: 'RC20260007' },
};
const balances: Record<string, number> = { 'lot-recall|loc-c': 40, 'lot-rel|loc-a': 5, 'lot-hold|loc-a': 10, 'lot-old|loc-a': 3, 'lot-short|loc-b': 50 };

const PL_HOSP = '0199a0b0-0000-7000-8000-000000000001';
const PL_OPEN = '0199a0b0-0000-7000-8000-000000000002';
const PL_CANCELLED = '0199a0b0-0000-7000-8000-000000000003';
const pickLists: Record<string, KnownPickList> = {
  [PL_HOSP]: { id: PL_HOSP, number: 'PL-H', status: 'open', customer: { id: 'cust-1', code: 'HOSP-1', minShelfLifeDays: 180 }, lines: [pickLine({ gtin: G1, qty: 500, pickedQty: 0 })] },
  [PL_OPEN]: { id: PL_OPEN, number: 'PL-N', status: 'picking', customer: null, lines: [pickLine({ gtin: G1, qty: 10, pickedQty: 8 })] },
  [PL_CANCELLED]: { id: PL_CANCELLED, number: 'PL-C', status: 'cancelled', customer: null, lines: [pickLine({ gtin: G1, qty: 10, pickedQty: 0 })] },
};

const ctx: PlanContext = {
  today: '2026-11-23',
  itemId: (gtin) => (gtin === G1 ? 'item-1' : undefined),
  locationId: (code) => ({ 'A-01': 'loc-a', 'B-01': 'loc-b', 'SHP-01': 'loc-s', 'RCV-01': 'loc-r', 'C-01': 'loc-c' })[code],
  lot: (gtin, lotNumber) => lots[`${gtin}|${lotNumber}`],
  balance: (lotId, locationId) => balances[`${lotId}|${locationId}`] ?? 0,
  heldForQc: () => 0,
  quarantineFor: () => ({ id: 'loc-q', code: 'QA-1' }),
  lotsAt: (locationId) =>
    Object.entries(balances)
      .filter(([k]) => k.endsWith(`|${locationId}`))
      .map(([k, qty]) => ({ lotId: k.split('|')[0]!, qty })),
  customer: (code) => ({ 'HOSP-1': { id: 'cust-1', minShelfLifeDays: 180 }, 'DIST-2': { id: 'cust-2', minShelfLifeDays: 0 } })[code],
  pickList: (id) => pickLists[id],
  workOrder: (number) => (number === 'WO-1' ? { id: 'wo-1', itemId: 'item-1', lotId: 'lot-fg' } : undefined),
  serialTaken: (gtin, serial) => gtin === G1 && serial === 'SN-USED',
  recallCase: (number) =>
    ({
      RC20260007: { id: 'case-7', number: 'RC20260007', state: 'recovering', drill: false, consignees: new Set(['cust-1']) },
      RC20250001: { id: 'case-1', number: 'RC20250001', state: 'closed', drill: false, consignees: new Set(['cust-1']) },
    })[number] as ReturnCase | undefined,
};

const op = (type: string, payload: unknown): OpPayload => {
  const checked = validateOp(type, payload);
  if (!checked.ok) throw new Error(checked.reason);
  return checked.op;
};

describe('planOp: production, shipping and returns', () => {
  const produce = (extra: Record<string, unknown> = {}, components: unknown[] = [{ gtin: G1, lotNumber: 'L-REL', qty: 2, fromLocationCode: 'A-01' }]) =>
    op('produce', { workOrderNumber: 'WO-1', gtin: G1, lotNumber: 'FG-1', qty: 10, locationCode: 'RCV-01', components, ...extra });

  it('consumes the components, declares the finished lot and links them', () => {
    const plan = planOp(produce(), ctx);
    expect(plan.status).toBe('applied');
    expect(plan.moves).toEqual([
      { lotId: 'lot-rel', fromLocationId: 'loc-a', toLocationId: null, qty: 2, serial: null },
      { lotId: 'lot-fg', fromLocationId: null, toLocationId: 'loc-r', qty: 10, serial: null },
    ]);
    expect(plan.edges).toEqual([{ parentLotId: 'lot-rel', childLotId: 'lot-fg', qty: 2, parentSerial: null, workOrderId: 'wo-1' }]);
  });

  it('flags a held component but still records what went into the lot', () => {
    const plan = planOp(produce({}, [{ gtin: G1, lotNumber: 'L-HOLD', qty: 1, fromLocationCode: 'A-01' }]), ctx);
    expect(plan.exceptions.map((e) => e.kind)).toEqual(['lot_not_pickable']);
    expect(plan.edges).toHaveLength(1);
  });

  it('judges two lines on one balance together', () => {
    const line = { gtin: G1, lotNumber: 'L-REL', qty: 3, fromLocationCode: 'A-01' };
    expect(planOp(produce({}, [line, line]), ctx).exceptions.map((e) => e.kind)).toEqual(['negative_stock']);
  });

  it('refuses a serial the GTIN already has, and an unknown work order', () => {
    const plan = planOp(produce({ workOrderNumber: 'WO-404', serials: ['SN-USED', 'SN-NEW'] }), ctx);
    expect(plan.exceptions.map((e) => e.kind).sort()).toEqual(['serial_reused', 'unknown_work_order']);
    expect(plan.serials).toEqual([{ itemId: 'item-1', lotId: 'lot-fg', serial: 'SN-NEW' }]);
  });

  it('ships to a customer and flags a lot with too little shelf life left for that customer', () => {
    const ship = (customerCode: string) => op('ship', { customerCode, lines: [{ gtin: G1, lotNumber: 'L-SHORT', qty: 5, fromLocationCode: 'B-01' }] });
    const toHospital = planOp(ship('HOSP-1'), ctx);
    expect(toHospital.exceptions.map((e) => e.kind)).toEqual(['shelf_life_short']);
    expect(toHospital.moves).toEqual([{ lotId: 'lot-short', fromLocationId: 'loc-b', toLocationId: null, qty: 5, serial: null }]);
    const toDistributor = planOp(ship('DIST-2'), ctx);
    expect(toDistributor.status).toBe('applied');
    expect(toDistributor.shipment).toEqual({ customerId: 'cust-2', number: null, lines: [{ lotId: 'lot-short', fromLocationId: 'loc-b', qty: 5, serial: null }] });
  });

  it('ships to an unknown customer as a fact with an exception, and takes returns back into quarantine for QC', () => {
    const plan = planOp(op('ship', { customerCode: 'NOBODY', lines: [{ gtin: G1, lotNumber: 'L-REL', qty: 1, fromLocationCode: 'A-01' }] }), ctx);
    expect(plan.exceptions.map((e) => e.kind)).toEqual(['unknown_customer']);
    expect(plan.moves).toHaveLength(1);
    expect(plan.shipment).toBeNull();
    const back = planOp(op('return', { customerCode: 'HOSP-1', gtin: G1, lotNumber: 'L-REL', qty: 1, toLocationCode: 'RCV-01', reason: 'damaged box' }), ctx);
    expect(back.exceptions.map((e) => [e.kind, e.locationId, e.details.requestedLocationCode])).toEqual([['qc_required_new_quantity', 'loc-q', 'RCV-01']]);
    expect(back.moves).toEqual([{ lotId: 'lot-rel', fromLocationId: null, toLocationId: 'loc-q', qty: 1, serial: null }]);
    expect(back.customerReturn).toEqual({ customerId: 'cust-1', lotId: 'lot-rel', toLocationId: 'loc-q', qty: 1, serial: null, reason: 'damaged box' });
  });

  it.each([
    ['a recalled lot from a consignee of its case', { customerCode: 'HOSP-1', lotNumber: 'L-RECALL' }, { caseId: 'case-7', caseNumber: 'RC20260007', inScope: true, flag: null }],
    ['a recalled lot from a customer its case never shipped to', { customerCode: 'DIST-2', lotNumber: 'L-RECALL' }, { caseId: 'case-7', inScope: false, flag: 'consignee_not_in_scope' }],
    ['a recalled lot from an unknown customer', { customerCode: 'NOBODY', lotNumber: 'L-RECALL' }, { caseId: 'case-7', customerId: null, flag: 'unknown_consignee' }],
    ['a recalled lot scanned against another case', { customerCode: 'HOSP-1', lotNumber: 'L-RECALL', recallCase: 'RC20250001' }, { caseId: 'case-7', namedCase: 'RC20250001', flag: null }],
    ['a lot no case holds, scanned against a case', { customerCode: 'HOSP-1', lotNumber: 'L-REL', recallCase: 'RC20260007' }, { caseId: 'case-7', inScope: false, flag: 'lot_not_in_scope' }],
    ['a lot scanned against a closed case', { customerCode: 'HOSP-1', lotNumber: 'L-REL', recallCase: 'RC20250001' }, { caseId: 'case-1', flag: 'case_not_recovering' }],
    ['a lot scanned against a case the plant does not have', { customerCode: 'HOSP-1', lotNumber: 'L-REL', recallCase: 'RC19990001' }, { caseId: null, namedCase: 'RC19990001', flag: 'unknown_case' }],
  ])('matches a return of %s to its recall case or flags it', (_, input, expected) => {
    const plan = planOp(op('return', { gtin: G1, qty: 2, toLocationCode: 'RCV-01', ...input }), ctx);
    expect(plan.recallReturn).toMatchObject({ lotId: input.lotNumber === 'L-RECALL' ? 'lot-recall' : 'lot-rel', qty: 2, toLocationId: 'loc-q', customerCode: input.customerCode, ...expected });
    // The goods are booked into quarantine whatever the match.
    expect(plan.moves).toEqual([expect.objectContaining({ toLocationId: 'loc-q', qty: 2 })]);
  });

  it('leaves an ordinary return out of every recall', () => {
    expect(planOp(op('return', { customerCode: 'HOSP-1', gtin: G1, lotNumber: 'L-REL', qty: 1, toLocationCode: 'RCV-01' }), ctx).recallReturn).toBeNull();
  });

  it('flags taking quantity held for QC, and not the released stock beside it', () => {
    const holding: PlanContext = { ...ctx, heldForQc: (lotId, locationId) => (lotId === 'lot-rel' && locationId === 'loc-a' ? 3 : 0) };
    const pick = (qty: number) => planOp(op('pick', { gtin: G1, lotNumber: 'L-REL', qty, fromLocationCode: 'A-01', toLocationCode: 'SHP-01' }), holding);
    expect(pick(2).exceptions).toEqual([]);
    expect(pick(3).exceptions.map((e) => [e.kind, e.details.refusal])).toEqual([['lot_not_pickable', 'held_for_qc']]);
  });

  it('rejects a produce op without components', () => {
    expect(validateOp('produce', { gtin: G1, qty: 1, locationCode: 'A-01', components: [] })).toEqual({ ok: false, reason: 'components: needs at least one component' });
  });
});

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

  it('carries the reason an operator gave for saving past the stock the device knew to every exception it causes', () => {
    const plan = planOp(op('move', { gtin: G1, lotNumber: 'L-REL', fromLocationCode: 'A-01', toLocationCode: 'SHP-01', qty: 999, overrideReason: 'pallet found behind the rack' }), ctx);
    expect(plan.exceptions).toEqual([expect.objectContaining({ kind: 'negative_stock', details: expect.objectContaining({ deviceReason: 'pallet found behind the rack' }) })]);
    expect(validateOp('move', { gtin: G1, lotNumber: 'L-REL', fromLocationCode: 'A-01', toLocationCode: 'SHP-01', qty: 1, overrideReason: '  ' }).ok).toBe(false);
  });

  it('a count posts no moves: variances wait for a supervisor', () => {
    const plan = planOp(op('count', { locationCode: 'A-01', lines: [{ gtin: G1, lotNumber: 'L-REL', countedQty: 4 }], complete: false }), ctx);
    expect(plan.moves).toEqual([]);
    expect(plan.exceptions[0]!.details).toMatchObject({ expected: 5, counted: 4, variance: -1 });
  });
});

describe('planOp: picks against a pick list', () => {
  const pick = (pickListId: string, lotNumber: string, qty: number, from = 'B-01') => op('pick', { gtin: G1, lotNumber, fromLocationCode: from, toLocationCode: 'SHP-01', qty, pickListId });

  it('counts the pick towards its line and leaves the rest to go', () => {
    const plan = planOp(pick(PL_HOSP, 'L-REL', 3, 'A-01'), ctx);
    expect(plan.status).toBe('applied');
    expect(plan.pick).toEqual({ pickListId: PL_HOSP, gtin: G1, lotId: 'lot-rel', qty: 3, status: 'picking', lines: [{ gtin: G1, qty: 500, pickedQty: 3, remainingQty: 497, status: 'open' }] });
  });

  it("flags a lot shorter-dated than the list's customer accepts, and still counts it: the goods left the shelf", () => {
    const plan = planOp(pick(PL_HOSP, 'L-SHORT', 5), ctx);
    expect(plan.exceptions).toEqual([
      {
        kind: 'shelf_life_short',
        lotId: 'lot-short',
        locationId: 'loc-b',
        details: expect.objectContaining({ lotNumber: 'L-SHORT', customerCode: 'HOSP-1', pickListNumber: 'PL-H', daysLeft: 38, minShelfLifeDays: 180 }),
      },
    ]);
    expect(plan.message).toBe('lot L-SHORT picked for HOSP-1 on PL-H: 38 days of shelf life left; the customer accepts no less than 180');
    expect(plan.moves).toHaveLength(1);
    expect(plan.pick?.lines[0]?.pickedQty).toBe(5);
  });

  it('the same short lot on a list without a customer is fine', () => {
    expect(planOp(pick(PL_OPEN, 'L-SHORT', 2), ctx).exceptions).toEqual([]);
  });

  it('closes the list when the last line is fully picked', () => {
    const plan = planOp(pick(PL_OPEN, 'L-SHORT', 2), ctx);
    expect(plan.pick).toMatchObject({ status: 'done', lines: [{ pickedQty: 10, remainingQty: 0, status: 'done' }] });
  });

  it.each([
    ['more than the line asks for', PL_OPEN, 5, { ordered: 10, picked: 13, over: 3 }, 'over-pick on PL-N: 13 picked of 10 ordered, 3 too many'],
    ['anything from a cancelled list', PL_CANCELLED, 4, { ordered: 0, picked: 4, over: 4 }, 'over-pick on PL-C: PL-C is cancelled, 4 too many'],
  ])('raises an over-pick for %s, and applies the pick', (_name, listId, qty, numbers, message) => {
    const plan = planOp(pick(listId, 'L-SHORT', qty), ctx);
    expect(plan.status).toBe('exception');
    expect(plan.exceptions.map((e) => e.kind)).toEqual(['over_pick']);
    expect(plan.exceptions[0]!.details).toMatchObject(numbers);
    expect(plan.message).toBe(message);
    expect(plan.moves).toHaveLength(1);
  });

  it('a pick naming a list the server does not know is applied and flagged', () => {
    const plan = planOp(pick('0199a0b0-0000-7000-8000-0000000000ff', 'L-REL', 1, 'A-01'), ctx);
    expect(plan.exceptions.map((e) => e.kind)).toEqual(['unknown_pick_list']);
    expect(plan.pick).toBeNull();
    expect(plan.moves).toHaveLength(1);
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

describe('planOp: a lot an open recall holds', () => {
  it.each([
    ['pick', op('pick', { gtin: G1, lotNumber: 'L-RECALL', qty: 1, fromLocationCode: 'C-01', toLocationCode: 'SHP-01' })],
    ['ship', op('ship', { customerCode: 'DIST-2', lines: [{ gtin: G1, lotNumber: 'L-RECALL', qty: 1, fromLocationCode: 'C-01' }] })],
    ['consume', op('produce', { gtin: G1, lotNumber: 'FG-1', qty: 1, locationCode: 'RCV-01', components: [{ gtin: G1, lotNumber: 'L-RECALL', qty: 1, fromLocationCode: 'C-01' }] })],
  ])('a %s done before the device heard of the hold is booked and flagged to the recall case', (_, recalled) => {
    const plan = planOp(recalled, ctx);
    expect(plan.status).toBe('exception');
    expect(plan.moves.some((m) => m.lotId === 'lot-recall')).toBe(true);
    expect(plan.exceptions.filter((e) => e.lotId === 'lot-recall').map((e) => [e.kind, e.details.refusal, e.details.recallCase])).toEqual([['lot_not_pickable', 'recalled', 'RC20260007']]);
  });

  it('names no case for a lot no recall holds', () => {
    const plan = planOp(op('pick', { gtin: G1, lotNumber: 'L-HOLD', qty: 1, fromLocationCode: 'A-01', toLocationCode: 'SHP-01' }), ctx);
    expect(plan.exceptions[0]!.details).not.toHaveProperty('recallCase');
  });
});
