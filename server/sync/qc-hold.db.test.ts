import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpProblem } from '../../sync';
import { loadDemoData } from '../seed/demo';
import type { StockException } from '../supervision/exceptions';
import { bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, ledgerMatchesBalances, newOp, pushOpsAs, type Handheld } from '../test-support/handheld';

let t: TestDb;
let app: TestApp;
let password: string;
let supervisor: string;
let clerk: Handheld;
let picker: Handheld;

const SYRINGE = '06901234000016';
const BARREL = '06901234000115';
const PLUNGER = '06901234000122';
const INFUSION = '06901234000023';

beforeAll(async () => {
  t = await openTestDb('qc-hold');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  supervisor = await signIn(app, 'supervisor', password);
  clerk = await enrolAndSignIn(app, 'TC52 receiving', 'clerk', password);
  picker = await enrolAndSignIn(app, 'TC52 picking', 'picker', password);
});
afterAll(() => t.close());

async function balanceOf(lotNumber: string, locationCode: string): Promise<number> {
  const r = await t.db.query<{ qty: string }>(
    `SELECT b.qty::text AS qty FROM stock_balances b JOIN lots l ON l.id = b.lot_id JOIN locations loc ON loc.id = b.location_id
      WHERE l.lot_number = $1 AND loc.code = $2`,
    [lotNumber, locationCode],
  );
  return Number(r.rows[0]?.qty ?? 0);
}

async function pushOne(device: Handheld, type: Parameters<typeof newOp>[1], payload: Record<string, unknown>) {
  const op = newOp(device, type, payload);
  await pushOpsAs(app, device, [op]);
  const row = await t.db.query<{ status: string; outcome: { problems?: OpProblem[] } }>('SELECT status, outcome FROM ops WHERE id = $1', [op.id]);
  const exceptions = await t.db.query<{ kind: string; details: Record<string, unknown> }>('SELECT kind, details FROM stock_exceptions WHERE op_id = $1', [op.id]);
  return { id: op.id, status: row.rows[0]!.status, problems: row.rows[0]!.outcome.problems ?? [], exceptions: exceptions.rows };
}

async function openException(opId: string): Promise<StockException> {
  const res = await app.request('/api/exceptions?status=open', bearer(supervisor));
  const found = ((await res.json()) as { exceptions: StockException[] }).exceptions.find((e) => e.opId === opId);
  if (!found) throw new Error(`no open exception for op ${opId}`);
  return found;
}

