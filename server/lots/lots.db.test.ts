import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExpiryJob } from './expiry-job';
import { loadDemoData } from '../seed/demo';
import { gs1CheckDigit } from '../../domain/gs1';
import { composeSscc } from '../../domain/sscc';
import { ADMIN_PASSWORD, bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, ledgerMatchesBalances, newOp, pushOpsAs } from '../test-support/handheld';

let t: TestDb;
let app: TestApp;
let password: string;
let qc: string;
let supervisor: string;

const SYRINGE = '06901234000016';
const BARREL = '06901234000115';
const PLUNGER = '06901234000122';

interface LotBody {
  lot: { id: string; status: string; version: number; lotNumber: string; expiresOn: string | null };
}

async function lotByNumber(lotNumber: string): Promise<LotBody['lot']> {
  const res = await app.request(`/api/lots?lotNumber=${encodeURIComponent(lotNumber)}`, bearer(qc));
  const body = (await res.json()) as { lots: LotBody['lot'][] };
  if (body.lots.length !== 1) throw new Error(`expected one lot ${lotNumber}, got ${body.lots.length}`);
  return body.lots[0]!;
}

function setStatus(lot: { id: string; version: number }, body: Record<string, unknown>, token = qc) {
  return app.request(`/api/lots/${lot.id}/status`, json('POST', { password, version: lot.version, reason: 'incoming inspection', ...body }, token));
}

beforeAll(async () => {
  t = await openTestDb('lots');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  qc = await signIn(app, 'qa', password);
  supervisor = await signIn(app, 'supervisor', password);
});
afterAll(() => t.close());

