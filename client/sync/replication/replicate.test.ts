import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LotDoc } from '../../../sync';
import { replicateCollection } from './replicate';
import { lotSchema } from './lot-collection.fixture';
import { FakeServer, lot } from './sync-server.fixture';

let db: RxDatabase<{ lots: RxCollection<LotDoc> }>;
let server: FakeServer;

beforeEach(async () => {
  server = new FakeServer();
  vi.stubGlobal('fetch', (url: string) => server.fetch(url));
  db = await createRxDatabase({ name: `replicate-${Math.random().toString(36).slice(2)}`, storage: getRxStorageMemory(), multiInstance: false });
  await db.addCollections({ lots: { schema: lotSchema } });
});
afterEach(async () => {
  await db.close();
  vi.unstubAllGlobals();
});

function replicate(resync: Subject<'RESYNC'>) {
  return replicateCollection<LotDoc>({
    name: 'lots',
    collection: db.lots,
    transport: { baseUrl: '', headers: () => ({}), queueDepth: () => 0, appVersion: 'test' },
    resync,
    batchSize: 10,
  });
}

describe('pull replication of a down collection', () => {
  it('loads a first sync page by page, skips deleted rows, then keeps following the server', async () => {
    for (let n = 1; n <= 35; n++) server.write(lot(n));
    server.write(lot(36), true);
    const resync = new Subject<'RESYNC'>();
    const replication = replicate(resync);
    await replication.awaitInitialReplication();
    expect(await db.lots.count().exec()).toBe(35);
    expect(server.requests).toHaveLength(4); // 10 + 10 + 10 + 6

    // Later changes arrive through the ordinary checkpointed pull and overwrite what the first sync wrote.
    server.write(lot(3, 'on_hold'));
    server.write(lot(7), true);
    server.write(lot(40));
    resync.next('RESYNC');
    await replication.awaitInSync();
    await vi.waitFor(async () => expect((await db.lots.findOne(lot(3).id).exec())?.status).toBe('on_hold'));
    await vi.waitFor(async () => expect(await db.lots.findOne(lot(7).id).exec()).toBeNull());
    expect(await db.lots.findOne(lot(40).id).exec()).not.toBeNull();
    expect(await db.lots.count().exec()).toBe(35);
    // The follow-up pull started from the stored checkpoint, not from the beginning.
    expect(server.requests.slice(4).every((r) => r.includes('xid=136'))).toBe(true);
    await replication.cancel();
  });

  it('stores the checkpoint even when the last page of a first sync is exactly full', async () => {
    for (let n = 1; n <= 20; n++) server.write(lot(n));
    const resync = new Subject<'RESYNC'>();
    const replication = replicate(resync);
    await replication.awaitInitialReplication();
    expect(await db.lots.count().exec()).toBe(20);
    server.write(lot(21));
    const before = server.requests.length;
    resync.next('RESYNC');
    await replication.awaitInSync();
    await vi.waitFor(async () => expect(await db.lots.count().exec()).toBe(21));
    expect(server.requests.slice(before).every((r) => r.includes('xid='))).toBe(true);
    await replication.cancel();
  });

  it('runs an interrupted first sync again without losing newer data', async () => {
    for (let n = 1; n <= 12; n++) server.write(lot(n));
    // A first attempt that stopped after writing an older state of lot 5.
    await db.lots.insert({ ...lot(5), status: 'quarantine' });
    server.write(lot(5, 'released'));
    const replication = replicate(new Subject());
    await replication.awaitInitialReplication();
    expect((await db.lots.findOne(lot(5).id).exec())?.status).toBe('released');
    expect(await db.lots.count().exec()).toBe(12);
    await replication.cancel();
  });

  it('comes back by itself for rows an open transaction held back, with no change announced', async () => {
    for (let n = 1; n <= 5; n++) server.write(lot(n));
    server.holdFrom = 104; // lots 4 and 5 wait behind a transaction that is still open
    const resync = new Subject<'RESYNC'>();
    const replication = replicate(resync);
    await replication.awaitInitialReplication();
    expect(await db.lots.count().exec()).toBe(3);
    // The transaction ends without notifying this collection (a long print request does that).
    server.holdFrom = Number.POSITIVE_INFINITY;
    await vi.waitFor(async () => expect(await db.lots.count().exec()).toBe(5), { timeout: 5000, interval: 50 });
    await replication.cancel();
  });
});
