import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import { lotHistory } from '../lots/history';
import { addPrinter } from '../printing/printers';
import { printLot } from '../printing/spool';
import { bearer, json, type TestApp } from '../test-support/app';
import type { TestDb } from '../test-support/db';
import { openDemoPlant, type DemoPlant, type ErrorBody } from '../test-support/demo-plant';
import { enrolAndSignIn, newOp, pushOpsAs, type Handheld } from '../test-support/handheld';

const SYRINGE = '06901234000016';
const BARREL = '06901234000115';

let t: TestDb;
let app: TestApp;
let password: string;
let qa: string;
let supervisor: string;
let picker: string;
let lotId: DemoPlant['lotId'];
let count: DemoPlant['count'];
let release: DemoPlant['release'];
let floor: Handheld;

interface CaseBody {
  case: { id: string; number: string; state: string; version: number; drill: boolean };
}

const lotStatus = async (lotNumber: string) => (await t.db.query<{ status: string; version: number }>('SELECT status, version FROM lots WHERE lot_number = $1', [lotNumber])).rows[0]!;
const opsNamed = async (ids: string[]) =>
  (await t.db.query<{ status: string; outcome: { problems?: unknown[] } | null }>('SELECT status, outcome FROM ops WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)', [ids])).rows;

const terms = {
  reason: 'barrel resin lot out of specification: wall thickness',
  healthHazard: 'syringe may crack under pressure; leakage of medication',
  classes: { fda: 'II', nmpa: 2, euFsca: false },
  depth: 'user',
  strategy: 'stop distribution, notify every consignee, return and destroy',
  effectiveness: { level: 'B', percent: 30 },
  jurisdictions: ['US', 'CN'],
} as const;

const sign = (version: number, extra: Record<string, unknown> = {}) => ({ meaning: 'approved', reason: 'recall board decision 7/12', password, version, ...extra });

beforeAll(async () => {
  ({ t, app, password, qa, supervisor, picker, lotId, count, release } = await openDemoPlant('recall'));
  floor = await enrolAndSignIn(app, 'Recall floor', 'clerk', password);
  // A barrel lot received from the supplier, made into syringes, shipped to two customers, part
  // of it returned, and some barrels scrapped: every bucket of the mass balance has something.
  await pushOpsAs(app, floor, [
    newOp(floor, 'receive', { gtin: BARREL, lotNumber: 'RC-BAR1', qty: 1000, locationCode: 'A-01-01', expiresOn: '2031-01-01', supplier: 'Ningbo Polymer Co.', supplierLot: 'NB-RC-900' }),
  ]);
  await release('RC-BAR1');
  await pushOpsAs(app, floor, [
    newOp(floor, 'produce', { gtin: SYRINGE, lotNumber: 'RC-SYR1', qty: 400, locationCode: 'B-02-01', expiresOn: '2029-01-01', serials: ['RCS-0001'], components: [{ gtin: BARREL, lotNumber: 'RC-BAR1', qty: 400.5, fromLocationCode: 'A-01-01' }] }),
  ]);
  await release('RC-SYR1');
  await pushOpsAs(app, floor, [
    newOp(floor, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'RC-SYR1', qty: 150, fromLocationCode: 'B-02-01' }] }),
    newOp(floor, 'ship', { customerCode: 'DIST-BJ', lines: [{ gtin: SYRINGE, lotNumber: 'RC-SYR1', qty: 100, fromLocationCode: 'B-02-01' }] }),
    newOp(floor, 'return', { gtin: SYRINGE, lotNumber: 'RC-SYR1', customerCode: 'DIST-BJ', qty: 30, toLocationCode: 'QA-HOLD', reason: 'damaged cartons' }),
    newOp(floor, 'move', { gtin: BARREL, lotNumber: 'RC-BAR1', qty: 20, fromLocationCode: 'A-01-01', toLocationCode: 'SCRAP' }),
  ]);
});
afterAll(() => t.close());

