import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpProblem } from '../../sync';
import { findLot, traceLot } from '../lots/trace';
import { readScope } from '../recall';
import { loadDemoData } from '../seed/demo';
import { bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, newOp, pushOpsAs, type Handheld } from '../test-support/handheld';

let t: TestDb;
let app: TestApp;
let packerA: Handheld;
let packerB: Handheld;
let ssccs: string[];
let reader: string;
let labels: string;

const SYRINGE = '06901234000016';

beforeAll(async () => {
  t = await openTestDb('packaging');
  app = await testApp(t.db);
  const password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  labels = await signIn(app, 'labels', password);
  reader = await signIn(app, 'picker', password);
  packerA = await enrolAndSignIn(app, 'TC52 packing A', 'clerk', password);
  packerB = await enrolAndSignIn(app, 'TC52 packing B', 'picker', password);
  const res = await app.request('/api/sscc', json('POST', { companyPrefix: '0614141', extension: 3, count: 12, purpose: 'cases and pallets for the packing line' }, labels));
  ssccs = ((await res.json()) as { ssccs: string[] }).ssccs;
});
afterAll(() => t.close());

async function push(device: Handheld, type: 'pack' | 'unpack', payload: Record<string, unknown>) {
  const op = newOp(device, type, payload);
  await pushOpsAs(app, device, [op]);
  const row = await t.db.query<{ status: string; outcome: { message: string; problems?: OpProblem[] } }>('SELECT status, outcome FROM ops WHERE id = $1', [op.id]);
  return { id: op.id, status: row.rows[0]!.status, message: row.rows[0]!.outcome.message, problems: row.rows[0]!.outcome.problems ?? [] };
}

const serial = (n: number, lotNumber = 'S24110701') => ({ gtin: SYRINGE, lotNumber, serial: `P${String(n).padStart(5, '0')}`, qty: 1 });

async function contents(sscc: string) {
  const c = await t.db.query<{ parent_sscc: string | null; version: number }>('SELECT parent_sscc, version FROM containers WHERE sscc = $1', [sscc]);
  const units = await t.db.query<{ serial: string | null; qty: string }>('SELECT serial, qty::text AS qty FROM container_units WHERE sscc = $1 ORDER BY id', [sscc]);
  return { container: c.rows[0] ?? null, units: units.rows.map((u) => [u.serial, Number(u.qty)]) };
}