describe('QC release under an electronic signature', () => {
  it('lists quarantined lots, longest waiting first, with where they are', async () => {
    const res = await app.request('/api/qc/queue', bearer(qc));
    const { lots } = (await res.json()) as { lots: { lotNumber: string; locations: string[]; onHand: number }[] };
    expect(lots.map((l) => l.lotNumber).sort()).toEqual(['IS2411D', 'PP2411B']);
    expect(lots.find((l) => l.lotNumber === 'PP2411B')).toMatchObject({ locations: ['QA-HOLD'], onHand: 8000 });
  });

  it('releases with results and evidence, and chains a signed record naming the signer', async () => {
    const upload = await app.request('/api/attachments?name=CoA%20NB-78030.pdf', { method: 'POST', headers: { authorization: `Bearer ${qc}`, 'content-type': 'application/pdf' }, body: '%PDF-1.4 certificate of analysis' });
    expect(upload.status).toBe(201);
    const { sha256 } = (await upload.json()) as { sha256: string };
    const lot = await lotByNumber('PP2411B');
    const res = await setStatus(lot, { to: 'released', meaning: 'released', results: [{ test: 'Melt flow index', value: '12.1', unit: 'g/10min', pass: true }], attachments: [sha256] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ from: 'quarantine', to: 'released', version: lot.version + 1, signature: { username: 'qa', name: '陈静 (QA)', meaning: 'released' } });

    const audit = await t.db.query<{ action: string; actor_name: string; signature_meaning: string; reason: string; after: { results: unknown[]; attachments: string[] } }>(
      `SELECT action, actor_name, signature_meaning, reason, after FROM audit_log WHERE entity_type = 'lot' AND entity_id = $1 ORDER BY seq`,
      [lot.id],
    );
    expect(audit.rows.at(-1)).toMatchObject({ action: 'lot.status', actor_name: 'qa', signature_meaning: 'released', reason: 'incoming inspection', after: { attachments: [sha256] } });
    const file = await app.request(`/api/attachments/${sha256}`, bearer(qc));
    expect(await file.text()).toBe('%PDF-1.4 certificate of analysis');
  });

  it('refuses a wrong password, audits the failed signing, and leaves the lot as it was', async () => {
    const lot = await lotByNumber('IS2411D');
    const res = await setStatus(lot, { to: 'released', meaning: 'released', password: 'not-my-password' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('signature_failed');
    expect((await lotByNumber('IS2411D')).status).toBe('quarantine');
    const failed = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'signature.failed' AND entity_id = $1`, [lot.id]);
    expect(failed.rows).toHaveLength(1);
  });

  it('lets a supervisor hold but not release, and refuses illegal or stale changes with the reason', async () => {
    const lot = await lotByNumber('IS2411D');
    const release = await setStatus(lot, { to: 'released', meaning: 'released' }, supervisor);
    expect(release.status).toBe(403);
    const hold = await setStatus(lot, { to: 'on_hold', meaning: 'reviewed' }, supervisor);
    expect(hold.status).toBe(422);
    expect(((await hold.json()) as { error: { message: string } }).error.message).toBe(
      'Lot IS2411D: a lot cannot go from quarantine to on hold; from quarantine it can go to released, rejected, recalled.',
    );
    const reject = await setStatus(lot, { to: 'rejected', meaning: 'approved' });
    expect(reject.status).toBe(422);
    const stale = await setStatus({ ...lot, version: lot.version + 5 }, { to: 'rejected', meaning: 'rejected' });
    expect(stale.status).toBe(409);
    const missing = await app.request(`/api/lots/${lot.id}/status`, json('POST', { to: 'rejected', meaning: 'rejected', version: 1, reason: 'x' }, qc));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('password');
  });

  it('holds a released lot from the floor and re-releases it', async () => {
    let lot = await lotByNumber('S24110701');
    expect((await setStatus(lot, { to: 'on_hold', meaning: 'reviewed', reason: 'customer complaint' }, supervisor)).status).toBe(200);
    lot = await lotByNumber('S24110701');
    expect((await setStatus(lot, { to: 'released', meaning: 'approved', reason: 'complaint closed' })).status).toBe(200);
    expect((await lotByNumber('S24110701')).status).toBe('released');
  });
});

describe('expiry job', () => {
  it('expires lots past their date once, raises alerts once, and warns of near expiry', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const first = await runExpiryJob(t.db, today);
    const again = await runExpiryJob(t.db, today);
    expect(again.expired).toEqual([]);
    expect(again.nearExpiryAlerts).toBe(0);
    expect(first.nearExpiryAlerts).toBeGreaterThan(0);
    const alerts = await app.request('/api/alerts', bearer(supervisor));
    const body = (await alerts.json()) as { alerts: { lotNumber: string; kind: string; windowDays: number }[] };
    // The demo's S24030502 expires 25 days from the day the demo was loaded: in its 30-day window.
    expect(body.alerts).toContainEqual(expect.objectContaining({ lotNumber: 'S24030502', kind: 'near_expiry', windowDays: 30 }));

    const dayAfter = new Date(Date.parse(`${(await lotByNumber('S24030502')).expiresOn!}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const later = await runExpiryJob(t.db, dayAfter);
    expect(later.expired).toEqual(['S24030502']);
    expect((await lotByNumber('S24030502')).status).toBe('expired');
    const history = await app.request(`/api/lots/${(await lotByNumber('S24030502')).id}/history`, bearer(qc));
    const events = ((await history.json()) as { events: { kind: string; summary: string; actor: string | null }[] }).events;
    expect(events.filter((e) => e.kind === 'status').at(-1)).toMatchObject({ actor: 'expiry job', summary: expect.stringContaining('released → expired') });
  });
});

describe('production, shipping and two-way trace', () => {
  it('produces into a work order lot offline-style, ships it, and traces both ways', async () => {
    const wo = await app.request('/api/work-orders', json('POST', { gtin: SYRINGE, plannedQty: 1000, lineCode: 'L1' }, supervisor));
    expect(wo.status).toBe(201);
    const workOrder = (await wo.json()) as { number: string; lotNumber: string };
    expect(workOrder.lotNumber).toMatch(/^P\d{6}\d{4}$/);

    const operator = await enrolAndSignIn(app, 'Line 1 scanner', 'clerk', password);
    const produce = newOp(operator, 'produce', {
      workOrderNumber: workOrder.number,
      gtin: SYRINGE,
      qty: 1000,
      locationCode: 'PRD-L1',
      components: [
        { gtin: BARREL, lotNumber: 'PP2410A', qty: 1000, fromLocationCode: 'A-01-01' },
        { gtin: PLUNGER, lotNumber: 'RB2409C', qty: 1000, fromLocationCode: 'A-01-02' },
      ],
    });
    await pushOpsAs(app, operator, [produce]);
    const outcome = await t.db.query<{ status: string; outcome: { lotNumber: string } }>('SELECT status, outcome FROM ops WHERE id = $1', [produce.id]);
    expect(outcome.rows[0]).toMatchObject({ status: 'applied', outcome: { lotNumber: workOrder.lotNumber } });

    // Without a work order the server numbers the lot from the item's rule.
    const adhoc = newOp(operator, 'produce', { gtin: SYRINGE, qty: 10, locationCode: 'PRD-L1', components: [{ gtin: BARREL, lotNumber: 'PP2410A', qty: 10, fromLocationCode: 'A-01-01' }] });
    await pushOpsAs(app, operator, [adhoc]);
    const adhocOutcome = await t.db.query<{ outcome: { lotNumber: string } }>('SELECT outcome FROM ops WHERE id = $1', [adhoc.id]);
    expect(adhocOutcome.rows[0]!.outcome.lotNumber).toMatch(/^P\d{10}$/);
    expect(adhocOutcome.rows[0]!.outcome.lotNumber).not.toBe(workOrder.lotNumber);

    const finished = await lotByNumber(workOrder.lotNumber);
    const release = await setStatus(finished, { to: 'released', meaning: 'released', reason: 'batch record reviewed' });
    expect(release.status).toBe(200);
    const ship = newOp(operator, 'ship', { customerCode: 'DIST-BJ', shipmentNumber: 'SH-T-1', lines: [{ gtin: SYRINGE, lotNumber: workOrder.lotNumber, qty: 400, fromLocationCode: 'PRD-L1' }] });
    await pushOpsAs(app, operator, [ship]);

    const barrel = await lotByNumber('PP2410A');
    const forward = (await (await app.request(`/api/lots/${barrel.id}/trace?direction=forward`, bearer(qc))).json()) as {
      lots: { lotNumber: string; depth: number }[];
      shipments: { customerCode: string; shipment: string; qty: number }[];
      stock: { locationCode: string; lotId: string }[];
    };
    expect(forward.lots.map((l) => l.lotNumber)).toEqual(expect.arrayContaining(['PP2410A', 'S24110701', workOrder.lotNumber, adhocOutcome.rows[0]!.outcome.lotNumber]));
    expect(forward.shipments).toContainEqual(expect.objectContaining({ customerCode: 'DIST-BJ', shipment: 'SH-T-1', qty: 400 }));
    expect(forward.stock.some((s) => s.locationCode === 'PRD-L1')).toBe(true);

    const backward = (await (await app.request(`/api/lots/${finished.id}/trace?direction=backward`, bearer(qc))).json()) as { lots: { lotNumber: string; supplierLot: string | null }[] };
    expect(backward.lots.map((l) => l.lotNumber).sort()).toEqual([workOrder.lotNumber, 'PP2410A', 'RB2409C'].sort());
    expect(backward.lots.find((l) => l.lotNumber === 'PP2410A')?.supplierLot).toBe('NB-77812');

    const history = (await (await app.request(`/api/lots/${finished.id}/history`, bearer(qc))).json()) as { events: { kind: string; action: string; summary: string }[] };
    expect(history.events.map((e) => e.action)).toEqual(expect.arrayContaining(['made_from', 'op.produce', 'lot.status', 'shipped', 'op.ship']));
    expect(history.events.find((e) => e.action === 'shipped')?.summary).toBe('shipment SH-T-1 to 北京医药分销有限公司: 400');
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  });

  it("flags a shipment with less shelf life than the customer accepts, and a return comes back in", async () => {
    const picker = await enrolAndSignIn(app, 'Dock scanner', 'picker', password);
    // The demo's mask lot has about 550 days left; the export customer wants 365: fine. The hospital's 180: fine.
    const lot = await lotByNumber('S24110701');
    await t.db.query(`UPDATE lots SET expires_on = current_date + 100 WHERE id = $1`, [lot.id]);
    const ship = newOp(picker, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'S24110701', qty: 5, fromLocationCode: 'B-02-01' }] });
    await pushOpsAs(app, picker, [ship]);
    const exceptions = await t.db.query<{ kind: string }>('SELECT kind FROM stock_exceptions WHERE op_id = $1', [ship.id]);
    expect(exceptions.rows.map((r) => r.kind)).toEqual(['shelf_life_short']);

    const back = newOp(picker, 'return', { customerCode: 'HOSP-SH1', gtin: SYRINGE, lotNumber: 'S24110701', qty: 5, toLocationCode: 'QA-HOLD', reason: 'wrong lot' });
    await pushOpsAs(app, picker, [back]);
    const returned = await t.db.query('SELECT 1 FROM customer_returns WHERE op_id = $1', [back.id]);
    expect(returned.rows).toHaveLength(1);
    expect(await ledgerMatchesBalances(t.db)).toBe(true);
  });
});

