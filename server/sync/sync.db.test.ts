import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpDoc } from '../../sync';
import { openPostgres } from '../db';
import { loadDemoData } from '../seed/demo';
import { testApp, type TestApp } from '../test-support/app';
import { enrolAndSignIn as enrol, ledgerMatchesBalances as ledgerOk, newOp, pullCollection, pushOpsAs, type Handheld, type OpState } from '../test-support/handheld';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { COLLECTIONS } from './collections';
import { pullChanges } from './pull';

let t: TestDb;
let app: TestApp;
let password: string;

const SYRINGE = '06901234000016';
const MASK = '06901234000030';

const enrolAndSignIn = (name: string, username: string) => enrol(app, name, username, password);
const op = newOp;
const push = (device: Handheld, docs: OpState[]) => pushOpsAs(app, device, docs);
const ledgerMatchesBalances = () => ledgerOk(t.db);

const pullAll = <T>(device: Handheld, collection: string) => pullCollection<T>(app, device, collection, 3);

beforeAll(async () => {
  t = await openTestDb('sync');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
});
afterAll(() => t.close());

describe('op push and pull', () => {
  it('receives into quarantine exactly once, however often the device sends the op', async () => {
    const clerk = await enrolAndSignIn('TC52 receiving', 'clerk');
    const ops = ['R-001', 'R-002', 'R-003'].map((lotNumber) => op(clerk, 'receive', { gtin: SYRINGE, lotNumber, qty: 40, locationCode: 'RCV-01', expiresOn: '2029-10-31' }));
    expect(await push(clerk, ops)).toEqual([]);
    const movesAfterFirst = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_moves')).rows[0]!.n;

    // The device never heard back and sends the same ops again: they come back as the server's copy.
    const again = await push(clerk, ops);
    expect(again.map((d) => d.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_moves')).rows[0]!.n).toBe(movesAfterFirst);

    const pulled = await pullAll<OpDoc>(clerk, 'ops');
    expect(pulled.filter((d) => ops.some((o) => o.id === d.id)).map((d) => [d.status, d.outcome?.message]).sort()).toEqual([
      ['applied', 'received 40 of lot R-001 at RCV-01'],
      ['applied', 'received 40 of lot R-002 at RCV-01'],
      ['applied', 'received 40 of lot R-003 at RCV-01'],
    ]);
    const lots = (await (await app.request(`/api/lots?gtin=${SYRINGE}&lotNumber=R-002`, { headers: clerk.headers })).json()) as { lots: { status: string; onHand: number; expiresOn: string }[] };
    expect(lots.lots).toEqual([expect.objectContaining({ status: 'quarantine', onHand: 40, expiresOn: '2029-10-31' })]);
  });

  it('two devices pick the last 5 units offline: both applied, one exception, ledger intact', async () => {
    const a = await enrolAndSignIn('TC52 pick A', 'picker');
    const b = await enrolAndSignIn('TC52 pick B', 'clerk');
    const seed = await enrolAndSignIn('TC52 seed', 'clerk');
    await push(seed, [op(seed, 'receive', { gtin: MASK, lotNumber: 'LAST5', qty: 5, locationCode: 'A-01-01' })]);
    await t.db.query("UPDATE lots SET status = 'released' WHERE lot_number = 'LAST5'");
    const pickA = op(a, 'pick', { gtin: MASK, lotNumber: 'LAST5', qty: 5, fromLocationCode: 'A-01-01', toLocationCode: 'SHP-01' });
    const pickB = op(b, 'pick', { gtin: MASK, lotNumber: 'LAST5', qty: 5, fromLocationCode: 'A-01-01', toLocationCode: 'SHP-01' });
    await Promise.all([push(a, [pickA]), push(b, [pickB])]);
    const statuses = await t.db.query<{ status: string }>('SELECT status FROM ops WHERE id = ANY($1::uuid[]) ORDER BY status', [[pickA.id, pickB.id]]);
    expect(statuses.rows.map((r) => r.status)).toEqual(['applied', 'exception']);
    const exceptions = await t.db.query<{ kind: string; details: { after: number } }>("SELECT kind, details FROM stock_exceptions WHERE op_id = ANY($1::uuid[])", [[pickA.id, pickB.id]]);
    expect(exceptions.rows).toEqual([expect.objectContaining({ kind: 'negative_stock', details: expect.objectContaining({ after: -5 }) })]);
    expect(await ledgerMatchesBalances()).toBe(true);
  });

  it('applies a pick of a held lot as the fact it is, and raises a quality exception', async () => {
    const picker = await enrolAndSignIn('TC52 held', 'picker');
    const held = op(picker, 'pick', { gtin: MASK, lotNumber: 'M2405K', qty: 10, fromLocationCode: 'A-01-02', toLocationCode: 'SHP-01' });
    await push(picker, [held]);
    const row = await t.db.query<{ status: string; outcome: { exceptions: string[] } }>('SELECT status, outcome FROM ops WHERE id = $1', [held.id]);
    expect(row.rows[0]).toMatchObject({ status: 'exception', outcome: { exceptions: ['lot_not_pickable'] } });
    // The device gets the finding as a code with parameters, to say it in its user's language.
    const outcome = row.rows[0]!.outcome as unknown as { problems: { code: string; params: Record<string, unknown> }[] };
    expect(outcome.problems).toEqual([{ code: 'lot_not_pickable', params: expect.objectContaining({ lotNumber: 'M2405K', refusal: 'on_hold' }) }]);
    expect(outcome.problems[0]!.params).not.toHaveProperty('message');
  });

  it('rejects malformed ops with a reason the device can show, and keeps them', async () => {
    const clerk = await enrolAndSignIn('TC52 bad', 'clerk');
    const bad = op(clerk, 'receive', { gtin: '123', lotNumber: 'X', qty: 1, locationCode: 'RCV-01' });
    const unknown = op(clerk, 'receive', { gtin: '06901234000993', lotNumber: 'NEW', qty: 2, locationCode: 'RCV-01' });
    const foreign = { ...op(clerk, 'move', { gtin: SYRINGE, lotNumber: 'R-001', qty: 1, fromLocationCode: 'RCV-01', toLocationCode: 'A-01-01' }), deviceId: randomUUID() };
    await push(clerk, [bad, unknown, foreign]);
    const rows = await t.db.query<{ id: string; status: string; outcome: { message: string } }>('SELECT id, status, outcome FROM ops WHERE id = ANY($1::uuid[])', [[bad.id, unknown.id, foreign.id]]);
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    expect(byId.get(bad.id)).toMatchObject({ status: 'rejected', outcome: { message: 'gtin: must be a 14-digit GTIN', problems: [{ code: 'rejected', params: { reason: 'gtin: must be a 14-digit GTIN' } }] } });
    expect(byId.get(unknown.id)).toMatchObject({ status: 'exception' });
    expect(byId.get(foreign.id)).toMatchObject({ status: 'rejected', outcome: { message: 'this op belongs to another device' } });
  });

  it('serves each device only its own ops, and balances and lots to everyone', async () => {
    const one = await enrolAndSignIn('TC52 one', 'clerk');
    const two = await enrolAndSignIn('TC52 two', 'clerk');
    await push(one, [op(one, 'move', { gtin: SYRINGE, lotNumber: 'R-001', qty: 10, fromLocationCode: 'RCV-01', toLocationCode: 'A-01-01' })]);
    expect((await pullAll<OpDoc>(one, 'ops')).map((d) => d.deviceId)).toEqual([one.deviceId]);
    expect(await pullAll<OpDoc>(two, 'ops')).toEqual([]);
    const balances = await pullAll<{ qty: number; _deleted: boolean }>(two, 'balances');
    const total = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stock_balances');
    expect(new Set(balances.map((b) => JSON.stringify(b))).size).toBeLessThanOrEqual(total.rows[0]!.n);
    expect(balances.length).toBeGreaterThan(0);
  });
});

describe('sync access', () => {
  it.each([
    ['an old app', { 'x-lotline-sync-version': '0' }, 409, 'sync_version'],
    ['no device token', { 'x-lotline-device': '' }, 403, 'device_required'],
    ['another device token', { 'x-lotline-device': 'dev_unknown' }, 403, 'device_mismatch'],
  ])('refuses %s', async (_name, override, status, code) => {
    const device = await enrolAndSignIn(`TC52 access ${code}`, 'clerk');
    const res = await app.request('/api/sync/lots/pull', { headers: { ...device.headers, ...override } });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('records the device as seen with its app version', async () => {
    const device = await enrolAndSignIn('TC52 seen', 'clerk');
    await app.request('/api/sync/items/pull', { headers: { ...device.headers, 'x-lotline-queue-depth': '7' } });
    const row = await t.db.query<{ app_version: string; queue_depth: number; last_seen_at: Date | null }>('SELECT app_version, queue_depth, last_seen_at FROM devices WHERE id = $1', [device.deviceId]);
    expect(row.rows[0]).toMatchObject({ app_version: '0.1.0-test', queue_depth: 7 });
    expect(row.rows[0]!.last_seen_at).not.toBeNull();
  });
});

describe('stream', () => {
  it('opens with resync and announces committed changes', async () => {
    const device = await enrolAndSignIn('TC52 stream', 'clerk');
    const res = await app.request('/api/sync/stream', { headers: device.headers });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      const deadline = Date.now() + 20_000;
      while (!text.includes(needle)) {
        // A stream that stays silent fails with what it did say, not with the test's timeout.
        let timer: ReturnType<typeof setTimeout> | undefined;
        const silent = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${needle} within 20 s; the stream said: ${JSON.stringify(text)}`)), Math.max(0, deadline - Date.now()))));
        const { value, done } = await Promise.race([reader.read(), silent]).finally(() => clearTimeout(timer));
        if (done) throw new Error(`stream ended before ${needle}: ${text}`);
        text += decoder.decode(value);
      }
    };
    await readUntil('event: resync');
    await push(device, [op(device, 'move', { gtin: SYRINGE, lotNumber: 'R-003', qty: 1, fromLocationCode: 'RCV-01', toLocationCode: 'A-01-01' })]);
    await readUntil('event: changed');
    expect(text).toMatch(/"collections":\[[^\]]*"ops"/);
    await reader.cancel();
  });

  it("tells another device about balances, not about a device's own ops it never sees", async () => {
    const mover = await enrolAndSignIn('TC52 stream mover', 'clerk');
    const other = await enrolAndSignIn('TC52 stream other', 'clerk');
    const res = await app.request('/api/sync/stream', { headers: other.headers });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: resync')) text += decoder.decode((await reader.read()).value);
    await push(mover, [op(mover, 'move', { gtin: SYRINGE, lotNumber: 'R-003', qty: 1, fromLocationCode: 'RCV-01', toLocationCode: 'A-01-01' })]);
    while (!text.includes('event: changed')) text += decoder.decode((await reader.read()).value);
    // Other work on the server (printers, lots) may share the burst; the device's own ops never do.
    const changed = JSON.parse(/event: changed\ndata: (.*)/.exec(text)![1]!) as { type: string; collections: string[] };
    expect(changed.collections).toContain('balances');
    expect(changed.collections).not.toContain('ops');
    await reader.cancel();
  });
});

// Only a server with several connections can interleave transactions; PGlite has one.
if (onPostgres()) {
  describe('checkpoint order under overlapping transactions', () => {
    it('never skips a row committed after a later transaction that a device already pulled', async () => {
      const device = await enrolAndSignIn('TC52 overlap', 'clerk');
      const before = await pullChanges(t.db, COLLECTIONS.locations, null, 10_000, device.deviceId);
      const other = await openPostgres({ connectionString: t.postgres!.url, schema: t.postgres!.schema, max: 2 });
      let releaseFirst!: () => void;
      const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstWrote!: () => void;
      const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
      try {
        // Writer 1 takes the lower transaction id and holds its commit back.
        const writer1 = t.db.transaction(async (tx) => {
          await tx.query("INSERT INTO locations (code, name, kind) VALUES ('OVL-1', 'first writer', 'storage')");
          firstWrote();
          await firstMayCommit;
        });
        await firstHasWritten;
        // Writer 2 starts later, gets a higher id, and commits first.
        await other.transaction((tx) => tx.query("INSERT INTO locations (code, name, kind) VALUES ('OVL-2', 'second writer', 'storage')"));

        const mid = await pullChanges(t.db, COLLECTIONS.locations, before.checkpoint, 10_000, device.deviceId);
        // Writer 2's row is held back: handing it out now would move the checkpoint past writer 1.
        expect(mid.documents.map((d) => (d as unknown as { code: string }).code)).toEqual([]);
        // ... and the device is told so, to come back even if nothing announces the change.
        expect(mid.heldBack).toBe(true);

        releaseFirst();
        await writer1;
        const after = await pullChanges(t.db, COLLECTIONS.locations, mid.checkpoint, 10_000, device.deviceId);
        expect(after.documents.map((d) => (d as unknown as { code: string }).code).sort()).toEqual(['OVL-1', 'OVL-2']);
        expect(after.heldBack).toBeUndefined();
      } finally {
        releaseFirst();
        await other.close();
      }
    });

    it('serves the rows before an open transaction and holds back the newer ones in the same page', async () => {
      const device = await enrolAndSignIn('TC52 overlap page', 'clerk');
      const before = await pullChanges(t.db, COLLECTIONS.locations, null, 10_000, device.deviceId);
      await t.db.query("INSERT INTO locations (code, name, kind) VALUES ('OVP-0', 'committed before', 'storage')");
      const other = await openPostgres({ connectionString: t.postgres!.url, schema: t.postgres!.schema, max: 2 });
      let releaseFirst!: () => void;
      const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstWrote!: () => void;
      const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
      try {
        const writer1 = t.db.transaction(async (tx) => {
          await tx.query("INSERT INTO locations (code, name, kind) VALUES ('OVP-1', 'first writer', 'storage')");
          firstWrote();
          await firstMayCommit;
        });
        await firstHasWritten;
        await other.transaction((tx) => tx.query("INSERT INTO locations (code, name, kind) VALUES ('OVP-2', 'second writer', 'storage')"));

        // A page of two would reach writer 2's row: only the row before writer 1 is served.
        const mid = await pullChanges(t.db, COLLECTIONS.locations, before.checkpoint, 2, device.deviceId);
        expect(mid.documents.map((d) => (d as unknown as { code: string }).code)).toEqual(['OVP-0']);
        expect(mid.heldBack).toBe(true);

        releaseFirst();
        await writer1;
        const after = await pullChanges(t.db, COLLECTIONS.locations, mid.checkpoint, 2, device.deviceId);
        expect(after.documents.map((d) => (d as unknown as { code: string }).code).sort()).toEqual(['OVP-1', 'OVP-2']);
        expect(after.heldBack).toBeUndefined();
      } finally {
        releaseFirst();
        await other.close();
      }
    });
  });
}