describe('packing on handhelds', () => {
  it('packs serials into a new case and the case onto a new pallet, each change a version with its contents', async () => {
    const [case1, pallet1] = ssccs as [string, string];
    for (const n of [1, 2, 3]) expect((await push(packerA, 'pack', { parent: case1, spec: 'case-48', child: serial(n), seenParent: null })).status).toBe('applied');
    expect(await contents(case1)).toEqual({ container: { parent_sscc: null, version: 3 }, units: [['P00001', 1], ['P00002', 1], ['P00003', 1]] });
    const onPallet = await push(packerA, 'pack', { parent: pallet1, spec: 'pallet-40', child: { sscc: case1 }, seenParent: null });
    expect(onPallet).toMatchObject({ status: 'applied', message: `packed ${case1} into ${pallet1} (version 1)` });
    expect((await contents(case1)).container).toEqual({ parent_sscc: pallet1, version: 3 });
    const versions = await t.db.query<{ sscc: string; version: number; change: string; contents: unknown }>('SELECT sscc, version, change, contents FROM container_versions WHERE sscc = ANY($1) ORDER BY sscc, version', [[case1, pallet1]]);
    expect(versions.rows.map((v) => [v.sscc, v.version, v.change])).toEqual([
      [case1, 1, 'pack'],
      [case1, 2, 'pack'],
      [case1, 3, 'pack'],
      [pallet1, 1, 'pack'],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    expect(versions.rows.find((v) => v.sscc === pallet1)?.contents).toEqual({ containers: [case1], units: [] });
  });

  it('makes the same case packed onto two pallets by two handhelds offline a conflict for the supervisor, never moving it', async () => {
    const [, , case2, palletA, palletB] = ssccs as [string, string, string, string, string];
    await push(packerA, 'pack', { parent: case2, spec: 'case-48', child: serial(10), seenParent: null });
    // Both devices saw the case loose; A syncs first.
    const a = await push(packerA, 'pack', { parent: palletA, spec: 'pallet-40', child: { sscc: case2 }, seenParent: null });
    const b = await push(packerB, 'pack', { parent: palletB, spec: 'pallet-40', child: { sscc: case2 }, seenParent: null });
    expect(a.status).toBe('applied');
    expect(b.status).toBe('exception');
    expect(b.problems).toEqual([{ code: 'pack_conflict', params: expect.objectContaining({ child: case2, currentParent: palletA, seenParent: null, parent: palletB }) }]);
    const exception = await t.db.query<{ kind: string; status: string }>('SELECT kind, status FROM stock_exceptions WHERE op_id = $1', [b.id]);
    expect(exception.rows).toEqual([{ kind: 'pack_conflict', status: 'open' }]);
    expect((await contents(case2)).container?.parent_sscc).toBe(palletA);
    // Pallet B was never made: the refused pack wrote nothing.
    expect((await contents(palletB)).container).toBeNull();
  });

  it('refuses a serial already in another case, a loop, held stock and an SSCC never issued, naming the code and field, writing nothing', async () => {
    const [case1, pallet1, , , , case3] = ssccs as [string, string, string, string, string, string];
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM container_versions');
    const twice = await push(packerB, 'pack', { parent: case3, spec: 'case-48', child: serial(1), seenParent: null });
    expect(twice.status).toBe('exception');
    expect(twice.problems[0]).toMatchObject({ code: 'pack_conflict', params: { currentParent: case1 } });
    const loop = await push(packerA, 'pack', { parent: case1, child: { sscc: pallet1 }, seenParent: null });
    expect(loop).toMatchObject({ status: 'rejected', problems: [{ code: 'op_failed', params: { cause: 'cycle', field: 'child' } }] });
    const held = await push(packerA, 'pack', { parent: case3, spec: 'case-48', child: { gtin: '06901234000030', lotNumber: 'M2405K', qty: 10 }, seenParent: null });
    expect(held.problems[0]?.params).toMatchObject({ cause: 'child_not_available', field: 'child' });
    const stranger = await push(packerA, 'pack', { parent: '006141410000000012', spec: 'case-48', child: serial(50), seenParent: null });
    expect(stranger.problems[0]?.params).toMatchObject({ cause: 'sscc_not_issued', field: 'parent' });
    const noSpec = await push(packerA, 'pack', { parent: case3, child: serial(51), seenParent: null });
    expect(noSpec.problems[0]?.params).toMatchObject({ cause: 'spec_required', field: 'spec' });
    const badCheck = await push(packerA, 'pack', { parent: `${case3.slice(0, 17)}${(Number(case3[17]) + 1) % 10}`, spec: 'case-48', child: serial(52), seenParent: null });
    expect(badCheck.problems[0]).toMatchObject({ code: 'rejected', params: { reason: 'parent: has a wrong check digit' } });
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM container_versions')).rows[0]!.n).toBe(before.rows[0]!.n);
    expect((await contents(case3)).container).toBeNull();
  });

  it('unpacks by scanning the child alone, repacks onto another pallet, and refuses both once the pallet shipped', async () => {
    const [case1, pallet1, , palletA, , , palletC] = ssccs as [string, string, string, string, string, string, string];
    const out = await push(packerA, 'unpack', { parent: case1, child: serial(2) });
    expect(out).toMatchObject({ status: 'applied', message: `unpacked P00002 from ${case1} (version 4)` });
    expect((await contents(case1)).units).toEqual([['P00001', 1], ['P00003', 1]]);
    const repack = await push(packerA, 'pack', { parent: palletC, spec: 'pallet-40', child: { sscc: case1 }, seenParent: pallet1 });
    expect(repack.status).toBe('applied');
    expect((await contents(case1)).container?.parent_sscc).toBe(palletC);
    expect((await contents(pallet1)).container?.version).toBe(2);
    // Once shipped, nothing comes out and nothing goes in.
    await t.db.query('UPDATE containers SET shipped_at = now() WHERE sscc = ANY($1)', [[palletA]]);
    const afterShip = await push(packerA, 'unpack', { parent: palletA, child: { sscc: ssccs[2]! } });
    expect(afterShip.problems[0]?.params).toMatchObject({ cause: 'container_shipped', field: 'parent' });
  });

  it('takes the same op pushed twice at once as one pack', async () => {
    const [, , , , , , , case4] = ssccs as string[];
    const op = newOp(packerA, 'pack', { parent: case4!, spec: 'case-48', child: serial(60), seenParent: null });
    await Promise.all([pushOpsAs(app, packerA, [op]), pushOpsAs(app, packerA, [op])]);
    expect(await contents(case4!)).toEqual({ container: { parent_sscc: null, version: 1 }, units: [['P00060', 1]] });
  });

  it('shows what a scanned pallet holds: status, the tree, and a roll-up by item and lot with the earliest expiry', async () => {
    const [case1, , , , , , palletC] = ssccs as string[];
    const res = await app.request(`/api/sscc/${palletC}/contents`, bearer(reader));
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ sscc: palletC, status: 'loose', parent: null, path: [], spec: 'pallet-40', version: 1, shippedAt: null, shipTo: null });
    expect(body.tree).toMatchObject({ sscc: palletC, level: 'pallet', units: [], children: [{ sscc: case1, level: 'case', version: 4, units: [{ serial: 'P00001' }, { serial: 'P00003' }], children: [] }] });
    expect(body.rollUp).toEqual([{ gtin: SYRINGE, lotNumber: 'S24110701', qty: 2, serials: 2, expiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), held: 0 }]);
    const inner = (await (await app.request(`/api/sscc/${case1}/contents`, bearer(reader))).json()) as Record<string, unknown>;
    expect(inner).toMatchObject({ status: 'packed', parent: palletC, path: [palletC] });
    // Issued but nothing packed; not an SSCC at all.
    expect((await app.request(`/api/sscc/${ssccs[11]}/contents`, bearer(reader))).status).toBe(404);
    expect((await app.request('/api/sscc/306141410000000007/contents', bearer(reader))).status).toBe(400);
  });

  it('ships a pallet by one scan: every unit inside leaves the books, the pallet and its cases are shipped and stay so', async () => {
    const [, , , , , , , , case5, pallet5, case6] = ssccs as string[];
    for (const n of [70, 71]) await push(packerA, 'pack', { parent: case5!, spec: 'case-48', child: serial(n), seenParent: null });
    await push(packerA, 'pack', { parent: case5!, child: { gtin: SYRINGE, lotNumber: 'S24110701', qty: 10 }, seenParent: null });
    await push(packerA, 'pack', { parent: pallet5!, spec: 'pallet-40', child: { sscc: case5! }, seenParent: null });
    const balance = async () => Number((await t.db.query<{ qty: string }>(`SELECT b.qty::text AS qty FROM stock_balances b JOIN lots l ON l.id = b.lot_id JOIN locations loc ON loc.id = b.location_id WHERE l.lot_number = 'S24110701' AND loc.code = 'B-02-01'`)).rows[0]?.qty ?? 0);
    const before = await balance();

    const inner = newOp(packerA, 'ship', { customerCode: 'DIST-BJ', containers: [{ sscc: case5!, fromLocationCode: 'B-02-01' }] });
    await pushOpsAs(app, packerA, [inner]);
    const refusedInner = await t.db.query<{ status: string; outcome: { problems: OpProblem[] } }>('SELECT status, outcome FROM ops WHERE id = $1', [inner.id]);
    expect(refusedInner.rows[0]).toMatchObject({ status: 'rejected', outcome: { problems: [{ code: 'op_failed', params: { cause: 'container_inside', field: 'containers.0.sscc' } }] } });

    const ship = newOp(packerA, 'ship', { customerCode: 'DIST-BJ', shipmentNumber: 'SO-PAL-5', containers: [{ sscc: pallet5!, fromLocationCode: 'B-02-01' }] });
    await pushOpsAs(app, packerA, [ship]);
    expect((await t.db.query<{ status: string }>('SELECT status FROM ops WHERE id = $1', [ship.id])).rows[0]?.status).toBe('applied');
    expect(await balance()).toBe(before - 12);
    const lines = await t.db.query<{ serial: string | null; qty: string }>(
      'SELECT sl.serial, sl.qty::text AS qty FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id WHERE s.op_id = $1 ORDER BY sl.serial NULLS LAST',
      [ship.id],
    );
    expect(lines.rows.map((l) => [l.serial, Number(l.qty)])).toEqual([['P00070', 1], ['P00071', 1], [null, 10]]);
    const shipped = (await (await app.request(`/api/sscc/${pallet5}/contents`, bearer(reader))).json()) as Record<string, unknown>;
    expect(shipped).toMatchObject({ status: 'shipped', shipTo: { code: 'DIST-BJ' }, version: 2 });
    expect(((await (await app.request(`/api/sscc/${case5}/contents`, bearer(reader))).json()) as Record<string, unknown>).status).toBe('shipped');

    // Shipped is for good: not again, nothing in, nothing out.
    const again = newOp(packerA, 'ship', { customerCode: 'DIST-BJ', containers: [{ sscc: pallet5!, fromLocationCode: 'B-02-01' }] });
    await pushOpsAs(app, packerA, [again]);
    expect((await t.db.query<{ outcome: { problems: OpProblem[] } }>('SELECT outcome FROM ops WHERE id = $1', [again.id])).rows[0]?.outcome.problems[0]?.params).toMatchObject({ cause: 'container_shipped' });
    expect((await push(packerA, 'pack', { parent: case6!, spec: 'case-48', child: serial(70), seenParent: null })).status).toBe('exception');
    expect((await push(packerA, 'unpack', { parent: case5!, child: serial(71) })).problems[0]?.params).toMatchObject({ cause: 'container_shipped' });
    expect(await balance()).toBe(before - 12);
  });

  it('ships a pallet packed in the same push: the ship waits for the packs before it, and a serial moved between cases in the same push sits in one case only', async () => {
    const res = await app.request('/api/sscc', json('POST', { companyPrefix: '0614141', extension: 4, count: 3, purpose: 'pack and ship in one push' }, labels));
    const [caseX, caseY, palletX] = ((await res.json()) as { ssccs: string[] }).ssccs as [string, string, string];
    const ops = [
      newOp(packerB, 'pack', { parent: caseX, spec: 'case-48', child: serial(90), seenParent: null }),
      newOp(packerB, 'pack', { parent: caseX, child: serial(91), seenParent: null }),
      newOp(packerB, 'pack', { parent: caseY, spec: 'case-48', child: serial(92), seenParent: null }),
      // The same serial moved to another case in the same push.
      newOp(packerB, 'pack', { parent: caseY, child: serial(91), seenParent: caseX }),
      newOp(packerB, 'pack', { parent: palletX, spec: 'pallet-40', child: { sscc: caseX }, seenParent: null }),
      newOp(packerB, 'pack', { parent: palletX, child: { sscc: caseY }, seenParent: null }),
      newOp(packerB, 'ship', { customerCode: 'DIST-BJ', shipmentNumber: 'SO-ONE-PUSH', containers: [{ sscc: palletX, fromLocationCode: 'B-02-01' }] }),
    ];
    await pushOpsAs(app, packerB, ops);
    const statuses = await t.db.query<{ id: string; status: string }>('SELECT id, status FROM ops WHERE id = ANY($1::uuid[])', [ops.map((o) => o.id)]);
    expect(new Map(statuses.rows.map((r) => [r.id, r.status]))).toEqual(new Map(ops.map((o) => [o.id, 'applied'])));
    const lines = await t.db.query<{ serial: string | null }>('SELECT sl.serial FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id WHERE s.op_id = $1 ORDER BY sl.serial', [ops[6]!.id]);
    expect(lines.rows.map((l) => l.serial)).toEqual(['P00090', 'P00091', 'P00092']);
    expect(await contents(caseX)).toMatchObject({ units: [['P00090', 1]] });
    expect(await contents(caseY)).toMatchObject({ units: [['P00092', 1], ['P00091', 1]] });
  });

  it('traces a lot to every case and pallet holding it, with the pallet a case sits on; a serial to its own case only', async () => {
    const [case1, , case2, palletA, , , palletC, case4, case5, pallet5] = ssccs as string[];
    const lot = await findLot(t.db, 'S24110701', SYRINGE);
    const trace = await traceLot(t.db, lot.id, { direction: 'forward' });
    const bySscc = new Map(trace.containers.map((c) => [c.sscc, c]));
    expect(bySscc.get(case1!)).toMatchObject({ lotId: lot.id, level: 'case', serials: 2, qty: 2, outermost: palletC, shippedAt: null });
    expect(bySscc.get(case2!)).toMatchObject({ outermost: palletA });
    expect(bySscc.get(case4!)).toMatchObject({ outermost: case4 });
    expect(bySscc.get(case5!)).toMatchObject({ qty: 12, serials: 2, outermost: pallet5, shippedAt: expect.any(String) });
    // A recall of the lot reaches the same cases and pallets.
    const scope = await readScope(t.db, { kind: 'lot', lotId: lot.id });
    expect(scope.containers.map((c) => [c.sscc, c.outermost]).sort()).toEqual(trace.containers.map((c) => [c.sscc, c.outermost]).sort());
    expect(scope.containers.find((c) => c.sscc === case5)).toMatchObject({ outermost: pallet5, shippedAt: expect.any(String) });
    const one = await traceLot(t.db, lot.id, { direction: 'forward', serial: 'P00071' });
    expect(one.containers).toEqual([expect.objectContaining({ sscc: case5, serials: 1, qty: 1, outermost: pallet5 })]);
  });
});
