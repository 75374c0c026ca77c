import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gs1CheckDigit, readScan } from '../../../domain/gs1';
import { composeSscc, isValidSscc } from '../../../domain/sscc';
import { readLabelBarcodes } from '../../../printers/render';
import { loadDemoData } from '../../seed/demo';
import { ADMIN_PASSWORD, bearer, json, signIn, testApp, type TestApp } from '../../test-support/app';
import { openTestDb, type TestDb } from '../../test-support/db';
import { enrolAndSignIn, newOp, pushOpsAs, type Handheld } from '../../test-support/handheld';

let t: TestDb;
let app: TestApp;
let labels: string;
let picker: string;
let password: string;

beforeAll(async () => {
  t = await openTestDb('sscc_api');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  labels = await signIn(app, 'labels', password);
  picker = await signIn(app, 'picker', password);
});
afterAll(() => t.close());

const issue = (body: unknown, token = labels) => app.request('/api/sscc', json('POST', body, token));
const pallet = { companyPrefix: '0614141', extension: 3, count: 3, purpose: 'pallets of shipment 发货-0007' };

describe('POST /api/sscc', () => {
  it('issues SSCCs in order under the label admin, one audit row for the run, and tells who issued each', async () => {
    const res = await issue(pallet);
    expect(res.status, await res.clone().text()).toBe(201);
    const { ssccs } = (await res.json()) as { ssccs: string[] };
    expect(ssccs).toHaveLength(3);
    for (const s of ssccs) expect(isValidSscc(s) && s.startsWith('30614141')).toBe(true);
    expect(new Set(ssccs).size).toBe(3);

    const audit = await t.db.query<{ action: string; entity_id: string; actor_name: string; after: { count: number; first: string; last: string; purpose: string } }>(
      `SELECT action, entity_id, actor_name, after FROM audit_log WHERE entity_type = 'sscc' ORDER BY seq`,
    );
    expect(audit.rows).toEqual([{ action: 'sscc.issued', entity_id: ssccs[0], actor_name: 'labels', after: expect.objectContaining({ count: 3, first: ssccs[0], last: ssccs[2], purpose: pallet.purpose }) }]);

    const found = await app.request(`/api/sscc/${ssccs[1]}`, bearer(picker));
    expect(await found.json()).toMatchObject({ sscc: ssccs[1], issuedBy: 'labels', purpose: pallet.purpose });
  });

  it('gives two people asking at once different SSCCs', async () => {
    const answers = await Promise.all([issue({ ...pallet, count: 50 }), issue({ ...pallet, count: 50 })]);
    const all = (await Promise.all(answers.map((r) => r.json() as Promise<{ ssccs: string[] }>))).flatMap((a) => a.ssccs);
    expect(all).toHaveLength(100);
    expect(new Set(all).size).toBe(100);
  });

  it.each([
    [{ ...pallet, count: 0 }, 400, 'count'],
    [{ ...pallet, count: 10_001 }, 400, 'count'],
    [{ ...pallet, extension: 10 }, 400, 'extension'],
    [{ ...pallet, companyPrefix: '06141４1' }, 400, 'companyPrefix'],
    [{ ...pallet, purpose: 'pallet \u0000 7' }, 400, 'NUL'],
    [{ ...pallet, purpose: 'pallet \ud800' }, 400, 'surrogate'],
    [{ ...pallet, purpose: '   ' }, 400, 'purpose'],
    // 0614141 is a 7-digit prefix: its first six digits are not a whole GS1 Company Prefix.
    [{ ...pallet, companyPrefix: '061414' }, 422, 'not a whole GS1 Company Prefix'],
  ])('%j is refused (%i), naming %s, and nothing is issued', async (body, status, words) => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sscc_issued');
    const res = await issue(body);
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(words);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sscc_issued')).rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('is for label admins and supervision, not pickers', async () => {
    expect((await issue(pallet, picker)).status).toBe(403);
    expect((await app.request('/api/sscc', json('POST', pallet))).status).toBe(401);
  });
});

describe('GET /api/sscc/{sscc}', () => {
  it('refuses what is not an SSCC and says when Lotline did not issue one', async () => {
    expect((await app.request('/api/sscc/106141410000000010', bearer(picker))).status).toBe(400);
    const unknown = await app.request('/api/sscc/006141410000000012', bearer(picker));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('did not issue');
  });
});

