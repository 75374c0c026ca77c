import 'fake-indexeddb/auto';
import { firstValueFrom, Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LotStore } from '../../db/lot-store';
import { syncRefusal } from '../refusal';
import { pullIntoStore, type Replication } from './pull-stock';
import { FakeServer, lot } from './sync-server.fixture';

let server: FakeServer;
let store: LotStore;
const running: Replication[] = [];

beforeEach(async () => {
  server = new FakeServer();
  vi.stubGlobal('fetch', (url: string) => server.fetch(url));
  store = await LotStore.open(`pull-stock-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.cancel()));
  store.close();
  vi.unstubAllGlobals();
});

function pull(resync = new Subject<'RESYNC'>(), batchSize = 10, confirmEnd = false): Replication {
  const replication = pullIntoStore({ name: 'lots', store, transport: { baseUrl: '', headers: () => ({}), queueDepth: () => 0, appVersion: 'test' }, resync, batchSize, confirmEnd });
  running.push(replication);
  return replication;
}

describe('pulling lots into the lot store', () => {
  it.each([1, 7, 10, 500])('loads a first sync in pages of %i, skips deleted rows, then follows the server from its checkpoint', async (batchSize) => {
    for (let n = 1; n <= 35; n++) server.write(lot(n));
    server.write(lot(36), true);
    const resync = new Subject<'RESYNC'>();
    const replication = pull(resync, batchSize);
    await replication.awaitInitialReplication();
    expect(store.count('lots')).toBe(35);
    expect(server.requests).toHaveLength(Math.floor(36 / batchSize) + 1);

    server.write(lot(3, 'on_hold'));
    server.write(lot(7), true);
    server.write(lot(40));
    const before = server.requests.length;
    resync.next('RESYNC');
    await vi.waitFor(() => expect(store.lots.get(lot(40).id)).toBeDefined());
    expect(store.lots.get(lot(3).id)?.status).toBe('on_hold');
    expect(store.lots.get(lot(7).id)).toBeUndefined();
    expect(store.count('lots')).toBe(35);
    expect(server.requests[before]).toContain('xid=136');
  });

  it('ends on an empty page sent from the stored checkpoint when asked to confirm the end, and only says stored of checkpoints it stored', async () => {
    for (let n = 1; n <= 25; n++) server.write(lot(n));
    const resync = new Subject<'RESYNC'>();
    await pull(resync, 10, true).awaitInitialReplication();
    // Two full pages (the second fetched ahead while the first was stored), the short third, then the confirming pull.
    expect(server.requests.map((r) => [/xid=(\d+)/.exec(r)?.[1] ?? null, r.includes('stored=true')])).toEqual([
      [null, false],
      ['110', false],
      ['120', false],
      ['125', true],
    ]);
    server.requests = [];
    server.write(lot(26));
    resync.next('RESYNC');
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests.map((r) => [/xid=(\d+)/.exec(r)?.[1], r.includes('stored=true')])).toEqual([
      ['125', true],
      ['126', true],
    ]);
    expect(store.checkpoint('lots')?.xid).toBe('126');
  });

  it('carries on from the stored checkpoint after a restart, without pulling from the start', async () => {
    for (let n = 1; n <= 12; n++) server.write(lot(n));
    await pull().awaitInitialReplication();
    await Promise.all(running.splice(0).map((r) => r.cancel()));
    server.write(lot(13));
    server.requests = [];
    await pull().awaitInitialReplication();
    expect(store.count('lots')).toBe(13);
    expect(server.requests.every((r) => r.includes('xid='))).toBe(true);
  });

  it('comes back by itself for rows an open transaction held back, with no change announced', async () => {
    for (let n = 1; n <= 5; n++) server.write(lot(n));
    server.holdFrom = 104;
    await pull().awaitInitialReplication();
    expect(store.count('lots')).toBe(3);
    server.holdFrom = Number.POSITIVE_INFINITY;
    await vi.waitFor(() => expect(store.count('lots')).toBe(5), { timeout: 5000, interval: 50 });
  });

  it('runs one more pull for signals that came during a pull, never two at once', async () => {
    for (let n = 1; n <= 30; n++) server.write(lot(n));
    let inFlight = 0;
    let most = 0;
    const serve = server.fetch;
    vi.stubGlobal('fetch', async (url: string) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return serve(url);
    });
    const resync = new Subject<'RESYNC'>();
    const replication = pull(resync, 1000);
    for (let i = 0; i < 5; i++) resync.next('RESYNC');
    await replication.awaitInitialReplication();
    server.write(lot(31));
    resync.next('RESYNC');
    await vi.waitFor(() => expect(store.count('lots')).toBe(31));
    expect(most).toBe(1);
  });

  it('reports a refusal the way the engine recognises it, and keeps what it had', async () => {
    for (let n = 1; n <= 3; n++) server.write(lot(n));
    await pull().awaitInitialReplication();
    await Promise.all(running.splice(0).map((r) => r.cancel()));
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code: 'device_revoked', message: 'This device has been revoked.' } }), { status: 401 }));
    const error = await firstValueFrom(pull().error$);
    expect(syncRefusal(error)).toEqual({ code: 'device_revoked', message: 'This device has been revoked.' });
    expect(store.count('lots')).toBe(3);
  });

  it('tries again after a dropped connection and then completes the first sync', async () => {
    for (let n = 1; n <= 25; n++) server.write(lot(n));
    let calls = 0;
    const serve = server.fetch;
    vi.stubGlobal('fetch', (url: string) => (++calls === 2 ? Promise.reject(new TypeError('Failed to fetch')) : serve(url)));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const replication = pull();
      const error = await firstValueFrom(replication.error$);
      expect(error).toBeInstanceOf(TypeError);
      await vi.advanceTimersByTimeAsync(3000);
      await replication.awaitInitialReplication();
    } finally {
      vi.useRealTimers();
    }
    expect(store.count('lots')).toBe(25);
  });
});
