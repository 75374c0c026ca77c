import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PickListDoc } from '../../sync';
import { loadMigrations, migrate } from '../db';
import { loadDemoData } from '../seed/demo';
import type { StockException } from '../supervision/exceptions';
import type { PickList } from '../supervision/pick-lists';
import { bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, ledgerMatchesBalances, newOp, pullCollection, pushOpsAs, type Handheld, type OpState } from '../test-support/handheld';

/**
 * Pick lists count what is picked against them, from the pick ops the server books: once per op,
 * summed across handhelds picking at the same time, closing a line and then the list when all is
 * picked, and flagging over-picks and lots too short-dated for the list's customer.
 */

let t: TestDb;
let app: TestApp;
let password: string;
let supervisor: string;

const SYRINGE = '06901234000016';
/** Released, about three years of shelf life left, 2,300 at B-02-01. */
const LONG_LOT = 'S24110701';
/** Released, 25 days of shelf life left, 300 at B-02-01. */
const SHORT_LOT = 'S24030502';

beforeAll(async () => {
  t = await openTestDb('pick_progress');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  supervisor = await signIn(app, 'supervisor', password);
}, 120_000);
afterAll(() => t.close());

async function createList(number: string, qty: number, customerCode: string | null = 'HOSP-SH1'): Promise<PickList> {
  const res = await app.request('/api/picklists', json('POST', { number, customerCode, toLocationCode: 'SHP-01', lines: [{ gtin: SYRINGE, qty }] }, supervisor));
  expect(res.status).toBe(201);
  return (await res.json()) as PickList;
}

const pickOp = (device: Handheld, list: PickList, qty: number, lotNumber = LONG_LOT) =>
  newOp(device, 'pick', { gtin: SYRINGE, lotNumber, qty, fromLocationCode: 'B-02-01', toLocationCode: 'SHP-01', pickListId: list.id });

async function pushRaw(device: Handheld, docs: OpState[]): Promise<number> {
  const res = await app.request('/api/sync/ops/push', { method: 'POST', headers: device.headers, body: JSON.stringify(docs.map((d) => ({ assumedMasterState: null, newDocumentState: d }))) });
  await res.text();
  return res.status;
}

async function consoleList(number: string): Promise<PickList> {
  const res = await app.request('/api/picklists', bearer(supervisor));
  return ((await res.json()) as { pickLists: PickList[] }).pickLists.find((l) => l.number === number)!;
}

async function deviceList(device: Handheld, number: string): Promise<PickListDoc> {
  const docs = await pullCollection<PickListDoc>(app, device, 'picklists');
  return docs.filter((d) => d.number === number).at(-1)!;
}

async function exceptionsOf(opId: string): Promise<StockException[]> {
  const res = await app.request('/api/exceptions?status=open', bearer(supervisor));
  return ((await res.json()) as { exceptions: StockException[] }).exceptions.filter((e) => e.opId === opId);
}

