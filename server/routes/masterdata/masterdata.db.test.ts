import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The app first: it extends zod with OpenAPI before the import module's schemas are made.
import { ADMIN_PASSWORD, bearer, json, signIn, testApp, type TestApp } from '../../test-support/app';
import { BOOKKEEPING_FIELDS, MASTER_DATA_KINDS, REGULATED_FIELDS } from '../../../domain/masterdata';
import type { Actor } from '../../audit';
import { runImport } from '../../import';
import type { MasterDataHistory } from '../../masterdata';
import { loadDemoData } from '../../seed/demo';
import { onPostgres, openTestDb, type TestDb } from '../../test-support/db';

// Runs on PGlite, or on PostgreSQL when DATABASE_URL is set (the db suite runs both).
let t: TestDb;
let app: TestApp;
let password: string;
let qa: string;
let labels: string;
let admin: string;
let erp: string;

beforeAll(async () => {
  t = await openTestDb('master_data_versions');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  qa = await signIn(app, 'qa', password);
  labels = await signIn(app, 'labels', password);
  admin = await signIn(app, 'admin', ADMIN_PASSWORD);
  const key = await app.request('/api/api-keys', json('POST', { integration: 'erp', scopes: ['items:write', 'partners:write', 'locations:write'] }, admin));
  erp = ((await key.json()) as { secret: string }).secret;
});
afterAll(() => t.close());

