import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpDoc } from '../../sync';
import { verifyAuditChain } from '../audit';
import { loadDemoData } from '../seed/demo';
import { json, signIn, testApp, type TestApp } from '../test-support/app';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { enrolAndSignIn, newOp, pullCollection, pushOpsAs, type Handheld } from '../test-support/handheld';

/**
 * A handheld enrolled again (its enrolment revoked, or its token replaced) is the same handheld:
 * it records that its new enrolment replaces the previous one by showing both tokens, and the ops
 * it queued under the previous device id are then its own when it sends them.
 */

let t: TestDb;
let app: TestApp;
let password: string;
let supervisor: string;

const SYRINGE = '06901234000016';

beforeAll(async () => {
  t = await openTestDb('re_enrolment');
  app = await testApp(t.db);
  password = (await loadDemoData(t.db, { password: 'demo-pass-1' })).password!;
  supervisor = await signIn(app, 'supervisor', password);
}, 120_000);
afterAll(() => t.close());

const tokenOf = (device: Handheld) => device.headers['x-lotline-device']!;
const replace = (device: Handheld, previousToken: string, headers: Record<string, string> = device.headers) =>
  app.request('/api/devices/replace', { method: 'POST', headers, body: JSON.stringify({ previousToken }) });
const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string } }).error });

async function revoke(device: Handheld): Promise<void> {
  const res = await app.request(`/api/devices/${device.deviceId}/revoke`, json('POST', { reason: 'token shown on a photo of the dock' }, supervisor));
  expect(res.status).toBe(200);
}

async function lineOf(deviceId: string): Promise<{ replaces: string | null; revoked: boolean; version: number }> {
  const r = await t.db.query<{ replaces_device_id: string | null; revoked_at: Date | null; version: number }>('SELECT replaces_device_id, revoked_at, version FROM devices WHERE id = $1', [deviceId]);
  const row = r.rows[0]!;
  return { replaces: row.replaces_device_id, revoked: row.revoked_at !== null, version: row.version };
}

const replacesAudited = (deviceId: string) =>
  t.db.query<{ actor_name: string; device_id: string; after: { replacesDeviceId: string } }>("SELECT actor_name, device_id, after FROM audit_log WHERE action = 'device.replaces' AND entity_id = $1", [deviceId]);

