import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The app first: it extends zod with OpenAPI before the import module's schemas are made.
import { ADMIN_PASSWORD, bearer, json, signIn, testApp, type TestApp } from '../../test-support/app';
import { gtinCheckDigit } from '../../../domain/gs1';
import type { ChangeRequestView, MasterDataHistory } from '../../masterdata';
import { loadDemoData } from '../../seed/demo';
import { onPostgres, openTestDb, type TestDb } from '../../test-support/db';

// Runs on PGlite, or on PostgreSQL when DATABASE_URL is set (the db suite runs both).
let t: TestDb;
let app: TestApp;
let password: string;
let qa: string;
let labels: string;
let erp: string;

beforeAll(async () => {
  t = await openTestDb('master_data_change_requests');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  qa = await signIn(app, 'qa', password);
  labels = await signIn(app, 'labels', password);
  const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
  const key = await app.request('/api/api-keys', json('POST', { integration: 'erp', scopes: ['items:write', 'locations:write', 'partners:write'] }, admin));
  erp = ((await key.json()) as { secret: string }).secret;
});
afterAll(() => t.close());

let serial = 0;
/** A fresh valid GTIN-14 for each call, so the tests do not share items. */
const gtin = () => {
  const body = `0950600${String(++serial).padStart(6, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
};
const put = (kind: string, externalId: string, body: unknown, key?: string) =>
  app.request(`/api/integration/${kind}/${externalId}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-api-key': erp, ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) });
const batch = (kind: string, rows: unknown[]) => app.request(`/api/integration/${kind}/batch`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': erp }, body: JSON.stringify({ rows }) });
const approve = (id: string, body: unknown, token = qa) => app.request(`/api/master-data/change-requests/${id}/approve`, json('POST', body, token));
const reject = (id: string, body: unknown, token = qa) => app.request(`/api/master-data/change-requests/${id}/reject`, json('POST', body, token));
const ok = async <T,>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};
const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; details?: Record<string, unknown> } }).error });
const versions = async (kind: string, id: string) => (await ok<MasterDataHistory>(await app.request(`/api/master-data/${kind}/${id}/versions`, bearer(labels)))).versions;
const item = async (id: string) => (await t.db.query<{ gtin: string; name: string; shelf_life_days: number | null; version: number }>('SELECT gtin, name, shelf_life_days, version FROM items WHERE id = $1', [id])).rows[0]!;
const requestRow = async (id: string) => (await t.db.query<{ status: string; signature: unknown }>('SELECT status, signature FROM master_data_change_requests WHERE id = $1', [id])).rows[0]!;

interface Row {
  id: string;
  outcome: string;
  requestId?: string;
}

/** An item made through the integration, ready to be changed. */
async function anItem(externalId: string, extra: Record<string, unknown> = {}) {
  const body = { gtin: gtin(), sku: `SKU-${externalId}`, name: 'Catheter', shelfLifeDays: 720, ...extra };
  const made = await ok<Row>(await put('items', externalId, body), 201);
  return { id: made.id, body };
}

