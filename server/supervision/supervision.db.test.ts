import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { ADMIN_PASSWORD, bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, ledgerMatchesBalances, newOp, pullCollection, pushOpsAs } from '../test-support/handheld';
import type { StockException } from './exceptions';

let t: TestDb;
let app: TestApp;
let password: string;
let supervisor: string;

const MASK = '06901234000030';
const SYRINGE = '06901234000016';

beforeAll(async () => {
  t = await openTestDb('supervision');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  supervisor = await signIn(app, 'supervisor', password);
});
afterAll(() => t.close());

async function openExceptions(): Promise<StockException[]> {
  const res = await app.request('/api/exceptions?status=open', bearer(supervisor));
  return ((await res.json()) as { exceptions: StockException[] }).exceptions;
}

async function resolve(e: StockException, action: string, reason = 'checked on the floor') {
  return app.request(`/api/exceptions/${e.id}/resolve`, json('POST', { action, reason, version: e.version }, supervisor));
}

async function balanceOf(lotNumber: string, locationCode: string): Promise<number> {
  const r = await t.db.query<{ qty: string }>(
    `SELECT b.qty::text AS qty FROM stock_balances b JOIN lots l ON l.id = b.lot_id JOIN locations loc ON loc.id = b.location_id
      WHERE l.lot_number = $1 AND loc.code = $2`,
    [lotNumber, locationCode],
  );
  return Number(r.rows[0]?.qty ?? 0);
}

describe('exception queue', () => {
  it('adjusts a negative balance back to zero with a counter-move, once', async () => {
    const picker = await enrolAndSignIn(app, 'TC52 A', 'picker', password);
    await pushOpsAs(app, picker, [newOp(picker, 'pick', { gtin: SYRINGE, lotNumber: 'S24030502', qty: 310, fromLocationCode: 'B-02-01', toLocationCode: 'SHP-01' })]);
    expect(await balanceOf('S24030502', 'B-02-01')).toBe(-10);
    const [exception] = await openExceptions();
    expect(exception).toMatchObject({ kind: 'negative_stock', lotNumber: 'S24030502', locationCode: 'B-02-01', username: 'picker', deviceName: 'TC52 A' });

    const res = await resolve(exception!, 'adjust', 'found 10 more on the pallet');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'resolved', resolution: 'adjusted', resolvedBy: 'supervisor', resolutionReason: 'found 10 more on the pallet' });
    expect(await balanceOf('S24030502', 'B-02-01')).toBe(0);

    const again = await resolve(exception!, 'adjust');
    expect(again.status).toBe(409);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  });

  it('reverses a pick of a held lot, putting the stock back where it came from', async () => {
    const picker = await enrolAndSignIn(app, 'TC52 B', 'picker', password);
    const before = await balanceOf('M2405K', 'A-01-02');
    await pushOpsAs(app, picker, [newOp(picker, 'pick', { gtin: MASK, lotNumber: 'M2405K', qty: 20, fromLocationCode: 'A-01-02', toLocationCode: 'SHP-01' })]);
    expect(await balanceOf('M2405K', 'A-01-02')).toBe(before - 20);
    const exception = (await openExceptions()).find((e) => e.kind === 'lot_not_pickable')!;
    expect((await resolve(exception, 'adjust')).status).toBe(422);
    const res = await resolve(exception, 'reverse', 'lot is on hold; put back');
    expect(res.status).toBe(200);
    expect(await balanceOf('M2405K', 'A-01-02')).toBe(before);
    expect(await balanceOf('M2405K', 'SHP-01')).toBe(0);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  });

  it('posts a count variance as an adjustment only when a supervisor says so', async () => {
    const clerk = await enrolAndSignIn(app, 'TC52 C', 'clerk', password);
    await pushOpsAs(app, clerk, [newOp(clerk, 'count', { locationCode: 'A-01-01', lines: [{ gtin: '06901234000115', lotNumber: 'PP2410A', countedQty: 11990 }] })]);
    expect(await balanceOf('PP2410A', 'A-01-01')).toBe(12000);
    const exception = (await openExceptions()).find((e) => e.kind === 'count_variance')!;
    expect(exception.details).toMatchObject({ expected: 12000, counted: 11990, variance: -10 });
    expect((await resolve(exception, 'adjust', 'count confirmed')).status).toBe(200);
    expect(await balanceOf('PP2410A', 'A-01-01')).toBe(11990);
  });

  it('keeps resolution to supervisors, needs a reason, and audits it', async () => {
    const clerk = await signIn(app, 'clerk', password);
    const res = await app.request('/api/exceptions', bearer(clerk));
    expect(res.status).toBe(403);
    const resolved = ((await (await app.request('/api/exceptions?status=resolved', bearer(supervisor))).json()) as { exceptions: StockException[] }).exceptions;
    const noReason = await app.request(`/api/exceptions/${resolved[0]!.id}/resolve`, json('POST', { action: 'accept', reason: ' ', version: 1 }, supervisor));
    expect(noReason.status).toBe(400);
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'stock_exception' ORDER BY seq");
    expect(audit.rows.map((r) => r.action)).toEqual(['exception.adjusted', 'exception.reversed', 'exception.adjusted']);
  });

  it('lists ops by device and status and a health line per device', async () => {
    const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
    const ops = (await (await app.request('/api/ops?status=exception', bearer(admin))).json()) as { ops: { status: string; deviceName: string }[] };
    expect(ops.ops.length).toBe(3);
    expect(ops.ops.every((o) => o.status === 'exception')).toBe(true);
    const health = (await (await app.request('/api/devices/health', bearer(admin))).json()) as { devices: { opsToday: number; openExceptions: number }[] };
    expect(health.devices.reduce((s, d) => s + d.opsToday, 0)).toBe(3);
    expect(health.devices.reduce((s, d) => s + d.openExceptions, 0)).toBe(0);
  });
});

describe('pick lists', () => {
  it('creates a pick list that handhelds receive, and refuses unknown items and locations by field', async () => {
    const created = await app.request('/api/picklists', json('POST', { number: 'PL-1001', customerCode: 'DIST-BJ', toLocationCode: 'SHP-01', lines: [{ gtin: SYRINGE, qty: 200 }] }, supervisor));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      number: 'PL-1001',
      customer: '北京医药分销有限公司',
      customerCode: 'DIST-BJ',
      minShelfLifeDays: 90,
      toLocationCode: 'SHP-01',
      status: 'open',
      lines: [{ gtin: SYRINGE, qty: 200, pickedQty: 0, remainingQty: 200, status: 'open' }],
    });
    const badGtin = await app.request('/api/picklists', json('POST', { number: 'PL-1002', toLocationCode: 'SHP-01', lines: [{ gtin: '06901234000993', qty: 1 }] }, supervisor));
    expect(((await badGtin.json()) as { error: { message: string } }).error.message).toBe('body.lines: GTIN 06901234000993 is not a known item');
    const dup = await app.request('/api/picklists', json('POST', { number: 'PL-1001', toLocationCode: 'SHP-01', lines: [{ gtin: SYRINGE, qty: 1 }] }, supervisor));
    expect(dup.status).toBe(409);
    const device = await enrolAndSignIn(app, 'TC52 PL', 'picker', password);
    const pulled = await pullCollection<{ number: string }>(app, device, 'picklists');
    expect(pulled.map((d) => d.number)).toContain('PL-1001');
  });
});
