import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BalanceDoc, LotDoc } from '../../sync';
import { onlyStockedLocationId } from './lot-stock';
import { LotStore } from './lot-store';

const lot = (n: number, gtin = '06901234000016', status: LotDoc['status'] = 'released'): LotDoc => ({
  id: `lot-${n}`, itemId: 'item-1', gtin, lotNumber: `L${n}`, status, expiresOn: null, manufacturedOn: null, supplier: null, supplierLot: null, origin: 'received',
});
const balance = (lotN: number, location: string, qty: number): BalanceDoc => ({ id: `lot-${lotN}:${location}`, lotId: `lot-${lotN}`, locationId: location, qty });
const at = (xid: number) => ({ xid: String(xid), id: 'z' });

const opened: LotStore[] = [];
async function open(name: string): Promise<LotStore> {
  const store = await LotStore.open(name);
  opened.push(store);
  return store;
}
const fresh = () => `lot-store-${Math.random().toString(36).slice(2)}`;

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

describe('the lot store on a handheld', () => {
  it('answers what the screens ask: a lot by its label, by number, by product, and its balances', async () => {
    const store = await open(fresh());
    await store.write('lots', [...Array.from({ length: 500 }, (_, i) => lot(i)), lot(900, '06901234000115'), { ...lot(901, '06901234000115'), lotNumber: 'L42' }], at(1));
    await store.write('balances', [...Array.from({ length: 500 }, (_, i) => balance(i, 'A-01', 5)), balance(7, 'B-02', 3), balance(8, 'B-02', 0), balance(900, 'C-03', 1)], at(2));
    expect(store.lotByLabel('06901234000016', 'L42')?.id).toBe('lot-42');
    expect(store.lotByLabel('06901234000115', 'L42')?.id).toBe('lot-901');
    expect(store.lotByLabel('06901234000016', 'L4200')).toBeNull();
    expect(store.lotsNumbered(['L42', 'l42']).map((l) => l.id)).toEqual(['lot-42', 'lot-901']);
    expect(store.lotsOfProducts(['06901234000115']).map((l) => l.id).sort()).toEqual(['lot-900', 'lot-901']);
    expect(store.balancesOfLots(['lot-7', 'lot-900', 'lot-7']).map((b) => b.id).sort()).toEqual(['lot-7:A-01', 'lot-7:B-02', 'lot-900:C-03']);
    expect(onlyStockedLocationId(store, 'lot-1')).toBe('A-01');
    expect(onlyStockedLocationId(store, 'lot-7')).toBeNull();
    // An empty balance is not stock: lot 8 is only really at A-01.
    expect(onlyStockedLocationId(store, 'lot-8')).toBe('A-01');
    expect(onlyStockedLocationId(store, 'lot-unknown')).toBeNull();
    expect([store.count('lots'), store.count('balances')]).toEqual([502, 503]);
  });

  it('opens again with every page it stored, deletions and changes applied in order, and its checkpoints', async () => {
    const name = fresh();
    const first = await open(name);
    await first.write('lots', [lot(1), lot(2), lot(3)], at(10));
    await first.write('lots', [{ ...lot(2), _deleted: true }, lot(3, undefined, 'on_hold')], at(11));
    await first.write('balances', [balance(1, 'A-01', 4)], at(12));
    first.close();
    opened.splice(opened.indexOf(first), 1);

    const again = await open(name);
    expect([...again.lots.values()].map((l) => [l.id, l.status])).toEqual([
      ['lot-1', 'released'],
      ['lot-3', 'on_hold'],
    ]);
    expect(again.lotByLabel('06901234000016', 'L2')).toBeNull();
    expect(again.checkpoint('lots')).toEqual(at(11));
    expect(again.checkpoint('balances')).toEqual(at(12));
    expect(again.balancesOfLots(['lot-1'])).toEqual([balance(1, 'A-01', 4)]);
  });

  it('rewrites its log as the live documents once old versions outweigh them, and reads the same after', async () => {
    const name = fresh();
    const store = await open(name);
    // 40 versions of the same 200 balances: 8,000 logged for 200 live, past the rewrite threshold.
    for (let round = 0; round < 40; round++) await store.write('balances', Array.from({ length: 200 }, (_, i) => balance(i, 'A-01', round)), at(100 + round));
    store.close();
    opened.splice(opened.indexOf(store), 1);

    const pages = await new Promise<unknown[][]>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        const all = request.result.transaction('balances').objectStore('balances').getAll();
        all.onsuccess = () => {
          resolve(all.result as unknown[][]);
          request.result.close();
        };
        all.onerror = () => reject(all.error);
      };
    });
    expect(pages.flat().length).toBeLessThan(2 * 200 + 5000);
    const again = await open(name);
    expect(again.count('balances')).toBe(200);
    expect(again.balancesOfLots(['lot-5'])[0]?.qty).toBe(39);
    expect(again.checkpoint('balances')).toEqual(at(139));
  });

  it('stores pages of one collection in the order written, even when written at once', async () => {
    const store = await open(fresh());
    await Promise.all([store.write('lots', [lot(1, undefined, 'quarantine')], at(1)), store.write('lots', [lot(1, undefined, 'released')], at(2)), store.write('lots', [lot(1, undefined, 'on_hold')], at(3))]);
    expect(store.lots.get('lot-1')?.status).toBe('on_hold');
    expect(store.checkpoint('lots')).toEqual(at(3));
  });

  it('says which collection changed, after the change is visible', async () => {
    const store = await open(fresh());
    const seen: [string, number][] = [];
    store.changed$.subscribe((collection) => seen.push([collection, store.count(collection)]));
    await store.write('lots', [lot(1)], at(1));
    await store.write('balances', [balance(1, 'A-01', 1), balance(1, 'B-02', 1)], at(2));
    expect(seen).toEqual([
      ['lots', 1],
      ['balances', 2],
    ]);
  });

  it("applies a recall's hold to the lots it has before they are pulled again, keeps it after reopening, and leaves the checkpoint and the lots that moved on", async () => {
    const name = fresh();
    const store = await open(name);
    await store.write('lots', [lot(1), lot(2, undefined, 'quarantine'), lot(3, undefined, 'scrapped'), lot(4)], at(10));
    const seen: number[] = [];
    store.changed$.subscribe(() => seen.push(store.lots.get('lot-1')?.status === 'recalled' ? 1 : 0));
    expect(await store.applyHold('RC20260001', ['lot-1', 'lot-2', 'lot-3', 'lot-unknown'])).toBe(2);
    expect([1, 2, 3, 4].map((n) => [store.lots.get(`lot-${n}`)?.status, store.lots.get(`lot-${n}`)?.recallCase ?? null])).toEqual([
      ['recalled', 'RC20260001'],
      ['recalled', 'RC20260001'],
      ['scrapped', null],
      ['released', null],
    ]);
    expect(seen).toEqual([1]);
    expect(store.checkpoint('lots')).toEqual(at(10));
    // The same hold again changes nothing and says nothing.
    expect(await store.applyHold('RC20260001', ['lot-1', 'lot-2'])).toBe(0);
    expect(seen).toEqual([1]);
    store.close();
    opened.splice(opened.indexOf(store), 1);

    const again = await open(name);
    expect(again.lotByLabel('06901234000016', 'L1')?.status).toBe('recalled');
    expect(again.checkpoint('lots')).toEqual(at(10));
    // The server's rows arrive after and have the last word.
    await again.write('lots', [{ ...lot(1, undefined, 'recalled'), recallCase: 'RC20260001' }, lot(2, undefined, 'scrapped')], at(11));
    expect([again.lots.get('lot-1')?.status, again.lots.get('lot-2')?.status]).toEqual(['recalled', 'scrapped']);
  });

  it('keeps a page that cannot be stored out of memory as well, and takes the next page after it', async () => {
    const store = await open(fresh());
    await store.write('lots', [lot(1)], at(1));
    // A function cannot be cloned into IndexedDB: the transaction fails before anything is kept.
    const poisoned = { ...lot(2), status: (() => 'released') as unknown as LotDoc['status'] };
    await expect(store.write('lots', [lot(3), poisoned], at(2))).rejects.toThrow();
    expect(store.lots.get('lot-3')).toBeUndefined();
    expect(store.checkpoint('lots')).toEqual(at(1));
    await store.write('lots', [lot(4)], at(3));
    expect([...store.lots.values()].map((l) => l.id)).toEqual(['lot-1', 'lot-4']);
  });
});
