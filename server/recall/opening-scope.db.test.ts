import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp } from '../test-support/app';
import type { TestDb } from '../test-support/db';
import { openDemoPlant, type DemoPlant } from '../test-support/demo-plant';
import { enrolAndSignIn, newOp, pushOpsAs } from '../test-support/handheld';
import { readOpeningScope, readScope } from './scope';
import type { ScopeInput } from './scope-input';

/*
 * Opening a case reads its scope with the shipment lines summed per lot and consignee in the
 * database (they are frozen into the case by the same statement). Whatever the case shows must
 * be what the plain scope read shows at the same moment: lots, stock, consignees and the balance.
 */

const SYRINGE = '06901234000016';
const BARREL = '06901234000115';

let t: TestDb;
let app: TestApp;
let qa: string;
let release: DemoPlant['release'];

beforeAll(async () => {
  let password: string;
  ({ t, app, password, qa, release } = await openDemoPlant('recall_opening_scope'));
  const floor = await enrolAndSignIn(app, 'Opening floor', 'clerk', password);
  await pushOpsAs(app, floor, [newOp(floor, 'receive', { gtin: BARREL, lotNumber: 'OS-BAR1', qty: 1000, locationCode: 'A-01-01', expiresOn: '2031-01-01', supplier: 'Ningbo Polymer Co.', supplierLot: 'NB-OS-1' })]);
  await release('OS-BAR1');
  await pushOpsAs(app, floor, [
    newOp(floor, 'produce', { gtin: SYRINGE, lotNumber: 'OS-SYR1', qty: 300, locationCode: 'B-02-01', expiresOn: '2029-01-01', components: [{ gtin: BARREL, lotNumber: 'OS-BAR1', qty: 300, fromLocationCode: 'A-01-01' }] }),
    newOp(floor, 'produce', { gtin: SYRINGE, lotNumber: 'OS-SYR2', qty: 200, locationCode: 'B-02-01', expiresOn: '2029-01-01', components: [{ gtin: BARREL, lotNumber: 'OS-BAR1', qty: 200.25, fromLocationCode: 'A-01-01' }] }),
  ]);
  await release('OS-SYR1');
  await release('OS-SYR2');
  // One consignee gets the same lot on several lines and shipments, and two lots on one shipment.
  await pushOpsAs(app, floor, [
    newOp(floor, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'OS-SYR1', qty: 10.125, fromLocationCode: 'B-02-01' }, { gtin: SYRINGE, lotNumber: 'OS-SYR2', qty: 5, fromLocationCode: 'B-02-01' }] }),
    newOp(floor, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'OS-SYR1', qty: 20, fromLocationCode: 'B-02-01' }, { gtin: SYRINGE, lotNumber: 'OS-SYR1', qty: 0.875, fromLocationCode: 'B-02-01' }] }),
    newOp(floor, 'ship', { customerCode: 'DIST-BJ', lines: [{ gtin: SYRINGE, lotNumber: 'OS-SYR1', qty: 40, fromLocationCode: 'B-02-01' }] }),
    newOp(floor, 'return', { gtin: SYRINGE, lotNumber: 'OS-SYR1', customerCode: 'HOSP-SH1', qty: 3, toLocationCode: 'QA-HOLD', reason: 'damaged cartons' }),
  ]);
});
afterAll(() => t.close());

class RolledBack extends Error {}

describe('the scope an opening freezes', () => {
  it('equals the scope read at the same moment, its lines counted and summed per consignee', async () => {
    const input: ScopeInput = { kind: 'supplier_lot', supplierLot: 'NB-OS-1' };
    const draft = await app.request('/api/recalls', json('POST', { reason: 'opening scope', healthHazard: 'none', classes: { fda: 'III' }, depth: 'user', strategy: 'check', effectiveness: { level: 'C' }, jurisdictions: ['US'], scope: { kind: 'supplier_lot', supplierLot: 'NB-OS-1' } }, qa));
    expect(draft.status).toBe(201);
    const caseId = ((await draft.json()) as { case: { id: string } }).case.id;
    let compared = false;
    await expect(
      t.db.transaction(async (tx) => {
        const read = await readScope(tx, input);
        const opening = await readOpeningScope(tx, input, caseId);
        const { shipmentLines, ...rest } = read;
        expect(opening).toEqual({ ...rest, shipmentLines: shipmentLines.length });
        expect(shipmentLines).toHaveLength(5);
        expect(opening.consignees.map((c) => [c.code, c.lines, c.shipped, c.returned, c.outstanding])).toEqual([
          ['DIST-BJ', 1, 40, 0, 40],
          ['HOSP-SH1', 4, 36, 3, 33],
        ]);
        const frozen = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM recall_case_shipment_lines WHERE case_id = $1', [caseId]);
        expect(frozen.rows[0]!.n).toBe(5);
        compared = true;
        throw new RolledBack('nothing of this test is kept');
      }),
    ).rejects.toBeInstanceOf(RolledBack);
    expect(compared).toBe(true);
  });
});
