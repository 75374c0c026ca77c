import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmnCheckPair, type UdiDeviceRecord } from '../../domain/udi';
import { STENT } from '../../domain/udi/test-record';
import { loadTemplate } from '../../printers/templates';
import { loadDemoData } from '../seed/demo';
import { bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, newOp, pushOpsAs } from '../test-support/handheld';
import { addPrinter } from './printers';
import { serializedLot } from './test-support';

let t: TestDb;
let app: TestApp;
let password: string;
let labels: string;
let qa: string;
let stentItem: string;
let stentLot: string;
let stentRecord: string;
let cvcLot: string;

const cvcBody = '0690123CVC7F';
const pair = gmnCheckPair(cvcBody);
/** The demo's serialized catheter, declared without serials: its lot-gs1 labels carry (21) the record does not. */
const CVC: UdiDeviceRecord = {
  ...STENT,
  basicUdiDi: `${cvcBody}${pair.ok ? pair.pair : ''}`,
  packages: [{ udiDi: '06901234000054', quantity: 1, contains: null }],
  productionIdentifiers: { lot: true, serial: false, manufactureDate: false, expiry: true },
  brandName: 'CVC 7 Fr',
  modelNumber: 'CVC-7F',
};

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
const ok = async <T>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};
const jobCount = async (lotId: string) => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM print_jobs WHERE lot_id = $1', [lotId])).rows[0]!.n;
const serialCount = async (lotId: string) => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM serials WHERE lot_id = $1', [lotId])).rows[0]!.n;
const print = (lotId: string, template: string, token = labels) => app.request('/api/print-jobs', json('POST', { lotId, template, printer: 'Dock printer', quantity: 2 }, token));
const draft = async (template: unknown) => (await ok<{ id: string }>(await app.request('/api/templates', json('POST', template, labels)), 201)).id;
const approve = (id: string) => app.request(`/api/templates/${id}/approve`, json('POST', { password, reason: 'checked against the DI record' }, qa));
const setRule = (publishBeforeSale: string[]) => app.request('/api/udi-label-settings', json('PUT', { publishBeforeSale }, qa));

beforeAll(async () => {
  t = await openTestDb('udi_labels');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  labels = await signIn(app, 'labels', password);
  qa = await signIn(app, 'qa', password);
  await addPrinter(t.db, { id: null, name: 'test' }, { name: 'Dock printer', host: '127.0.0.1', port: 9, dpi: 203 }, { allowLocal: true });
  // The stent of domain/udi/test-record: lot, manufacture date and expiry, no serial.
  const base = STENT.packages[0]!.udiDi;
  stentItem = (await t.db.query<{ id: string }>(`INSERT INTO items (gtin, sku, name, udi_di, shelf_life_days) VALUES ($1, 'STENT-3012', 'Coronary stent 3.0 x 12', $1, 730) RETURNING id`, [base])).rows[0]!.id;
  stentLot = (
    await t.db.query<{ id: string }>(
      `INSERT INTO lots (lot_number, item_id, expires_on, manufactured_on, origin, status) VALUES ('ST2612A', $1, current_date + 700, current_date - 3, 'produced', 'released') RETURNING id`,
      [stentItem],
    )
  ).rows[0]!.id;
  stentRecord = (await ok<{ id: string }>(await app.request('/api/udi/records', json('POST', { record: STENT, reason: 'new stent model' }, labels)), 201)).id;
  await ok(await app.request('/api/udi/records', json('POST', { record: CVC, reason: 'catheter record' }, labels)), 201);
  cvcLot = await serializedLot(t.db, 'UDI-CVC-1');
});
afterAll(() => t.close());