/** The lines' picked quantities are the projection of pick_list_picks, as balances are of moves. */
async function progressMatchesPicks(): Promise<boolean> {
  const r = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT p.id, l->>'gtin' AS gtin, sum((l->>'pickedQty')::numeric) AS picked FROM pick_lists p, jsonb_array_elements(p.lines) l GROUP BY p.id, l->>'gtin') lines
     FULL JOIN (SELECT pick_list_id AS id, gtin, sum(CASE kind WHEN 'pick' THEN qty ELSE -qty END) AS booked FROM pick_list_picks GROUP BY pick_list_id, gtin) picks USING (id, gtin)
     WHERE coalesce(lines.picked, 0) <> coalesce(picks.booked, 0)`,
  );
  return r.rows[0]!.n === 0;
}

describe(`pick list progress (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a pick of 300 against a line of 500 leaves 200 to go, on the console and on the handheld', async () => {
    const list = await createList('PL-T-300', 500);
    expect(list).toMatchObject({ customer: '上海市第一人民医院', customerCode: 'HOSP-SH1', minShelfLifeDays: 180, status: 'open' });
    const picker = await enrolAndSignIn(app, 'TC52 300', 'picker', password);
    const [back] = await pushOpsAs(app, picker, [pickOp(picker, list, 300)]);
    expect(back).toBeUndefined();

    expect((await consoleList('PL-T-300')).lines).toEqual([{ gtin: SYRINGE, qty: 500, pickedQty: 300, remainingQty: 200, status: 'open' }]);
    expect((await consoleList('PL-T-300')).status).toBe('picking');
    const doc = await deviceList(picker, 'PL-T-300');
    expect(doc).toMatchObject({ status: 'picking', customerCode: 'HOSP-SH1', minShelfLifeDays: 180, lines: [{ pickedQty: 300, remainingQty: 200, status: 'open' }] });

    // The rest closes the line, and with it the list.
    await pushOpsAs(app, picker, [pickOp(picker, list, 200)]);
    expect(await consoleList('PL-T-300')).toMatchObject({ status: 'done', lines: [{ pickedQty: 500, remainingQty: 0, status: 'done' }] });
    expect((await deviceList(picker, 'PL-T-300')).status).toBe('done');
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'pick_list' AND entity_id = $1 ORDER BY seq", [list.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['picklist.created', 'picklist.picking', 'picklist.done']);
  });

  it('counts an op once when it is pushed twice at the same time', async () => {
    const list = await createList('PL-T-TWICE', 500);
    const picker = await enrolAndSignIn(app, 'TC52 twice', 'picker', password);
    const op = pickOp(picker, list, 40);
    expect(await Promise.all([pushRaw(picker, [op]), pushRaw(picker, [op]), pushRaw(picker, [op])])).toEqual([200, 200, 200]);
    expect((await consoleList('PL-T-TWICE')).lines[0]).toMatchObject({ pickedQty: 40, remainingQty: 460 });
    // And once more later, as a device that never heard back would.
    await pushOpsAs(app, picker, [op]);
    expect((await consoleList('PL-T-TWICE')).lines[0]!.pickedQty).toBe(40);
    expect(await progressMatchesPicks()).toBe(true);
  });

  it('sums two handhelds picking the same line at the same time', async () => {
    const list = await createList('PL-T-TWO', 500, null);
    const devices = await Promise.all([enrolAndSignIn(app, 'TC52 left', 'picker', password), enrolAndSignIn(app, 'TC52 right', 'picker', password)]);
    // Each handheld sends 12 picks of 5 in batches of 3, every batch twice, both handhelds at once,
    // from different lots: no lot lock puts them in a queue, only the list's own.
    await Promise.all(
      devices.map(async (device, d) => {
        const lot = d === 0 ? LONG_LOT : SHORT_LOT;
        for (let batch = 0; batch < 4; batch++) {
          const ops = [pickOp(device, list, 5, lot), pickOp(device, list, 5, lot), pickOp(device, list, 5, lot)];
          expect(await Promise.all([pushRaw(device, ops), pushRaw(device, ops)])).toEqual([200, 200]);
        }
      }),
    );
    expect((await consoleList('PL-T-TWO')).lines[0]).toMatchObject({ pickedQty: 120, remainingQty: 380, status: 'open' });
    const booked = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pick_list_picks WHERE pick_list_id = $1', [list.id]);
    expect(booked.rows[0]!.n).toBe(24);
    expect(await progressMatchesPicks()).toBe(true);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  });

  it('applies an over-pick and raises an exception for the supervisor', async () => {
    const list = await createList('PL-T-OVER', 30, null);
    const picker = await enrolAndSignIn(app, 'TC52 over', 'picker', password);
    await pushOpsAs(app, picker, [pickOp(picker, list, 20)]);
    const over = pickOp(picker, list, 15);
    await pushOpsAs(app, picker, [over]);
    const [stored] = (await pullCollection<OpState>(app, picker, 'ops')).filter((o) => o.id === over.id);
    expect(stored).toMatchObject({ status: 'exception', outcome: { exceptions: ['over_pick'], message: 'over-pick on PL-T-OVER: 35 picked of 30 ordered, 5 too many' } });
    expect(await consoleList('PL-T-OVER')).toMatchObject({ status: 'done', lines: [{ pickedQty: 35, remainingQty: 0, status: 'done' }] });
    const [exception] = await exceptionsOf(over.id);
    expect(exception).toMatchObject({ kind: 'over_pick', lotNumber: LONG_LOT, locationCode: 'B-02-01', details: { pickListNumber: 'PL-T-OVER', ordered: 30, picked: 35, over: 5 } });
    expect(await progressMatchesPicks()).toBe(true);
  });

  it("flags a lot too short-dated for the list's customer, as a pick from an old handheld would bring it", async () => {
    const hospital = await createList('PL-T-SHORT', 50);
    const internal = await createList('PL-T-NOCUST', 50, null);
    const picker = await enrolAndSignIn(app, 'TC52 old app', 'picker', password);
    const short = pickOp(picker, hospital, 10, SHORT_LOT);
    const fine = pickOp(picker, internal, 10, SHORT_LOT);
    await pushOpsAs(app, picker, [short, fine]);
    const [exception] = await exceptionsOf(short.id);
    expect(exception).toMatchObject({ kind: 'shelf_life_short', lotNumber: SHORT_LOT, details: { customerCode: 'HOSP-SH1', pickListNumber: 'PL-T-SHORT', daysLeft: 25, minShelfLifeDays: 180 } });
    expect(await exceptionsOf(fine.id)).toEqual([]);
    // The goods left the shelf all the same.
    expect((await consoleList('PL-T-SHORT')).lines[0]!.pickedQty).toBe(10);
  });

  it('takes a pick a supervisor reverses back off the list, which then asks for the goods again', async () => {
    const list = await createList('PL-T-REVERSE', 40);
    const picker = await enrolAndSignIn(app, 'TC52 reverse', 'picker', password);
    const good = pickOp(picker, list, 30);
    const short = pickOp(picker, list, 10, SHORT_LOT);
    await pushOpsAs(app, picker, [good, short]);
    expect((await consoleList('PL-T-REVERSE')).status).toBe('done');
    const [exception] = await exceptionsOf(short.id);
    expect(exception!.kind).toBe('shelf_life_short');
    const res = await app.request(`/api/exceptions/${exception!.id}/resolve`, json('POST', { action: 'reverse', reason: 'too short-dated for the hospital; put back', version: exception!.version }, supervisor));
    expect(res.status).toBe(200);
    expect(await consoleList('PL-T-REVERSE')).toMatchObject({ status: 'picking', lines: [{ pickedQty: 30, remainingQty: 10, status: 'open' }] });
    expect((await deviceList(picker, 'PL-T-REVERSE')).lines[0]).toMatchObject({ pickedQty: 30, remainingQty: 10 });
    expect(await progressMatchesPicks()).toBe(true);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  });

  it('refuses a pick list for a customer that is not on file, by field', async () => {
    const res = await app.request('/api/picklists', json('POST', { number: 'PL-T-NOBODY', customerCode: 'NOBODY', toLocationCode: 'SHP-01', lines: [{ gtin: SYRINGE, qty: 1 }] }, supervisor));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('body.customerCode: customer NOBODY is not known');
    const made = await t.db.query('SELECT 1 FROM pick_lists WHERE number = $1', ['PL-T-NOBODY']);
    expect(made.rows).toEqual([]);
  });
});

