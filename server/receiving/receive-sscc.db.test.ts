import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../domain/gs1';
import { composeSscc } from '../../domain/sscc';
import type { InboundContainerDoc, OpProblem } from '../../sync';
import { verifyAuditChain } from '../audit';
import { containerContents } from '../packaging/contents';
import { loadDemoData } from '../seed/demo';
import { ADMIN_PASSWORD, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, ledgerMatchesBalances, newOp, pullCollection, pushOpsAs, type Handheld } from '../test-support/handheld';

// A supplier's ship notice names its pallets by SSCC; a handheld receives a pallet by one scan.
let t: TestDb;
let app: TestApp;
let erp: string;
let dock: Handheld;
let yard: Handheld;

const gtin = (n: number) => {
  const body = `0950600${String(n).padStart(6, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};
const CATHETER = gtin(71);
const GLOVES = gtin(72);
const sscc = (n: number) => composeSscc(3, '0614141', BigInt(n));
const wrongCheckDigit = (s: string) => `${s.slice(0, 17)}${(Number(s[17]) + 1) % 10}`;

interface Batch {
  results: { index: number; outcome: string; field?: string; code?: string; message?: string }[];
}

function call(method: string, path: string, body: unknown) {
  return app.request(path, { method, headers: { 'content-type': 'application/json', 'x-api-key': erp }, body: JSON.stringify(body) });
}
const notices = async (rows: unknown[]) => ((await (await call('POST', '/api/integration/purchase-orders/batch', { rows })).json()) as Batch).results;
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params)).rows[0]!.n);

const notice = (externalId: string, lines: unknown[], extra: Record<string, unknown> = {}) => ({ externalId, kind: 'ship_notice', number: externalId, supplier: 'SUP-ACME', lines, ...extra });
const line = (n: number, item: string, qty: number, supplierLot: string | null, pallet: string | null, expiresOn: string | null = '2028-06-30') => ({ line: n, item, qty, supplierLot, expiresOn, sscc: pallet });

async function opRow(id: string) {
  return (await t.db.query<{ status: string; outcome: { message: string; problems?: OpProblem[] } }>('SELECT status, outcome FROM ops WHERE id = $1', [id])).rows[0]!;
}
const receivePallet = (device: Handheld, pallet: string, lines: unknown[] = []) => newOp(device, 'receive_container', { sscc: pallet, locationCode: 'RCV-01', lines });

beforeAll(async () => {
  t = await openTestDb('receive_sscc');
  app = await testApp(t.db);
  const password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
  const key = await app.request('/api/api-keys', json('POST', { integration: 'erp', scopes: ['items:write', 'partners:write', 'orders:write', 'read'] }, admin));
  erp = ((await key.json()) as { secret: string }).secret;
  expect((await call('PUT', '/api/integration/suppliers/SUP-ACME', { code: 'ACME', name: 'Acme Medical 苏州' })).status).toBe(201);
  expect((await call('PUT', '/api/integration/items/ERP-CATH', { gtin: CATHETER, sku: 'CATH-71', name: 'Catheter 71', shelfLifeDays: 730 })).status).toBe(201);
  expect((await call('PUT', '/api/integration/items/ERP-GLOVE', { gtin: GLOVES, sku: 'GLOVE-72', name: 'Gloves 72' })).status).toBe(201);
  dock = await enrolAndSignIn(app, 'TC52 dock 1', 'clerk', password);
  yard = await enrolAndSignIn(app, 'TC52 yard', 'clerk', password);
});
afterAll(() => t.close());

describe('SSCCs on a ship notice', () => {
  it('keeps a mixed pallet as lines sharing one SSCC, and handhelds learn every expected SSCC with its lines', async () => {
    const results = await notices([
      notice('ASN-100', [line(1, 'ERP-CATH', 40, 'CA-1', sscc(1)), line(2, 'ERP-GLOVE', 500, 'GL/7', sscc(1), null), line(3, 'ERP-CATH', 10, 'CA-2', sscc(2)), line(4, 'ERP-GLOVE', 5, null, null, null)]),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['created']);
    const docs = await pullCollection<InboundContainerDoc>(app, dock, 'inbound');
    const mixed = docs.find((d) => d.sscc === sscc(1))!;
    expect(mixed).toMatchObject({ notice: 'ASN-100', supplier: 'Acme Medical 苏州', status: 'expected', receivedAt: null, _deleted: false });
    expect(mixed.lines).toEqual([
      { line: 1, gtin: CATHETER, lotNumber: 'CA-1', expiresOn: '2028-06-30', qty: 40 },
      { line: 2, gtin: GLOVES, lotNumber: 'GL/7', expiresOn: null, qty: 500 },
    ]);
    expect(docs.find((d) => d.sscc === sscc(2))!.lines).toHaveLength(1);
    expect(docs).toHaveLength(2);
  });

  it('refuses bad SSCC lines with their field and code, and writes nothing of a refused notice', async () => {
    const own = ((await (await app.request('/api/logistics/device-ssccs', { method: 'POST', headers: dock.headers, body: JSON.stringify({ count: 1 }) })).json()) as { ssccs: string[] }).ssccs[0]!;
    const before = await count('inbound_containers');
    const results = await notices([
      notice('ASN-BAD-1', [line(1, 'ERP-GLOVE', 1, 'X', wrongCheckDigit(sscc(3)))]),
      notice('ASN-BAD-2', [line(1, 'ERP-GLOVE', 1, null, sscc(3))]),
      notice('ASN-BAD-3', [line(1, 'ERP-CATH', 1, 'X', sscc(3), null)]),
      { ...notice('PO-BAD-4', [line(1, 'ERP-GLOVE', 1, 'X', sscc(3))]), kind: 'purchase_order' },
      notice('ASN-BAD-5', [line(1, 'ERP-GLOVE', 1, 'X', sscc(1))]),
      notice('ASN-BAD-6', [line(1, 'ERP-GLOVE', 1, 'X', own)]),
      notice('ASN-BAD-7', [line(1, 'ERP-GLOVE', 1, 'X', '12345678901234567')]),
      notice('ASN-OK-8', [line(1, 'ERP-GLOVE', 1, 'X', sscc(4))]),
      notice('ASN-BAD-9', [line(1, 'ERP-GLOVE', 1, 'X', sscc(4))]),
    ]);
    expect(results.map((r) => [r.outcome, r.field ?? null, r.code ?? null])).toEqual([
      ['error', 'lines.0.sscc', 'invalid'],
      ['error', 'lines.0.supplierLot', 'invalid'],
      ['error', 'lines.0.expiresOn', 'invalid'],
      ['error', 'lines.0.sscc', 'invalid'],
      ['error', 'lines.0.sscc', 'duplicate'],
      ['error', 'lines.0.sscc', 'conflict'],
      ['error', 'lines.0.sscc', 'invalid'],
      ['created', null, null],
      ['error', 'lines.0.sscc', 'duplicate'],
    ]);
    expect(results[0]!.message).toMatch(/check digit/);
    expect(results[4]!.message).toMatch(/open notice ASN-100/);
    expect(await count('inbound_containers')).toBe(before + 1);
    expect(await count("purchase_orders WHERE external_id LIKE '%BAD%'")).toBe(0);
  });

  it.each([
    ['a NUL', 'LOT\u0000A'],
    ['a lone surrogate', 'LOT\ud800'],
    ['full-width letters', 'ＬＯＴ１'],
    ['21 characters', 'L'.repeat(21)],
  ])('refuses a supplier lot with %s on a pallet line', async (_what, supplierLot) => {
    const res = await call('POST', '/api/integration/purchase-orders/batch', { rows: [notice('ASN-ODD', [line(1, 'ERP-GLOVE', 1, supplierLot, sscc(5))])] });
    const body = (await res.json()) as Batch & { error?: { code: string; details?: { field?: string } } };
    if (res.status === 400) expect(body.error).toMatchObject({ code: 'invalid_text' });
    else expect(body.results.map((r) => [r.outcome, r.field])).toEqual([['error', 'lines.0.supplierLot']]);
    expect(await count('inbound_containers WHERE sscc = $1', [sscc(5)])).toBe(0);
  });
});

describe('receiving a pallet by its SSCC', () => {
  it('books every lot on it, makes it a container holding them, marks it received, and audits it', async () => {
    const op = receivePallet(dock, sscc(1), [{ gtin: CATHETER, lotNumber: 'CA-1', qty: 40 }]);
    const [back] = await pushOpsAs(app, dock, [op]);
    const row = await opRow(op.id);
    expect(row.status).toBe('applied');
    expect(back ?? null).toBeNull();
    const stock = await t.db.query<{ gtin: string; lot_number: string; code: string; qty: number; supplier: string; supplier_lot: string; status: string }>(
      `SELECT i.gtin, l.lot_number, loc.code, b.qty::float8 AS qty, l.supplier, l.supplier_lot, l.status
         FROM stock_balances b JOIN lots l ON l.id = b.lot_id JOIN items i ON i.id = l.item_id JOIN locations loc ON loc.id = b.location_id
        WHERE l.lot_number IN ('CA-1', 'GL/7') ORDER BY l.lot_number`,
    );
    expect(stock.rows).toEqual([
      { gtin: CATHETER, lot_number: 'CA-1', code: 'RCV-01', qty: 40, supplier: 'Acme Medical 苏州', supplier_lot: 'CA-1', status: 'quarantine' },
      { gtin: GLOVES, lot_number: 'GL/7', code: 'RCV-01', qty: 500, supplier: 'Acme Medical 苏州', supplier_lot: 'GL/7', status: 'quarantine' },
    ]);
    const container = await t.db.query<{ origin: string; version: number; created_by_op: string }>('SELECT origin, version, created_by_op FROM containers WHERE sscc = $1', [sscc(1)]);
    expect(container.rows).toEqual([{ origin: 'received', version: 1, created_by_op: op.id }]);
    const units = await t.db.query<{ lot_number: string; qty: number; serial: string | null }>('SELECT l.lot_number, cu.qty::float8 AS qty, cu.serial FROM container_units cu JOIN lots l ON l.id = cu.lot_id WHERE cu.sscc = $1 ORDER BY l.lot_number', [sscc(1)]);
    expect(units.rows).toEqual([
      { lot_number: 'CA-1', qty: 40, serial: null },
      { lot_number: 'GL/7', qty: 500, serial: null },
    ]);
    expect(await count("container_versions WHERE sscc = $1 AND change = 'receive' AND op_id = $2", [sscc(1), op.id])).toBe(1);
    const inbound = await t.db.query<{ status: string; received_by: string; received_device_id: string; received_op_id: string; code: string }>(
      'SELECT ic.status, ic.received_by, ic.received_device_id, ic.received_op_id, l.code FROM inbound_containers ic JOIN locations l ON l.id = ic.received_location_id WHERE ic.sscc = $1',
      [sscc(1)],
    );
    expect(inbound.rows).toEqual([{ status: 'received', received_by: dock.userId, received_device_id: dock.deviceId, received_op_id: op.id, code: 'RCV-01' }]);
    expect(await count("audit_log WHERE action = 'op.receive_container' AND entity_id = $1", [op.id])).toBe(1);
    // The packaging records read the received pallet like any container: what it brought, by lot.
    const contents = await containerContents(t.db, sscc(1));
    expect(contents).toMatchObject({ status: 'loose', spec: 'received-pallet', version: 1 });
    expect(contents!.rollUp.map((l) => [l.gtin, l.lotNumber, l.qty])).toEqual([
      [CATHETER, 'CA-1', 40],
      [GLOVES, 'GL/7', 500],
    ]);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const docs = await pullCollection<InboundContainerDoc>(app, yard, 'inbound');
    expect(docs.find((d) => d.sscc === sscc(1))).toMatchObject({ status: 'received' });
    expect(docs.find((d) => d.sscc === sscc(1))!.receivedAt).not.toBeNull();
  });

  it('books an op pushed twice at once only once', async () => {
    const op = receivePallet(dock, sscc(2));
    await Promise.all([pushOpsAs(app, dock, [op]), pushOpsAs(app, dock, [op])]);
    expect((await opRow(op.id)).status).toBe('applied');
    expect(await count('stock_moves WHERE op_id = $1', [op.id])).toBe(1);
    expect(await count('container_units WHERE sscc = $1', [sscc(2)])).toBe(1);
  });

  it('makes the second handheld receiving the same SSCC a conflict for the supervisor, never a second receipt', async () => {
    const late = receivePallet(yard, sscc(1));
    await pushOpsAs(app, yard, [late]);
    const row = await opRow(late.id);
    expect(row.status).toBe('exception');
    expect(row.outcome.problems).toEqual([{ code: 'sscc_already_received', params: expect.objectContaining({ sscc: sscc(1), notice: 'ASN-100', receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }) }]);
    expect(await count('stock_moves WHERE op_id = $1', [late.id])).toBe(0);
    expect(await count("stock_exceptions WHERE op_id = $1 AND kind = 'sscc_already_received'", [late.id])).toBe(1);
  });

  it('books a pallet once when two handhelds push it at the same moment', async () => {
    expect((await notices([notice('ASN-200', [line(1, 'ERP-GLOVE', 7, 'GL-8', sscc(6)), line(2, 'ERP-GLOVE', 3, 'GL-8', sscc(6))])]))[0]!.outcome).toBe('created');
    const a = receivePallet(dock, sscc(6));
    const b = receivePallet(yard, sscc(6));
    await Promise.all([pushOpsAs(app, dock, [a]), pushOpsAs(app, yard, [b])]);
    const statuses = [(await opRow(a.id)).status, (await opRow(b.id)).status].sort();
    expect(statuses).toEqual(['applied', 'exception']);
    const booked = await t.db.query<{ qty: number }>("SELECT sum(qty)::float8 AS qty FROM stock_moves m JOIN lots l ON l.id = m.lot_id WHERE l.lot_number = 'GL-8'");
    expect(booked.rows[0]!.qty).toBe(10);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  });

  it('refuses an SSCC no open notice expects, with its code', async () => {
    const op = receivePallet(dock, sscc(99));
    await pushOpsAs(app, dock, [op]);
    const row = await opRow(op.id);
    expect(row.status).toBe('rejected');
    expect(row.outcome.problems?.[0]).toMatchObject({ code: 'op_failed', params: { cause: 'sscc_not_expected', field: 'sscc' } });
    expect(await count('stock_moves WHERE op_id = $1', [op.id])).toBe(0);
  });

  it('rejects a receive_container op with a bad check digit before it touches anything', async () => {
    const op = receivePallet(dock, wrongCheckDigit(sscc(4)));
    await pushOpsAs(app, dock, [op]);
    const row = await opRow(op.id);
    expect(row.status).toBe('rejected');
    expect(row.outcome.message).toMatch(/^sscc: has a wrong check digit/);
  });

  it('keeps a received pallet as received: its notice may come again unchanged, not with other lines, and closing it withdraws only what was not received', async () => {
    const lines = [line(1, 'ERP-CATH', 40, 'CA-1', sscc(1)), line(2, 'ERP-GLOVE', 500, 'GL/7', sscc(1), null), line(3, 'ERP-CATH', 10, 'CA-2', sscc(2)), line(4, 'ERP-GLOVE', 5, null, null, null)];
    expect((await notices([notice('ASN-100', lines)]))[0]!.outcome).toBe('unchanged');
    const changed = await notices([notice('ASN-100', [{ ...lines[0], qty: 41 }, ...lines.slice(1)])]);
    expect(changed.map((r) => [r.outcome, r.field, r.code])).toEqual([['error', 'lines.0.sscc', 'conflict']]);
    expect((await notices([notice('ASN-OK-8', [line(1, 'ERP-GLOVE', 1, 'X', sscc(4))], { status: 'closed' })]))[0]!.outcome).toBe('updated');
    const docs = await pullCollection<InboundContainerDoc>(app, yard, 'inbound');
    expect(docs.find((d) => d.sscc === sscc(4))!._deleted).toBe(true);
    expect(docs.find((d) => d.sscc === sscc(1))!._deleted).toBe(false);
    // Withdrawn from a closed notice, the SSCC may travel on another.
    expect((await notices([notice('ASN-300', [line(1, 'ERP-GLOVE', 1, 'X', sscc(4))])]))[0]!.outcome).toBe('created');
  });
});