describe(`labels against UDI device records (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('label admins assign items to a template; the list says how the approved version agrees with each record', async () => {
    expect((await app.request('/api/template-items', json('POST', { template: 'lot-gs1', itemId: stentItem }, qa))).status).toBe(403);
    const assigned = await ok<{ udiDi: string; mismatches: { ai: string; code: string }[] }>(await app.request('/api/template-items', json('POST', { template: 'lot-gs1', itemId: stentItem }, labels)), 201);
    expect(assigned.udiDi).toBe(STENT.packages[0]!.udiDi);
    expect(assigned.mismatches).toEqual([{ code: 'declared_not_carried', ai: '11', field: 'manufactureDate', expected: 'carried', found: 'not on the label' }]);
    const unknown = await app.request('/api/template-items', json('POST', { template: 'no-such-label', itemId: stentItem }, labels));
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).details).toMatchObject({ field: 'template' });
    for (const template of ['ｌｏｔ-gs1', 'lot-gs1\u0000', 'lot-\ud800', 'x'.repeat(65), '']) {
      const odd = await app.request('/api/template-items', json('POST', { template, itemId: stentItem }, labels));
      expect(odd.status, template).toBe(400);
    }
    expect((await app.request('/api/template-items', json('POST', { template: 'lot-gs1', itemId: '00000000-0000-4000-8000-000000000000' }, labels))).status).toBe(404);
    const listed = await ok<{ items: { template: string; sku: string }[] }>(await app.request('/api/template-items?template=lot-gs1', bearer(qa)));
    expect(listed.items.map((i) => `${i.template} ${i.sku}`)).toEqual(['lot-gs1 STENT-3012']);
  });

  it('refuses to approve a version that leaves out (11) the record declares, writing only the refusal to the audit trail', async () => {
    const id = await draft({ ...(await loadTemplate('lot-gs1')), description: 'wider margins' });
    const refused = await approve(id);
    expect(refused.status).toBe(422);
    const error = await errorOf(refused);
    expect(error.code).toBe('udi_mismatch');
    expect(error.message).toContain('(11) manufacture date');
    expect(error.message).toContain('STENT-3012');
    expect(error.details).toMatchObject({ field: 'productionIdentifiers.manufactureDate', ai: '11', sku: 'STENT-3012', udiDi: STENT.packages[0]!.udiDi, recordId: stentRecord });
    const row = await t.db.query<{ status: string; approved_by: string | null }>('SELECT status, approved_by FROM label_templates WHERE id = $1', [id]);
    expect(row.rows[0]).toEqual({ status: 'draft', approved_by: null });
    const audit = await t.db.query<{ action: string; why: string }>(`SELECT action, after->>'why' AS why FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [id]);
    expect(audit.rows).toEqual([
      { action: 'template.drafted', why: null },
      { action: 'template.approval_refused', why: 'udi_mismatch' },
    ]);
  });

  it('approves a version that carries (11) in its barcodes', async () => {
    const starter = await loadTemplate('lot-gs1');
    if (starter.kind !== 'layout') throw new Error('lot-gs1 is a layout');
    const elements = starter.elements.map((e) => (e.type === 'datamatrix' ? { ...e, fields: ['gtin', 'mfgDate', 'expiry', 'lot', 'serial'] } : e));
    const approved = await ok<{ status: string }>(await approve(await draft({ ...starter, elements })));
    expect(approved.status).toBe('approved');
  });

  it('approves whatever the template when the item has no DI record', async () => {
    const syringe = (await t.db.query<{ id: string }>(`SELECT id FROM items WHERE sku = 'SYR-5ML'`)).rows[0]!.id;
    await ok(await app.request('/api/template-items', json('POST', { template: 'carton-zpl', itemId: syringe }, labels)), 201);
    expect((await approve(await draft({ ...(await loadTemplate('carton-zpl')), description: 'syringe cartons' }))).status).toBe(200);
  });

  it('refuses a print whose template disagrees with the record, taking no serial and making no job', async () => {
    const refused = await print(cvcLot, 'lot-gs1');
    expect(refused.status).toBe(422);
    const error = await errorOf(refused);
    expect(error.code).toBe('udi_mismatch');
    // lot-gs1 is now the version with (11), which the catheter's record does not declare either.
    expect(error.details).toMatchObject({ field: 'productionIdentifiers.manufactureDate', ai: '11', sku: 'CVC-7F', udiDi: '06901234000054' });
    expect((error.details!.mismatches as { ai: string; code: string }[]).map((m) => `${m.ai} ${m.code}`)).toEqual(['11 carried_not_declared', '21 carried_not_declared']);
    expect(await jobCount(cvcLot)).toBe(0);
    expect(await serialCount(cvcLot)).toBe(0);
  });

  it('refuses the same print replayed from a handheld, with the reason on the op', async () => {
    const clerk = await enrolAndSignIn(app, 'UDI scanner', 'clerk', password);
    const op = newOp(clerk, 'print', { gtin: '06901234000054', lotNumber: 'UDI-CVC-1', template: 'lot-gs1', printer: 'Dock printer', quantity: 1 });
    await pushOpsAs(app, clerk, [op]);
    const stored = await t.db.query<{ status: string; message: string }>(`SELECT status, outcome->>'message' AS message FROM ops WHERE id = $1`, [op.id]);
    expect(stored.rows[0]).toMatchObject({ status: 'rejected', message: expect.stringContaining('(21) serial number') });
    expect(await jobCount(cvcLot)).toBe(0);
    expect(await serialCount(cvcLot)).toBe(0);
  });

  it('refuses a label for a UDI-DI not yet published while the plant follows the rule, and prints it when it does not', async () => {
    expect((await ok<{ publishBeforeSale: string[] }>(await app.request('/api/udi-label-settings', bearer(labels)))).publishBeforeSale).toEqual(['EUDAMED', 'GUDID', 'NMPA']);
    const refused = await print(stentLot, 'udi-nmpa');
    expect(refused.status).toBe(422);
    const error = await errorOf(refused);
    expect(error.code).toBe('udi_not_published');
    expect(error.details).toMatchObject({ field: 'udiDi', udiDi: STENT.packages[0]!.udiDi, jurisdictions: ['EUDAMED', 'GUDID', 'NMPA'] });
    expect(await jobCount(stentLot)).toBe(0);

    expect((await setRule(['NMPA'])).status).toBe(200);
    expect((await errorOf(await print(stentLot, 'udi-nmpa'))).details).toMatchObject({ jurisdictions: ['NMPA'] });
    expect((await setRule(['MFDS'])).status).toBe(400);
    expect((await app.request('/api/udi-label-settings', json('PUT', { publishBeforeSale: [] }, labels))).status).toBe(403);
    expect(await ok<{ publishBeforeSale: string[] }>(await setRule([]))).toEqual({ publishBeforeSale: [] });
    const queued = await ok<{ jobIds: string[]; warnings: string[] }>(await print(stentLot, 'udi-nmpa'), 201);
    expect(queued.warnings).toEqual([]);
    expect(await jobCount(stentLot)).toBe(1);
    const audit = await t.db.query<{ after: unknown }>(`SELECT after FROM audit_log WHERE action = 'udi.label_settings' ORDER BY seq`);
    expect(audit.rows).toHaveLength(2);
  });

  it('refuses a reprint once the plant follows the rule again, and allows it after the record is published', async () => {
    const [job] = (await t.db.query<{ id: string }>(`UPDATE print_jobs SET status = 'printed', printed_at = now() WHERE lot_id = $1 RETURNING id`, [stentLot])).rows;
    await ok(await setRule(['GUDID', 'EUDAMED', 'NMPA']));
    const reprint = () => app.request(`/api/print-jobs/${job!.id}/reprint`, json('POST', { reason: 'label smudged' }, labels));
    const refused = await reprint();
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).code).toBe('udi_not_published');
    expect(await jobCount(stentLot)).toBe(1);

    await ok(await app.request(`/api/udi/records/${stentRecord}/versions/1/approve`, json('POST', { password, reason: 'checked against the technical file' }, qa)));
    await ok(await app.request(`/api/udi/records/${stentRecord}/publish`, json('POST', { reason: 'release to GUDID, EUDAMED and NMPA', baseVersion: 1 }, qa)));
    expect((await reprint()).status).toBe(201);
    expect((await print(stentLot, 'udi-nmpa')).status).toBe(201);
    expect(await jobCount(stentLot)).toBe(3);
  });

  it('prints for an item without a DI record, and says its label was not checked', async () => {
    const lot = (await t.db.query<{ id: string }>(`SELECT l.id FROM lots l JOIN items i ON i.id = l.item_id WHERE i.sku = 'SYR-5ML' AND l.status = 'released' ORDER BY l.lot_number LIMIT 1`)).rows[0]!.id;
    const queued = await ok<{ warnings: string[] }>(await print(lot, 'lot-gs1'), 201);
    expect(queued.warnings).toEqual(['SYR-5ML has no UDI device record: its label was not checked against one.']);
    const audit = await t.db.query<{ warning: string }>(`SELECT after->>'udiWarning' AS warning FROM audit_log WHERE action = 'label.print_requested' AND entity_id = $1`, [lot]);
    expect(audit.rows[0]?.warning).toMatch(/^SYR-5ML has no UDI device record/);
  });

  it('takes an item off a template; approval then no longer answers to its record', async () => {
    const gone = await app.request(`/api/template-items/lot-gs1/${stentItem}`, { method: 'DELETE', ...bearer(labels) });
    expect(gone.status).toBe(204);
    expect((await app.request(`/api/template-items/lot-gs1/${stentItem}`, { method: 'DELETE', ...bearer(labels) })).status).toBe(404);
    expect((await approve(await draft({ ...(await loadTemplate('lot-gs1')), description: 'back to the starter' }))).status).toBe(200);
  });
});
