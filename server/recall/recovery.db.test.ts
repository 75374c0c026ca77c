import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import { bearer, json, type TestApp } from '../test-support/app';
import type { TestDb } from '../test-support/db';
import { openDemoPlant, type DemoPlant, type ErrorBody } from '../test-support/demo-plant';
import { enrolAndSignIn, newOp, pushOpsAs, type Handheld } from '../test-support/handheld';

const SYRINGE = '06901234000016';

let t: TestDb;
let app: TestApp;
let password: string;
let qa: string;
let supervisor: string;
let picker: string;
let lotId: DemoPlant['lotId'];
let count: DemoPlant['count'];
let release: DemoPlant['release'];
let openCase: DemoPlant['openCase'];
let dock: Handheld;
let caseId: string;
let caseNumber: string;
let version: number;

interface Consignee {
  code: string;
  shipped: number;
  returned: number;
  destroyed: number;
  corrected: number;
  onHand: number;
  lost: number;
  accounted: number;
  gap: number;
  open: boolean;
  answered: boolean;
  reply: { recorderName: string; channel: string; subDistributed: { name: string; qty: number }[] } | null;
  explained: { explanation: string; signerName: string } | null;
}
interface Reconciliation {
  consignees: Consignee[];
  openGaps: { code: string; gap: number }[];
  flaggedReturns: { lotNumber: string; customerCode: string; qty: number; flag: string }[];
  dispositions: { action: string; qty: number }[];
  closable: boolean;
  percent: number;
}

const audited = (action: string) => count('SELECT 1 FROM audit_log WHERE action = $1 AND entity_id = $2', [action, caseId]);
const reconciliation = async () => {
  const res = await app.request(`/api/recalls/${caseId}/reconciliation`, bearer(qa));
  expect(res.status).toBe(200);
  return ((await res.json()) as { reconciliation: Reconciliation }).reconciliation;
};
const figures = async (code: string) => (await reconciliation()).consignees.find((c) => c.code === code)!;
const returnOp = (customerCode: string, lotNumber: string, qty: number, extra: Record<string, unknown> = {}) =>
  newOp(dock, 'return', { gtin: SYRINGE, lotNumber, customerCode, qty, toLocationCode: 'QA-HOLD', reason: 'recall return', ...extra });
const signed = (extra: Record<string, unknown>) => ({ meaning: 'approved', reason: 'recall board', password, version, ...extra });
const step = async (to: string, meaning: string) => app.request(`/api/recalls/${caseId}/transition`, json('POST', signed({ to, meaning }), qa));

beforeAll(async () => {
  ({ t, app, password, qa, supervisor, picker, lotId, count, release, openCase } = await openDemoPlant('recall_recovery'));
  dock = await enrolAndSignIn(app, 'Returns dock', 'clerk', password);
  // Syringes shipped to a hospital and a distributor; the distributor sent 30 back before the recall.
  await pushOpsAs(app, dock, [
    newOp(dock, 'receive', { gtin: SYRINGE, lotNumber: 'RV-SYR1', qty: 400, locationCode: 'B-02-01', expiresOn: '2029-01-01' }),
    newOp(dock, 'receive', { gtin: SYRINGE, lotNumber: 'RV-SYR2', qty: 50, locationCode: 'B-02-01', expiresOn: '2029-01-01' }),
  ]);
  await release('RV-SYR1');
  await release('RV-SYR2');
  await pushOpsAs(app, dock, [
    newOp(dock, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'RV-SYR1', qty: 150, fromLocationCode: 'B-02-01' }] }),
    newOp(dock, 'ship', { customerCode: 'DIST-BJ', lines: [{ gtin: SYRINGE, lotNumber: 'RV-SYR1', qty: 100, fromLocationCode: 'B-02-01' }] }),
    newOp(dock, 'ship', { customerCode: 'EXPORT-EU', lines: [{ gtin: SYRINGE, lotNumber: 'RV-SYR2', qty: 20, fromLocationCode: 'B-02-01' }] }),
    returnOp('DIST-BJ', 'RV-SYR1', 30, { reason: 'damaged cartons' }),
  ]);
  const opened = await openCase({ kind: 'lot', lotNumber: 'RV-SYR1', gtin: SYRINGE });
  caseId = opened.id;
  caseNumber = opened.number;
  version = opened.version;
});
afterAll(() => t.close());

