import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PickListDoc } from '../../sync';
import { verifyAuditChain } from '../audit';
import type { PickList } from '../supervision/pick-lists';
import { bearer, json, type TestApp } from '../test-support/app';
import type { TestDb } from '../test-support/db';
import { openDemoPlant, type DemoPlant } from '../test-support/demo-plant';
import { enrolAndSignIn, newOp, pullCollection, pushOpsAs, type Handheld } from '../test-support/handheld';

/**
 * Opening a recall breaks what pick lists counted of the lots it holds (OCA
 * stock-logistics-workflow#219: a blocked lot still delivered through an existing reservation):
 * the list asks for the staged quantity again, from another lot, and says which recall took it.
 */

let t: TestDb;
let app: TestApp;
let password: string;
let openCase: DemoPlant['openCase'];
let supervisor: string;
let floor: Handheld;

const SYRINGE = '06901234000016';
/** Released, 2,300 at B-02-01 in the demo. */
const HELD_LOT = 'S24110701';
/** Released, 300 at B-02-01: not in the recall. */
const OTHER_LOT = 'S24030502';

beforeAll(async () => {
  ({ t, app, password, supervisor, openCase } = await openDemoPlant('pick_list_breaks'));
  floor = await enrolAndSignIn(app, 'Picking floor', 'picker', password);
}, 120_000);
afterAll(() => t.close());

async function createList(number: string, qty: number): Promise<PickList> {
  const res = await app.request('/api/picklists', json('POST', { number, customerCode: 'HOSP-SH1', toLocationCode: 'SHP-01', lines: [{ gtin: SYRINGE, qty }] }, supervisor));
  expect(res.status).toBe(201);
  return (await res.json()) as PickList;
}

const pick = (list: PickList, qty: number, lotNumber: string) => newOp(floor, 'pick', { gtin: SYRINGE, lotNumber, qty, fromLocationCode: 'B-02-01', toLocationCode: 'SHP-01', pickListId: list.id });

async function consoleList(number: string): Promise<PickList> {
  const res = await app.request('/api/picklists', bearer(supervisor));
  return ((await res.json()) as { pickLists: PickList[] }).pickLists.find((l) => l.number === number)!;
}

const openRecall = (lotNumber: string, drill = false) => openCase({ kind: 'lot', lotNumber, gtin: SYRINGE }, { classes: { nmpa: 2 }, jurisdictions: ['CN'], drill });

describe('a recall breaks the pick lists counting its lots', () => {
  it('breaks nothing for a drill', async () => {
    const drilled = await createList('PL-RB-5', 5);
    await pushOpsAs(app, floor, [pick(drilled, 5, OTHER_LOT)]);
    await openRecall(OTHER_LOT, true);
    expect(await consoleList('PL-RB-5')).toMatchObject({ status: 'done', recallBreaks: [], lines: [{ pickedQty: 5 }] });
  });

  it('takes the staged quantity of a held lot off the list, names the recall, and leaves other lots counted', async () => {
    const list = await createList('PL-RB-1', 100);
    const bystander = await createList('PL-RB-2', 10);
    await pushOpsAs(app, floor, [pick(list, 60, HELD_LOT), pick(list, 25, OTHER_LOT), pick(bystander, 10, OTHER_LOT)]);
    expect((await consoleList('PL-RB-1')).lines[0]).toMatchObject({ pickedQty: 85, remainingQty: 15 });

    const recall = await openRecall(HELD_LOT);

    const broken = await consoleList('PL-RB-1');
    expect(broken.lines[0]).toMatchObject({ qty: 100, pickedQty: 25, remainingQty: 75, status: 'open' });
    expect(broken.status).toBe('picking');
    expect(broken.recallBreaks).toEqual([{ caseNumber: recall.number, gtin: SYRINGE, lotNumber: HELD_LOT, qty: 60 }]);
    const untouched = await consoleList('PL-RB-2');
    expect(untouched).toMatchObject({ status: 'done', recallBreaks: [] });

    // The picker's handheld pulls the list with the same reason.
    const docs = await pullCollection<PickListDoc>(app, floor, 'picklists');
    expect(docs.filter((d) => d.number === 'PL-RB-1').at(-1)).toMatchObject({ recallBreaks: [{ caseNumber: recall.number, lotNumber: HELD_LOT, qty: 60 }], lines: [{ pickedQty: 25, remainingQty: 75 }] });

    const audited = await t.db.query<{ reason: string; after: { breaks: unknown[] } }>("SELECT reason, after FROM audit_log WHERE action = 'picklist.recall_break' AND entity_id = $1", [list.id]);
    expect(audited.rows).toHaveLength(1);
    expect(audited.rows[0]!.reason).toBe(`recall ${recall.number} holds lot ${HELD_LOT} (60 picked)`);
    const rows = await t.db.query<{ qty: string }>('SELECT qty::text FROM pick_list_breaks WHERE pick_list_id = $1', [list.id]);
    expect(rows.rows.map((r) => Number(r.qty))).toEqual([60]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('breaks the newest lists first for what is still staged, and nothing that already left', async () => {
    // 20 of the lot picked for an older list and 15 for a newer one; 20 of the 35 staged have shipped.
    const older = await createList('PL-RB-3', 20);
    const newer = await createList('PL-RB-4', 15);
    await pushOpsAs(app, floor, [pick(older, 20, OTHER_LOT)]);
    await pushOpsAs(app, floor, [pick(newer, 15, OTHER_LOT)]);
    await pushOpsAs(app, floor, [newOp(floor, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: OTHER_LOT, qty: 20, fromLocationCode: 'SHP-01' }] })]);
    // PL-RB-5 (5, the drill's), PL-RB-1 (25) and PL-RB-2 (10) counted the same lot at the same place before: 75 picked, 55 still staged.
    const recall = await openRecall(OTHER_LOT);
    const lists = await Promise.all(['PL-RB-5', 'PL-RB-1', 'PL-RB-2', 'PL-RB-3', 'PL-RB-4'].map(consoleList));
    expect(lists.map((l) => l.recallBreaks.filter((b) => b.caseNumber === recall.number).reduce((sum, b) => sum + b.qty, 0))).toEqual([0, 10, 10, 20, 15]);
    expect(lists.map((l) => l.lines[0]!.remainingQty)).toEqual([0, 85, 10, 20, 15]);
  });
});
