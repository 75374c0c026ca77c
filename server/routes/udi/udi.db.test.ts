import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UdiDeviceRecord } from '../../../domain/udi';
import { STENT } from '../../../domain/udi/test-record';
import { loadDemoData } from '../../seed/demo';
import { bearer, json, signIn, testApp, type TestApp } from '../../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../../test-support/db';
import type { UdiRecordView } from '../../udi/read';

let t: TestDb;
let app: TestApp;
let password: string;
let labels: string;
let qa: string;

beforeAll(async () => {
  t = await openTestDb('udi_records');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  labels = await signIn(app, 'labels', password);
  qa = await signIn(app, 'qa', password);
});
afterAll(() => t.close());

const create = (record: unknown, token = labels) => app.request('/api/udi/records', json('POST', { record, reason: 'new stent model' }, token));
const revise = (id: string, record: unknown, baseVersion: number, token = labels) => app.request(`/api/udi/records/${id}`, json('PUT', { record, reason: 'label review 2026-12', baseVersion }, token));
const approve = (id: string, version: number, pw = password) =>
  app.request(`/api/udi/records/${id}/versions/${version}/approve`, json('POST', { password: pw, reason: 'checked against the technical file' }, qa));
const publish = (id: string, baseVersion: number) => app.request(`/api/udi/records/${id}/publish`, json('POST', { reason: 'release to GUDID, EUDAMED and NMPA', baseVersion }, qa));
const view = async (res: Response): Promise<UdiRecordView> => {
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as UdiRecordView;
};
const errorOf = async (res: Response) =>
  (
    (await res.json()) as {
      error: { code: string; details?: Record<string, unknown> };
    }
  ).error;