describe('scope from one input', () => {
  it('reaches every lot forward from a supplier lot, with stock, consignees and a mass balance of 100.0 %', async () => {
    const res = await app.request('/api/recalls/scope', json('POST', { scope: { kind: 'supplier_lot', supplierLot: 'NB-RC-900' } }, qa));
    expect(res.status).toBe(200);
    const scope = (await res.json()) as {
      lots: { lotNumber: string; depth: number; hold: string }[];
      consignees: { code: string; shipped: number; returned: number; outstanding: number; lines: number }[];
      stock: { lotId: string; locationCode: string; locationKind: string; qty: number }[];
      balance: { percent: number; balanced: boolean; lots: { lotId: string; broughtIn: number; inStock: number; scrapped: number; shippedOut: number; consumed: number }[] };
      conflicts: unknown[];
    };
    expect(scope.lots.map((l) => [l.lotNumber, l.depth, l.hold])).toEqual([
      ['RC-BAR1', 0, 'recall'],
      ['RC-SYR1', 1, 'recall'],
    ]);
    expect(scope.consignees.map((c) => [c.code, c.lines, c.shipped, c.returned, c.outstanding])).toEqual([
      ['DIST-BJ', 1, 100, 30, 70],
      ['HOSP-SH1', 1, 150, 0, 150],
    ]);
    const bar = await lotId('RC-BAR1');
    const syr = await lotId('RC-SYR1');
    expect(scope.balance.lots.find((l) => l.lotId === bar)).toMatchObject({ broughtIn: 1000, inStock: 579.5, scrapped: 20, shippedOut: 0, consumed: 400.5 });
    expect(scope.balance.lots.find((l) => l.lotId === syr)).toMatchObject({ broughtIn: 400, inStock: 180, scrapped: 0, shippedOut: 220, consumed: 0 });
    expect(scope.balance).toMatchObject({ percent: 100, balanced: true });
    expect(scope.stock.filter((s) => s.lotId === syr).map((s) => [s.locationCode, s.locationKind, s.qty])).toEqual([
      ['B-02-01', 'storage', 150],
      ['QA-HOLD', 'quarantine', 30],
    ]);
    expect(scope.conflicts).toEqual([]);
  });

  it.each([
    ['a lot by number and GTIN', { kind: 'lot', lotNumber: 'RC-SYR1', gtin: SYRINGE }, ['RC-SYR1']],
    ['a component lot', { kind: 'component_lot', lotNumber: 'RC-BAR1' }, ['RC-BAR1', 'RC-SYR1']],
    ['a serial', { kind: 'serial', gtin: SYRINGE, serial: 'RCS-0001' }, ['RC-SYR1']],
  ])('from %s', async (_, input, lots) => {
    const res = await app.request('/api/recalls/scope', json('POST', { scope: input }, supervisor));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { lots: { lotNumber: string }[] }).lots.map((l) => l.lotNumber)).toEqual(lots);
  });

  it.each([
    [{ kind: 'supplier_lot', supplierLot: 'NO-SUCH' }, 'No lot was received as supplier lot NO-SUCH.'],
    [{ kind: 'serial', gtin: SYRINGE, serial: 'NOPE-1' }, `No lot holds serial NOPE-1 of GTIN ${SYRINGE}.`],
    [{ kind: 'lot', lotNumber: 'NOPE' }, "No lot 'NOPE'. Nothing to recall."],
  ])('answers 404 scope_not_found for %j', async (input, message) => {
    const res = await app.request('/api/recalls/scope', json('POST', { scope: input }, qa));
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({ code: 'scope_not_found', message });
  });

  it('refuses an input of no known kind, and anyone but QA or a supervisor', async () => {
    const bad = await app.request('/api/recalls/scope', json('POST', { scope: { kind: 'pallet', sscc: '1' } }, qa));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.code).toBe('invalid_request');
    const operator = await app.request('/api/recalls/scope', json('POST', { scope: { kind: 'lot', lotNumber: 'RC-SYR1' } }, picker));
    expect(operator.status).toBe(403);
  });
});

