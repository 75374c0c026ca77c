import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom, Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LotDoc } from '../../sync';
import { replicateCollection } from './replication';
import { lotSchema } from './replication/lot-collection.fixture';
import { syncRefusal } from './refusal';

let db: RxDatabase<{ lots: RxCollection<LotDoc> }> | undefined;
afterEach(async () => {
  await db?.close();
  vi.unstubAllGlobals();
});

/** The error a real replication reports when the server answers every pull with this status and body. */
async function replicationError(status: number, code: string, message: string): Promise<unknown> {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code, message } }), { status, headers: { 'content-type': 'application/json' } }));
  db = await createRxDatabase({ name: `refusal-${Math.random().toString(36).slice(2)}`, storage: getRxStorageMemory(), multiInstance: false });
  await db.addCollections({ lots: { schema: lotSchema } });
  const replication = replicateCollection<LotDoc>({ name: 'lots', collection: db.lots, transport: { baseUrl: '', headers: () => ({}), queueDepth: () => 0, appVersion: 'test' }, resync: new Subject() });
  const error = await firstValueFrom(replication.error$);
  await replication.cancel();
  return error;
}

describe('a refusal that stops sync', () => {
  it('is recognised in the form RxDB reports it: a revoked device', async () => {
    const error = await replicationError(401, 'device_revoked', 'This device has been revoked. Ask a supervisor to enrol it again.');
    expect(syncRefusal(error)).toEqual({ code: 'device_revoked', message: 'This device has been revoked. Ask a supervisor to enrol it again.' });
  });

  it('is recognised for an out-of-date app', async () => {
    expect(syncRefusal(await replicationError(409, 'sync_version', 'This app is out of date for the server.'))).toMatchObject({ code: 'sync_version' });
  });

  it('is not a server error or a dropped network, which retrying cures', async () => {
    expect(syncRefusal(await replicationError(503, 'unavailable', 'The database is restarting.'))).toBeNull();
    expect(syncRefusal(new TypeError('Failed to fetch'))).toBeNull();
    expect(syncRefusal(null)).toBeNull();
  });
});
