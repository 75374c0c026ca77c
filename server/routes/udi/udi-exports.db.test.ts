import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UdiDeviceRecord } from '../../../domain/udi';
import { STENT } from '../../../domain/udi/test-record';
import { loadDemoData } from '../../seed/demo';
import { bearer, json, signIn, testApp, type TestApp } from '../../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../../test-support/db';
import type { StoredExportView } from '../../udi/export-store';
import type { UdiRecordView } from '../../udi/read';

let t: TestDb;
let app: TestApp;
let password: string;
let labels: string;
let qa: string;
let picker: string;

beforeAll(async () => {
  t = await openTestDb('udi_exports');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  labels = await signIn(app, 'labels', password);
  qa = await signIn(app, 'qa', password);
  picker = await signIn(app, 'picker', password);
});
afterAll(() => t.close());

const ok = async <T>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; details?: Record<string, unknown> } }).error;

/** A device record created by labels, approved and published by QA. */
async function publishedRecord(record: UdiDeviceRecord): Promise<string> {
  const made = await ok<UdiRecordView>(await app.request('/api/udi/records', json('POST', { record, reason: 'new model' }, labels)), 201);
  await ok(await app.request(`/api/udi/records/${made.id}/versions/1/approve`, json('POST', { password, reason: 'checked' }, qa)));
  await ok(await app.request(`/api/udi/records/${made.id}/publish`, json('POST', { reason: 'release', baseVersion: 1 }, qa)));
  return made.id;
}
const createExport = (id: string, format: string, token = labels) => app.request(`/api/udi/records/${id}/exports`, json('POST', { format }, token));
const setStatus = (exportId: string, body: Record<string, unknown>, token = qa) => app.request(`/api/udi/exports/${exportId}/status`, json('POST', body, token));
const exportCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM udi_exports')).rows[0]!.n;