const counts = async (id: string) => {
  const r = await t.db.query<{ versions: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM udi_record_versions WHERE record_id = $1) AS versions, (SELECT count(*)::int FROM audit_log WHERE entity_id = $1::text) AS audit`,
    [id],
  );
  return r.rows[0]!;
};

describe(`UDI device records under change control (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let id: string;

  it('creates version 1 with who and why, audited', async () => {
    const made = await create(STENT);
    expect(made.status, await made.clone().text()).toBe(201);
    const record = await view(made);
    id = record.id;
    expect(record).toMatchObject({
      basicUdiDi: STENT.basicUdiDi,
      currentVersion: 1,
      publishedVersion: null,
      record: STENT,
    });
    expect(record.versions).toEqual([
      expect.objectContaining({
        version: 1,
        createdBy: 'labels',
        reason: 'new stent model',
        regulated: true,
        approval: null,
        published: false,
      }),
    ]);
    const audit = await t.db.query<{ action: string; actor_name: string }>(`SELECT action, actor_name FROM audit_log WHERE entity_type = 'udi_record' ORDER BY seq`);
    expect(audit.rows).toEqual([{ action: 'udi.record.created', actor_name: 'labels' }]);
  });

  it('writes an edit as version 2 and tells the difference', async () => {
    const edited: UdiDeviceRecord = {
      ...STENT,
      description: 'Coronary stent, sirolimus-eluting, 3.0 × 12 mm',
      storage: 'Store below 25 °C',
    };
    const record = await view(await revise(id, edited, 1));
    expect(record).toMatchObject({ currentVersion: 2, record: edited });
    const diff = await app.request(`/api/udi/records/${id}/diff?from=1&to=2`, bearer(qa));
    expect(((await diff.json()) as { changes: { field: string }[] }).changes.map((c) => c.field)).toEqual(['description', 'storage']);
  });

  it('refuses an edit made on a version that is no longer current', async () => {
    const res = await revise(id, { ...STENT, catalogNumber: 'X' }, 1);
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({
      code: 'stale_version',
      details: { field: 'baseVersion', currentVersion: 2 },
    });
  });

  it('will not publish before QC signs; a wrong password signs nothing; the author cannot sign', async () => {
    expect(await errorOf(await publish(id, 2))).toMatchObject({
      code: 'approval_required',
    });

    const wrong = await approve(id, 2, 'not-the-password');
    expect(wrong.status).toBe(403);
    expect(await errorOf(wrong)).toMatchObject({ code: 'signature_failed' });
    expect((await t.db.query('SELECT 1 FROM udi_record_approvals')).rows).toEqual([]);

    const byRole = await app.request(`/api/udi/records/${id}/versions/2/approve`, json('POST', { password, reason: 'mine' }, labels));
    expect(byRole.status).toBe(403);

    const signed = await view(await approve(id, 2));
    expect(signed.versions[1]!.approval).toMatchObject({
      signedBy: '陈静 (QA)',
      reason: 'checked against the technical file',
    });
    const audit = await t.db.query<{
      signature_meaning: string;
      after: { signature: { username: string } };
    }>(`SELECT signature_meaning, after FROM audit_log WHERE action = 'udi.version.approved'`);
    expect(audit.rows).toEqual([
      expect.objectContaining({
        signature_meaning: 'approved',
        after: expect.objectContaining({
          signature: expect.objectContaining({ username: 'qa' }),
        }),
      }),
    ]);
    expect((await approve(id, 2)).status).toBe(409);
  });

  it('publishes the approved version', async () => {
    const record = await view(await publish(id, 2));
    expect(record).toMatchObject({ currentVersion: 2, publishedVersion: 2 });
    expect(record.versions[1]!.published).toBe(true);
    expect((await publish(id, 2)).status).toBe(409);
  });

  it('exports the published version as the NMPA UDI database entry, and nothing unpublished', async () => {
    const res = await app.request(`/api/udi/records/${id}/exports/nmpa`, bearer(qa));
    expect(res.status, await res.clone().text()).toBe(200);
    const { version, document } = (await res.json()) as { version: number; document: Record<string, unknown> };
    expect(version).toBe(2);
    expect(document).toMatchObject({ ZXXSDYCPBS: '00614141000012', ZCZBHHZBAPZBH: STENT.nmpa.registrationNumber, CPBSFBRQ: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const spl = await app.request(`/api/udi/records/${id}/exports/gudid`, bearer(qa));
    expect(spl.status, await spl.clone().text()).toBe(200);
    expect(spl.headers.get('content-disposition')).toContain('00614141000012.xml');
    const xml = await spl.text();
    expect(xml).toContain(`<setId root="${id}"/>`);
    expect(xml).toContain('<versionNumber value="2"/>');
    const fresh = await view(await create({ ...STENT, basicUdiDi: '12345ANJ', packages: [{ udiDi: '00614141000036', quantity: 1, contains: null }] }));
    expect(await errorOf(await app.request(`/api/udi/records/${fresh.id}/exports/nmpa`, bearer(qa)))).toMatchObject({ code: 'not_published' });
    expect((await app.request(`/api/udi/records/${fresh.id}/exports/gudid`, bearer(qa))).status).toBe(409);
  });

  it.each<[string, Partial<UdiDeviceRecord>, string, string[]]>([
    ['brand name (a GUDID new-DI trigger)', { brandName: 'Stent A Plus' }, 'brandName', ['GUDID', 'EUDAMED']],
    ['registration number (NMPA-locked)', { nmpa: { ...STENT.nmpa, registrationNumber: '国械注准20243130999' } }, 'nmpa.registrationNumber', ['NMPA']],
    [
      'box quantity',
      {
        packages: [STENT.packages[0]!, { ...STENT.packages[1]!, quantity: 12 }, STENT.packages[2]!],
      },
      'packages[10614141000019].quantity',
      ['GUDID', 'EUDAMED', 'NMPA'],
    ],
  ])('refuses a change of the %s after publication, naming the field, and writes nothing', async (_what, change, field, jurisdictions) => {
    const before = await counts(id);
    const current = (await view(await app.request(`/api/udi/records/${id}`, bearer(labels)))).record;
    const res = await revise(id, { ...current, ...change }, 2);
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error).toMatchObject({
      code: 'new_di_required',
      details: { field, jurisdictions },
    });
    expect((error.details!.proposal as { replaceUdiDis: string[] }).replaceUdiDis.length).toBeGreaterThan(0);
    expect(await counts(id)).toEqual(before);
  });

  it('lets the status change after publication (recalled), as a new version', async () => {
    const current = (await view(await app.request(`/api/udi/records/${id}`, bearer(labels)))).record;
    const record = await view(await revise(id, { ...current, status: 'recalled' }, 2));
    expect(record).toMatchObject({
      currentVersion: 3,
      publishedVersion: 2,
      record: { status: 'recalled' },
    });
    expect(record.versions[2]!.regulated).toBe(true);
  });

  it('restores version 1 as version 4, leaving versions 1-3 as they were', async () => {
    const stored = async () => (await t.db.query<{ version: number; data: unknown }>('SELECT version, data FROM udi_record_versions WHERE record_id = $1 ORDER BY version', [id])).rows;
    const earlier = await stored();
    const res = await app.request(
      `/api/udi/records/${id}/restore`,
      json(
        'POST',
        {
          version: 1,
          reason: 'wording of version 1 was right',
          baseVersion: 3,
        },
        labels,
      ),
    );
    const record = await view(res);
    expect(record).toMatchObject({
      currentVersion: 4,
      publishedVersion: 2,
      record: STENT,
    });
    expect(record.versions[3]).toMatchObject({
      version: 4,
      restoredFrom: 1,
      createdBy: 'labels',
    });
    expect((await stored()).slice(0, 3)).toEqual(earlier);
    const audit = await t.db.query<{ after: { restoredFrom: number } }>(`SELECT after FROM audit_log WHERE action = 'udi.record.restored'`);
    expect(audit.rows[0]!.after.restoredFrom).toBe(1);
    // The content is version 1's again: restoring it once more has nothing to write.
    const again = await app.request(`/api/udi/records/${id}/restore`, json('POST', { version: 1, reason: 'again', baseVersion: 4 }, labels));
    expect(await errorOf(again)).toMatchObject({ code: 'no_change' });
  });

  it('keeps versions, approvals and publications append-only in the database', async () => {
    await expect(t.db.query(`UPDATE udi_record_versions SET reason = 'rewritten' WHERE record_id = $1`, [id])).rejects.toThrow();
    await expect(t.db.query(`DELETE FROM udi_record_approvals`)).rejects.toThrow();
    await expect(t.db.query(`DELETE FROM udi_record_publications`)).rejects.toThrow();
  });

  it('lists what each regulator would still refuse', async () => {
    const current = (await view(await app.request(`/api/udi/records/${id}`, bearer(labels)))).record;
    await view(await revise(id, { ...current, gmdnCode: null, descriptionZh: null }, 4));
    const res = await app.request(`/api/udi/records/${id}/submission-check?jurisdictions=GUDID,NMPA`, bearer(labels));
    const { problems } = (await res.json()) as {
      problems: { jurisdiction: string; field: string; problem: string }[];
    };
    expect(problems).toEqual([
      expect.objectContaining({
        jurisdiction: 'GUDID',
        field: 'gmdnCode',
        problem: 'missing',
      }),
      expect.objectContaining({
        jurisdiction: 'NMPA',
        field: 'descriptionZh',
        problem: 'missing',
      }),
    ]);
    expect((await app.request(`/api/udi/records/${id}/submission-check?jurisdictions=FDA`, bearer(labels))).status).toBe(400);
  });

  const other = {
    ...STENT,
    basicUdiDi: '0614141STENT-B',
    packages: [{ udiDi: '00614141000029', quantity: 1, contains: null }],
  };

  it.each<[string, unknown, number, string, string]>([
    [
      'full-width digits in a UDI-DI',
      {
        ...other,
        packages: [{ udiDi: '００614141000029', quantity: 1, contains: null }],
      },
      400,
      'invalid_request',
      'body.record.packages.0.udiDi',
    ],
    ['a NUL in the brand name', { ...other, brandName: 'Stent\u0000B' }, 400, 'invalid_text', ''],
    ['a lone surrogate in the description', { ...other, description: 'stent \ud800' }, 400, 'invalid_text', ''],
    ['a GMN without its check pair', other, 422, 'invalid_udi_record', 'basicUdiDi'],
    [
      'a wrong GTIN check digit',
      {
        ...other,
        basicUdiDi: '0614141STENT-A' + 'RF',
        packages: [{ udiDi: '00614141000020', quantity: 1, contains: null }],
      },
      422,
      'invalid_udi_record',
      'packages[00614141000020].udiDi',
    ],
    [
      'a UDI-DI another record holds',
      {
        ...other,
        basicUdiDi: '1987654Ad4X4bL5ttr2310c2K',
        packages: [{ udiDi: '00614141000012', quantity: 1, contains: null }],
      },
      409,
      'udi_di_taken',
      'packages[00614141000012].udiDi',
    ],
  ])('refuses %s, naming the field, writing nothing', async (_what, record, status, code, field) => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM udi_records');
    const res = await create(record);
    expect(res.status, await res.clone().text()).toBe(status);
    const error = await errorOf(res);
    expect(error.code).toBe(code);
    if (code === 'invalid_request') expect(error.details!.issues).toEqual([expect.objectContaining({ field })]);
    else if (field) expect(error.details!.field).toBe(field);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM udi_records')).rows[0]!.n).toBe(before.rows[0]!.n);
  });
});

describe(`UDI record writers at once, and who may sign (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  const device = (basicUdiDi: string, udiDi: string): UdiDeviceRecord => ({ ...STENT, basicUdiDi, packages: [{ udiDi, quantity: 1, contains: null }] });

  it('lets one of two edits made on the same version through; the other is told the record moved on', async () => {
    const { id } = await view(await create(device('12345678901234567890123NT', '00614141000043')));
    const answers = await Promise.all([
      revise(id, { ...device('12345678901234567890123NT', '00614141000043'), catalogNumber: 'CAT-A' }, 1),
      revise(id, { ...device('12345678901234567890123NT', '00614141000043'), catalogNumber: 'CAT-B' }, 1),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await t.db.query('SELECT version FROM udi_record_versions WHERE record_id = $1 ORDER BY version', [id])).rows).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('does not let QC approve a version QC wrote: another QC user must sign', async () => {
    const { id } = await view(await create(device('7907665Bm8v2AB', '00614141000050'), qa));
    const res = await approve(id, 1);
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({ code: 'separation_of_duties' });
    expect((await t.db.query('SELECT 1 FROM udi_record_approvals WHERE record_id = $1', [id])).rows).toEqual([]);
  });
});