describe('a recall case', () => {
  let first: CaseBody['case'];

  it('starts as a numbered draft, audited, and holds nothing yet', async () => {
    const res = await app.request('/api/recalls', json('POST', { ...terms, scope: { kind: 'supplier_lot', supplierLot: 'NB-RC-900' } }, qa));
    expect(res.status).toBe(201);
    first = ((await res.json()) as CaseBody).case;
    expect(first).toMatchObject({ state: 'draft', drill: false, version: 1 });
    expect(first.number).toMatch(/^RC\d{4}0001$/);
    expect((await lotStatus('RC-SYR1')).status).toBe('released');
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'recall.created' AND entity_id = $1`, [first.id])).toBe(1);
    const diff = await app.request(`/api/recalls/${first.id}/scope-diff`, bearer(qa));
    expect(diff.status).toBe(409);
    expect(((await diff.json()) as ErrorBody).error.code).toBe('scope_not_frozen');
  });

  it('refuses contradictory terms with the field, writing nothing', async () => {
    const before = await count('SELECT 1 FROM recall_cases');
    const res = await app.request('/api/recalls', json('POST', { ...terms, effectiveness: { level: 'B', percent: 5 }, scope: { kind: 'lot', lotNumber: 'RC-SYR1' } }, qa));
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid_terms');
    expect(body.error.details?.problems).toEqual([expect.objectContaining({ field: 'effectiveness.percent' })]);
    expect(await count('SELECT 1 FROM recall_cases')).toBe(before);
  });

  it('will not open an incomplete draft, and names what is missing', async () => {
    const draft = await app.request('/api/recalls', json('POST', { reason: 'suspected contamination', scope: { kind: 'lot', lotNumber: 'RC-SYR1' } }, supervisor));
    const thin = ((await draft.json()) as CaseBody).case;
    const res = await app.request(`/api/recalls/${thin.id}/open`, json('POST', sign(thin.version), supervisor));
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.details).toMatchObject({ code: 'not_ready' });
    expect((body.error.details?.gaps as { field: string }[]).map((g) => g.field)).toEqual(['healthHazard', 'jurisdictions', 'depth', 'strategy', 'effectiveness']);
    const cancel = await app.request(`/api/recalls/${thin.id}/transition`, json('POST', sign(thin.version, { to: 'cancelled', meaning: 'rejected', reason: 'duplicate of the barrel recall' }), supervisor));
    expect(cancel.status).toBe(200);
  });

  it('does not open on a wrong password: the signature failure is audited and the case stays a draft', async () => {
    const res = await app.request(`/api/recalls/${first.id}/open`, json('POST', sign(first.version, { password: 'not-it' }), qa));
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBe('signature_failed');
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'signature.failed' AND entity_id = $1`, [first.id])).toBe(1);
    expect(await count('SELECT 1 FROM recall_case_lots WHERE case_id = $1', [first.id])).toBe(0);
    expect((await lotStatus('RC-BAR1')).status).toBe('released');
  });

  it('opens under a signature: freezes the scope and makes every lot recalled in the same transaction, each status change audited', async () => {
    const res = await app.request(`/api/recalls/${first.id}/open`, json('POST', sign(first.version), qa));
    expect(res.status).toBe(200);
    const body = (await res.json()) as CaseBody & { opened: { lots: number; held: string[]; consignees: number; percent: number; balanced: boolean }; signature: { username: string; meaning: string } };
    expect(body.case.state).toBe('open');
    expect(body.opened).toMatchObject({ lots: 2, consignees: 2, percent: 100, balanced: true });
    expect(body.opened.held.sort()).toEqual([await lotId('RC-BAR1'), await lotId('RC-SYR1')].sort());
    expect(body.signature).toMatchObject({ username: 'qa', meaning: 'approved' });
    first = body.case;
    for (const lot of ['RC-BAR1', 'RC-SYR1']) expect((await lotStatus(lot)).status).toBe('recalled');

    const get = await app.request(`/api/recalls/${first.id}`, bearer(qa));
    const view = (await get.json()) as {
      transitions: { from: string; to: string; meaning: string; signerName: string }[];
      scope: { lots: { lotNumber: string; statusBefore: string; hold: string; unaccounted: number }[]; consignees: { code: string; outstanding: number }[]; shipmentLines: number; broughtIn: number; unaccounted: number };
    };
    expect(view.transitions).toEqual([expect.objectContaining({ from: 'draft', to: 'open', meaning: 'approved', signerName: '陈静 (QA)' })]);
    expect(view.scope.lots.map((l) => [l.lotNumber, l.statusBefore, l.hold, l.unaccounted])).toEqual([
      ['RC-BAR1', 'released', 'recall', 0],
      ['RC-SYR1', 'released', 'recall', 0],
    ]);
    expect(view.scope.consignees.map((c) => [c.code, c.outstanding])).toEqual([
      ['DIST-BJ', 70],
      ['HOSP-SH1', 150],
    ]);
    expect(view.scope).toMatchObject({ shipmentLines: 2, broughtIn: 1400, unaccounted: 0 });

    // One signed row holds every lot: it names them by count and digest, and each lot's history shows it.
    const opening = await t.db.query<{ after: { state: string; heldLots: { lots: number; digest: string } }; signature_meaning: string }>(
      `SELECT after, signature_meaning FROM audit_log WHERE action = 'recall.state' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
      [first.id],
    );
    expect(opening.rows[0]).toMatchObject({ after: { state: 'open', heldLots: { lots: 2, digest: expect.stringMatching(/^[0-9a-f]{64}$/) } }, signature_meaning: 'approved' });
    expect(await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'lot.status' AND entity_id = $1 AND after->>'status' = 'recalled'`, [await lotId('RC-SYR1')]).then((r) => r.rows.length)).toBe(0);
    const history = await lotHistory(t.db, await lotId('RC-SYR1'));
    expect(history.filter((e) => e.action === 'lot.status').at(-1)).toMatchObject({
      actor: 'qa',
      details: { before: { status: 'released' }, after: { status: 'recalled', recallCase: first.number }, meaning: 'approved', reason: `recall ${first.number}: recall board decision 7/12` },
      summary: `released → recalled (signed: approved): recall ${first.number}: recall board decision 7/12`,
    });
    // The audit trail explains every lot's status, and the chain holds.
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    // A held lot slipped into the frozen rows afterwards, or a held lot's status changed behind the
    // application's back, is found: both are tried in a transaction that is then undone.
    const barrel = await lotId('RC-BAR1');
    const tampered = await t.db
      .transaction(async (tx) => {
        const other = (await tx.query<{ id: string }>(`SELECT id FROM lots WHERE id NOT IN (SELECT lot_id FROM recall_case_lots WHERE case_id = $1) LIMIT 1`, [first.id])).rows[0]!.id;
        await tx.query(
          `INSERT INTO recall_case_lots (case_id, lot_id, depth, reached, status_before, hold, brought_in, in_stock, picked, scrapped, shipped_out, consumed, corrected, unaccounted)
           VALUES ($1, $2, 0, 'forward', 'released', 'recall', 0, 0, 0, 0, 0, 0, 0, 0)`,
          [first.id, other],
        );
        await tx.query(`UPDATE lots SET status = 'released' WHERE id = $1`, [barrel]);
        const verified = await verifyAuditChain(tx);
        throw Object.assign(new Error('undo'), { verified });
      })
      .catch((e: { verified?: Awaited<ReturnType<typeof verifyAuditChain>> }) => e.verified);
    expect(tampered?.ok).toBe(false);
    expect(tampered?.breaks.map((b) => b.problem).sort()).toEqual(['held_lots_changed', 'lot_status_mismatch', 'lot_status_mismatch']);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('keeps the frozen scope as it was', async () => {
    await expect(t.db.query('UPDATE recall_case_lots SET unaccounted = 1 WHERE case_id = $1', [first.id])).rejects.toThrow(/append-only/);
    // The frozen lines keep no foreign keys (they are copied from the lines they name): what they name can never go.
    await expect(t.db.query('DELETE FROM shipment_lines WHERE id = (SELECT shipment_line_id FROM recall_case_shipment_lines WHERE case_id = $1 LIMIT 1)', [first.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('UPDATE shipment_lines SET qty = qty + 1 WHERE id = (SELECT shipment_line_id FROM recall_case_shipment_lines WHERE case_id = $1 LIMIT 1)', [first.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM recall_cases WHERE id = $1', [first.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM lots WHERE id = (SELECT lot_id FROM recall_case_lots WHERE case_id = $1 LIMIT 1)', [first.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM locations WHERE id = (SELECT location_id FROM recall_case_stock WHERE case_id = $1 LIMIT 1)', [first.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM customers WHERE id = (SELECT customer_id FROM recall_case_consignees WHERE case_id = $1 LIMIT 1)', [first.id])).rejects.toThrow(/append-only/);
  });

  it('joins the open case instead of making a second one when that case holds every lot of the input', async () => {
    const cases = await count('SELECT 1 FROM recall_cases');
    const res = await app.request('/api/recalls', json('POST', { ...terms, scope: { kind: 'lot', lotNumber: 'RC-SYR1', gtin: SYRINGE } }, supervisor));
    expect(res.status).toBe(200);
    expect((await res.json()) as CaseBody & { joined: boolean }).toMatchObject({ joined: true, case: { id: first.id, number: first.number, state: 'open' } });
    expect(await count('SELECT 1 FROM recall_cases')).toBe(cases);
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'recall.joined' AND entity_id = $1`, [first.id])).toBe(1);
    const preview = await app.request('/api/recalls/scope', json('POST', { scope: { kind: 'component_lot', lotNumber: 'RC-BAR1' } }, qa));
    expect(preview.status).toBe(409);
  });

  it('flags picks and shipments of a held lot pushed afterwards to the case, and refuses new labels for it', async () => {
    const pushed = [
      newOp(floor, 'pick', { gtin: SYRINGE, lotNumber: 'RC-SYR1', qty: 10, fromLocationCode: 'B-02-01', toLocationCode: 'SHP-01' }),
      newOp(floor, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'RC-SYR1', qty: 5, fromLocationCode: 'SHP-01' }] }),
    ];
    await pushOpsAs(app, floor, pushed);
    for (const op of await opsNamed(pushed.map((o) => o.id))) {
      expect(op.status).toBe('exception');
      expect(op.outcome?.problems).toEqual([{ code: 'lot_not_pickable', params: expect.objectContaining({ lotNumber: 'RC-SYR1', refusal: 'recalled', recallCase: first.number }) }]);
    }
    await addPrinter(t.db, { id: null, name: 'test' }, { name: 'Recall dock', host: '127.0.0.1', port: 9, dpi: 203 }, { allowLocal: true });
    const jobs = await count('SELECT 1 FROM print_jobs');
    await expect(printLot(t.db, { id: null, name: 'test' }, { lotId: await lotId('RC-SYR1'), templateName: 'lot-gs1', printer: 'Recall dock', quantity: 1 })).rejects.toMatchObject({
      status: 422,
      code: 'lot_recalled',
      message: `Lot RC-SYR1 is recalled by recall ${first.number}: no new labels are printed for it.`,
    });
    expect(await count('SELECT 1 FROM print_jobs')).toBe(jobs);
    // The case's owner finds both ops on the case.
    const flagged = await app.request(`/api/recalls/${first.id}/flagged-ops`, bearer(qa));
    expect(flagged.status).toBe(200);
    const listed = ((await flagged.json()) as { exceptions: { opId: string; opType: string; lotNumber: string; details: { recallCase: string } }[] }).exceptions;
    const byOp = (a: string[], b: string[]) => (a[0]! < b[0]! ? -1 : 1);
    expect(listed.map((e) => [e.opId, e.opType, e.lotNumber, e.details.recallCase]).sort(byOp)).toEqual(pushed.map((op) => [op.id, op.type, 'RC-SYR1', first.number]).sort(byOp));
  });

  it('shows what changed since the scope froze: the shipment pushed after the hold, against the frozen figure', async () => {
    const res = await app.request(`/api/recalls/${first.id}/scope-diff`, bearer(qa));
    expect(res.status).toBe(200);
    const diff = (await res.json()) as { lotsAdded: unknown[]; lotsGone: unknown[]; consignees: { code: string; change: string; frozenShipped: number; nowShipped: number }[]; unchanged: boolean };
    expect(diff).toMatchObject({ lotsAdded: [], lotsGone: [], unchanged: false });
    expect(diff.consignees).toEqual([expect.objectContaining({ code: 'HOSP-SH1', change: 'more', frozenShipped: 150, nowShipped: 155 })]);
    expect((await app.request(`/api/recalls/${first.id}/scope-diff`, bearer(picker))).status).toBe(403);
  });

  it('runs a drill over the same lots without holding or changing anything', async () => {
    const made = await app.request('/api/recalls', json('POST', { ...terms, drill: true, scope: { kind: 'lot', lotNumber: 'RC-SYR1', gtin: SYRINGE } }, supervisor));
    expect(made.status).toBe(201);
    const drill = ((await made.json()) as CaseBody).case;
    expect(drill.number).toMatch(/^MR\d{8}$/);
    const versions = await lotStatus('RC-SYR1');
    const res = await app.request(`/api/recalls/${drill.id}/open`, json('POST', sign(drill.version), supervisor));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { opened: { held: string[]; percent: number } }).opened).toMatchObject({ held: [], percent: 100 });
    expect(await lotStatus('RC-SYR1')).toEqual(versions);
    expect(await count(`SELECT 1 FROM recall_case_lots WHERE case_id = $1 AND hold = 'drill'`, [drill.id])).toBe(1);
  });

  it('moves on only by the case rules: stale versions, skipped states and operators are refused', async () => {
    const stale = await app.request(`/api/recalls/${first.id}/transition`, json('POST', sign(1, { to: 'recovering', meaning: 'reviewed' }), qa));
    expect(stale.status).toBe(409);
    const skip = await app.request(`/api/recalls/${first.id}/transition`, json('POST', sign(first.version, { to: 'closed' }), qa));
    expect(skip.status).toBe(422);
    expect(((await skip.json()) as ErrorBody).error).toMatchObject({ code: 'transition_refused', details: { code: 'not_allowed' } });
    const operator = await app.request(`/api/recalls/${first.id}/transition`, json('POST', sign(first.version, { to: 'recovering', meaning: 'reviewed' }), picker));
    expect(operator.status).toBe(403);

    const recovering = await app.request(`/api/recalls/${first.id}/transition`, json('POST', sign(first.version, { to: 'recovering', meaning: 'reviewed', reason: 'letters sent' }), supervisor));
    expect(recovering.status).toBe(200);
    const v = ((await recovering.json()) as CaseBody).case.version;
    // Neither consignee answered: closing takes a signed explanation of each gap.
    for (const [customerCode, explanation] of [
      ['DIST-BJ', 'distributor confirms the units were used before the notice'],
      ['HOSP-SH1', 'hospital confirms the units were used before the notice'],
    ]) {
      expect((await app.request(`/api/recalls/${first.id}/gap-explanations`, json('POST', { customerCode, explanation, meaning: 'approved', password }, qa))).status).toBe(201);
    }
    const closed = await app.request(`/api/recalls/${first.id}/transition`, json('POST', sign(v, { to: 'closed', reason: 'all units accounted for' }), qa));
    expect(closed.status).toBe(200);
    expect(await count('SELECT 1 FROM recall_holds WHERE case_id = $1', [first.id])).toBe(0);
    // Closing the case does not release the lots: their disposition is QA's decision.
    expect((await lotStatus('RC-SYR1')).status).toBe('recalled');
    const list = await app.request('/api/recalls?state=closed', bearer(qa));
    expect(((await list.json()) as { cases: { number: string }[] }).cases.map((c) => c.number)).toEqual([first.number]);
    expect(await count(`SELECT 1 FROM audit_log WHERE action = 'recall.state' AND entity_id = $1`, [first.id])).toBe(3);
  });
});

describe('two drafts over the same lot', () => {
  it('open one; the other is refused at opening, naming the first, and nothing of it is written', async () => {
    const receive = newOp(floor, 'receive', { gtin: BARREL, lotNumber: 'RC-BAR2', qty: 50, locationCode: 'A-01-01', expiresOn: '2031-01-01', supplierLot: 'NB-RC-901' });
    await pushOpsAs(app, floor, [receive]);
    expect((await opsNamed([receive.id]))[0]!.status).toBe('applied');
    const draft = async () => ((await (await app.request('/api/recalls', json('POST', { ...terms, scope: { kind: 'supplier_lot', supplierLot: 'NB-RC-901' } }, qa))).json()) as CaseBody).case;
    const a = await draft();
    const b = await draft();
    expect((await app.request(`/api/recalls/${a.id}/open`, json('POST', sign(a.version), qa))).status).toBe(200);
    const res = await app.request(`/api/recalls/${b.id}/open`, json('POST', sign(b.version), qa));
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({ code: 'lot_in_open_recall', details: { cases: [a.number] } });
    expect(await count('SELECT 1 FROM recall_case_lots WHERE case_id = $1', [b.id])).toBe(0);
    expect(await count('SELECT 1 FROM recall_case_transitions WHERE case_id = $1', [b.id])).toBe(0);
    expect(((await (await app.request(`/api/recalls/${b.id}`, bearer(qa))).json()) as CaseBody).case.state).toBe('draft');
    // A lot that was still in quarantine is recalled too: it can never be released into use.
    expect((await lotStatus('RC-BAR2')).status).toBe('recalled');
  });
});

describe('an input that reaches past an open case', () => {
  it('is refused naming the case that holds part of it (409), and nothing is written', async () => {
    await pushOpsAs(app, floor, [newOp(floor, 'receive', { gtin: BARREL, lotNumber: 'JN-BAR1', qty: 100, locationCode: 'A-01-01', expiresOn: '2031-01-01' })]);
    await release('JN-BAR1');
    await pushOpsAs(app, floor, [newOp(floor, 'produce', { gtin: SYRINGE, lotNumber: 'JN-SYR1', qty: 50, locationCode: 'B-02-01', expiresOn: '2029-01-01', components: [{ gtin: BARREL, lotNumber: 'JN-BAR1', qty: 50, fromLocationCode: 'A-01-01' }] })]);
    const child = ((await (await app.request('/api/recalls', json('POST', { ...terms, scope: { kind: 'lot', lotNumber: 'JN-SYR1', gtin: SYRINGE } }, qa))).json()) as CaseBody).case;
    expect((await app.request(`/api/recalls/${child.id}/open`, json('POST', sign(child.version), qa))).status).toBe(200);
    const cases = await count('SELECT 1 FROM recall_cases');
    const res = await app.request('/api/recalls', json('POST', { ...terms, scope: { kind: 'lot', lotNumber: 'JN-BAR1', gtin: BARREL } }, qa));
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({ code: 'lot_in_open_recall', message: `Lot JN-SYR1 is already held by open recall ${child.number}.`, details: { cases: [child.number] } });
    expect(await count('SELECT 1 FROM recall_cases')).toBe(cases);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