describe(`Stored UDI exports and their submission status (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let id: string;
  beforeAll(async () => {
    id = await publishedRecord(STENT);
  });

  it.each([
    ['eudamed-xml', 'EUDAMED', 'application/xml; charset=utf-8', 'eudamed-00614141000012.xml'],
    ['gudid-spl-xml', 'GUDID', 'application/xml; charset=utf-8', '00614141000012.xml'],
    ['nmpa-json', 'NMPA', 'application/json; charset=utf-8', 'nmpa-00614141000012.json'],
  ])('stores a %s export as version 1, downloadable with the content its sha-256 names', async (format, jurisdiction, contentType, fileName) => {
    const made = await ok<StoredExportView>(await createExport(id, format), 201);
    expect(made).toMatchObject({ recordId: id, recordVersion: 1, jurisdiction, format, version: 1, fileName, contentType, createdBy: 'labels', status: 'generated' });
    expect(made.history).toEqual([expect.objectContaining({ status: 'generated', recordedBy: 'labels', reference: null, message: null })]);
    const file = await app.request(`/api/udi/exports/${made.id}/content`, bearer(labels));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(contentType);
    expect(file.headers.get('content-disposition')).toContain(`filename="${fileName}"`);
    const body = new Uint8Array(await file.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(made.sha256);
    expect(file.headers.get('x-content-sha256')).toBe(made.sha256);
    expect(body.byteLength).toBe(made.size);
  });

  it('ties the EUDAMED message and the GUDID document to the stored export by its id', async () => {
    const { exports } = await ok<{ exports: StoredExportView[] }>(await app.request(`/api/udi/records/${id}/exports`, bearer(qa)));
    const text = async (format: string) => (await app.request(`/api/udi/exports/${exports.find((e) => e.format === format)!.id}/content`, bearer(qa))).text();
    expect(await text('eudamed-xml')).toContain(`<m:correlationID>${exports.find((e) => e.format === 'eudamed-xml')!.id}</m:correlationID>`);
    expect(await text('gudid-spl-xml')).toContain(`<id root="${exports.find((e) => e.format === 'gudid-spl-xml')!.id}"/>`);
    expect(JSON.parse(await text('nmpa-json'))).toMatchObject({ ZXXSDYCPBS: '00614141000012' });
  });

  it('stores the NMPA template as an XLSX workbook that reads back as the JSON export', async () => {
    const made = await ok<StoredExportView>(await createExport(id, 'nmpa-xlsx'), 201);
    expect(made).toMatchObject({ jurisdiction: 'NMPA', version: 2, fileName: 'nmpa-00614141000012.xlsx' });
    const file = await app.request(`/api/udi/exports/${made.id}/content`, bearer(labels));
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(made.sha256);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const row = workbook.getWorksheet('产品标识信息')!.getRow(2).values as unknown[];
    expect(row.slice(1, 3)).toEqual(['00614141000012', 'GS1']);
  });

  it('numbers a second export to the same regulator 2, and counts each regulator apart', async () => {
    const second = await ok<StoredExportView>(await createExport(id, 'eudamed-xml'), 201);
    expect(second.version).toBe(2);
    const { exports } = await ok<{ exports: StoredExportView[] }>(await app.request(`/api/udi/records/${id}/exports`, bearer(qa)));
    expect(exports.map((e) => [e.jurisdiction, e.version]).sort()).toEqual([
      ['EUDAMED', 1],
      ['EUDAMED', 2],
      ['GUDID', 1],
      ['NMPA', 1],
      ['NMPA', 2],
    ]);
  });

  it('gives exports made at once distinct versions (two, then five workbooks)', async () => {
    const other = await publishedRecord({ ...STENT, basicUdiDi: '12345678901234567890123NT', packages: [{ udiDi: '00614141000050', quantity: 1, contains: null }] });
    const made = await Promise.all([createExport(other, 'eudamed-xml'), createExport(other, 'eudamed-xml', qa)]);
    const versions = await Promise.all(made.map((r) => ok<StoredExportView>(r, 201)));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    // The workbook takes longest to write, so five at once overlap between numbering and storing.
    const many = await Promise.all([labels, qa, labels, qa, labels].map((token) => createExport(other, 'nmpa-xlsx', token)));
    const numbered = await Promise.all(many.map((r) => ok<StoredExportView>(r, 201)));
    expect(numbered.map((v) => v.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('walks generated -> submitted -> accepted, keeping who, when and the reference', async () => {
    const made = await ok<StoredExportView>(await createExport(id, 'gudid-spl-xml'), 201);
    await ok(await setStatus(made.id, { status: 'submitted', reference: 'ESG-2026-12-01-0001' }));
    const accepted = await ok<StoredExportView>(await setStatus(made.id, { status: 'accepted', reference: 'GUDID-DI-0614141' }));
    expect(accepted.status).toBe('accepted');
    expect(accepted.history).toEqual([
      expect.objectContaining({ status: 'generated', recordedBy: 'labels' }),
      expect.objectContaining({ status: 'submitted', reference: 'ESG-2026-12-01-0001', recordedBy: 'qa' }),
      expect.objectContaining({ status: 'accepted', reference: 'GUDID-DI-0614141', recordedBy: 'qa' }),
    ]);
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'udi.export.%' AND after->>'exportId' = $1 ORDER BY seq`, [made.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['udi.export.created', 'udi.export.status', 'udi.export.status']);
  });

  it("records a rejection with the authority's message, full-width and very long text kept whole", async () => {
    const made = await ok<StoredExportView>(await createExport(id, 'nmpa-json'), 201);
    await ok(await setStatus(made.id, { status: 'submitted' }));
    const message = '分类编码不存在（１３－０６－０２）；'.repeat(150);
    const rejected = await ok<StoredExportView>(await setStatus(made.id, { status: 'rejected', message }));
    expect(rejected).toMatchObject({ status: 'rejected', history: [{}, {}, { status: 'rejected', message }] });
  });

  it.each<[string, string[], Record<string, unknown>, number, string, string]>([
    ['accepted straight from generated', [], { status: 'accepted', reference: 'R-1' }, 409, 'illegal_status_change', 'status'],
    ['generated again', [], { status: 'generated' }, 409, 'illegal_status_change', 'status'],
    ['submitted twice', ['submitted'], { status: 'submitted' }, 409, 'illegal_status_change', 'status'],
    ['accepted without a reference', ['submitted'], { status: 'accepted' }, 422, 'reference_required', 'reference'],
    ['rejected without a message', ['submitted'], { status: 'rejected', reference: 'R-2' }, 422, 'rejection_message_required', 'message'],
  ])('refuses %s, naming the code and field, and adds nothing to the history', async (_what, before, body, status, code, field) => {
    const made = await ok<StoredExportView>(await createExport(id, 'eudamed-xml'), 201);
    for (const s of before) await ok(await setStatus(made.id, { status: s }));
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM udi_export_statuses WHERE export_id = $1', [made.id])).rows[0]!.n;
    const was = await count();
    const res = await setStatus(made.id, body);
    expect(res.status).toBe(status);
    expect(await errorOf(res)).toMatchObject({ code, details: { field } });
    expect(await count()).toBe(was);
  });

  it('lets one of two people recording the same status at once through; the other is told it cannot follow', async () => {
    const made = await ok<StoredExportView>(await createExport(id, 'eudamed-xml'), 201);
    const answers = await Promise.all([setStatus(made.id, { status: 'submitted', reference: 'A' }), setStatus(made.id, { status: 'submitted', reference: 'B' })]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const { history } = await ok<StoredExportView>(answers.find((r) => r.status === 200)!);
    expect(history.map((h) => h.status)).toEqual(['generated', 'submitted']);
  });

  it('refuses an accepted export becoming rejected: the status is final', async () => {
    const made = await ok<StoredExportView>(await createExport(id, 'eudamed-xml'), 201);
    await ok(await setStatus(made.id, { status: 'submitted' }));
    await ok(await setStatus(made.id, { status: 'accepted', reference: 'EUDAMED-UDI-1' }));
    expect(await errorOf(await setStatus(made.id, { status: 'rejected', message: 'late' }))).toMatchObject({ code: 'illegal_status_change', details: { status: 'accepted' } });
  });

  it.each([
    ['a NUL in the reference', { status: 'submitted', reference: 'REF\u0000' }],
    ['a lone surrogate in the message', { status: 'submitted', message: 'bad \udc00' }],
    ['an unknown status', { status: 'lost' }],
    ['a blank reference', { status: 'submitted', reference: '   ' }],
    ['a reference longer than 200 characters', { status: 'submitted', reference: 'R'.repeat(201) }],
  ])('refuses %s with 400', async (_what, body) => {
    const made = await ok<StoredExportView>(await createExport(id, 'eudamed-xml'), 201);
    const res = await setStatus(made.id, body);
    expect(res.status, await res.clone().text()).toBe(400);
  });

  it('refuses to export an unpublished record, or one the pre-submission check faults, keeping nothing', async () => {
    const before = await exportCount();
    const draft = await ok<UdiRecordView>(
      await app.request('/api/udi/records', json('POST', { record: { ...STENT, basicUdiDi: '12345ANJ', packages: [{ udiDi: '00614141000036', quantity: 1, contains: null }] }, reason: 'draft' }, labels)),
      201,
    );
    expect(await errorOf(await createExport(draft.id, 'eudamed-xml'))).toMatchObject({ code: 'not_published' });
    const noEmdn = await publishedRecord({ ...STENT, basicUdiDi: '7907665Bm8v2AB', emdnCode: null, euRiskClass: null, packages: [{ udiDi: '00614141000043', quantity: 1, contains: null }] });
    const res = await createExport(noEmdn, 'eudamed-xml');
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('submission_problems');
    expect((error.details!.problems as { field: string }[]).map((p) => p.field)).toEqual(['emdnCode', 'euRiskClass']);
    expect(await ok<StoredExportView>(await createExport(noEmdn, 'nmpa-json'), 201)).toMatchObject({ version: 1 });
    expect(await exportCount()).toBe(before + 1);
  });

  it('answers 404 for an export or record that does not exist and 400 for an unknown format', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await app.request(`/api/udi/exports/${nobody}/content`, bearer(qa))).status).toBe(404);
    expect((await setStatus(nobody, { status: 'submitted' })).status).toBe(404);
    expect((await createExport(nobody, 'eudamed-xml')).status).toBe(404);
    expect((await app.request(`/api/udi/records/${nobody}/exports`, bearer(qa))).status).toBe(404);
    expect((await createExport(id, 'eudamed-pdf')).status).toBe(400);
  });

  it('lets labels export but not record a status; an operator does neither', async () => {
    const made = await ok<StoredExportView>(await createExport(id, 'eudamed-xml'), 201);
    expect((await setStatus(made.id, { status: 'submitted' }, labels)).status).toBe(403);
    expect((await createExport(id, 'eudamed-xml', picker)).status).toBe(403);
    expect((await app.request(`/api/udi/exports/${made.id}/content`, bearer(picker))).status).toBe(403);
  });

  it('keeps exports and their status history append-only in the database', async () => {
    await expect(t.db.query(`UPDATE udi_exports SET content = '\\x00'::bytea`)).rejects.toThrow();
    await expect(t.db.query('DELETE FROM udi_exports')).rejects.toThrow();
    await expect(t.db.query(`UPDATE udi_export_statuses SET status = 'accepted'`)).rejects.toThrow();
    await expect(t.db.query('DELETE FROM udi_export_statuses')).rejects.toThrow();
  });
});
