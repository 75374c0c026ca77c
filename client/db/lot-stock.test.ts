import { createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BalanceDoc, LotDoc } from '../../sync';
import { balanceSchema, lotSchema } from '../sync/replication/schemas';
import type { LotlineDatabase } from './database';
import { balancesOfLots, findLot, onlyStockedLocationId } from './lot-stock';

const lot = (n: number, gtin = '06901234000016'): LotDoc => ({
  id: `lot-${n}`, itemId: 'item-1', gtin, lotNumber: `L${n}`, status: 'released', expiresOn: null, manufacturedOn: null, supplier: null, supplierLot: null, origin: 'received',
});
const balance = (lotN: number, location: string, qty: number): BalanceDoc => ({ id: `b-${lotN}-${location}`, lotId: `lot-${lotN}`, locationId: location, qty });

let db: LotlineDatabase;

beforeEach(async () => {
  const created = await createRxDatabase({ name: `lot-stock-${Math.random().toString(36).slice(2)}`, storage: getRxStorageMemory() });
  await created.addCollections({ lots: { schema: lotSchema }, balances: { schema: balanceSchema } });
  db = created as unknown as LotlineDatabase;
  // A plant's worth in miniature: many lots of two products, most of them stocked somewhere.
  await db.lots.bulkInsert([...Array.from({ length: 500 }, (_, i) => lot(i)), lot(900, '06901234000115')]);
  await db.balances.bulkInsert([...Array.from({ length: 500 }, (_, i) => balance(i, 'A-01', 5)), balance(7, 'B-02', 3), balance(8, 'B-02', 0), balance(900, 'C-03', 1)]);
});

afterEach(async () => {
  await db.close();
});

describe('what a screen asks of the lots and balances on the device', () => {
  it('finds a lot by the GTIN and lot number on its label, and nothing for an unknown one', async () => {
    expect((await findLot(db, '06901234000016', 'L42'))?.id).toBe('lot-42');
    expect(await findLot(db, '06901234000115', 'L42')).toBeNull();
    expect(await findLot(db, '06901234000016', 'L4200')).toBeNull();
  });

  it('returns every balance of the lots asked for, once each, and none of the others', async () => {
    const found = await balancesOfLots(db, ['lot-7', 'lot-900', 'lot-7']);
    expect(found.map((b) => b.id).sort()).toEqual(['b-7-A-01', 'b-7-B-02', 'b-900-C-03']);
    expect(await balancesOfLots(db, [])).toEqual([]);
  });

  it('names the one location a lot is stocked at, and none when it is at several or nowhere', async () => {
    expect(await onlyStockedLocationId(db, 'lot-1')).toBe('A-01');
    expect(await onlyStockedLocationId(db, 'lot-7')).toBeNull();
    // An empty balance is not stock: lot 8 is only really at A-01.
    expect(await onlyStockedLocationId(db, 'lot-8')).toBe('A-01');
    expect(await onlyStockedLocationId(db, 'lot-unknown')).toBeNull();
  });
});
