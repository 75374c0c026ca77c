import { describe, expect, it } from 'vitest';
import { DocIndex } from './doc-index';

interface Balance {
  id: string;
  lotId: string;
  qty: number;
}

const balances = () => new DocIndex<Balance, 'lot'>({ lot: (b) => b.lotId });

describe('DocIndex', () => {
  it('finds documents by a secondary key, in the order of the keys asked, each key once', () => {
    const index = balances();
    index.apply([
      { id: 'a', lotId: 'L1', qty: 1 },
      { id: 'b', lotId: 'L2', qty: 2 },
      { id: 'c', lotId: 'L1', qty: 3 },
    ]);
    expect(index.where('lot', ['L2', 'L1', 'L2']).map((b) => b.id)).toEqual(['b', 'a', 'c']);
    expect(index.where('lot', ['nothing'])).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('moves a document whose key changed and forgets a deleted one everywhere', () => {
    const index = balances();
    index.apply([{ id: 'a', lotId: 'L1', qty: 1 }]);
    index.apply([{ id: 'a', lotId: 'L2', qty: 5 }]);
    expect(index.where('lot', ['L1'])).toEqual([]);
    expect(index.where('lot', ['L2'])).toEqual([{ id: 'a', lotId: 'L2', qty: 5 }]);
    index.apply([{ id: 'a', lotId: 'L2', qty: 5, _deleted: true }]);
    expect(index.get('a')).toBeUndefined();
    expect(index.where('lot', ['L2'])).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('keeps the last of several versions of one document in a page, without the deleted flag', () => {
    const index = balances();
    index.apply([
      { id: 'a', lotId: 'L1', qty: 1, _deleted: false },
      { id: 'a', lotId: 'L1', qty: 2, _deleted: true },
      { id: 'a', lotId: 'L3', qty: 3, _deleted: false },
    ]);
    expect([...index.values()]).toEqual([{ id: 'a', lotId: 'L3', qty: 3 }]);
  });

  it('takes keys with NUL, lone surrogates and full-width characters as they are', () => {
    const index = balances();
    const odd = ['L\u0000', 'L\ud800', 'Ｌ１', 'L1'];
    index.apply(odd.map((lotId, i) => ({ id: String(i), lotId, qty: i })));
    expect(odd.map((key) => index.where('lot', [key]).map((b) => b.id))).toEqual([['0'], ['1'], ['2'], ['3']]);
  });
});
