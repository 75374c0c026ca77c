import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LotDoc, RecallCaseDoc } from '../../sync';
import { ADMIN_PASSWORD, bearer, json, signIn, type TestApp } from '../test-support/app';
import type { TestDb } from '../test-support/db';
import { openDemoPlant, type DemoPlant } from '../test-support/demo-plant';
import { enrolAndSignIn, newOp, pullCollection, pushOpsAs, type Handheld } from '../test-support/handheld';

const SYRINGE = '06901234000016';

let t: TestDb;
let app: TestApp;
let password: string;
let count: DemoPlant['count'];
let release: DemoPlant['release'];
let openCase: DemoPlant['openCase'];
let qa: string;
let picker: string;
let dock: Handheld;
let early: Handheld;
let late: Handheld;
let stale: Handheld;
let revoked: Handheld;
let caseId: string;
let caseNumber: string;

interface Page<Doc> {
  documents: (Doc & { _deleted: boolean })[];
  checkpoint: { xid: string; id: string } | null;
}
interface HoldDevices {
  case: { number: string; lots: number; heldAt: string | null };
  devices: { id: string; name: string; state: string; acknowledgedAt: string | null; lastSeenAt: string | null }[];
  has: number;
  missing: number;
}


async function pullPage<Doc>(device: Handheld, collection: string, checkpoint: Page<Doc>['checkpoint'], options: { limit?: number; stored?: boolean } = {}): Promise<Page<Doc>> {
  const query = new URLSearchParams({ limit: String(options.limit ?? 500) });
  if (checkpoint) {
    query.set('xid', checkpoint.xid);
    query.set('id', checkpoint.id);
    if (options.stored) query.set('stored', 'true');
  }
  const res = await app.request(`/api/sync/${collection}/pull?${query}`, { headers: device.headers });
  expect(res.status).toBe(200);
  return (await res.json()) as Page<Doc>;
}

/** Pulls the lots as the handheld does: page after page, then once more from the stored end. */
async function pullLotsToEnd(device: Handheld, from: Page<LotDoc>['checkpoint'] = null): Promise<{ docs: LotDoc[]; checkpoint: Page<LotDoc>['checkpoint'] }> {
  const docs: LotDoc[] = [];
  let checkpoint = from;
  for (;;) {
    const page = await pullPage<LotDoc>(device, 'lots', checkpoint, { stored: true });
    docs.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length === 0) return { docs, checkpoint };
  }
}

const holdDevices = async (token = qa, id = caseId) => {
  const res = await app.request(`/api/recalls/${id}/devices`, bearer(token));
  return { status: res.status, body: (await res.json()) as HoldDevices & { error?: { code: string } } };
};
const stateOf = (body: HoldDevices, device: Handheld) => body.devices.find((d) => d.id === device.deviceId)?.state;

let staleCheckpoint: Page<LotDoc>['checkpoint'];

beforeAll(async () => {
  ({ t, app, password, qa, picker, count, release, openCase } = await openDemoPlant('recall_hold_acks'));
  dock = await enrolAndSignIn(app, 'Returns dock', 'clerk', password);
  early = await enrolAndSignIn(app, 'Early scanner', 'picker', password);
  late = await enrolAndSignIn(app, 'Late scanner', 'picker', password);
  stale = await enrolAndSignIn(app, 'Stale scanner', 'picker', password);
  revoked = await enrolAndSignIn(app, 'Lost scanner', 'picker', password);
  await pushOpsAs(app, dock, [
    newOp(dock, 'receive', { gtin: SYRINGE, lotNumber: 'HA-SYR1', qty: 300, locationCode: 'B-02-01', expiresOn: '2029-01-01' }),
    newOp(dock, 'receive', { gtin: SYRINGE, lotNumber: 'HA-SYR2', qty: 40, locationCode: 'B-02-01', expiresOn: '2029-01-01' }),
  ]);
  await release('HA-SYR1');
  await release('HA-SYR2');
  await pushOpsAs(app, dock, [
    newOp(dock, 'ship', { customerCode: 'HOSP-SH1', lines: [{ gtin: SYRINGE, lotNumber: 'HA-SYR1', qty: 120, fromLocationCode: 'B-02-01' }] }),
    newOp(dock, 'ship', { customerCode: 'DIST-BJ', lines: [{ gtin: SYRINGE, lotNumber: 'HA-SYR1', qty: 60, fromLocationCode: 'B-02-01' }] }),
  ]);
  // Every handheld has the lots as they were before the recall.
  for (const device of [dock, early, late, stale, revoked]) await pullLotsToEnd(device);
  staleCheckpoint = (await pullLotsToEnd(stale)).checkpoint;
  const admin = await signIn(app, 'admin', ADMIN_PASSWORD);
  expect((await app.request(`/api/devices/${revoked.deviceId}/revoke`, json('POST', { reason: 'lost on the dock' }, admin))).status).toBe(200);
  // Every device was last seen a minute before the recall.
  await t.db.query("UPDATE devices SET last_seen_at = now() - interval '1 minute'");

  const opened = await openCase({ kind: 'lot', lotNumber: 'HA-SYR1', gtin: SYRINGE });
  caseId = opened.id;
  caseNumber = opened.number;
});
afterAll(() => t.close());

