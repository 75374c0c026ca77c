import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo';
import { bearer, json, signIn, testApp, type TestApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, newOp, pushOpsAs, type Handheld } from '../test-support/handheld';

/**
 * An op is credited to a user who signed in on the handheld that sent it, never to whatever id
 * the device writes; and a device learns nothing about another device's ops by sending their ids.
 */

let t: TestDb;
let app: TestApp;
let password: string;
let supervisor: string;

const SYRINGE = '06901234000016';

const userId = async (username: string) => (await t.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username])).rows[0]!.id;

async function signInOn(device: Handheld, username: string): Promise<void> {
  const res = await app.request('/api/auth/login', { ...json('POST', { username, password }), headers: { 'content-type': 'application/json', 'x-lotline-device': device.headers['x-lotline-device']! } });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  t = await openTestDb('push_attribution');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  supervisor = await signIn(app, 'supervisor', password);
}, 120_000);
afterAll(() => t.close());

describe(`who an op is credited to (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it("refuses a picker's op credited to admin, who never signed in on that handheld: nothing booked, the ops list says why", async () => {
    const picker = await enrolAndSignIn(app, 'TC52 attribution', 'picker', password);
    const forged = { ...newOp(picker, 'receive', { gtin: SYRINGE, lotNumber: 'FORGED-1', qty: 50, locationCode: 'RCV-01' }), userId: await userId('admin') };
    await pushOpsAs(app, picker, [forged]);

    const stored = await t.db.query<{ status: string; user_id: string; outcome: unknown }>('SELECT status, user_id, outcome FROM ops WHERE id = $1', [forged.id]);
    expect(stored.rows[0]).toMatchObject({ status: 'rejected', user_id: picker.userId, outcome: { problems: [{ code: 'unattributable_user' }] } });
    const moves = await t.db.query('SELECT 1 FROM stock_moves WHERE op_id = $1', [forged.id]);
    expect(moves.rows).toHaveLength(0);
    const lot = await t.db.query("SELECT 1 FROM lots WHERE lot_number = 'FORGED-1'");
    expect(lot.rows).toHaveLength(0);

    const listed = (await (await app.request(`/api/ops?deviceId=${picker.deviceId}`, bearer(supervisor))).json()) as { ops: { id: string; username: string; status: string; problems: { code: string }[] }[] };
    const row = listed.ops.find((o) => o.id === forged.id);
    expect(row).toMatchObject({ username: 'picker', status: 'rejected', problems: [{ code: 'unattributable_user' }] });
    const credited = await t.db.query("SELECT 1 FROM audit_log WHERE actor_name = 'admin' AND entity_id = $1", [forged.id]);
    expect(credited.rows).toHaveLength(0);
  });

  it('credits an op to another user who signed in on the same handheld (their queue is pushed under the next session)', async () => {
    const picker = await enrolAndSignIn(app, 'TC52 shared', 'picker', password);
    await signInOn(picker, 'clerk');
    const clerksOp = { ...newOp(picker, 'receive', { gtin: SYRINGE, lotNumber: 'SHARED-1', qty: 5, locationCode: 'RCV-01' }), userId: await userId('clerk') };
    const [answer] = await pushOpsAs(app, picker, [clerksOp]);
    expect(answer).toBeUndefined();
    const stored = await t.db.query<{ status: string; user_id: string }>('SELECT status, user_id FROM ops WHERE id = $1', [clerksOp.id]);
    expect(stored.rows[0]).toEqual({ status: 'applied', user_id: await userId('clerk') });
    const move = await t.db.query<{ actor_id: string }>('SELECT actor_id FROM stock_moves WHERE op_id = $1', [clerksOp.id]);
    expect(move.rows[0]?.actor_id).toBe(await userId('clerk'));
  });

  it("answers a replayed op id of another device with a bare conflict, never that device's op", async () => {
    const owner = await enrolAndSignIn(app, 'TC52 owner', 'clerk', password);
    const mine = newOp(owner, 'receive', { gtin: SYRINGE, lotNumber: 'SECRET-LOT', qty: 7, locationCode: 'RCV-01', supplier: 'Confidential supplier' });
    await pushOpsAs(app, owner, [mine]);

    const other = await enrolAndSignIn(app, 'TC52 replayer', 'picker', password);
    const replay = { ...newOp(other, 'move', { gtin: SYRINGE, lotNumber: 'X', qty: 1, fromLocationCode: 'RCV-01', toLocationCode: 'A-01-01' }), id: mine.id };
    const answers = await pushOpsAs(app, other, [replay]);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ id: mine.id, deviceId: other.deviceId, status: 'rejected', outcome: { problems: [{ code: 'op_id_taken', params: {} }] } });
    expect(JSON.stringify(answers)).not.toMatch(/SECRET-LOT|Confidential|RCV-01.*receive|receive/);
    const stored = await t.db.query<{ device_id: string; status: string }>('SELECT device_id, status FROM ops WHERE id = $1', [mine.id]);
    expect(stored.rows[0]).toEqual({ device_id: owner.deviceId, status: 'applied' });
    const audited = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'op.id_taken' AND entity_id = $1 AND device_id = $2", [mine.id, other.deviceId]);
    expect(audited.rows).toHaveLength(1);
  });
});