describe('new quantity in a lot QC has already judged', () => {
  it('books a receipt into a released lot into quarantine, not pickable until a supervisor releases it to where it was meant to go', async () => {
    const before = await balanceOf('S24110701', 'B-02-01');
    const receipt = await pushOne(clerk, 'receive', { gtin: SYRINGE, lotNumber: 'S24110701', qty: 5000, locationCode: 'B-02-01' });
    expect(receipt.status).toBe('exception');
    expect(receipt.exceptions).toEqual([
      { kind: 'qc_required_new_quantity', details: expect.objectContaining({ lotNumber: 'S24110701', status: 'released', qty: 5000, locationCode: 'QA-HOLD', requestedLocationCode: 'B-02-01' }) },
    ]);
    // The handheld is told where the goods were booked.
    expect(receipt.problems).toEqual([{ code: 'qc_required_new_quantity', params: expect.objectContaining({ locationCode: 'QA-HOLD', requestedLocationCode: 'B-02-01', qty: 5000 }) }]);
    expect(await balanceOf('S24110701', 'B-02-01')).toBe(before);
    expect(await balanceOf('S24110701', 'QA-HOLD')).toBe(5000);
    const held = await openException(receipt.id);
    expect(held).toMatchObject({ kind: 'qc_required_new_quantity', lotNumber: 'S24110701', locationCode: 'QA-HOLD', opType: 'receive', username: 'clerk' });

    // Picking it where the device said is short; picking it from the cage takes held stock.
    const fromShelf = await pushOne(picker, 'pick', { gtin: SYRINGE, lotNumber: 'S24110701', qty: 5000, fromLocationCode: 'B-02-01', toLocationCode: 'SHP-01' });
    expect(fromShelf.exceptions.map((e) => e.kind)).toEqual(['negative_stock']);
    const fromCage = await pushOne(picker, 'pick', { gtin: SYRINGE, lotNumber: 'S24110701', qty: 100, fromLocationCode: 'QA-HOLD', toLocationCode: 'SHP-01' });
    expect(fromCage.exceptions).toEqual([{ kind: 'lot_not_pickable', details: expect.objectContaining({ refusal: 'held_for_qc', held: 5000 }) }]);

    // Releasing is the supervisor's adjust: the held quantity moves to where the device meant it to go.
    const res = await app.request(`/api/exceptions/${held.id}/resolve`, json('POST', { action: 'adjust', reason: 'QC inspected the second delivery', version: held.version }, supervisor));
    expect(res.status).toBe(200);
    // The 100 taken from the cage meanwhile left it short: that is the negative balance the books now show.
    expect(await balanceOf('S24110701', 'QA-HOLD')).toBe(-100);
    expect(await balanceOf('S24110701', 'B-02-01')).toBe(before);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  });

  it('books a receipt whose expiry differs from its quarantined lot into quarantine with a dates exception', async () => {
    const sameDates = await pushOne(clerk, 'receive', { gtin: BARREL, lotNumber: 'PP2411B', qty: 100, locationCode: 'RCV-01' });
    expect([sameDates.status, await balanceOf('PP2411B', 'RCV-01')]).toEqual(['applied', 100]);

    const cage = await balanceOf('PP2411B', 'QA-HOLD');
    const other = await pushOne(clerk, 'receive', { gtin: BARREL, lotNumber: 'PP2411B', qty: 200, locationCode: 'RCV-01', expiresOn: '2035-01-31' });
    expect(other.status).toBe('exception');
    expect(other.exceptions).toEqual([
      { kind: 'dates_differ', details: expect.objectContaining({ lotNumber: 'PP2411B', status: 'quarantine', qty: 200, locationCode: 'QA-HOLD', requestedLocationCode: 'RCV-01', differing: 'expiry', expiresOn: '2035-01-31' }) },
    ]);
    expect(other.exceptions[0]!.details.recordedExpiresOn).not.toBe('2035-01-31');
    expect(await balanceOf('PP2411B', 'RCV-01')).toBe(100);
    expect(await balanceOf('PP2411B', 'QA-HOLD')).toBe(cage + 200);
    // QC releasing the lot does not release quantity whose dates it never saw.
    await t.db.query("UPDATE lots SET status = 'released' WHERE lot_number = 'PP2411B'");
    const pick = await pushOne(picker, 'pick', { gtin: BARREL, lotNumber: 'PP2411B', qty: cage + 1, fromLocationCode: 'QA-HOLD', toLocationCode: 'PRD-L1' });
    expect(pick.exceptions.map((e) => [e.kind, e.details.refusal])).toEqual([['lot_not_pickable', 'held_for_qc']]);
  });

  it('books more produced into an existing released lot into quarantine', async () => {
    const produced = await pushOne(clerk, 'produce', { gtin: SYRINGE, lotNumber: 'S24110701', qty: 500, locationCode: 'PRD-L1', components: [{ gtin: BARREL, lotNumber: 'PP2410A', qty: 500, fromLocationCode: 'A-01-01' }] });
    expect(produced.status).toBe('exception');
    expect(produced.exceptions).toEqual([{ kind: 'qc_required_new_quantity', details: expect.objectContaining({ lotNumber: 'S24110701', qty: 500, locationCode: 'QA-HOLD', requestedLocationCode: 'PRD-L1' }) }]);
    expect(await balanceOf('S24110701', 'PRD-L1')).toBe(0);
  });

  it('takes returns into quarantine whatever location the device names', async () => {
    const cage = await balanceOf('RB2409C', 'QA-HOLD');
    const shelf = await balanceOf('RB2409C', 'A-01-02');
    const back = await pushOne(clerk, 'return', { customerCode: 'HOSP-SH1', gtin: PLUNGER, lotNumber: 'RB2409C', qty: 50, toLocationCode: 'A-01-02' });
    expect(back.exceptions).toEqual([{ kind: 'qc_required_new_quantity', details: expect.objectContaining({ lotNumber: 'RB2409C', qty: 50, locationCode: 'QA-HOLD', requestedLocationCode: 'A-01-02' }) }]);
    expect(await balanceOf('RB2409C', 'A-01-02')).toBe(shelf);
    expect(await balanceOf('RB2409C', 'QA-HOLD')).toBe(cage + 50);
    const recorded = await t.db.query<{ code: string }>('SELECT loc.code FROM customer_returns r JOIN locations loc ON loc.id = r.to_location_id WHERE r.op_id = $1', [back.id]);
    expect(recorded.rows).toEqual([{ code: 'QA-HOLD' }]);

    // A lot still in quarantine comes back to the cage too, and the device hears where it went.
    const quarantined = await pushOne(clerk, 'return', { customerCode: 'HOSP-SH1', gtin: INFUSION, lotNumber: 'IS2411D', qty: 5, toLocationCode: 'B-02-01' });
    expect(await balanceOf('IS2411D', 'B-02-01')).toBe(0);
    expect(quarantined.problems).toEqual([{ code: 'qc_required_new_quantity', params: expect.objectContaining({ locationCode: 'QA-HOLD', requestedLocationCode: 'B-02-01' }) }]);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  });
});