describe('recovery by scan', () => {
  it('starts from the frozen scope: what was shipped and what came back before the case opened', async () => {
    const rec = await reconciliation();
    expect(rec.consignees.map((c) => [c.code, c.shipped, c.returned, c.gap, c.open, c.answered])).toEqual([
      ['DIST-BJ', 100, 30, 70, true, false],
      ['HOSP-SH1', 150, 0, 150, true, false],
    ]);
    expect(rec).toMatchObject({ closable: false, flaggedReturns: [], dispositions: [] });
  });

  it('counts a return of the recalled lot from a consignee against the case, into quarantine', async () => {
    const op = returnOp('HOSP-SH1', 'RV-SYR1', 100);
    await pushOpsAs(app, dock, [op]);
    const row = (await t.db.query<{ case_id: string; in_scope: boolean; flag: string | null; qty: string }>('SELECT case_id, in_scope, flag, qty::text FROM recall_returns WHERE op_id = $1', [op.id])).rows;
    expect(row).toEqual([{ case_id: caseId, in_scope: true, flag: null, qty: '100.000' }]);
    const at = await t.db.query<{ kind: string }>('SELECT l.kind FROM customer_returns r JOIN locations l ON l.id = r.to_location_id WHERE r.op_id = $1', [op.id]);
    expect(at.rows).toEqual([{ kind: 'quarantine' }]);
    expect(await figures('HOSP-SH1')).toMatchObject({ returned: 100, gap: 50 });
    expect(await audited('recall.return')).toBe(1);
  });

  it('flags, never drops, a return from a customer the case never shipped to and a lot outside its scope', async () => {
    const stranger = returnOp('EXPORT-EU', 'RV-SYR1', 5);
    const otherLot = returnOp('EXPORT-EU', 'RV-SYR2', 4, { recallCase: caseNumber });
    const unknownCase = returnOp('EXPORT-EU', 'RV-SYR2', 1, { recallCase: 'RC19990001' });
    await pushOpsAs(app, dock, [stranger, otherLot, unknownCase]);
    const rec = await reconciliation();
    expect(rec.flaggedReturns.map((f) => [f.lotNumber, f.customerCode, f.qty, f.flag])).toEqual([
      ['RV-SYR1', 'EXPORT-EU', 5, 'consignee_not_in_scope'],
      ['RV-SYR2', 'EXPORT-EU', 4, 'lot_not_in_scope'],
    ]);
    // A case number the plant does not have is kept too, with what the device named.
    expect((await t.db.query('SELECT case_id, named_case, flag FROM recall_returns WHERE op_id = $1', [unknownCase.id])).rows).toEqual([{ case_id: null, named_case: 'RC19990001', flag: 'unknown_case' }]);
    // Flagged returns count for no consignee.
    expect(rec.consignees.map((c) => [c.code, c.returned])).toEqual([
      ['DIST-BJ', 30],
      ['HOSP-SH1', 100],
    ]);
    expect(await audited('recall.return_flagged')).toBe(2);
    // Every unit is still booked: into quarantine, like any return.
    expect(await count('SELECT 1 FROM customer_returns WHERE op_id = ANY($1::uuid[])', [[stranger.id, otherLot.id, unknownCase.id]])).toBe(3);
  });
});