describe(`recording a re-enrolment (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('records that the new enrolment replaces the revoked one, once and on the record; asking again answers the same and writes nothing', async () => {
    const old = await enrolAndSignIn(app, 'TC52 dock 3 (2024)', 'clerk', password);
    await revoke(old);
    const renewed = await enrolAndSignIn(app, 'TC52 dock 3', 'clerk', password);

    const first = await replace(renewed, tokenOf(old));
    expect(first.status).toBe(200);
    const body = (await first.json()) as { device: { id: string; replacesDeviceId: string | null }; previous: { id: string; revokedAt: string | null } };
    expect(body.device).toMatchObject({ id: renewed.deviceId, replacesDeviceId: old.deviceId });
    expect(body.previous).toMatchObject({ id: old.deviceId, revokedAt: expect.any(String) });
    const audited = await replacesAudited(renewed.deviceId);
    expect(audited.rows).toEqual([{ actor_name: 'clerk', device_id: renewed.deviceId, after: expect.objectContaining({ replacesDeviceId: old.deviceId }) }]);
    const recorded = await lineOf(renewed.deviceId);

    const again = await replace(renewed, tokenOf(old));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(body);
    expect((await replacesAudited(renewed.deviceId)).rows).toHaveLength(1);
    expect(await lineOf(renewed.deviceId)).toEqual(recorded);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('revokes a previous enrolment that was still active and ends its sessions, on the record', async () => {
    const old = await enrolAndSignIn(app, 'TC21 cold room', 'picker', password);
    const renewed = await enrolAndSignIn(app, 'TC21 cold room (new token)', 'picker', password);
    expect((await replace(renewed, tokenOf(old))).status).toBe(200);

    expect(await lineOf(old.deviceId)).toMatchObject({ replaces: null, revoked: true });
    const pull = await app.request('/api/sync/lots/pull?limit=1', { headers: old.headers });
    expect(await errorOf(pull)).toMatchObject({ status: 401, code: 'device_revoked' });
    const revoked = await t.db.query<{ actor_name: string; reason: string }>("SELECT actor_name, reason FROM audit_log WHERE action = 'device.revoked' AND entity_id = $1", [old.deviceId]);
    expect(revoked.rows).toEqual([{ actor_name: 'picker', reason: `replaced by enrolment TC21 cold room (new token) (${renewed.deviceId})` }]);
  });

  it('refuses, with a code and nothing written: an unknown or malformed token, its own token, no device, or another device', async () => {
    const renewed = await enrolAndSignIn(app, 'TC52 refusals', 'clerk', password);
    const other = await enrolAndSignIn(app, 'TC52 other', 'clerk', password);
    const unknown = `dev_${randomBytes(32).toString('base64url')}`;
    const { 'x-lotline-device': _token, ...withoutDevice } = renewed.headers;
    const console = await signIn(app, 'clerk', password);
    const cases: [string, () => Response | Promise<Response>, number, string][] = [
      ['unknown token', () => replace(renewed, unknown), 422, 'previous_device_unknown'],
      ['not a token', () => replace(renewed, 'ses_not-a-device-token'), 400, 'invalid_request'],
      ['its own token', () => replace(renewed, tokenOf(renewed)), 422, 'same_device'],
      ['no device token', () => replace(renewed, tokenOf(other), withoutDevice), 403, 'device_required'],
      ['a session opened without a device', () => replace(renewed, tokenOf(other), { ...renewed.headers, authorization: `Bearer ${console}` }), 403, 'device_required'],
      ['the token of another device', () => replace(renewed, unknown, { ...renewed.headers, 'x-lotline-device': tokenOf(other) }), 403, 'device_mismatch'],
    ];
    for (const [name, ask, status, code] of cases) expect({ name, ...(await errorOf(await ask())) }).toMatchObject({ name, status, code });
    expect(await lineOf(renewed.deviceId)).toMatchObject({ replaces: null, revoked: false });
    expect(await lineOf(other.deviceId)).toMatchObject({ replaces: null, revoked: false });
    expect((await replacesAudited(renewed.deviceId)).rows).toHaveLength(0);
  });

  it('refuses an enrolment another handheld already replaced, and a second previous enrolment for one that already replaces one', async () => {
    const old = await enrolAndSignIn(app, 'TC52 returned', 'clerk', password);
    await revoke(old);
    const first = await enrolAndSignIn(app, 'TC52 returned, first claim', 'clerk', password);
    const second = await enrolAndSignIn(app, 'TC52 returned, second claim', 'clerk', password);
    expect((await replace(first, tokenOf(old))).status).toBe(200);

    expect(await errorOf(await replace(second, tokenOf(old)))).toMatchObject({ status: 409, code: 'device_already_replaced' });
    expect(await errorOf(await replace(first, tokenOf(second)))).toMatchObject({ status: 409, code: 'device_replaces_another' });
    expect(await lineOf(first.deviceId)).toMatchObject({ replaces: old.deviceId });
    // Nothing half-written: the enrolment the refused request named is still live and unlinked.
    expect(await lineOf(second.deviceId)).toMatchObject({ replaces: null, revoked: false });
    expect((await replacesAudited(second.deviceId)).rows).toHaveLength(0);
  });

  it('two enrolments claiming each other at once make one link, never a circle; the replaced one cannot turn the line around', async () => {
    const a = await enrolAndSignIn(app, 'TC52 twin A', 'clerk', password);
    const b = await enrolAndSignIn(app, 'TC52 twin B', 'clerk', password);
    const answers = await Promise.all([replace(a, tokenOf(b)), replace(b, tokenOf(a))]);
    const ok = answers.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    const refused = await errorOf(answers.find((r) => r.status !== 200)!);
    expect(['device_revoked', 'replacement_cycle']).toContain(refused.code);

    const links = [await lineOf(a.deviceId), await lineOf(b.deviceId)];
    expect(links.filter((l) => l.replaces !== null)).toHaveLength(1);
    const [winner, loser] = links[0]!.replaces ? [a, b] : [b, a];
    expect(await errorOf(await replace(loser, tokenOf(winner)))).toMatchObject({ status: 401, code: 'device_revoked' });
    expect(await lineOf(loser.deviceId)).toMatchObject({ replaces: null, revoked: true });
  });
});

describe(`ops queued under a replaced enrolment (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it("are rejected as another device's while the re-enrolment is not recorded, and applied once it is, credited to who signed in on the old one", async () => {
    const old = await enrolAndSignIn(app, 'TC52 receiving', 'clerk', password);
    // The picker also signed in on the old enrolment, and queued work there.
    const picker = await app.request('/api/auth/login', { ...json('POST', { username: 'picker', password }), headers: { 'content-type': 'application/json', 'x-lotline-device': tokenOf(old) } });
    const pickerId = ((await picker.json()) as { user: { id: string } }).user.id;
    const receipt = (lotNumber: string) => newOp(old, 'receive', { gtin: SYRINGE, lotNumber, qty: 10, locationCode: 'RCV-01' });
    const early = receipt('CHAIN-0');
    const clerks = receipt('CHAIN-1');
    const pickers = { ...receipt('CHAIN-2'), userId: pickerId };
    await revoke(old);
    const renewed = await enrolAndSignIn(app, 'TC52 receiving (enrolled again)', 'clerk', password);

    await pushOpsAs(app, renewed, [early]);
    const refused = await t.db.query<{ status: string; outcome: { message: string } }>('SELECT status, outcome FROM ops WHERE id = $1', [early.id]);
    expect(refused.rows[0]).toMatchObject({ status: 'rejected', outcome: { message: 'this op belongs to another device' } });

    expect((await replace(renewed, tokenOf(old))).status).toBe(200);
    expect(await pushOpsAs(app, renewed, [clerks, pickers])).toEqual([]);
    const stored = await t.db.query<{ id: string; status: string; device_id: string; user_id: string }>('SELECT id, status, device_id, user_id FROM ops WHERE id = ANY($1::uuid[]) ORDER BY id', [[clerks.id, pickers.id]]);
    expect(stored.rows).toEqual(
      [
        { id: clerks.id, status: 'applied', device_id: renewed.deviceId, user_id: old.userId },
        { id: pickers.id, status: 'applied', device_id: renewed.deviceId, user_id: pickerId },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    const booked = await t.db.query<{ lot_number: string; qty: number }>("SELECT l.lot_number, m.qty::int AS qty FROM stock_moves m JOIN lots l ON l.id = m.lot_id WHERE m.op_id = ANY($1::uuid[]) ORDER BY l.lot_number", [[clerks.id, pickers.id, early.id]]);
    expect(booked.rows).toEqual([
      { lot_number: 'CHAIN-1', qty: 10 },
      { lot_number: 'CHAIN-2', qty: 10 },
    ]);
    // The handheld gets its ops back with their outcomes under the new enrolment.
    const pulled = await pullCollection<OpDoc>(app, renewed, 'ops');
    expect(pulled.filter((d) => d.id === clerks.id || d.id === pickers.id).map((d) => [d.deviceId, d.status])).toEqual([
      [renewed.deviceId, 'applied'],
      [renewed.deviceId, 'applied'],
    ]);
  });
});