const utf8 = (text: string) => new TextEncoder().encode(text);
const upsert = (kind: string, externalId: string, body: unknown) =>
  app.request(`/api/integration/${kind}/${externalId}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-api-key': erp }, body: JSON.stringify(body) });
const history = (kind: string, id: string, token = labels) => app.request(`/api/master-data/${kind}/${id}/versions`, bearer(token));
const restore = (kind: string, id: string, body: Record<string, unknown>, token = labels) => app.request(`/api/master-data/${kind}/${id}/restore`, json('POST', body, token));
const ok = async <T = MasterDataHistory>(res: Response): Promise<T> => {
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as T;
};
const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; details?: Record<string, unknown> } }).error });
const idOf = async (table: string, where: string, params: unknown[] = []) => (await t.db.query<{ id: string }>(`SELECT id FROM ${table} WHERE ${where}`, params)).rows[0]!.id;
const reasons = async (kind: string, id: string) => (await ok(await history(kind, id))).versions.map((v) => `${v.change} ${v.changedBy}: ${v.reason}`);
const versionCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM master_data_versions')).rows[0]!.n;

describe(`master data versions from every writing path (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('keeps the regulated fields the trigger reads equal to the domain list', async () => {
    const stored = await t.db.query<{ kind: string; field: string }>('SELECT kind, field FROM master_data_regulated_fields ORDER BY kind, field');
    const expected = MASTER_DATA_KINDS.flatMap((kind) => REGULATED_FIELDS[kind].map((field) => ({ kind, field }))).sort((a, b) => (a.kind + ' ' + a.field < b.kind + ' ' + b.field ? -1 : 1));
    expect(stored.rows).toEqual(expected);
  });

  it('leaves out of the trigger\'s comparison exactly the bookkeeping columns the domain diff ignores', async () => {
    const row = Object.fromEntries([...BOOKKEEPING_FIELDS, 'name'].map((f) => [f, 1]));
    const content = await t.db.query<{ c: Record<string, unknown> }>('SELECT master_data_content($1::jsonb) AS c', [JSON.stringify(row)]);
    expect(content.rows[0]!.c).toEqual({ name: 1 });
  });

  it('starts items, locations and customers loaded by the seed at version 1, and packaging specs from the migration', async () => {
    const syringe = await idOf('items', "sku = 'SYR-5ML'");
    expect(await reasons('items', syringe)).toEqual(['created demo-seed: seed']);
    expect(await reasons('locations', await idOf('locations', "code = 'A-01-01'"))).toEqual(['created demo-seed: seed']);
    expect(await reasons('customers', await idOf('customers', "code = 'HOSP-SH1'"))).toEqual(['created demo-seed: seed']);
    const spec = await idOf('packaging_specs', 'true ORDER BY name LIMIT 1');
    const specHistory = await ok(await history('packaging-specs', spec));
    expect(specHistory.versions).toEqual([expect.objectContaining({ version: 1, change: expect.stringMatching(/^(backfilled|created)$/), regulated: true })]);
  });

  it('writes a version per integration upsert, naming the integration and the external id; an unchanged body writes none', async () => {
    const body = { gtin: '09506000000015', sku: 'ERP-CATH', name: 'Catheter', shelfLifeDays: 720 };
    const made = await ok<{ id: string }>(await upsert('items', 'ERP-CATH-1', body));
    await ok(await upsert('items', 'ERP-CATH-1', body));
    await ok(await upsert('items', 'ERP-CATH-1', { ...body, name: 'Catheter, 2 lumen' }));
    expect(await reasons('items', made.id)).toEqual(['created integration:erp: integration upsert ERP-CATH-1', 'updated integration:erp: integration upsert ERP-CATH-1']);

    const supplier = await ok<{ id: string }>(await upsert('suppliers', 'SUP-1', { code: 'SUP-NB', name: 'Ningbo Polymer Co.' }));
    const customer = await ok<{ id: string }>(await upsert('customers', 'CUS-1', { code: 'HOSP-ERP', name: 'ERP Hospital' }));
    const location = await ok<{ id: string }>(await upsert('locations', 'LOC-1', { code: 'Z-09-01', name: 'Rack B', kind: 'storage' }));
    const batch = await app.request('/api/integration/suppliers/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': erp },
      body: JSON.stringify({ rows: [{ externalId: 'SUP-B1', code: 'SUP-B1', name: 'Batch one' }, { externalId: 'SUP-B2', code: 'SUP-B2', name: 'Batch two' }] }),
    });
    const rows = (await ok<{ results: { id: string }[] }>(batch)).results;
    expect(await reasons('suppliers', rows[1]!.id)).toEqual(['created integration:erp: integration batch of 2 (POST /api/integration/suppliers/batch)']);
    for (const [kind, id] of [
      ['suppliers', supplier.id],
      ['customers', customer.id],
      ['locations', location.id],
    ] as const)
      expect(await reasons(kind, id), kind).toEqual([`created integration:erp: integration upsert ${kind === 'suppliers' ? 'SUP-1' : kind === 'customers' ? 'CUS-1' : 'LOC-1'}`]);
  });

  it('names the import file for items and customers a legacy import writes', async () => {
    const sup = (await t.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'supervisor'")).rows[0]!;
    const actor: Actor = { id: sup.id, name: 'supervisor' };
    const items = await runImport(t.db, actor, { kind: 'items', fileName: 'items 2026.csv', content: utf8('GTIN,SKU,Name,Shelf life\n06901234000139,FIN-KIT,Dressing kit,730\n') });
    expect(items.commit?.written).toBe(1);
    expect(await reasons('items', await idOf('items', "sku = 'FIN-KIT'"))).toEqual(['created supervisor: import items 2026.csv']);
    const ships = await runImport(t.db, actor, {
      kind: 'shipments',
      fileName: '发货.csv',
      content: utf8(['发货单号,客户编码,客户名称,收货人,收货地址,联系电话,GTIN,批号,数量,发货日期', 'DN-9,HOSP-77,Port Hospital,Dr Wu,9 Quay Rd,+86 21 5555 0101,06901234000115,PP2410A,1,2025-03-01'].join('\n')),
    });
    expect(ships.commit?.written).toBe(1);
    expect(await reasons('customers', await idOf('customers', "code = 'HOSP-77'"))).toEqual(['created supervisor: import 发货.csv']);
  });

  it('names the console user for number rules and customers added in the console', async () => {
    const rule = await ok<{ id: string }>(await app.request('/api/number-rules', json('POST', { name: 'lot-l2', kind: 'lot', pattern: 'L2{YY}{MM}{SEQ:4}', reset: 'month' }, admin)));
    expect(await reasons('number-rules', rule.id)).toEqual(['created admin: number rule lot-l2 created in the console']);
    const customer = await ok<{ id: string }>(await app.request('/api/customers', json('POST', { code: 'CLINIC-1', name: 'Clinic' }, admin)));
    expect(await reasons('customers', customer.id)).toEqual(['created admin: customer CLINIC-1 created in the console']);
  });

  it('keeps a change that states no reason, under the database user', async () => {
    const id = await idOf('suppliers', "code = 'SUP-NB'");
    await t.db.query("UPDATE suppliers SET phone = '+86 574 5555 0101' WHERE id = $1", [id]);
    const last = (await ok(await history('suppliers', id))).versions.at(-1)!;
    expect(last).toMatchObject({ version: 2, change: 'updated', reason: 'changed without a stated reason', changedBy: expect.stringMatching(/^database user /), regulated: false });
  });

  it('keeps a deletion as a version too', async () => {
    const made = await t.db.query<{ id: string }>("INSERT INTO suppliers (code, name) VALUES ('GONE', 'Gone Ltd') RETURNING id");
    const id = made.rows[0]!.id;
    await t.db.query('DELETE FROM suppliers WHERE id = $1', [id]);
    const h = await ok(await history('suppliers', id));
    expect(h.versions.map((v) => v.change)).toEqual(['created', 'deleted']);
    expect(h.versions[1]!.data).toMatchObject({ code: 'GONE' });
    expect(await errorOf(await restore('suppliers', id, { version: 1, baseVersion: 2, reason: 'bring back' }))).toMatchObject({ status: 409, code: 'record_deleted' });
  });

  it('refuses to change or delete history', async () => {
    await expect(t.db.query("UPDATE master_data_versions SET reason = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM master_data_versions')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE master_data_versions')).rejects.toThrow(/append-only/);
  });
});

describe('restore an earlier version as a new version', () => {
  let item: string;

  it('restores a name as version 3: the item reads as before, the diff is right, devices pull it', async () => {
    item = await idOf('items', "external_id = 'ERP-CATH-1'");
    const before = (await t.db.query<{ version: number; change_xid: string }>('SELECT version, change_xid::text FROM items WHERE id = $1', [item])).rows[0]!;
    const restored = await ok(await restore('items', item, { version: 1, baseVersion: 2, reason: 'name change was not approved by marketing' }));
    expect(restored.currentVersion).toBe(3);
    expect(restored.versions).toHaveLength(3);
    expect(restored.versions[2]).toMatchObject({ version: 3, change: 'updated', restoredFrom: 1, changedBy: 'labels', reason: 'name change was not approved by marketing', regulated: false, signature: null });
    const row = (await t.db.query<{ name: string; version: number; change_xid: string; external_id: string }>('SELECT name, version, change_xid::text, external_id FROM items WHERE id = $1', [item])).rows[0]!;
    expect(row).toMatchObject({ name: 'Catheter', version: before.version + 1, external_id: 'ERP-CATH-1' });
    expect(BigInt(row.change_xid)).toBeGreaterThan(BigInt(before.change_xid));

    const diff = async (from: number, to: number) => ((await ok<{ changes: unknown[] }>(await app.request(`/api/master-data/items/${item}/diff?from=${from}&to=${to}`, bearer(qa)))).changes);
    expect(await diff(2, 3)).toEqual([{ field: 'name', before: 'Catheter, 2 lumen', after: 'Catheter', regulated: false }]);
    expect(await diff(1, 3)).toEqual([]);
    const audit = await t.db.query<{ action: string; actor_name: string; reason: string }>("SELECT action, actor_name, reason FROM audit_log WHERE action = 'master_data.restored'");
    expect(audit.rows).toEqual([{ action: 'master_data.restored', actor_name: 'labels', reason: 'name change was not approved by marketing' }]);
  });

  it('refuses a restore on a version that is no longer current, and one that changes nothing', async () => {
    expect(await errorOf(await restore('items', item, { version: 2, baseVersion: 2, reason: 'again' }))).toMatchObject({ status: 409, code: 'stale_version', details: { field: 'baseVersion', currentVersion: 3 } });
    expect(await errorOf(await restore('items', item, { version: 1, baseVersion: 3, reason: 'again' }))).toMatchObject({ status: 422, code: 'no_change', details: { field: 'version' } });
  });

  it('refuses a regulated restore without a QC signature, with a wrong one, or signed by a non-QC user; writes it with one', async () => {
    const id = await idOf('items', "sku = 'SYR-5ML'");
    await t.db.transaction(async (tx) => {
      await tx.query("SELECT set_config('lotline.reason', 'shelf life study 2026', true)");
      await tx.query('UPDATE items SET shelf_life_days = 1460, version = version + 1 WHERE id = $1', [id]);
    });
    const h = await ok(await history('items', id));
    expect(h.versions[1]).toMatchObject({ reason: 'shelf life study 2026', regulated: true });
    const count = await versionCount();

    const unsigned = await errorOf(await restore('items', id, { version: 1, baseVersion: 2, reason: 'study withdrawn' }));
    expect(unsigned).toMatchObject({ status: 403, code: 'signature_required', details: { field: 'signature', regulatedFields: ['shelf_life_days'] } });
    const wrong = await errorOf(await restore('items', id, { version: 1, baseVersion: 2, reason: 'study withdrawn', signature: { username: 'qa', password: 'not-it' } }));
    expect(wrong).toMatchObject({ status: 403, code: 'signature_failed' });
    const notQc = await errorOf(await restore('items', id, { version: 1, baseVersion: 2, reason: 'study withdrawn', signature: { password } }));
    expect(notQc).toMatchObject({ status: 403, code: 'qc_signature_required' });
    expect(await versionCount()).toBe(count);
    expect((await t.db.query<{ shelf_life_days: number }>('SELECT shelf_life_days FROM items WHERE id = $1', [id])).rows[0]!.shelf_life_days).toBe(1460);

    // A label admin restores under a QC colleague's signature; QC may also sign their own.
    const signed = await ok(await restore('items', id, { version: 1, baseVersion: 2, reason: 'study withdrawn', signature: { username: 'qa', password } }));
    expect(signed.versions[2]).toMatchObject({ version: 3, restoredFrom: 1, regulated: true, changedBy: 'labels', signature: { signedBy: '陈静 (QA)', username: 'qa', meaning: 'approved' } });
    expect((await t.db.query<{ shelf_life_days: number }>('SELECT shelf_life_days FROM items WHERE id = $1', [id])).rows[0]!.shelf_life_days).toBe(1095);
    const byQc = await ok(await restore('items', id, { version: 2, baseVersion: 3, reason: 'study accepted after all', signature: { password } }, qa));
    expect(byQc.versions[3]).toMatchObject({ changedBy: 'qa', restoredFrom: 2, signature: { username: 'qa' } });
    const audit = await t.db.query<{ signature_meaning: string | null }>("SELECT signature_meaning FROM audit_log WHERE action = 'master_data.restored' AND entity_id = $1", [id]);
    expect(audit.rows).toEqual([{ signature_meaning: 'approved' }, { signature_meaning: 'approved' }]);
  });

  it('refuses a restore whose code another record now holds, and writes nothing', async () => {
    const id = await idOf('locations', "code = 'Z-09-01'");
    // A new code from the ERP waits for QC, who approves it; then another record takes the old code.
    const held = await ok<{ outcome: string; requestId: string }>(await upsert('locations', 'LOC-1', { code: 'Z-09-02', name: 'Rack B', kind: 'storage' }));
    expect(held.outcome).toBe('pending');
    await ok(await app.request(`/api/master-data/change-requests/${held.requestId}/approve`, json('POST', { signature: { password } }, qa)));
    await ok(await upsert('locations', 'LOC-2', { code: 'Z-09-01', name: 'Rack B, new', kind: 'storage' }));
    const count = await versionCount();
    const audit = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    const refused = await errorOf(await restore('locations', id, { version: 1, baseVersion: 2, reason: 'back to the old code', signature: { password } }, qa));
    expect(refused).toMatchObject({ status: 409, code: 'conflict', details: { field: 'code' } });
    expect(await versionCount()).toBe(count);
    expect((await t.db.query<{ code: string }>('SELECT code FROM locations WHERE id = $1', [id])).rows[0]!.code).toBe('Z-09-02');
    // Only the signature check's own audit rows, none of a restore.
    expect((await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE seq > 0 AND action = 'master_data.restored' AND entity_id = $1", [id])).rows[0]!.n).toBe(0);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n).toBeGreaterThanOrEqual(audit);
  });

  it('restores a number rule pattern and a packaging spec capacity under signature', async () => {
    const rule = await idOf('number_rules', "name = 'lot-l2'");
    await t.db.query("UPDATE number_rules SET pattern = 'L3{YY}{MM}{SEQ:4}' WHERE id = $1", [rule]);
    expect(await errorOf(await restore('number-rules', rule, { version: 1, baseVersion: 2, reason: 'wrong line' }))).toMatchObject({ status: 403, code: 'signature_required' });
    const back = await ok(await restore('number-rules', rule, { version: 1, baseVersion: 2, reason: 'wrong line', signature: { password } }, qa));
    expect(back.versions.at(-1)!.data).toMatchObject({ pattern: 'L2{YY}{MM}{SEQ:4}' });

    const spec = await idOf('packaging_specs', 'true ORDER BY name LIMIT 1');
    const capacity = (await t.db.query<{ capacity: number }>('SELECT capacity FROM packaging_specs WHERE id = $1', [spec])).rows[0]!.capacity;
    await t.db.query('UPDATE packaging_specs SET capacity = capacity + 1 WHERE id = $1', [spec]);
    await ok(await restore('packaging-specs', spec, { version: 1, baseVersion: 2, reason: 'capacity error', signature: { password } }, qa));
    expect((await t.db.query<{ capacity: number }>('SELECT capacity FROM packaging_specs WHERE id = $1', [spec])).rows[0]!.capacity).toBe(capacity);
  });

  it('refuses to restore what a live change would refuse today, and writes nothing', async () => {
    // Written past the console's check, as an old release or a hand-typed INSERT might have.
    const made = await t.db.query<{ id: string }>("INSERT INTO number_rules (name, kind, pattern, reset) VALUES ('old-daily', 'lot', 'D{YY}{MM}{SEQ:3}', 'day') RETURNING id");
    const id = made.rows[0]!.id;
    await t.db.query("UPDATE number_rules SET pattern = 'D{YYMMDD}{SEQ:3}' WHERE id = $1", [id]);
    const count = await versionCount();
    const refused = await errorOf(await restore('number-rules', id, { version: 1, baseVersion: 2, reason: 'old pattern back', signature: { password } }, qa));
    expect(refused).toMatchObject({ status: 422, code: 'invalid_content', details: { field: 'pattern' } });
    expect(await versionCount()).toBe(count);
  });

  it('answers an unknown kind, record or version with a named error', async () => {
    expect(await errorOf(await history('lots', item))).toMatchObject({ status: 404, code: 'unknown_kind', details: { field: 'kind' } });
    expect(await errorOf(await history('number_rules', item))).toMatchObject({ status: 404, code: 'unknown_kind' });
    expect(await errorOf(await history('items', '00000000-0000-4000-8000-000000000000'))).toMatchObject({ status: 404, code: 'not_found', details: { field: 'id' } });
    expect(await errorOf(await history('items', 'not-a-uuid'))).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(await errorOf(await app.request(`/api/master-data/items/${item}/diff?from=1&to=99`, bearer(qa)))).toMatchObject({ status: 404, code: 'version_not_found', details: { field: 'to' } });
    expect(await errorOf(await restore('items', item, { version: 99, baseVersion: 3, reason: 'x' }))).toMatchObject({ status: 404, code: 'version_not_found', details: { field: 'version' } });
    expect((await app.request(`/api/master-data/items/${item}/restore`, json('POST', { version: 1, baseVersion: 3, reason: 'x' }, await signIn(app, 'clerk', password)))).status).toBe(403);
  });

  it('refuses a reason with NUL or a lone surrogate, and keeps full-width and long text exactly', async () => {
    for (const bad of ['a\u0000b', 'half \ud800 pair']) {
      const refused = await errorOf(await restore('items', item, { version: 2, baseVersion: 3, reason: bad }));
      expect(refused).toMatchObject({ status: 400, code: 'invalid_text', details: { field: 'body.reason' } });
    }
    expect(await errorOf(await restore('items', item, { version: 2, baseVersion: 3, reason: 'x'.repeat(501) }))).toMatchObject({ status: 400, code: 'invalid_request' });
    const odd = `ＦＵＬＬ－ＷＩＤＴＨ 理由 😀 ${'界'.repeat(480)}`;
    const kept = await ok(await restore('items', item, { version: 2, baseVersion: 3, reason: odd }));
    expect(kept.versions.at(-1)!.reason).toBe(odd);
  });
});