describe('consignee answers', () => {
  it('records what a consignee reports, with who recorded it and when', async () => {
    const res = await app.request(`/api/recalls/${caseId}/replies`, json('POST', { customerCode: 'HOSP-SH1', onHand: 0, returned: 100, destroyed: 40, corrected: 0, note: 'destroyed on site' }, qa));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { consignee: Consignee };
    expect(body.consignee).toMatchObject({ code: 'HOSP-SH1', returned: 100, destroyed: 40, accounted: 140, gap: 10, answered: true, reply: { recorderName: 'qa', channel: 'qa' } });
    const dist = await app.request(
      `/api/recalls/${caseId}/replies`,
      json('POST', { customerCode: 'DIST-BJ', onHand: 50, returned: 30, destroyed: 0, corrected: 5, subDistributed: [{ name: 'Clinic Haidian', qty: 15 }] }, supervisor),
    );
    expect(dist.status).toBe(201);
    expect(((await dist.json()) as { consignee: Consignee }).consignee).toMatchObject({ onHand: 50, corrected: 5, accounted: 85, gap: 15, reply: { subDistributed: [{ name: 'Clinic Haidian', qty: 15 }] } });
    expect(await audited('recall.reply')).toBe(2);
  });

  it('takes a later answer over an earlier one, keeping both', async () => {
    const res = await app.request(`/api/recalls/${caseId}/replies`, json('POST', { customerCode: 'HOSP-SH1', onHand: 0, returned: 100, destroyed: 45, corrected: 0, note: 'recount' }, qa));
    expect(res.status).toBe(201);
    expect(await figures('HOSP-SH1')).toMatchObject({ destroyed: 45, gap: 5 });
    expect(await count('SELECT 1 FROM recall_consignee_replies WHERE case_id = $1', [caseId])).toBe(3);
  });

  it.each([
    ['a customer the case never shipped to', { customerCode: 'EXPORT-EU', onHand: 1, returned: 0, destroyed: 0, corrected: 0 }, 422, 'not_a_consignee'],
    ['an answer of nothing without a word', { customerCode: 'DIST-BJ', onHand: 0, returned: 0, destroyed: 0, corrected: 0 }, 422, 'invalid_reply'],
    ['a negative count', { customerCode: 'DIST-BJ', onHand: -1, returned: 0, destroyed: 0, corrected: 0 }, 400, 'invalid_request'],
    ['an unknown field', { customerCode: 'DIST-BJ', onHand: 1, returned: 0, destroyed: 0, corrected: 0, stolen: 2 }, 400, 'invalid_request'],
  ])('refuses %s, writing nothing', async (_, body, status, code) => {
    const before = await count('SELECT 1 FROM recall_consignee_replies');
    const res = await app.request(`/api/recalls/${caseId}/replies`, json('POST', body, qa));
    expect(res.status).toBe(status);
    expect(((await res.json()) as ErrorBody).error.code).toBe(code);
    expect(await count('SELECT 1 FROM recall_consignee_replies')).toBe(before);
  });

  it('is for QA and supervisors only', async () => {
    const res = await app.request(`/api/recalls/${caseId}/replies`, json('POST', { customerCode: 'DIST-BJ', onHand: 1, returned: 0, destroyed: 0, corrected: 0 }, picker));
    expect(res.status).toBe(403);
  });
});

describe('disposition of returned recalled stock', () => {
  const dispose = (token: string, extra: Record<string, unknown> = {}) =>
    lotId('RV-SYR1').then((id) =>
      app.request(`/api/recalls/${caseId}/dispositions`, json('POST', { lotId: id, action: 'destroy', qty: 60, note: 'incinerated, cert 4471', meaning: 'approved', password, witness: { username: 'supervisor', password }, ...extra }, token)),
    );

  it.each([
    ['the signer as witness', () => dispose(qa, { witness: { username: 'qa', password } }), 422, 'witness_is_signer'],
    ["a witness's wrong password", () => dispose(qa, { witness: { username: 'supervisor', password: 'not-it' } }), 403, 'signature_failed'],
    ['a witness nobody knows', () => dispose(qa, { witness: { username: 'nobody', password } }), 403, 'signature_failed'],
    ['a supervisor signing', () => dispose(supervisor, { witness: { username: 'qa', password } }), 403, 'forbidden'],
    ['more than came back', () => dispose(qa, { qty: 130 }), 422, 'more_than_returned'],
    ['a lot outside the scope', async () => dispose(qa, { lotId: await lotId('RV-SYR2') }), 422, 'lot_not_in_scope'],
  ])('refuses %s, writing nothing', async (_, call, status, code) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(((await res.json()) as ErrorBody).error.code).toBe(code);
    expect(await count('SELECT 1 FROM recall_dispositions')).toBe(0);
  });

  it('records a destruction signed by QA and witnessed by the supervisor, against the case with its quantity', async () => {
    const res = await dispose(qa);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { disposition: { action: string; qty: number; remaining: number; signature: { username: string }; witness: { username: string; meaning: string } } };
    // 100 came back from the hospital after opening; 30 before opening are not the case's to dispose of.
    expect(body.disposition).toMatchObject({ action: 'destroy', qty: 60, remaining: 40, signature: { username: 'qa' }, witness: { username: 'supervisor', meaning: 'reviewed' } });
    expect((await reconciliation()).dispositions).toEqual([{ action: 'destroy', qty: 60 }]);
    const entry = await t.db.query<{ after: { witness: { username: string }; qty: number }; signature_meaning: string }>(
      `SELECT after, signature_meaning FROM audit_log WHERE action = 'recall.disposition' AND entity_id = $1`,
      [caseId],
    );
    expect(entry.rows).toEqual([expect.objectContaining({ signature_meaning: 'approved', after: expect.objectContaining({ qty: 60, witness: expect.objectContaining({ username: 'supervisor' }) }) })]);
    await expect(t.db.query('UPDATE recall_dispositions SET qty = 1')).rejects.toThrow(/append-only/);
  });
});

