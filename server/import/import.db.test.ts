import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, type Actor } from '../audit';
import { AppError } from '../errors';
import { loadDemoData } from '../seed/demo';
import { openTestDb, type TestDb } from '../test-support/db';
import { commitImport, dryRunImport, importReport, runImport, saveProfile, uploadImport } from '.';

// Runs on PGlite, or on PostgreSQL when DATABASE_URL is set (the db suite runs both).
let t: TestDb;
let actor: Actor;
const BARREL = '06901234000115';
const SYRINGE = '06901234000016';

const utf8 = (text: string) => new TextEncoder().encode(text);
const count = async (sql: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`)).rows[0]!.n;
const lots = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `${BARREL},IMP${String(from + i).padStart(6, '0')},2020-01-01,2030-01-01,quarantine`);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  t = await openTestDb('legacy_import');
  await loadDemoData(t.db, { password: 'import-pass-1' });
  const sup = (await t.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'supervisor'")).rows[0]!;
  actor = { id: sup.id, name: 'supervisor' };
}, 120_000);
afterAll(async () => t.close());

describe('lots', () => {
  it('lands every row in lots and the audit chain under the importing user, and a second import of the file changes nothing', async () => {
    const file = utf8(['GTIN,Lot,Manufactured,Expiry,Status,QC record', `${BARREL},LEG-1,2025-01-01,2029-01-01,released,QC-1`, `${SYRINGE},LEG-2,2025-02-01,,released,`, ''].join('\n'));
    const first = await runImport(t.db, actor, { kind: 'lots', fileName: 'lots.csv', content: file });
    expect(first.dryRun.summary).toMatchObject({ rows: 2, ok: 1, warnings: 1, errors: 0, toWrite: 2 });
    expect(first.commit).toMatchObject({ written: 2, skipped: 0, partial: false });
    const stored = await t.db.query<{ lot_number: string; status: string }>("SELECT lot_number, status FROM lots WHERE lot_number LIKE 'LEG-%' ORDER BY lot_number");
    expect(stored.rows).toEqual([
      { lot_number: 'LEG-1', status: 'released' },
      { lot_number: 'LEG-2', status: 'quarantine' },
    ]);
    const audited = await t.db.query<{ action: string; actor_name: string }>("SELECT action, actor_name FROM audit_log WHERE entity_type = 'lot' AND after->>'file' = 'lots.csv' OR (action = 'lot.status' AND reason LIKE 'legacy import lots.csv%') ORDER BY seq");
    expect(audited.rows.map((r) => `${r.action} ${r.actor_name}`)).toEqual(['lot.imported supervisor', 'lot.status supervisor', 'lot.imported supervisor']);
    expect(await count("SELECT 1 FROM domain_events WHERE event_type = 'lot.created' AND payload->>'lotNumber' LIKE 'LEG-%'")).toBe(2);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    const lotsBefore = await count('SELECT 1 FROM lots');
    const again = await runImport(t.db, actor, { kind: 'lots', fileName: 'lots.csv', content: file });
    expect(again.dryRun.summary).toMatchObject({ alreadyImported: 2, toWrite: 0, errors: 0 });
    expect(again.commit).toMatchObject({ written: 0, alreadyImported: 2 });
    expect(await count('SELECT 1 FROM lots')).toBe(lotsBefore);

    const changed = await runImport(t.db, actor, { kind: 'lots', fileName: 'lots.csv', content: utf8(`GTIN,Lot,Expiry\n${BARREL},LEG-1,2031-01-01\n`) });
    expect(changed.dryRun.issues).toMatchObject([{ row: 2, code: 'changed_since_import', severity: 'error' }]);
    expect(changed.commit).toBeUndefined();
  });

  it('writes nothing when one row of 6,000 is bad, and names row 4500 and its field; valid-only writes the rest and says it is partial', async () => {
    const rows = lots(5999, 100_000);
    rows.splice(4498, 0, `${BARREL},BAD LOT,2020-01-01,2030-01-01,quarantine`);
    const file = utf8(['GTIN,Lot,Manufactured,Expiry,Status', ...rows].join('\r\n'));
    const before = await count('SELECT 1 FROM lots');
    const job = await uploadImport(t.db, actor, { kind: 'lots', fileName: 'six-thousand.csv', content: file });
    const dry = await dryRunImport(t.db, job.id, job.suggestedMapping);
    expect(dry.summary).toMatchObject({ rows: 6000, errors: 1, toWrite: 5999 });
    expect(dry.issues).toEqual([{ row: 4500, field: 'lotNumber', column: 'Lot', code: 'lot_syntax', severity: 'error', message: expect.stringContaining('GS1') }]);
    const refused = await refusal(commitImport(t.db, actor, job.id, { validOnly: false }));
    expect(refused).toMatchObject({ status: 422, code: 'import_has_errors', details: { errors: 1, row: 4500, field: 'lotNumber', column: 'Lot' } });
    expect(refused.message).toContain('row 4500');
    expect(await count('SELECT 1 FROM lots')).toBe(before);
    expect(await count(`SELECT 1 FROM import_rows WHERE job_id = '${job.id}'`)).toBe(0);

    const report = await importReport(t.db, job.id);
    const line = report.csv.split('\r\n').find((l) => l.startsWith('4500,'))!;
    expect(line).toMatch(/^4500,error,"?error lotNumber \(Lot\): lot_syntax/);

    const partial = await commitImport(t.db, actor, job.id, { validOnly: true });
    expect(partial).toMatchObject({ written: 5999, skipped: 1, partial: true });
    expect(await count('SELECT 1 FROM lots')).toBe(before + 5999);
  });
});

describe('encodings and formats', () => {
  it('reads a GBK CSV and a UTF-8 one with a BOM, with Chinese headers', async () => {
    const gbk = new Uint8Array(Buffer.from('c9ccc6b7ccf5c2eb2cc5fabac52cd3d0d0a7c6dad6c10d0a', 'hex'));
    expect(new TextDecoder('gbk').decode(gbk)).toBe('商品条码,批号,有效期至\r\n');
    const body = utf8(`${BARREL},GBK-1,2030-01-01\r\n`);
    const gbkRun = await runImport(t.db, actor, { kind: 'lots', fileName: 'gbk.csv', content: new Uint8Array([...gbk, ...body]) });
    expect(gbkRun.job).toMatchObject({ encoding: 'gbk', suggestedMapping: { gtin: '商品条码', lotNumber: '批号', expiresOn: '有效期至' } });
    expect(gbkRun.commit?.written).toBe(1);

    const bomRun = await runImport(t.db, actor, { kind: 'lots', fileName: 'bom.csv', content: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`GTIN,批号\n${BARREL},BOM-1\n`)]) });
    expect(bomRun.job).toMatchObject({ encoding: 'utf-8-bom', suggestedMapping: { gtin: 'GTIN', lotNumber: '批号' } });
    expect(bomRun.commit?.written).toBe(1);
  });

  it('reads an XLSX written by a spreadsheet library: dates, GTINs as numbers, row numbers as Excel shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('批次');
    sheet.addRow(['GTIN', '批号', '有效期至', '状态']);
    sheet.addRow([Number(BARREL), 'XL-1', new Date(Date.UTC(2030, 5, 30)), '待检']);
    sheet.addRow([]);
    sheet.addRow([Number(BARREL), 'XL 2', new Date(Date.UTC(2030, 5, 30)), '待检']);
    sheet.addRow([Number(BARREL), 'XL-3\uD800', '2030-06-30', '']);
    const content = new Uint8Array(await workbook.xlsx.writeBuffer());
    const run = await runImport(t.db, actor, { kind: 'lots', fileName: 'legacy.xlsx', content, dryRun: true });
    expect(run.job).toMatchObject({ format: 'xlsx', rows: 3 });
    expect(run.dryRun.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [4, 'lotNumber', 'lot_syntax'],
      [5, 'lotNumber', 'broken_text'],
    ]);
    expect(run.commit).toBeUndefined();
  });

  it('refuses NUL in a CSV cell by row and field', async () => {
    const run = await runImport(t.db, actor, { kind: 'lots', fileName: 'nul.csv', content: utf8(`GTIN,Lot,Supplier\n${BARREL},NUL-1,Acme\u0000Ltd\n`), dryRun: true });
    expect(run.dryRun.issues).toMatchObject([{ row: 2, field: 'supplier', column: 'Supplier', code: 'unstorable_text', severity: 'error' }]);
  });

  it.each<[string, Uint8Array, string, string]>([
    ['an empty file', new Uint8Array(), 'lots', 'empty_file'],
    ['a header only', utf8('GTIN,Lot\n'), 'lots', 'no_rows'],
    ['a duplicated header', utf8(`GTIN,Lot,Lot\n${BARREL},A,B\n`), 'lots', 'duplicate_header'],
    ['a file named .xlsx that is not one', utf8('GTIN,Lot\n1,2\n'), 'lots', 'unreadable'],
  ])('refuses %s at upload', async (_what, content, kind, code) => {
    const error = await refusal(uploadImport(t.db, actor, { kind: kind as 'lots', fileName: code === 'unreadable' ? 'x.xlsx' : 'x.csv', content }));
    expect(error).toMatchObject({ status: 422, code });
  });

  it('refuses a file of the wrong kind at the dry run, naming what it looks like; unknown columns are listed, not fatal', async () => {
    const job = await uploadImport(t.db, actor, { kind: 'stock', fileName: 'lots.csv', content: utf8(`GTIN,Lot,Expiry,Colour\n${BARREL},W-1,2030-01-01,red\n`) });
    expect(job.looksLike).toBe('lots');
    expect(await refusal(dryRunImport(t.db, job.id, job.suggestedMapping))).toMatchObject({ status: 422, code: 'missing_columns', details: { looksLike: 'lots' } });
    const asLots = await uploadImport(t.db, actor, { kind: 'lots', fileName: 'lots.csv', content: utf8(`GTIN,Lot,Expiry,Colour\n${BARREL},W-1,2030-01-01,red\n`) });
    expect((await dryRunImport(t.db, asLots.id, asLots.suggestedMapping)).unmapped).toEqual(['Colour']);
  });
});

describe('the other kinds', () => {
  it('imports items through the integration upsert, stock onto the ledger, genealogy and shipments, with the readiness score', async () => {
    const items = await runImport(t.db, actor, { kind: 'items', fileName: 'items.csv', content: utf8('GTIN,SKU,Name,Shelf life\n06901234000139,FIN-KIT,Dressing kit,730\n') });
    expect(items.commit?.written).toBe(1);
    expect(await count("SELECT 1 FROM items WHERE gtin = '06901234000139' AND external_id = 'import:FIN-KIT'")).toBe(1);
    expect(await count("SELECT 1 FROM audit_log WHERE action = 'item.imported_created' AND actor_name = 'supervisor'")).toBe(1);

    await runImport(t.db, actor, { kind: 'lots', fileName: 'kit-lots.csv', content: utf8('GTIN,Lot,Expiry,Origin\n06901234000139,KIT-1,2028-01-01,produced\n06901234000139,KIT-2,,produced\n') });
    const stock = await runImport(t.db, actor, { kind: 'stock', fileName: 'stock.csv', content: utf8('GTIN,批号,库位,数量\n06901234000139,KIT-1,A-01-01,40\n06901234000139,KIT-1,B-02-01,2.5\n06901234000139,KIT-9,A-01-01,1\n'), validOnly: true });
    expect(stock.dryRun.issues).toMatchObject([{ row: 4, field: 'lotNumber', code: 'unknown_lot' }]);
    expect(stock.commit).toMatchObject({ written: 2, skipped: 1, partial: true });
    const balances = await t.db.query<{ moves: string; balance: string }>(
      `SELECT (SELECT sum(qty) FROM stock_moves m JOIN lots l ON l.id = m.lot_id WHERE l.lot_number = 'KIT-1' AND m.reason = 'import.stock')::text AS moves,
              (SELECT sum(qty) FROM stock_balances b JOIN lots l ON l.id = b.lot_id WHERE l.lot_number = 'KIT-1')::text AS balance`,
    );
    expect(balances.rows[0]).toEqual({ moves: '42.500', balance: '42.500' });

    const readinessBefore = (await runImport(t.db, actor, { kind: 'genealogy', fileName: 'g.csv', content: utf8(`Parent GTIN,Parent lot,Child GTIN,Child lot,Qty\n${BARREL},PP2410A,06901234000139,KIT-1,40\n`), dryRun: true })).dryRun.readiness;
    const genealogy = await runImport(t.db, actor, { kind: 'genealogy', fileName: 'g.csv', content: utf8(`Parent GTIN,Parent lot,Child GTIN,Child lot,Qty\n${BARREL},PP2410A,06901234000139,KIT-1,40\n`) });
    expect(genealogy.commit?.written).toBe(1);
    // The score before the commit foretells the plant after it.
    expect(await count("SELECT 1 FROM lots l WHERE origin = 'produced' AND EXISTS (SELECT 1 FROM genealogy_edges g WHERE g.child_lot_id = l.id)")).toBe(readinessBefore.counts.finishedLotsWithGenealogy);
    expect(readinessBefore.finishedWithGenealogy).toBeGreaterThan(0);
    expect(await count("SELECT 1 FROM genealogy_edges g JOIN lots c ON c.id = g.child_lot_id WHERE c.lot_number = 'KIT-1'")).toBe(1);

    const ships = await runImport(t.db, actor, {
      kind: 'shipments',
      fileName: 'ship.csv',
      content: utf8(
        [
          '发货单号,客户编码,客户名称,收货人,收货地址,联系电话,GTIN,批号,数量,发货日期',
          'DN-1,HOSP-9,City Hospital,Dr Li,1 Main Rd,+86 10 5555 0101,06901234000139,KIT-1,5,2025-03-01',
          'DN-1,HOSP-9,City Hospital,Dr Li,1 Main Rd,+86 10 5555 0101,06901234000139,KIT-2,1,2025-03-01',
          'DN-2,DIST-4,Far Distributor,,,,06901234000139,KIT-1,3,2025-03-02',
        ].join('\n'),
      ),
    });
    expect(ships.commit?.written).toBe(3);
    expect(await count("SELECT 1 FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id WHERE s.number IN ('DN-1','DN-2')")).toBe(3);
    expect(await count("SELECT 1 FROM customers WHERE code = 'HOSP-9' AND consignee_name = 'Dr Li' AND phone IS NOT NULL")).toBe(1);
    const complete = await count('SELECT 1 FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id JOIN customers c ON c.id = s.customer_id WHERE c.consignee_name IS NOT NULL AND c.address IS NOT NULL AND c.phone IS NOT NULL');
    expect(ships.dryRun.readiness.counts).toMatchObject({ shipmentLines: await count('SELECT 1 FROM shipment_lines'), shipmentLinesWithConsignee: complete });
    expect(ships.dryRun.readiness.consigneeComplete).toBeLessThan(100);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('keeps mapping profiles per kind and uses one by name', async () => {
    await saveProfile(t.db, actor, { kind: 'lots', name: 'old-erp', mapping: { gtin: 'ITEM_EAN', lotNumber: 'CHARGE' } });
    const run = await runImport(t.db, actor, { kind: 'lots', fileName: 'erp.csv', content: utf8(`ITEM_EAN,CHARGE\n${BARREL},ERP-1\n`), profile: 'old-erp' });
    expect(run.commit?.written).toBe(1);
    expect(await refusal(saveProfile(t.db, actor, { kind: 'lots', name: 'bad', mapping: { colour: 'X' } }))).toMatchObject({ status: 400 });
  });
});