describe('migration 009 on pick lists made before it', () => {
  it('links a customer named in free text, and works out what each line has left', async () => {
    const old = await openTestDb('pick_progress_migration', { migrate: false });
    try {
      await migrate(old.db, loadMigrations().filter((m) => m.version < 9));
      await old.db.query(`INSERT INTO customers (code, name, min_shelf_life_days) VALUES ('HOSP-SH1', '上海市第一人民医院', 180)`);
      const dock = await old.db.query<{ id: string }>(`INSERT INTO locations (code, name, kind) VALUES ('SHP-01', 'Shipping dock', 'shipping') RETURNING id`);
      await old.db.query('INSERT INTO pick_lists (number, customer, to_location_id, lines) VALUES ($1, $2, $3, $4), ($5, $6, $3, $7)', [
        'PL-OLD-1',
        '上海市第一人民医院',
        dock.rows[0]!.id,
        JSON.stringify([{ gtin: SYRINGE, qty: 500, pickedQty: 0 }, { gtin: '06901234000054', qty: 20, pickedQty: 20 }]),
        'PL-OLD-2',
        'a walk-in customer',
        JSON.stringify([{ gtin: SYRINGE, qty: 5 }]),
      ]);
      expect(await migrate(old.db)).toEqual(loadMigrations().filter((m) => m.version >= 9).map((m) => m.name));
      const lists = await old.db.query<{ number: string; code: string | null; lines: unknown }>(
        'SELECT p.number, c.code, p.lines FROM pick_lists p LEFT JOIN customers c ON c.id = p.customer_id ORDER BY p.number',
      );
      expect(lists.rows).toEqual([
        {
          number: 'PL-OLD-1',
          code: 'HOSP-SH1',
          lines: [
            { gtin: SYRINGE, qty: 500, pickedQty: 0, remainingQty: 500, status: 'open' },
            { gtin: '06901234000054', qty: 20, pickedQty: 20, remainingQty: 0, status: 'done' },
          ],
        },
        { number: 'PL-OLD-2', code: null, lines: [{ gtin: SYRINGE, qty: 5, pickedQty: 0, remainingQty: 5, status: 'open' }] },
      ]);
    } finally {
      await old.close();
    }
  }, 60_000);
});
