import { describe, expect, it } from 'vitest';
import { planResolution, type ExceptionToResolve } from './resolution';

const negative: ExceptionToResolve = { kind: 'negative_stock', lotId: 'lot', locationId: 'loc', details: { after: -5 } };
const variance: ExceptionToResolve = { kind: 'count_variance', lotId: 'lot', locationId: 'loc', details: { variance: -2 } };
const held: ExceptionToResolve = { kind: 'lot_not_pickable', lotId: 'lot', locationId: 'loc', details: {} };
const pick = { lotId: 'lot', fromLocationId: 'loc', toLocationId: 'ship', qty: 5, serial: null };

describe('planResolution', () => {
  it.each([
    ['accept changes nothing', 'accept', negative, { balance: -5, opMoves: [pick], alreadyReversed: false }, { ok: true, moves: [] }],
    ['adjust a negative balance back to zero', 'adjust', negative, { balance: -5, opMoves: [pick], alreadyReversed: false }, { ok: true, moves: [{ lotId: 'lot', fromLocationId: null, toLocationId: 'loc', qty: 5, serial: null }] }],
    ['adjust after the balance was already put right', 'adjust', negative, { balance: 3, opMoves: [pick], alreadyReversed: false }, { ok: true, moves: [] }],
    ['adjust a count shortfall out of stock', 'adjust', variance, { balance: 10, opMoves: [], alreadyReversed: false }, { ok: true, moves: [{ lotId: 'lot', fromLocationId: 'loc', toLocationId: null, qty: 2, serial: null }] }],
    ['reverse a pick', 'reverse', held, { balance: 0, opMoves: [pick], alreadyReversed: false }, { ok: true, moves: [{ lotId: 'lot', fromLocationId: 'ship', toLocationId: 'loc', qty: 5, serial: null }] }],
    ['reverse twice', 'reverse', held, { balance: 0, opMoves: [pick], alreadyReversed: true }, { ok: false, reason: 'the op was already reversed' }],
    ['reverse a count', 'reverse', variance, { balance: 0, opMoves: [], alreadyReversed: false }, { ok: false, reason: 'the op moved no stock: there is nothing to reverse' }],
    ['adjust a quality exception', 'adjust', held, { balance: 0, opMoves: [pick], alreadyReversed: false }, { ok: false, reason: 'a lot not pickable exception cannot be adjusted; accept or reverse it' }],
  ] as const)('%s', (_name, action, exception, context, expected) => {
    expect(planResolution(action, exception, { ...context, opMoves: [...context.opMoves] })).toEqual(expected);
  });
});
