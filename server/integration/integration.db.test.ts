import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../domain/gs1';
import { verifyAuditChain } from '../audit';
import { ADMIN_PASSWORD, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';

// The inbound API as an ERP calls it: keys, upserts by external id, Idempotency-Key, batches.
let t: TestDb;
let app: TestApp;
let admin: string;
let erp: string;

beforeAll(async () => {
  t = await openTestDb('integration');
  app = await testApp(t.db);
  admin = await signIn(app, 'admin', ADMIN_PASSWORD);
  erp = await newKey('erp', ['items:write', 'partners:write', 'locations:write', 'orders:write', 'work-orders:write', 'read']);
});
afterAll(() => t.close());

async function newKey(integration: string, scopes: string[]): Promise<string> {
  const res = await app.request('/api/api-keys', json('POST', { integration, scopes }, admin));
  expect(res.status).toBe(201);
  return ((await res.json()) as { secret: string }).secret;
}

function call(method: string, path: string, body: unknown, key: string, headers: Record<string, string> = {}) {
  return app.request(path, { method, headers: { 'content-type': 'application/json', 'x-api-key': key, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function errorOf(res: Response) {
  return { status: res.status, ...((await res.json()) as { error: { code: string; message: string; details?: Record<string, unknown> } }).error };
}

/** A valid GTIN-14 made from a number, so every test row gets its own. */
function gtin(n: number): string {
  const body = `0950600${String(n).padStart(6, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

const item = (externalId: string, n: number, extra: Record<string, unknown> = {}) => ({ externalId, gtin: gtin(n), sku: `SKU-${n}`, name: `Catheter ${n}`, ...extra });
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params)).rows[0]!.n);

interface Batch {
  summary: { rows: number; created: number; updated: number; unchanged: number; pending: number; errors: number };
  results: { index: number; externalId: string | null; outcome: string; field?: string; message?: string; id?: string }[];
}

describe('upsert one record by external id', () => {
  it('creates, reports unchanged on the same body, updates on a changed one, and audits under the integration', async () => {
    const body = { gtin: gtin(1), sku: 'SKU-1', name: 'Catheter 1', udiDi: gtin(1), udi: { brandName: 'VeinEasy', deviceClass: 'II', sterile: true, singleUse: true } };
    const first = await call('PUT', '/api/integration/items/ERP-1', body, erp);
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; outcome: string };
    expect(created).toMatchObject({ outcome: 'created', externalId: 'ERP-1' });
    // Trailing spaces in the id are trimmed; the key order of the body does not matter.
    const same = await call('PUT', `/api/integration/items/${encodeURIComponent(' ERP-1 ')}`, { name: 'Catheter 1', sku: 'SKU-1', gtin: gtin(1), udiDi: gtin(1), udi: { singleUse: true, sterile: true, deviceClass: 'II', brandName: 'VeinEasy' } }, erp);
    expect(same.status).toBe(200);
    expect(await same.json()).toMatchObject({ outcome: 'unchanged', id: created.id });
    const changed = await call('PUT', '/api/integration/items/ERP-1', { ...body, name: 'Catheter 1 (new pack)' }, erp);
    expect(await changed.json()).toMatchObject({ outcome: 'updated', id: created.id });
    const row = await t.db.query<{ name: string; version: number; udi_attributes: { brandName: string } }>('SELECT name, version, udi_attributes FROM items WHERE external_id = $1', ['ERP-1']);
    expect(row.rows[0]).toMatchObject({ name: 'Catheter 1 (new pack)', version: 2, udi_attributes: { brandName: 'VeinEasy' } });
    const audit = await t.db.query<{ action: string; actor_name: string; actor_id: string | null }>("SELECT action, actor_name, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY seq", [created.id]);
    expect(audit.rows).toEqual([
      { action: 'item.created', actor_name: 'integration:erp', actor_id: null },
      { action: 'item.updated', actor_name: 'integration:erp', actor_id: null },
    ]);
    expect(await count("audit_log WHERE action = 'api_key.used' AND actor_name = 'integration:erp'")).toBe(2);
    const read = await call('GET', '/api/integration/items/ERP-1', undefined, erp);
    expect(await read.json()).toMatchObject({ id: created.id, version: 2, record: { name: 'Catheter 1 (new pack)', gtin: gtin(1) } });
  });

  it('answers 400 naming the field, 409 for a natural key held by another record, 422 for an unknown reference', async () => {
    const bad = await call('PUT', '/api/integration/items/ERP-2', { gtin: '09506000000001', sku: 'SKU-2', name: 'x' }, erp);
    expect(await errorOf(bad)).toMatchObject({ status: 400, code: 'invalid_request', message: 'body.gtin: has a wrong check digit' });
    const taken = await call('PUT', '/api/integration/items/ERP-2', { gtin: gtin(1), sku: 'SKU-2', name: 'x' }, erp);
    expect(await errorOf(taken)).toMatchObject({ status: 409, code: 'conflict', details: { field: 'body.gtin' } });
    const orphan = await call('PUT', '/api/integration/sales-orders/SO-1', { number: 'SO-1', customer: 'NOBODY', lines: [{ line: 1, item: 'ERP-1', qty: 2 }] }, erp);
    expect(await errorOf(orphan)).toMatchObject({ status: 422, code: 'unknown_reference', message: 'body.customer: NOBODY is not the external id of a known customer' });
    expect(await count("items WHERE external_id = 'ERP-2'")).toBe(0);
  });
});

describe('external ids that could pass for another', () => {
  it.each([
    ['an inner space', 'ERP 9', 'contains a space'],
    ['a full-width letter', 'ＥRP-9', 'full-width'],
    ['an ideographic space inside', 'ERP\u30009', 'contains a space'],
  ])('refuses %s in the path with 400 and writes nothing', async (_name, id, words) => {
    const before = await count('items');
    const res = await call('PUT', `/api/integration/items/${encodeURIComponent(id)}`, { gtin: gtin(9), sku: 'SKU-9', name: 'x' }, erp);
    const error = await errorOf(res);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(error.message).toMatch(/^param\.externalId: /);
    expect(error.message).toContain(words);
    expect(await count('items')).toBe(before);
  });

  it.each([
    ['NUL', 'ERP\u00009', 'nul'],
    ['a lone surrogate', 'ERP\uD8009', 'lone_surrogate'],
  ])('refuses a batch holding %s in an id with 400 and writes none of its rows', async (_name, id, problem) => {
    const before = await count('items');
    const res = await call('POST', '/api/integration/items/batch', { rows: [item('OK-1', 901), item(id, 902)] }, erp);
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'invalid_text', details: { field: 'body.rows.1.externalId', problem } });
    expect(await count('items')).toBe(before);
  });

  it('reports a row whose id has an inner or full-width space as that row, with the id as sent', async () => {
    const res = await call('POST', '/api/integration/items/batch', { rows: [item('WS-1', 911), item('WS 2', 912), item('ＷＳ-3', 913), item('  WS-1 ', 914)] }, erp);
    expect(res.status).toBe(207);
    const body = (await res.json()) as Batch;
    expect(body.results.map((r) => [r.index, r.externalId, r.outcome, r.field])).toEqual([
      [0, 'WS-1', 'created', undefined],
      [1, 'WS 2', 'error', 'externalId'],
      [2, 'ＷＳ-3', 'error', 'externalId'],
      [3, 'WS-1', 'error', 'externalId'],
    ]);
    expect(body.results[3]!.message).toBe('repeats row 0 of this batch');
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer with its status, and refuses the key with another body (409), writing nothing', async () => {
    const headers = { 'idempotency-key': 'sync-2026-12-01-0001' };
    const body = { code: 'C-100', name: 'City Hospital', consigneeName: 'Head of sterile supply', address: '1 Main St', phone: '+86 21 5555 0100', gln: '9506000000012'.slice(0, 12) + gs1CheckDigit('950600000001') };
    const first = await call('PUT', '/api/integration/customers/CUST-100', body, erp, headers);
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const again = await call('PUT', '/api/integration/customers/CUST-100', body, erp, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    const auditBefore = await count('audit_log');
    const other = await call('PUT', '/api/integration/customers/CUST-100', { ...body, name: 'City Hospital East' }, erp, headers);
    const error = await errorOf(other);
    expect(error).toMatchObject({ status: 409, code: 'idempotency_key_reused' });
    expect(error.message).toContain('sync-2026-12-01-0001');
    expect(await count('audit_log')).toBe(auditBefore);
    expect((await t.db.query<{ name: string }>("SELECT name FROM customers WHERE external_id = 'CUST-100'")).rows).toEqual([{ name: 'City Hospital' }]);
  });

  it('gives two identical requests sent at once one effect and the same answer', async () => {
    const headers = { 'idempotency-key': 'twins-1' };
    const rows = [item('TW-1', 301), item('TW-2', 302)];
    const [a, b] = await Promise.all([call('POST', '/api/integration/items/batch', { rows }, erp, headers), call('POST', '/api/integration/items/batch', { rows }, erp, headers)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const [bodyA, bodyB] = (await Promise.all([a.json(), b.json()])) as Batch[];
    expect(bodyA).toEqual(bodyB);
    expect(bodyA!.summary).toMatchObject({ created: 2, errors: 0 });
    expect(await count("items WHERE external_id IN ('TW-1', 'TW-2')")).toBe(2);
    expect(await count("audit_log WHERE action = 'item.created' AND after->>'externalId' IN ('TW-1', 'TW-2')")).toBe(2);
    expect([a, b].filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(1);
  });

  it('lets two writes of one new record at once, without a key, create it once', async () => {
    const body = { code: 'RACK-7', name: 'Rack 7', kind: 'storage' };
    const answers = await Promise.all([call('PUT', '/api/integration/locations/LOC-R7', body, erp), call('PUT', '/api/integration/locations/LOC-R7', body, erp)]);
    const outcomes = (await Promise.all(answers.map((r) => r.json() as Promise<{ outcome: string }>))).map((b) => b.outcome).sort();
    expect(outcomes).toEqual(['created', 'unchanged']);
    expect(await count("locations WHERE external_id = 'LOC-R7'")).toBe(1);
  });

  it('belongs to the integration, not the key: a retry with the rotated key gets the first answer', async () => {
    const first = await newKey('wms', ['locations:write']);
    const headers = { 'idempotency-key': 'wms-1' };
    const body = { code: 'WMS-1', name: 'WMS bay 1', kind: 'storage' };
    const created = await call('PUT', '/api/integration/locations/WMS-1', body, first, headers);
    expect(created.status).toBe(201);
    const id = (await t.db.query<{ id: string }>('SELECT id FROM api_keys WHERE prefix = $1', [first.slice(0, 10)])).rows[0]!.id;
    const rotated = (await (await app.request(`/api/api-keys/${id}/rotate`, json('POST', { graceMinutes: 0 }, admin))).json()) as { secret: string; replaced: { state: string } };
    expect(rotated.replaced.state).toBe('revoked');
    const retry = await call('PUT', '/api/integration/locations/WMS-1', body, rotated.secret, headers);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses a malformed key', async () => {
    const res = await call('PUT', '/api/integration/locations/L-X', { code: 'L-X', name: 'x', kind: 'storage' }, erp, { 'idempotency-key': 'x'.repeat(201) });
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'invalid_idempotency_key' });
  });
});

describe('batches', () => {
  it.each([1, 7, 500, 5000])('writes every good row of %i and reports the bad one in the middle by index and field', async (size) => {
    const base = 100 * size;
    const bad = Math.floor(size / 2);
    const rows = Array.from({ length: size }, (_, i) => item(`B${size}-${i}`, base + i, i === bad ? { shelfLifeDays: 0 } : {}));
    const res = await call('POST', '/api/integration/items/batch', { rows }, erp, { 'idempotency-key': `batch-${size}` });
    expect(res.status).toBe(207);
    const body = (await res.json()) as Batch;
    expect(body.summary).toEqual({ rows: size, created: size - 1, updated: 0, unchanged: 0, pending: 0, errors: 1 });
    expect(body.results[bad]).toMatchObject({ index: bad, externalId: `B${size}-${bad}`, outcome: 'error', field: 'shelfLifeDays' });
    expect(body.results.filter((r) => r.outcome === 'created').map((r) => r.index)).toEqual(rows.map((_, i) => i).filter((i) => i !== bad));
    expect(await count('items WHERE external_id LIKE $1', [`B${size}-%`])).toBe(size - 1);
    expect(await count('items WHERE external_id = $1', [`B${size}-${bad}`])).toBe(0);
    // The same batch again (another key): nothing written, every good row unchanged.
    const again = (await (await call('POST', '/api/integration/items/batch', { rows }, erp)).json()) as Batch;
    expect(again.summary).toEqual({ rows: size, created: 0, updated: 0, unchanged: size - 1, pending: 0, errors: 1 });
  });

  it('refuses a batch over the integration body limit with 413 and writes none of it (the 5,000-row batch above is over the API limit of other routes)', async () => {
    const small = await testApp(t.db, { integrationBodyLimitBytes: 4096 });
    const rows = Array.from({ length: 100 }, (_, i) => item(`BIG-${i}`, 600 + i));
    expect(JSON.stringify({ rows }).length).toBeGreaterThan(4096);
    const res = await small.request('/api/integration/items/batch', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': erp }, body: JSON.stringify({ rows }) });
    expect(await errorOf(res)).toMatchObject({ status: 413, code: 'payload_too_large', details: { limitBytes: 4096 } });
    expect(await count("items WHERE external_id LIKE 'BIG-%'")).toBe(0);
  });

  it('takes over a record entered without an external id by its natural key, once', async () => {
    await t.db.query("INSERT INTO locations (code, name, kind) VALUES ('DOCK-1', 'Dock 1', 'receiving')");
    const res = await call('POST', '/api/integration/locations/batch', { rows: [{ externalId: 'LOC-D1', code: 'DOCK-1', name: 'Dock 1', kind: 'receiving' }, { externalId: 'LOC-D2', code: 'DOCK-1', name: 'Dock 1 again', kind: 'receiving' }] }, erp);
    const body = (await res.json()) as Batch;
    expect(body.results.map((r) => [r.outcome, r.field ?? null])).toEqual([
      ['updated', null],
      ['error', 'code'],
    ]);
    expect((await t.db.query("SELECT external_id FROM locations WHERE code = 'DOCK-1'")).rows).toEqual([{ external_id: 'LOC-D1' }]);
  });
});

describe('orders and work orders', () => {
  it('keeps purchase orders, ship notices and sales orders with their lines, naming a bad line', async () => {
    await call('PUT', '/api/integration/suppliers/SUP-1', { code: 'SUP-1', name: 'Tubing Co' }, erp);
    const po = await call('POST', '/api/integration/purchase-orders/batch', {
      rows: [
        { externalId: 'PO-1', number: 'PO-1', supplier: 'SUP-1', lines: [{ line: 1, item: 'ERP-1', qty: 100 }] },
        { externalId: 'ASN-1', kind: 'ship_notice', number: 'ASN-1', supplier: 'SUP-1', expectedOn: '2026-12-10', lines: [{ line: 1, item: 'ERP-1', qty: 100, supplierLot: 'L2401', expiresOn: '2028-11-30' }, { line: 2, item: 'NO-SUCH', qty: 5 }] },
      ],
    }, erp);
    const body = (await po.json()) as Batch;
    expect(body.results.map((r) => [r.outcome, r.field ?? null])).toEqual([
      ['created', null],
      ['error', 'lines.1.item'],
    ]);
    const twice = await call('POST', '/api/integration/purchase-orders/batch', {
      rows: [
        { externalId: 'PO-2', number: 'PO-2', supplier: 'SUP-1', lines: [{ line: 1, item: 'ERP-1', qty: 1 }] },
        { externalId: 'PO-2B', number: 'PO-2', supplier: 'SUP-1', lines: [{ line: 1, item: 'ERP-1', qty: 2 }] },
        { externalId: 'ASN-2', kind: 'ship_notice', number: 'PO-2', supplier: 'SUP-1', lines: [{ line: 1, item: 'ERP-1', qty: 2 }] },
      ],
    }, erp);
    expect(((await twice.json()) as Batch).results.map((r) => [r.outcome, r.field ?? null, r.message ?? null])).toEqual([
      ['created', null, null],
      ['error', 'number', 'repeats row 0 of this batch'],
      ['created', null, null],
    ]);
    const so = await call('PUT', '/api/integration/sales-orders/SO-9', { number: 'SO-9', customer: 'CUST-100', shipBy: '2026-12-20', lines: [{ line: 1, item: 'ERP-1', qty: 10 }] }, erp);
    expect(so.status).toBe(201);
    const stored = await t.db.query<{ lines: { itemId: string; qty: number }[] }>("SELECT lines FROM sales_orders WHERE external_id = 'SO-9'");
    expect(stored.rows[0]!.lines[0]).toMatchObject({ item: 'ERP-1', qty: 10 });
  });

  it('opens a work order with its finished lot numbered, and refuses to move it to another item', async () => {
    const wo = await call('PUT', '/api/integration/work-orders/MES-WO-1', { number: 'WO-MES-1', item: 'ERP-1', plannedQty: 250, lineCode: 'L1' }, erp);
    expect(wo.status).toBe(201);
    const row = await t.db.query<{ lot_id: string | null }>("SELECT lot_id FROM work_orders WHERE external_id = 'MES-WO-1'");
    expect(row.rows[0]!.lot_id).not.toBeNull();
    const closed = await call('PUT', '/api/integration/work-orders/MES-WO-1', { number: 'WO-MES-1', item: 'ERP-1', plannedQty: 250, lineCode: 'L1', status: 'closed' }, erp);
    expect(await closed.json()).toMatchObject({ outcome: 'updated' });
    const moved = await call('PUT', '/api/integration/work-orders/MES-WO-1', { number: 'WO-MES-1', item: 'TW-1', plannedQty: 250 }, erp);
    expect(await errorOf(moved)).toMatchObject({ status: 409, code: 'conflict', details: { field: 'body.item' } });
  });
});

describe('API keys', () => {
  it('refuses a key without the scope (403), a user session (401) and a made-up key (401)', async () => {
    const reader = await newKey('bi-reader', ['read']);
    expect(await errorOf(await call('PUT', '/api/integration/items/R-1', item('R-1', 501), reader))).toMatchObject({ status: 403, code: 'scope_missing', details: { required: 'items:write' } });
    expect((await call('GET', '/api/integration/items/ERP-1', undefined, reader)).status).toBe(200);
    const session = await app.request('/api/integration/items/R-1', { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify(item('R-1', 501)) });
    expect(await errorOf(session)).toMatchObject({ status: 401, code: 'api_key_required' });
    expect(await errorOf(await call('PUT', '/api/integration/items/R-1', item('R-1', 501), `lk_${'A'.repeat(43)}`))).toMatchObject({ status: 401, code: 'api_key_invalid' });
    expect(await errorOf(await app.request('/api/integration/items/R-1', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' }))).toMatchObject({ status: 401, code: 'api_key_required' });
  });

  it('takes the key as a bearer token too, and never lists its secret', async () => {
    const res = await app.request('/api/integration/items/ERP-1', { headers: { authorization: `Bearer ${erp}` } });
    expect(res.status).toBe(200);
    const list = await (await app.request('/api/api-keys', { headers: { authorization: `Bearer ${admin}` } })).text();
    expect(list).not.toContain(erp);
    expect(list).toContain(erp.slice(0, 10));
    expect(await count('api_keys WHERE key_hash LIKE $1', [`${erp.slice(0, 10)}%`])).toBe(0);
  });

  it('ends a revoked key and a key rotated without grace at once; a key rotated with grace works until it expires', async () => {
    const mes = await newKey('mes', ['work-orders:write', 'read']);
    const id = async (secret: string) => (await t.db.query<{ id: string }>('SELECT id FROM api_keys WHERE prefix = $1', [secret.slice(0, 10)])).rows[0]!.id;
    const rotated = await app.request(`/api/api-keys/${await id(mes)}/rotate`, json('POST', { graceMinutes: 60 }, admin));
    expect(rotated.status).toBe(201);
    const next = ((await rotated.json()) as { secret: string }).secret;
    expect((await call('GET', '/api/integration/items/ERP-1', undefined, mes)).status).toBe(200);
    expect((await call('GET', '/api/integration/items/ERP-1', undefined, next)).status).toBe(200);
    await t.db.query("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1", [await id(mes)]);
    expect(await errorOf(await call('GET', '/api/integration/items/ERP-1', undefined, mes))).toMatchObject({ status: 401, code: 'api_key_expired' });

    const now = await app.request(`/api/api-keys/${await id(next)}/rotate`, json('POST', { graceMinutes: 0 }, admin));
    const third = ((await now.json()) as { secret: string }).secret;
    expect(await errorOf(await call('GET', '/api/integration/items/ERP-1', undefined, next))).toMatchObject({ status: 401, code: 'api_key_revoked' });
    expect((await call('GET', '/api/integration/items/ERP-1', undefined, third)).status).toBe(200);

    const revoked = await app.request(`/api/api-keys/${await id(third)}/revoke`, json('POST', { reason: 'MES decommissioned' }, admin));
    expect(revoked.status).toBe(200);
    expect(await errorOf(await call('PUT', '/api/integration/work-orders/W-9', { number: 'W-9', item: 'ERP-1' }, third))).toMatchObject({ status: 401, code: 'api_key_revoked' });
    expect((await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'api_key' AND action <> 'api_key.used' ORDER BY seq")).rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['api_key.created', 'api_key.rotated', 'api_key.revoked']),
    );
  });

  it('refuses keys for other people to manage', async () => {
    const res = await app.request('/api/api-keys', json('POST', { integration: 'x1', scopes: ['read'] }, erp));
    expect(res.status).toBe(401);
  });
});

describe('OpenAPI document', () => {
  it('documents every inbound route with the key as its security', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { security?: unknown[] }>>; components: { securitySchemes: Record<string, unknown> } };
    for (const kind of ['items', 'suppliers', 'customers', 'locations', 'purchase-orders', 'sales-orders', 'work-orders']) {
      expect(doc.paths[`/api/integration/${kind}/{externalId}`]?.put?.security).toEqual([{ apiKey: [] }, { integrationBearer: [] }]);
      expect(doc.paths[`/api/integration/${kind}/batch`]?.post).toBeDefined();
    }
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
  });
});

describe('the audit chain after all of the above', () => {
  it('still verifies: refused keys wrote nothing, every write is chained', async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, breaks: [] });
    expect(await count("audit_log WHERE actor_name LIKE 'integration:%' AND actor_id IS NOT NULL")).toBe(0);
  });
});