describe('number rules', () => {
  it('refuses a rule that would repeat numbers or break GS1, and saves a good one', async () => {
    const admin = await signIn(app, 'admin', 'correct-horse-42');
    const bad = await app.request('/api/number-rules', json('POST', { name: 'bad', kind: 'lot', pattern: '{YY}{MM}{SEQ:3}', reset: 'day' }, admin));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      'pattern: a counter that resets every day needs the date parts of a day in the pattern, or numbers repeat',
    );
    const good = await app.request('/api/number-rules', json('POST', { name: 'line-1', kind: 'lot', pattern: '{SITE}{LINE}{YYMMDD}{SEQ:3}{CHECK}', reset: 'day', siteCode: 'SH', lineCode: '1', check: 'mod37' }, admin));
    expect(good.status).toBe(201);
  });
});

describe('lot history of a pallet received by its SSCC', () => {
  it('says how much came on which pallet, from which ship notice, to where', async () => {
    const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
    const key = await app.request('/api/api-keys', json('POST', { integration: 'erp-asn', scopes: ['items:write', 'partners:write', 'orders:write', 'read'] }, admin));
    const erp = ((await key.json()) as { secret: string }).secret;
    const call = (method: string, path: string, body: unknown) => app.request(path, { method, headers: { 'content-type': 'application/json', 'x-api-key': erp }, body: JSON.stringify(body) });
    const gtin = `0690123400016${gs1CheckDigit('0690123400016')}`;
    expect((await call('PUT', '/api/integration/suppliers/SUP-HX', { code: 'HX', name: 'Hangzhou Tubing 杭州' })).status).toBe(201);
    expect((await call('PUT', '/api/integration/items/ERP-TUBE', { gtin, sku: 'TUBE-16', name: 'Tube 16' })).status).toBe(201);
    const pallet = composeSscc(0, '6901234', 9_999_999n);
    const notice = { externalId: 'ASN-H1', kind: 'ship_notice', number: 'ASN-H1', supplier: 'SUP-HX', lines: [{ line: 1, item: 'ERP-TUBE', qty: 24, supplierLot: 'TB-24/1', expiresOn: '2029-01-31', sscc: pallet }] };
    const made = (await (await call('POST', '/api/integration/purchase-orders/batch', { rows: [notice] })).json()) as { results: { outcome: string }[] };
    expect(made.results.map((r) => r.outcome)).toEqual(['created']);
    const dock = await enrolAndSignIn(app, 'TC52 dock H', 'clerk', password);
    await pushOpsAs(app, dock, [newOp(dock, 'receive_container', { sscc: pallet, locationCode: 'RCV-01', lines: [] })]);
    const lot = await lotByNumber('TB-24/1');
    const history = (await (await app.request(`/api/lots/${lot.id}/history`, bearer(qc))).json()) as { events: { kind: string; action: string; summary: string; details: Record<string, unknown> }[] };
    const received = history.events.filter((e) => e.action === 'op.receive_container');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ kind: 'move', summary: `received 24 on pallet (00)${pallet} from notice ASN-H1 at RCV-01`, details: { sscc: pallet, notice: 'ASN-H1', to: 'RCV-01' } });
  });
});
