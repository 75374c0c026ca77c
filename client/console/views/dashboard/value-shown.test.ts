import { describe, expect, it } from 'vitest';
import { valueShown } from './value-shown';

describe('a figure’s value at standard cost, as it can be told', () => {
  it.each([
    [{ qty: '10', value: null, uncostedQty: '0' }, { kind: 'hidden' }],
    [{ qty: '10', value: '25.50', uncostedQty: '0' }, { kind: 'known', value: '25.50' }],
    [{ qty: '0', value: '0', uncostedQty: '0.000' }, { kind: 'known', value: '0' }],
    [{ qty: '10', value: '0', uncostedQty: '10.000' }, { kind: 'unknown' }],
    [{ qty: '10', value: '12', uncostedQty: '4' }, { kind: 'partial', value: '12', uncostedQty: '4' }],
    [{ qty: '-3', value: '0', uncostedQty: '-3' }, { kind: 'unknown' }],
  ] as const)('%j -> %j', (amount, shown) => {
    expect(valueShown(amount)).toEqual(shown);
  });
});
