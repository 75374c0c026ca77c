import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import type { PickList } from '../supervision/pick-lists';
import { bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, newOp, pushOpsAs, type Handheld } from '../test-support/handheld';
import { MAX_SCOPE_DEPTH } from './scope';

/*
 * Two barrel lots, three syringe lots made from them:
 *   FB-BAR-A -> FB-SYR-1 (with FB-BAR-B), FB-SYR-2
 *   FB-BAR-B -> FB-SYR-1, FB-SYR-3
 * The whole family of FB-SYR-2 is what shares its barrel lot: FB-BAR-A and FB-SYR-1. FB-BAR-B and
 * FB-SYR-3 share nothing with it, though FB-BAR-B went into a sibling.
 */

const SYRINGE = '06901234000016';
const BARREL = '06901234000115';

let t: TestDb;
let app: TestApp;
let password: string;
let qa: string;
let supervisor: string;
let floor: Handheld;

interface ScopeBody {
  described: string;
  lots: { id: string; lotNumber: string; reached: 'forward' | 'family'; depth: number }[];
  picked: { pickList: string; lotId: string; qty: number }[];
  unsynced: { devices: { deviceId: string; name: string; queuedOps: number }[]; queuedOps: number };
  balance: { percent: number | null; balanced: boolean; lots: { lotId: string; broughtIn: number; inStock: number; picked: number; shippedOut: number; percent: number | null }[] };
}
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const lotId = async (lotNumber: string) => (await t.db.query<{ id: string }>('SELECT id FROM lots WHERE lot_number = $1', [lotNumber])).rows[0]!.id;
const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`, params)).rows[0]!.n;

async function release(lotNumber: string) {
  const lot = (await t.db.query<{ id: string; version: number }>('SELECT id, version FROM lots WHERE lot_number = $1', [lotNumber])).rows[0]!;
  const res = await app.request(`/api/lots/${lot.id}/status`, json('POST', { to: 'released', meaning: 'released', reason: 'inspected', password, version: lot.version }, qa));
  expect(res.status).toBe(200);
}

async function scopeOf(lotNumber: string, family?: boolean): Promise<{ status: number; body: ScopeBody & ErrorBody }> {
  const res = await app.request('/api/recalls/scope', json('POST', { scope: { kind: 'lot', lotNumber, ...(family === undefined ? {} : { family }) } }, qa));
  return { status: res.status, body: (await res.json()) as ScopeBody & ErrorBody };
}

const reachedOf = (scope: ScopeBody) => Object.fromEntries(scope.lots.map((l) => [l.lotNumber, l.reached]));

const terms = {
  reason: 'barrel resin lot out of specification',
  healthHazard: 'syringe may crack under pressure',
  classes: { nmpa: 2 },
  depth: 'user',
  strategy: 'stop distribution, notify every consignee, return',
  effectiveness: { level: 'C' },
  jurisdictions: ['CN'],
} as const;

beforeAll(async () => {
  t = await openTestDb('recall_family');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  qa = await signIn(app, 'qa', password);
  supervisor = await signIn(app, 'supervisor', password);
  floor = await enrolAndSignIn(app, 'Family floor', 'clerk', password);
  await pushOpsAs(app, floor, [
    newOp(floor, 'receive', { gtin: BARREL, lotNumber: 'FB-BAR-A', qty: 1000, locationCode: 'A-01-01', expiresOn: '2031-01-01', supplier: 'Ningbo Polymer Co.', supplierLot: 'NB-FB-1' }),
    newOp(floor, 'receive', { gtin: BARREL, lotNumber: 'FB-BAR-B', qty: 500, locationCode: 'A-01-01', expiresOn: '2031-01-01', supplier: 'Ningbo Polymer Co.', supplierLot: 'NB-FB-2' }),
  ]);
  await release('FB-BAR-A');
  await release('FB-BAR-B');
  const produce = (lotNumber: string, qty: number, components: { lotNumber: string; qty: number }[]) =>
    newOp(floor, 'produce', { gtin: SYRINGE, lotNumber, qty, locationCode: 'B-02-01', expiresOn: '2029-01-01', components: components.map((c) => ({ gtin: BARREL, ...c, fromLocationCode: 'A-01-01' })) });
  await pushOpsAs(app, floor, [
    produce('FB-SYR-1', 400, [{ lotNumber: 'FB-BAR-A', qty: 100 }, { lotNumber: 'FB-BAR-B', qty: 50 }]),
    produce('FB-SYR-2', 300, [{ lotNumber: 'FB-BAR-A', qty: 100 }]),
    produce('FB-SYR-3', 200, [{ lotNumber: 'FB-BAR-B', qty: 50 }]),
  ]);
  await release('FB-SYR-1');
}, 120_000);
afterAll(() => t.close());

describe('whole family', () => {
  it('reaches only forward without it, and with it the lots that share an ancestor with the input, each marked how it was reached', async () => {
    const forward = await scopeOf('FB-SYR-2');
    expect(forward.status).toBe(200);
    expect(reachedOf(forward.body)).toEqual({ 'FB-SYR-2': 'forward' });

    const family = await scopeOf('FB-SYR-2', true);
    expect(family.status).toBe(200);
    expect(reachedOf(family.body)).toEqual({ 'FB-SYR-2': 'forward', 'FB-BAR-A': 'family', 'FB-SYR-1': 'family' });
    expect(family.body.lots.map((l) => [l.lotNumber, l.depth])).toEqual([['FB-SYR-2', 0], ['FB-BAR-A', 0], ['FB-SYR-1', 1]]);
    expect(family.body.described).toMatch(/whole family$/);
    expect(family.body.balance.lots.map((l) => l.lotId).sort()).toEqual((await Promise.all(['FB-SYR-2', 'FB-BAR-A', 'FB-SYR-1'].map(lotId))).sort());
    expect(family.body.balance).toMatchObject({ percent: 100, balanced: true });

    // From the root the family adds nothing: every lot is reached forward.
    const fromRoot = await scopeOf('FB-BAR-B', true);
    expect(reachedOf(fromRoot.body)).toEqual({ 'FB-BAR-B': 'forward', 'FB-SYR-1': 'forward', 'FB-SYR-3': 'forward' });
  });

  it('keeps the choice in the draft so opening freezes the same family, marked in the case', async () => {
    const created = await app.request('/api/recalls', json('POST', { ...terms, drill: true, scope: { kind: 'lot', lotNumber: 'FB-SYR-3', gtin: SYRINGE, family: true } }, qa));
    expect(created.status, await created.clone().text()).toBe(201);
    const draft = ((await created.json()) as { case: { id: string; version: number; scopeInput: unknown } }).case;
    expect(draft.scopeInput).toEqual({ kind: 'lot', lotNumber: 'FB-SYR-3', gtin: SYRINGE, family: true });
    const opened = await app.request(`/api/recalls/${draft.id}/open`, json('POST', { meaning: 'approved', reason: 'drill', password, version: draft.version }, qa));
    expect(opened.status, await opened.clone().text()).toBe(200);
    const shown = (await (await app.request(`/api/recalls/${draft.id}`, bearer(qa))).json()) as { scope: { lots: { lotNumber: string; reached: string }[] } };
    expect(Object.fromEntries(shown.scope.lots.map((l) => [l.lotNumber, l.reached]))).toEqual({ 'FB-SYR-3': 'forward', 'FB-BAR-B': 'family', 'FB-SYR-1': 'family' });
  });

  it('refuses a family that loops above the input with 422 scope_too_deep, writing no draft, while the forward scope still answers', async () => {
    await pushOpsAs(app, floor, [
      newOp(floor, 'receive', { gtin: BARREL, lotNumber: 'FB-LOOP-P', qty: 10, locationCode: 'A-01-01', expiresOn: '2031-01-01', supplier: 'Ningbo Polymer Co.', supplierLot: 'NB-FB-3' }),
      newOp(floor, 'receive', { gtin: BARREL, lotNumber: 'FB-LOOP-Q', qty: 10, locationCode: 'A-01-01', expiresOn: '2031-01-01', supplier: 'Ningbo Polymer Co.', supplierLot: 'NB-FB-4' }),
      newOp(floor, 'receive', { gtin: BARREL, lotNumber: 'FB-LOOP-X', qty: 10, locationCode: 'A-01-01', expiresOn: '2031-01-01', supplier: 'Ningbo Polymer Co.', supplierLot: 'NB-FB-5' }),
    ]);
    const [p, q, x] = await Promise.all(['FB-LOOP-P', 'FB-LOOP-Q', 'FB-LOOP-X'].map(lotId));
    // Genealogy as bad data leaves it: two lots made from each other, one of them a parent of the input.
    await t.db.query('INSERT INTO genealogy_edges (parent_lot_id, child_lot_id, qty) VALUES ($1, $2, 1), ($2, $1, 1), ($1, $3, 1)', [p, q, x]);

    expect(reachedOf((await scopeOf('FB-LOOP-X')).body)).toEqual({ 'FB-LOOP-X': 'forward' });
    const looped = await scopeOf('FB-LOOP-X', true);
    expect(looped.status).toBe(422);
    expect(looped.body.error).toMatchObject({ code: 'scope_too_deep', details: { walk: 'family', maxDepth: MAX_SCOPE_DEPTH } });
    expect(looped.body.error.message).toContain('without the whole family');

    const cases = await count('SELECT 1 FROM recall_cases');
    const refused = await app.request('/api/recalls', json('POST', { ...terms, scope: { kind: 'lot', lotNumber: 'FB-LOOP-X', family: true } }, qa));
    expect(refused.status).toBe(422);
    expect(await count('SELECT 1 FROM recall_cases')).toBe(cases);
  });

  it('refuses a family flag that is not a yes or no', async () => {
    const res = await app.request('/api/recalls/scope', json('POST', { scope: { kind: 'lot', lotNumber: 'FB-SYR-2', family: 'yes' } }, qa));
    expect(res.status).toBe(400);
  });
});

describe('where the stock is now', () => {
  it('splits stock picked for open pick lists from free stock, bounded by what still stands at the destination, at 100.0 %; opening freezes and breaks the same quantity', async () => {
    const listRes = await app.request('/api/picklists', json('POST', { number: 'PL-FB-1', customerCode: 'HOSP-SH1', toLocationCode: 'SHP-01', lines: [{ gtin: SYRINGE, qty: 50 }] }, supervisor));
    expect(listRes.status).toBe(201);
    const list = (await listRes.json()) as PickList;
    await pushOpsAs(app, floor, [newOp(floor, 'pick', { gtin: SYRINGE, lotNumber: 'FB-SYR-1', qty: 30, fromLocationCode: 'B-02-01', toLocationCode: 'SHP-01', pickListId: list.id })]);
    const syr1 = await lotId('FB-SYR-1');

    const staged = (await scopeOf('FB-BAR-A')).body;
    expect(staged.picked).toEqual([{ pickListId: list.id, pickList: 'PL-FB-1', lotId: syr1, locationId: expect.any(String) as unknown, qty: 30 }]);
    expect(staged.balance.lots.find((l) => l.lotId === syr1)).toMatchObject({ broughtIn: 400, inStock: 370, picked: 30, shippedOut: 0, percent: 100 });

    // 10 leave the dock: the list still counts 30, but only 20 stand there.
    await pushOpsAs(app, floor, [newOp(floor, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'FB-SYR-1', qty: 10, fromLocationCode: 'SHP-01' }] })]);
    const shipped = (await scopeOf('FB-BAR-A')).body;
    expect(shipped.balance.lots.find((l) => l.lotId === syr1)).toMatchObject({ inStock: 370, picked: 20, shippedOut: 10, percent: 100 });
    expect(shipped.balance).toMatchObject({ percent: 100, balanced: true });

    const created = await app.request('/api/recalls', json('POST', { ...terms, scope: { kind: 'lot', lotNumber: 'FB-BAR-A' } }, qa));
    expect(created.status, await created.clone().text()).toBe(201);
    const draft = ((await created.json()) as { case: { id: string; version: number } }).case;
    const opened = await app.request(`/api/recalls/${draft.id}/open`, json('POST', { meaning: 'approved', reason: 'recall board decision', password, version: draft.version }, qa));
    expect(opened.status, await opened.clone().text()).toBe(200);
    const frozen = await t.db.query<{ in_stock: string; picked: string }>('SELECT in_stock::text, picked::text FROM recall_case_lots WHERE case_id = $1 AND lot_id = $2', [draft.id, syr1]);
    expect(frozen.rows.map((r) => [Number(r.in_stock), Number(r.picked)])).toEqual([[370, 20]]);
    const broken = await t.db.query<{ qty: string }>('SELECT qty::text FROM pick_list_breaks WHERE case_id = $1', [draft.id]);
    expect(broken.rows.map((r) => Number(r.qty))).toEqual([20]);
  });

  it('shows the ops handhelds still hold beside the balance, outside it', async () => {
    const before = (await scopeOf('FB-SYR-3')).body;
    const pull = await app.request('/api/sync/lots/pull?limit=1', { headers: { ...floor.headers, 'x-lotline-queue-depth': '4' } });
    expect(pull.status).toBe(200);
    const scope = (await scopeOf('FB-SYR-3')).body;
    expect(scope.unsynced.devices).toEqual([{ deviceId: floor.deviceId, name: 'Family floor', queuedOps: 4, lastSeenAt: expect.any(String) as unknown }]);
    expect(scope.unsynced.queuedOps).toBe(4);
    expect(scope.balance).toEqual(before.balance);
  });
});
