import { describe, expect, it } from 'vitest';
import type { BalanceDoc } from '../../sync';
import { firstShortfall, knownQty } from './stock-check';

const balance = (lotId: string, locationId: string, qty: number) => ({ id: `${lotId}|${locationId}`, lotId, locationId, qty }) as unknown as BalanceDoc;
const balances = [balance('lot-1', 'loc-a', 30), balance('lot-2', 'loc-a', 5)];
const line = (lotId: string, qty: number) => ({ lotId, lotNumber: lotId.toUpperCase(), locationId: 'loc-a', locationCode: 'A-01-01', qty });

describe('stock check before a move, pick or ship', () => {
  it('knows the pulled balance, and nothing where it has none', () => {
    expect(knownQty(balances, 'lot-1', 'loc-a')).toBe(30);
    expect(knownQty(balances, 'lot-1', 'loc-b')).toBe(0);
  });

  it('finds the first line taking more than is known, lines of one lot and place added up', () => {
    expect(firstShortfall(balances, [line('lot-1', 30)])).toBeNull();
    expect(firstShortfall(balances, [line('lot-1', 999)])).toEqual({ lotNumber: 'LOT-1', locationCode: 'A-01-01', known: 30, qty: 999 });
    expect(firstShortfall(balances, [line('lot-1', 20), line('lot-2', 5), line('lot-1', 11)])).toEqual({ lotNumber: 'LOT-1', locationCode: 'A-01-01', known: 30, qty: 31 });
  });
});