describe('reconciliation and closure', () => {
  it('refuses to close with a 409 naming each consignee gap, and leaves the case as it was', async () => {
    const recovering = await step('recovering', 'reviewed');
    expect(recovering.status).toBe(200);
    version = ((await recovering.json()) as { case: { version: number } }).case.version;
    const res = await step('closed', 'approved');
    expect(res.status).toBe(409);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('reconciliation_gaps');
    expect(body.error.message).toContain('DIST-BJ 15 unaccounted for (85 of 100)');
    expect(body.error.message).toContain('HOSP-SH1 5 unaccounted for (145 of 150)');
    expect((body.error.details?.gaps as { code: string; gap: number }[]).map((g) => [g.code, g.gap])).toEqual([
      ['DIST-BJ', 15],
      ['HOSP-SH1', 5],
    ]);
    const state = await t.db.query<{ state: string; version: number }>('SELECT state, version FROM recall_cases WHERE id = $1', [caseId]);
    expect(state.rows[0]).toEqual({ state: 'recovering', version });
    // The case still holds its lot.
    expect(await count('SELECT 1 FROM recall_holds WHERE case_id = $1', [caseId])).toBe(1);
  });

  it('does not take an explanation on a wrong password, nor for a consignee whose figures add up', async () => {
    const wrong = await app.request(`/api/recalls/${caseId}/gap-explanations`, json('POST', { customerCode: 'HOSP-SH1', explanation: 'used', meaning: 'approved', password: 'nope' }, qa));
    expect(wrong.status).toBe(403);
    expect(await count('SELECT 1 FROM recall_gap_explanations')).toBe(0);
    const stranger = await app.request(`/api/recalls/${caseId}/gap-explanations`, json('POST', { customerCode: 'EXPORT-EU', explanation: 'n/a', meaning: 'approved', password }, qa));
    expect(stranger.status).toBe(422);
  });

  it('still refuses while one gap is unexplained, then closes once each gap is explained and signed', async () => {
    const hosp = await app.request(`/api/recalls/${caseId}/gap-explanations`, json('POST', { customerCode: 'HOSP-SH1', explanation: '5 units used on patients before the notice; no adverse events', meaning: 'approved', password }, qa));
    expect(hosp.status).toBe(201);
    expect(((await hosp.json()) as { consignee: Consignee }).consignee).toMatchObject({ gap: 5, open: false, explained: { signerName: '陈静 (QA)' } });
    const still = await step('closed', 'approved');
    expect(still.status).toBe(409);
    expect((((await still.json()) as ErrorBody).error.details?.gaps as { code: string }[]).map((g) => g.code)).toEqual(['DIST-BJ']);

    const dist = await app.request(`/api/recalls/${caseId}/gap-explanations`, json('POST', { customerCode: 'DIST-BJ', explanation: 'Clinic Haidian confirmed 15 used; letter on file', meaning: 'approved', password }, supervisor));
    expect(dist.status).toBe(201);
    expect((await reconciliation()).closable).toBe(true);
    const closed = await step('closed', 'approved');
    expect(closed.status).toBe(200);
    const entry = await t.db.query<{ after: { reconciliation: { shipped: number; accounted: number; consignees: { code: string; gap: number; explained: boolean }[] } } }>(
      `SELECT after FROM audit_log WHERE action = 'recall.state' AND entity_id = $1 AND after->>'state' = 'closed'`,
      [caseId],
    );
    expect(entry.rows[0]!.after.reconciliation).toMatchObject({ shipped: 250, accounted: 230, consignees: [{ code: 'DIST-BJ', gap: 15, explained: true }, { code: 'HOSP-SH1', gap: 5, explained: true }] });
    expect(await audited('recall.gap_explained')).toBe(2);
  });

  it('records nothing more once the case is closed', async () => {
    const res = await app.request(`/api/recalls/${caseId}/replies`, json('POST', { customerCode: 'DIST-BJ', onHand: 65, returned: 0, destroyed: 0, corrected: 0 }, qa));
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.code).toBe('case_not_recovering');
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