describe('recall cases on the handheld', () => {
  it('replicates the open case with its consignees, and each held lot names its case', async () => {
    const cases = await pullCollection<RecallCaseDoc>(app, dock, 'recalls');
    const live = cases.filter((c) => !c._deleted);
    expect(live.map((c) => [c.number, c.state, c.consignees.map((x) => x.code)])).toEqual([[caseNumber, 'open', ['DIST-BJ', 'HOSP-SH1']]]);
    expect(live[0]!.consignees[0]).toMatchObject({ code: 'DIST-BJ', name: expect.any(String), id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const lots = await pullCollection<LotDoc>(app, dock, 'lots');
    const latest = (n: string) => lots.filter((l) => l.lotNumber === n).at(-1)!;
    expect([latest('HA-SYR1').status, latest('HA-SYR1').recallCase]).toEqual(['recalled', caseNumber]);
    expect(latest('HA-SYR2').recallCase).toBeNull();
    // The case itself names the lots it made recalled, so a device holds them before it pulls them.
    expect(live[0]!.heldLots).toEqual([latest('HA-SYR1').id]);
  });

  it('names no held lots on a drill, which holds nothing', async () => {
    const drill = await openCase({ kind: 'lot', lotNumber: 'HA-SYR2', gtin: SYRINGE }, { drill: true });
    const cases = await pullCollection<RecallCaseDoc>(app, dock, 'recalls');
    const latest = (id: string) => cases.filter((c) => c.id === id).at(-1)!;
    expect(latest(drill.id)._deleted).toBe(true);
    expect(latest(drill.id).heldLots).toEqual([]);
    expect(latest(caseId).heldLots).toHaveLength(1);
  });
});

describe('devices acknowledging the holds', () => {
  it('lists every active device; none has the hold before it pulls the lots again', async () => {
    const { status, body } = await holdDevices();
    expect(status).toBe(200);
    expect(body.case).toMatchObject({ number: caseNumber, lots: 1, heldAt: expect.any(String) });
    expect(body.devices.map((d) => d.name)).not.toContain('Lost scanner');
    // The dock has pulled since, without reaching the end of the lots; the others have not been in touch.
    expect(stateOf(body, dock)).toBe('catching_up');
    expect(stateOf(body, early)).toBe('not_synced');
    expect(stateOf(body, late)).toBe('not_synced');
    expect(body.has).toBe(0);
    expect(body.missing).toBe(body.devices.length);
  });

  it('takes a page that brought the hold, not yet stored, as no acknowledgement', async () => {
    // The device asks from before the hold: the answer holds the recalled lot, which it has yet to store.
    const page = await pullPage<LotDoc>(stale, 'lots', staleCheckpoint, { stored: true });
    expect(page.documents.map((d) => d.lotNumber)).toContain('HA-SYR1');
    // A page fetched ahead, its checkpoint not yet stored, is no acknowledgement either.
    expect((await pullPage<LotDoc>(stale, 'lots', page.checkpoint)).documents).toEqual([]);
    expect(stateOf((await holdDevices()).body, stale)).toBe('catching_up');
    expect(await count('SELECT 1 FROM recall_hold_acks WHERE device_id = $1', [stale.deviceId])).toBe(0);
  });

  it('records a device that pulled past every held lot as having the hold, once', async () => {
    const before = Date.now();
    await pullLotsToEnd(early);
    await pullLotsToEnd(early);
    const { body } = await holdDevices();
    const row = body.devices.find((d) => d.id === early.deviceId)!;
    expect(row.state).toBe('has_hold');
    expect(Date.parse(row.acknowledgedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(stateOf(body, late)).toBe('not_synced');
    expect(body.has).toBe(1);
    expect(await count('SELECT 1 FROM recall_hold_acks WHERE case_id = $1 AND device_id = $2', [caseId, early.deviceId])).toBe(1);
  });

  it('waits for a held lot changed again after the hold to be pulled in its new version', async () => {
    const { checkpoint } = await pullLotsToEnd(late, null);
    // The late device stops at the end of the lots as they are now: acknowledged.
    expect(stateOf((await holdDevices()).body, late)).toBe('has_hold');
    // The held lot changes again; a device whose checkpoint is before the new version has not acknowledged.
    await t.db.query("UPDATE lots SET updated_at = now() WHERE lot_number = 'HA-SYR1'");
    await pullPage<LotDoc>(stale, 'lots', checkpoint, { stored: true });
    expect(stateOf((await holdDevices()).body, stale)).toBe('catching_up');
    await pullLotsToEnd(stale, checkpoint);
    expect(stateOf((await holdDevices()).body, stale)).toBe('has_hold');
  });

  it.each([
    ['a picker', () => picker, () => caseId, 403, 'forbidden'],
    ['a case that does not exist', () => qa, () => '00000000-0000-4000-8000-000000000000', 404, 'not_found'],
    ['an id that is no id', () => qa, () => 'RC-1', 400, 'invalid_request'],
  ])('refuses %s', async (_, token, id, status, code) => {
    const res = await holdDevices(token(), id());
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
  });
});

describe('a recall return sent by the handheld', () => {
  it('is booked once into quarantine and counted for the case when the same op arrives twice at once', async () => {
    const op = newOp(dock, 'return', { gtin: SYRINGE, lotNumber: 'HA-SYR1', customerCode: 'HOSP-SH1', qty: 12, toLocationCode: 'QA-HOLD', reason: 'recall return', recallCase: caseNumber });
    await Promise.all([pushOpsAs(app, dock, [op]), pushOpsAs(app, dock, [op])]);
    expect((await t.db.query('SELECT case_id, in_scope, flag, qty::float8 AS qty FROM recall_returns WHERE op_id = $1', [op.id])).rows).toEqual([{ case_id: caseId, in_scope: true, flag: null, qty: 12 }]);
    expect(await count('SELECT 1 FROM customer_returns WHERE op_id = $1', [op.id])).toBe(1);
    expect(await count('SELECT 1 FROM stock_moves WHERE op_id = $1', [op.id])).toBe(1);
    const rec = await app.request(`/api/recalls/${caseId}/reconciliation`, bearer(qa));
    const consignees = ((await rec.json()) as { reconciliation: { consignees: { code: string; returned: number }[] } }).reconciliation.consignees;
    expect(consignees.find((c) => c.code === 'HOSP-SH1')!.returned).toBe(12);
  });

  it('keeps a return of a lot outside the scope, scanned against the case, flagged', async () => {
    const op = newOp(dock, 'return', { gtin: SYRINGE, lotNumber: 'HA-SYR2', customerCode: 'HOSP-SH1', qty: 3, toLocationCode: 'QA-HOLD', recallCase: caseNumber });
    await pushOpsAs(app, dock, [op]);
    expect((await t.db.query('SELECT in_scope, flag FROM recall_returns WHERE op_id = $1', [op.id])).rows).toEqual([{ in_scope: false, flag: 'lot_not_in_scope' }]);
  });
});