describe('POST /api/sscc/{sscc}/label', () => {
  const shipment = {
    size: 'a6',
    dpi: 203,
    shipFrom: { name: 'Suzhou Medical Devices Co.', address: ['88 Xinghu St', 'Suzhou 215000'] },
    shipTo: { name: 'Sinopharm Beijing', address: ['Beijing DC, Dock 4'] },
    content: { gtin: '06901234000016', count: 480, lot: 'S24110701', expiry: '2029-06-30' },
    reference: 'SO-1042',
  };

  it('prints the logistic label of an issued SSCC: its preview scans back with the SSCC lowest', async () => {
    const [sscc] = ((await (await issue({ ...pallet, count: 1 })).json()) as { ssccs: string[] }).ssccs;
    const res = await app.request(`/api/sscc/${sscc}/label`, json('POST', shipment, labels));
    expect(res.status, await res.clone().text()).toBe(200);
    const made = (await res.json()) as { zpl: string; png: string; symbols: string[][] };
    expect(made.zpl).toMatch(/^\^XA/);
    const scanned = (await readLabelBarcodes(Buffer.from(made.png, 'base64'))).map((b) => {
      const read = readScan(b.scan, { referenceYear: 2026, checkAssociations: false });
      return read.ok && read.kind === 'gs1' ? read.elements.map((e) => `(${e.ai})${e.value}`) : [];
    });
    expect(scanned).toEqual(made.symbols);
    expect(scanned.at(-1)).toEqual([`(00)${sscc}`]);
  });

  it('draws a Chinese ship-to as a picture, so it prints on a printer without a CJK font and shows in the preview', async () => {
    const [sscc] = ((await (await issue({ ...pallet, count: 1 })).json()) as { ssccs: string[] }).ssccs;
    const res = await app.request(`/api/sscc/${sscc}/label`, json('POST', { ...shipment, shipTo: { name: '国药控股北京有限公司', address: ['北京市丰台区 4号门'] } }, labels));
    expect(res.status, await res.clone().text()).toBe(200);
    const made = (await res.json()) as { zpl: string; png: string; symbols: string[][] };
    expect(made.zpl.match(/\^GFA/g)).toHaveLength(2);
    // No Chinese character is left for a printer font without the glyphs to show as boxes.
    expect(made.zpl).not.toMatch(/_E5|_E4|_E9|[\u4e00-\u9fff]/);
    expect((await readLabelBarcodes(Buffer.from(made.png, 'base64'))).length).toBe(made.symbols.length);
  });

  it('refuses an SSCC Lotline did not issue, a size it does not know, and data that would not print well, naming the field', async () => {
    const [sscc] = ((await (await issue({ ...pallet, count: 1 })).json()) as { ssccs: string[] }).ssccs;
    expect((await app.request('/api/sscc/006141410000000012/label', json('POST', shipment, labels))).status).toBe(404);
    expect((await app.request(`/api/sscc/${sscc}/label`, json('POST', { ...shipment, size: 'A4' }, labels))).status).toBe(400);
    const nul = await app.request(`/api/sscc/${sscc}/label`, json('POST', { ...shipment, shipTo: { name: 'Dock\u0000' } }, labels));
    expect(nul.status).toBe(400);
    const bad = await app.request(`/api/sscc/${sscc}/label`, json('POST', { ...shipment, content: { ...shipment.content, gtin: '06901234000017' } }, labels));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: 'label_data_refused', details: { field: 'content.gtin' } } });
    expect((await app.request(`/api/sscc/${sscc}/label`, json('POST', shipment, picker))).status).toBe(403);
  });
});