describe(`regulated master-data changes from the integration wait for QC (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('creates a new item at once: creating is not a change', async () => {
    const { id } = await anItem('CR-NEW');
    expect((await versions('items', id)).map((v) => v.change)).toEqual(['created']);
  });

  it('holds a change of shelf life with nothing applied and no version written, the whole row included; a free change applies at once', async () => {
    const { id, body } = await anItem('CR-HOLD');
    const free = await ok<Row>(await put('items', 'CR-HOLD', { ...body, name: 'Catheter, 2 lumen' }));
    expect(free.outcome).toBe('updated');
    const before = await item(id);
    const held = await ok<Row>(await put('items', 'CR-HOLD', { ...body, name: 'Catheter, 3 lumen', shelfLifeDays: 1095 }), 202);
    expect(held).toMatchObject({ outcome: 'pending', id, requestId: expect.any(String) });
    expect(await item(id)).toEqual(before);
    expect(await versions('items', id)).toHaveLength(2);

    const listed = await ok<{ requests: ChangeRequestView[] }>(await app.request('/api/master-data/change-requests?status=pending', bearer(labels)));
    const request = listed.requests.find((r) => r.id === held.requestId)!;
    expect(request).toMatchObject({ kind: 'items', recordId: id, externalId: 'CR-HOLD', requestedBy: 'integration:erp', status: 'pending', regulatedFields: ['shelf_life_days'], baseVersion: before.version });
    expect(request.changes).toEqual([
      { field: 'name', before: 'Catheter, 2 lumen', after: 'Catheter, 3 lumen', regulated: false },
      { field: 'shelf_life_days', before: 720, after: 1095, regulated: true },
    ]);
    const audit = await t.db.query<{ actor_name: string }>("SELECT actor_name FROM audit_log WHERE action = 'master_data.change_requested' AND entity_id = $1", [id]);
    expect(audit.rows).toEqual([{ actor_name: 'integration:erp' }]);
  });

  it('refuses a second change of a record while one waits (409 change_pending), even a free one; an unchanged row is still answered', async () => {
    const { id, body } = await anItem('CR-TWICE');
    const first = await ok<Row>(await put('items', 'CR-TWICE', { ...body, shelfLifeDays: 30 }), 202);
    const again = await errorOf(await put('items', 'CR-TWICE', { ...body, shelfLifeDays: 60 }));
    expect(again).toMatchObject({ status: 409, code: 'change_pending', details: { requestId: first.requestId } });
    expect(await errorOf(await put('items', 'CR-TWICE', { ...body, name: 'Renamed' }))).toMatchObject({ status: 409, code: 'change_pending' });
    expect((await ok<Row>(await put('items', 'CR-TWICE', body))).outcome).toBe('unchanged');
    const open = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM master_data_change_requests WHERE record_id = $1 AND status = 'pending'", [id]);
    expect(open.rows[0]!.n).toBe(1);
  });

  it('answers a repeated Idempotency-Key with the first pending answer, and holds one request only', async () => {
    const { id, body } = await anItem('CR-IDEM');
    const first = await put('items', 'CR-IDEM', { ...body, shelfLifeDays: 365 }, 'idem-cr-1');
    const replay = await put('items', 'CR-IDEM', { ...body, shelfLifeDays: 365 }, 'idem-cr-1');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await ok<Row>(replay, 202)).toEqual(await ok<Row>(first, 202));
    const n = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM master_data_change_requests WHERE record_id = $1', [id]);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('approves under a QC signature: exactly one version, carrying the signature, with the proposed row', async () => {
    const { id, body } = await anItem('CR-OK');
    const newGtin = gtin();
    const held = await ok<Row>(await put('items', 'CR-OK', { ...body, gtin: newGtin, name: 'Catheter Ｐｒｏ' }), 202);
    const count = (await versions('items', id)).length;
    // A label admin brings it to a QC colleague, who signs with their own password.
    const approved = await ok<ChangeRequestView>(await approve(held.requestId!, { reason: 'new GTIN for the relabelled pack', signature: { username: 'qa', password } }, labels));
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'labels', signature: { username: 'qa', meaning: 'approved' }, reason: 'new GTIN for the relabelled pack' });
    const history = await versions('items', id);
    expect(history).toHaveLength(count + 1);
    expect(history.at(-1)).toMatchObject({ change: 'updated', regulated: true, changedBy: 'labels', signature: { username: 'qa', signedBy: '陈静 (QA)' } });
    expect(history.at(-1)!.reason).toContain('CR-OK');
    expect(await item(id)).toMatchObject({ gtin: newGtin, name: 'Catheter Ｐｒｏ' });
    // The ERP's next change is taken again, judged against the approved record.
    expect((await ok<Row>(await put('items', 'CR-OK', { ...body, gtin: newGtin, name: 'Catheter Ｐｒｏ' }))).outcome).toBe('unchanged');
    expect(await errorOf(await approve(held.requestId!, { signature: { password } }))).toMatchObject({ status: 409, code: 'request_decided' });
  });

  it('refuses a wrong password and a non-QC signer with the codes restore uses, writing nothing', async () => {
    const { id, body } = await anItem('CR-SIGN');
    const held = await ok<Row>(await put('items', 'CR-SIGN', { ...body, serialized: true }), 202);
    const count = (await versions('items', id)).length;
    expect(await errorOf(await approve(held.requestId!, { signature: { username: 'qa', password: 'not-it' } }, labels))).toMatchObject({ status: 403, code: 'signature_failed' });
    expect(await errorOf(await approve(held.requestId!, { signature: { password } }, labels))).toMatchObject({ status: 403, code: 'qc_signature_required' });
    expect(await errorOf(await approve(held.requestId!, { signature: {} }))).toMatchObject({ status: 400 });
    expect(await requestRow(held.requestId!)).toEqual({ status: 'pending', signature: null });
    expect(await versions('items', id)).toHaveLength(count);
    // A picker may not approve at all.
    const picker = await signIn(app, 'picker', password);
    expect((await approve(held.requestId!, { signature: { username: 'qa', password } }, picker)).status).toBe(403);
  });

  it('rejects with a reason: the record stays, the ERP may send again', async () => {
    const { id, body } = await anItem('CR-NO');
    const held = await ok<Row>(await put('items', 'CR-NO', { ...body, shelfLifeDays: 10 }), 202);
    const before = await item(id);
    expect(await errorOf(await reject(held.requestId!, { reason: '  ' }))).toMatchObject({ status: 400 });
    expect((await reject(held.requestId!, { reason: 'no stability data' }, labels)).status).toBe(403);
    // A lone surrogate cannot be stored as it is: refused by name, the request still pending.
    expect(await errorOf(await reject(held.requestId!, { reason: 'stability \ud800' }))).toMatchObject({ status: 400, code: 'invalid_text', details: { field: 'body.reason' } });
    const odd = 'stability study not ｆｉｎｉｓｈｅｄ 稳定性';
    const rejected = await ok<ChangeRequestView>(await reject(held.requestId!, { reason: odd }));
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: 'qa', signature: null });
    expect(rejected.reason).toBe(odd);
    expect(await item(id)).toEqual(before);
    expect(await errorOf(await approve(held.requestId!, { signature: { password } }))).toMatchObject({ status: 409, code: 'request_decided' });
    expect((await ok<Row>(await put('items', 'CR-NO', { ...body, shelfLifeDays: 20 }), 202)).outcome).toBe('pending');
  });

  it('refuses to approve a request whose record changed meanwhile (409 stale_request), writing nothing', async () => {
    const { id, body } = await anItem('CR-STALE');
    const held = await ok<Row>(await put('items', 'CR-STALE', { ...body, shelfLifeDays: 400 }), 202);
    await t.db.query("UPDATE items SET name = 'Renamed in the console', version = version + 1 WHERE id = $1", [id]);
    const before = await item(id);
    const count = (await versions('items', id)).length;
    expect(await errorOf(await approve(held.requestId!, { signature: { password } }))).toMatchObject({ status: 409, code: 'stale_request', details: { currentVersion: before.version } });
    expect(await item(id)).toEqual(before);
    expect(await versions('items', id)).toHaveLength(count);
    expect((await requestRow(held.requestId!)).status).toBe('pending');
  });

  it('lets one of two approvals at once win; the other is refused 409 and one version is written', async () => {
    const { id, body } = await anItem('CR-RACE');
    const held = await ok<Row>(await put('items', 'CR-RACE', { ...body, shelfLifeDays: 500 }), 202);
    const count = (await versions('items', id)).length;
    const answers = await Promise.all([approve(held.requestId!, { signature: { password } }), approve(held.requestId!, { signature: { username: 'qa', password } }, labels)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = await errorOf(answers.find((a) => a.status === 409)!);
    expect(['request_decided', 'stale_request']).toContain(refused.code);
    expect(await versions('items', id)).toHaveLength(count + 1);
    expect((await item(id)).shelf_life_days).toBe(500);
  });

  it('answers a batch row by row: held, applied, created, refused', async () => {
    const a = await anItem('CR-B1');
    const b = await anItem('CR-B2');
    const answer = await ok<{ summary: Record<string, number>; results: Row[] }>(
      await batch('items', [
        { externalId: 'CR-B1', ...a.body, shelfLifeDays: 90 },
        { externalId: 'CR-B2', ...b.body, name: 'Free rename' },
        { externalId: 'CR-B3', gtin: gtin(), sku: 'SKU-CR-B3', name: 'New one' },
        { externalId: 'CR-B1', ...a.body, name: 'again' },
      ]),
      207,
    );
    expect(answer.summary).toEqual({ rows: 4, created: 1, updated: 1, unchanged: 0, pending: 1, errors: 1 });
    expect(answer.results.map((r) => r.outcome)).toEqual(['pending', 'updated', 'created', 'error']);
    expect(answer.results[3]).toMatchObject({ code: 'duplicate' });
    expect((await item(a.id)).shelf_life_days).toBe(720);
    expect((await item(b.id)).name).toBe('Free rename');
  });

  it('holds a location kind change (quarantine to storage) and applies a rename', async () => {
    const made = await ok<Row>(await put('locations', 'CR-LOC', { code: 'Q-77-01', name: 'Quarantine cage', kind: 'quarantine' }), 201);
    expect((await ok<Row>(await put('locations', 'CR-LOC', { code: 'Q-77-01', name: 'Cage 77', kind: 'quarantine' }))).outcome).toBe('updated');
    const held = await ok<Row>(await put('locations', 'CR-LOC', { code: 'Q-77-01', name: 'Cage 77', kind: 'storage' }), 202);
    const kind = await t.db.query<{ kind: string }>('SELECT kind FROM locations WHERE id = $1', [made.id]);
    expect(kind.rows[0]!.kind).toBe('quarantine');
    const approved = await ok<ChangeRequestView>(await approve(held.requestId!, { signature: { password } }));
    expect(approved.status).toBe('approved');
    expect((await versions('locations', made.id)).at(-1)).toMatchObject({ regulated: true, signature: { username: 'qa' } });
  });

  it('never holds suppliers: change control names no regulated field of theirs', async () => {
    await ok<Row>(await put('suppliers', 'CR-SUP', { code: 'SUP-CR', name: 'Ningbo' }), 201);
    expect((await ok<Row>(await put('suppliers', 'CR-SUP', { code: 'SUP-CR', name: 'Ningbo Polymer' }))).outcome).toBe('updated');
  });
});