describe("GET /api/sscc/{sscc}/contents of a supplier's SSCC", () => {
  const CATHETER = `0950600000081${gs1CheckDigit('0950600000081')}`;
  const GLOVES = `0950600000082${gs1CheckDigit('0950600000082')}`;
  const palletOf = (n: number) => composeSscc(7, '0614141', BigInt(n));
  let erp: string;
  let dock: Handheld;
  const call = (path: string, body: unknown) => app.request(path, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-api-key': erp }, body: JSON.stringify(body) });
  const line = (n: number, item: string, qty: number, supplierLot: string, pallet: string, expiresOn: string | null) => ({ line: n, item, qty, supplierLot, expiresOn, sscc: pallet });
  const lookUp = (sscc: string) => app.request(`/api/sscc/${sscc}/contents`, bearer(picker));

  beforeAll(async () => {
    const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
    const key = await app.request('/api/api-keys', json('POST', { integration: 'erp', scopes: ['items:write', 'partners:write', 'orders:write', 'read'] }, admin));
    erp = ((await key.json()) as { secret: string }).secret;
    expect((await call('/api/integration/suppliers/SUP-NORD', { code: 'NORD', name: 'Nord Medical 苏州' })).status).toBe(201);
    expect((await call('/api/integration/items/ERP-CATH-81', { gtin: CATHETER, sku: 'CATH-81', name: 'Catheter 81', shelfLifeDays: 730 })).status).toBe(201);
    expect((await call('/api/integration/items/ERP-GLOVE-82', { gtin: GLOVES, sku: 'GLOVE-82', name: 'Gloves 82' })).status).toBe(201);
    const asn = {
      kind: 'ship_notice',
      number: 'ASN-81',
      supplier: 'SUP-NORD',
      lines: [
        line(1, 'ERP-CATH-81', 40, 'CA-9', palletOf(1), '2028-06-30'),
        line(2, 'ERP-GLOVE-82', 500, 'GL/7', palletOf(1), null),
        line(3, 'ERP-CATH-81', 10, 'CA-9', palletOf(1), '2027-01-31'),
        line(4, 'ERP-CATH-81', 12, 'CA-8', palletOf(2), '2027-03-31'),
      ],
    };
    const put = await call('/api/integration/purchase-orders/ASN-81', asn);
    expect(put.status, await put.clone().text()).toBe(201);
    dock = await enrolAndSignIn(app, 'TC52 dock 8', 'clerk', password);
  });

  it('answers an expected SSCC with its notice, supplier and what the notice says it holds, by lot, earliest expiry first', async () => {
    const res = await lookUp(palletOf(1));
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      sscc: palletOf(1),
      status: 'expected',
      inbound: { notice: 'ASN-81', supplier: 'Nord Medical 苏州', receivedAt: null, receivedBy: null, receivedLocation: null },
      version: 0,
      shipTo: null,
    });
    // Two lines of one lot with different dates: one row, the earlier date, the quantities summed.
    expect(body.rollUp).toEqual([
      { gtin: CATHETER, lotNumber: 'CA-9', qty: 50, serials: 0, expiresOn: '2027-01-31', held: 0 },
      { gtin: GLOVES, lotNumber: 'GL/7', qty: 500, serials: 0, expiresOn: null, held: 0 },
    ]);
  });

  it('answers a received SSCC with who received it, when and where, and the lots it brought, a hold inside counted', async () => {
    const op = newOp(dock, 'receive_container', { sscc: palletOf(2), locationCode: 'RCV-01', lines: [] });
    const [back] = await pushOpsAs(app, dock, [op]);
    expect(back?.status ?? (await t.db.query<{ status: string }>('SELECT status FROM ops WHERE id = $1', [op.id])).rows[0]!.status).not.toBe('rejected');
    const res = await lookUp(palletOf(2));
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { status: string; inbound: { receivedAt: string }; rollUp: unknown[]; tree: { units: unknown[] } };
    expect(body).toMatchObject({ sscc: palletOf(2), status: 'received', spec: 'received-pallet', version: 1, inbound: { notice: 'ASN-81', supplier: 'Nord Medical 苏州', receivedBy: 'clerk', receivedLocation: 'RCV-01' } });
    expect(Date.now() - Date.parse(body.inbound.receivedAt)).toBeLessThan(60_000);
    // Quarantine awaits QC; it is not a hold.
    expect(body.rollUp).toEqual([{ gtin: CATHETER, lotNumber: 'CA-8', qty: 12, serials: 0, expiresOn: '2027-03-31', held: 0 }]);
    expect(body.tree.units).toEqual([{ gtin: CATHETER, lotNumber: 'CA-8', serial: null, qty: 12 }]);
    await t.db.query(`UPDATE lots SET status = 'on_hold' WHERE lot_number = 'CA-8'`);
    expect(((await (await lookUp(palletOf(2))).json()) as { rollUp: { held: number }[] }).rollUp[0]!.held).toBe(12);
  });

  it('still says nothing was packed under an SSCC Lotline issued and never used', async () => {
    const [own] = ((await (await issue({ ...pallet, count: 1 })).json()) as { ssccs: string[] }).ssccs;
    const res = await lookUp(own!);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found', message: expect.stringContaining('Nothing was packed') } });
  });

  it('says not found for an SSCC no one issued or expects, and for one whose notice was cancelled', async () => {
    const unknown = await lookUp('006141410000000012');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await lookUp('106141410000000010')).status).toBe(400);
    expect((await call('/api/integration/purchase-orders/ASN-81', { kind: 'ship_notice', number: 'ASN-81', supplier: 'SUP-NORD', status: 'cancelled', lines: [line(4, 'ERP-CATH-81', 12, 'CA-8', palletOf(2), '2027-03-31')] })).status).toBeLessThan(300);
    expect((await lookUp(palletOf(1))).status).toBe(404);
    // Received stays received whatever the notice does afterwards.
    expect(await (await lookUp(palletOf(2))).json()).toMatchObject({ status: 'received' });
  });
});
